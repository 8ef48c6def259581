"""The demo lab: loads resources/demo/lab.json (a real lab's 2022-2024 news) into a database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from labnews.core import inputs
from labnews.core.errors import LabnewsError
from labnews.core.records import AchievementLink, Change, PaperLink, YearMonth
from labnews.core.snapshots import venue_input
from labnews.resources import resource
from labnews.store import commands, queries, settings
from labnews.store.models import Achievement, Member, Paper


def read_demo() -> dict[str, Any]:
    with open(resource("demo", "lab.json"), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def load_demo(session: Session, *, force: bool = False) -> Change:
    """Load the demo lab; a database that already holds papers is refused unless ``force``,
    which replaces its papers, achievements and members."""
    existing = session.scalar(select(func.count()).select_from(Paper)) or 0
    if existing and not force:
        raise LabnewsError(
            f"this database already holds {existing} papers; use --force to replace them "
            "with the demo lab"
        )
    if force:
        session.execute(delete(Paper))
        session.execute(delete(Achievement))
        session.execute(delete(Member))
    data = read_demo()
    # The page's own spelling of some venues' full names ("... Workshop", "Empirical Methods
    # in Natural Language Processing"): the publication list prints them.
    for spelling in data.get("venues", ()):
        venue = queries.find_venue(session, spelling["short"])
        commands.update_venue(session, venue.id, replace(venue_input(venue), full=spelling["full"]))
    for member in data["members"]:
        commands.add_member(
            session,
            inputs.MemberInput(
                name=member["name"],
                native=member.get("native"),
                aliases=tuple(member.get("aliases", ())),
                role=member.get("role", "other"),
                in_news=member.get("in_news", True),
            ),
        )
    directory = queries.member_directory(session)
    pi = next(m for m in directory.members if m.role == "pi")

    def author(name: str) -> inputs.AuthorInput:
        match = directory.find(name)
        return inputs.AuthorInput(name=name, member_id=match.member.id if match else None)

    def member_id(name: str) -> int:
        match = directory.find(name)
        if match is None:
            raise LabnewsError(f"the demo data names {name!r}, who is not among its members")
        return match.member.id

    for paper in data["papers"]:
        # Without "featured", the first member author listed in news (none: the PI alone).
        featured: inputs.FeaturedChoice = (
            member_id(paper["featured"]) if "featured" in paper else inputs.AUTO
        )
        names = paper.get("authors") or [paper["featured"], pi.name]
        commands.add_paper(
            session,
            inputs.PaperInput(
                venue=paper["venue"],
                year=paper["year"],
                news=YearMonth.parse(paper["month"]),
                title=paper.get("title", ""),
                authors=tuple(author(n) for n in names),
                featured=featured,
                doi=paper.get("doi"),
                arxiv=paper.get("arxiv"),
                links=tuple(PaperLink(label, url) for label, url in paper.get("links", ())),
            ),
        )
    for item in data.get("achievements", ()):
        commands.add_achievement(session, _achievement(item, member_id))
    for year, labels in data.get("pinned", {}).items():
        commands.pin_order(session, int(year), labels)
    rules = queries.tally_rules(session)
    for year, name in data.get("workshop_lines", {}).items():
        rules = rules.with_workshop_lines(int(year), name)
    commands.set_rules(session, rules)
    settings.set_setting_text(session, settings.LAB_NAME, data["lab"])
    count = len(data["papers"])
    return Change(
        f"Loaded the demo lab: {count} papers, {len(data['members'])} members",
        frozenset({"paper", "member", "achievement", "settings"}),
    )


def _achievement(item: dict[str, Any], member_id: Callable[[str], int]) -> inputs.AchievementInput:
    """An achievement of the demo data: a project or talk known to the year only is dated
    "2022" (kept as January, so it sorts after the year's dated ones)."""
    year_only = len(item["date"]) == 4
    return inputs.AchievementInput(
        kind=item["kind"],
        title=item["title"],
        date=YearMonth(int(item["date"]), 1) if year_only else YearMonth.parse(item["date"]),
        year_only=year_only,
        members=tuple(member_id(n) for n in item.get("members", ())),
        organisation=item.get("organisation"),
        url=item.get("url"),
        sentence=item.get("sentence"),
        end_year=item.get("end_year"),
        role=item.get("role"),
        description=item.get("description"),
        rank=item.get("rank"),
        teams=item.get("teams"),
        in_news=item.get("in_news", True),
        links=tuple(
            AchievementLink(link["kind"], link["url"], link.get("label"))
            for link in item.get("links", ())
        ),
    )
