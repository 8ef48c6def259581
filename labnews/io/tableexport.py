"""Export papers, members, venues and achievements as CSV (one table) or JSON (all of them)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from labnews.core.errors import AmbiguousNameError, ValidationError
from labnews.core.names import MemberDirectory
from labnews.core.paperdata import NEWS_KEY, paper_to_dict
from labnews.core.records import (
    AchievementRecord,
    AuthorRecord,
    MemberRecord,
    PaperRecord,
    VenueRecord,
)
from labnews.core.sections import links_text
from labnews.io.tables import (
    COLUMNS,
    EQUAL_MARK,
    FORMAT,
    LINES,
    MEMBER_MARK,
    SEPARATOR,
    TABLES,
    VERSION,
    cell,
    links_cell,
)
from labnews.store import queries


def export_csv(session: Session, table: str, years: Iterable[int] | None) -> str:
    """One table as CSV: a header row of field names, then one row per record.

    With ``years``, papers and achievements of those news years, and the members and venues
    they name. The CLI writes it as UTF-8 with a BOM, so Excel opens Hangul names correctly.
    """
    if table not in COLUMNS:
        raise ValidationError(
            f"table must be one of {', '.join(TABLES)}, not {table!r}", field="table"
        )
    wanted = sorted(set(years)) if years is not None else None
    rows = _table_rows(session, table, wanted)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS[table])
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in COLUMNS[table]])
    return buffer.getvalue()


def export_json(session: Session, years: Iterable[int] | None) -> str:
    """Everything as one JSON document that ``plan_table`` reads back into the same records."""
    wanted = sorted(set(years)) if years is not None else None
    papers = queries.papers_in(session, wanted)
    achievements = queries.achievements_in(session, wanted)
    rules = queries.tally_rules(session)
    pins = {
        str(year): list(labels)
        for year, labels in sorted(rules.pinned.items())
        if wanted is None or year in wanted
    }
    document = {
        "format": FORMAT,
        "version": VERSION,
        "members": [_member_json(m) for m in _members_of(session, wanted, papers, achievements)],
        "venues": [venue_document(v) for v in _venues_of(session, wanted, papers)],
        "papers": [_paper_json(p) for p in papers],
        "achievements": [_achievement_json(a) for a in achievements],
        "rules": {
            "workshops": rules.workshops,
            "order": rules.order,
            "lines": rules.lines,
            "pinned": pins,
            "conference_years": sorted(
                y for y in rules.conference_years if wanted is None or y in wanted
            ),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _members_of(
    session: Session,
    years: Sequence[int] | None,
    papers: Sequence[PaperRecord],
    achievements: Sequence[AchievementRecord],
) -> tuple[MemberRecord, ...]:
    every = queries.members(session)
    if years is None:
        return every
    named = {a.member_id for p in papers for a in p.authors} | {p.featured_id for p in papers}
    named |= {m.member_id for a in achievements for m in a.members}
    return tuple(m for m in every if m.id in named)


def _venues_of(
    session: Session, years: Sequence[int] | None, papers: Sequence[PaperRecord]
) -> tuple[VenueRecord, ...]:
    every = queries.venues(session)
    if years is None:
        return every
    used = {p.venue_id for p in papers}
    used |= {v.parent_id for v in every if v.id in used and v.parent_id is not None}
    return tuple(v for v in every if v.id in used)


def _table_rows(session: Session, table: str, years: Sequence[int] | None) -> list[dict[str, Any]]:
    if table == "papers":
        directory = queries.member_directory(session)
        return [_paper_row(p, directory) for p in queries.papers_in(session, years)]
    if table == "achievements":
        # A table cell holds the links as lines of text ("video https://youtu.be/...").
        return [
            _achievement_json(a) | {"id": a.id, "links": links_text(a.links)}
            for a in queries.achievements_in(session, years)
        ]
    papers = queries.papers_in(session, years) if years is not None else ()
    if table == "members":
        achievements = queries.achievements_in(session, years) if years is not None else ()
        chosen = _members_of(session, years, papers, achievements)
        return [_member_json(m) | {"id": m.id} for m in chosen]
    return [venue_document(v) | {"id": v.id} for v in _venues_of(session, years, papers)]


def _member_json(member: MemberRecord) -> dict[str, Any]:
    return {
        "name": member.name,
        "native": member.native,
        "aliases": list(member.aliases),
        "role": member.role,
        "in_news": member.in_news,
        "joined": str(member.joined) if member.joined else None,
        "left": str(member.left) if member.left else None,
        "homepage": member.homepage,
        "orcid": member.orcid,
        "note": member.note,
    }


def venue_document(venue: VenueRecord) -> dict[str, Any]:
    """A venue's fields as exports write them (by short names, without database ids)."""
    return {
        "short": venue.short,
        "full": venue.full,
        "kind": venue.kind,
        "parent": venue.parent_short,
        "label": venue.label,
        "month": venue.month,
        "aliases": list(venue.aliases),
        "homepage": venue.homepage,
    }


def _paper_json(paper: PaperRecord) -> dict[str, Any]:
    # The JSON document has named the news month "news" since its first version.
    return {
        ("news" if key == NEWS_KEY else key): value for key, value in paper_to_dict(paper).items()
    }


def _paper_row(paper: PaperRecord, directory: MemberDirectory) -> dict[str, Any]:
    return paper_to_dict(paper) | {
        "id": paper.id,
        "authors": SEPARATOR.join(
            _author_cell(a, directory) + (EQUAL_MARK if a.equal else "") for a in paper.authors
        ),
        "links": links_cell(paper.links),
        "also_presented": LINES.join(paper.also_presented),
    }


def _author_cell(author: AuthorRecord, directory: MemberDirectory) -> str:
    """An author as the papers table writes it: as written, a member marked with ``*``."""
    if not author.is_member:
        return author.written
    try:
        match = directory.find(author.written)
    except AmbiguousNameError:
        match = None
    # A spelling that would not find this member again (renamed since) gives way to the name.
    same = match is not None and match.member.id == author.member_id
    return (author.written if same else author.name) + MEMBER_MARK


def _achievement_json(item: AchievementRecord) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "title": item.title,
        # A date known to the year only is written as the year alone ("2023").
        "date": str(item.date.year) if item.year_only else str(item.date),
        "day": item.day,
        "members": [m.name for m in item.members],
        "organisation": item.organisation,
        "url": item.url,
        "sentence": item.sentence,
        "end_year": item.end_year,
        "role": item.role,
        "description": item.description,
        "rank": item.rank,
        "teams": item.teams,
        "in_news": item.in_news,
        "links": [{"kind": link.kind, "url": link.url, "label": link.label} for link in item.links],
    }
