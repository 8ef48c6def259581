"""The commands that change and show records: add, edit, remove, list, order and rules."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

from labnews.cli.common import PROG, date_arg, lab_session, say, write_change
from labnews.cli.lookup import record_found
from labnews.core.errors import NotFoundError, ValidationError
from labnews.core.inputs import (
    AUTO,
    AchievementInput,
    AuthorInput,
    FeaturedChoice,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.records import (
    DEFAULT_ROLE,
    ROLE_WORDS,
    AchievementRecord,
    Change,
    MemberRecord,
    PaperLink,
    PaperRecord,
    VenueRecord,
    YearMonth,
    venue_edition,
)
from labnews.core.snapshots import paper_input


def _resolve_authors(session: Any, names: Sequence[str]) -> tuple[AuthorInput, ...]:
    """Authors that match a member become that member (said on stderr); others stay plain."""
    from labnews.core.names import clean_name
    from labnews.store import queries

    directory = queries.member_directory(session)
    authors = []
    for index, raw in enumerate(names, start=1):
        name = clean_name(raw, field=f"author {index}")
        match = directory.find(name, field=f"author {index}")
        if match is None:
            authors.append(AuthorInput(name=name))
        else:
            if match.member.name != name:
                say(f"labnews: author {name!r} is member {match.member.name}")
            authors.append(AuthorInput(name=name, member_id=match.member.id))
    return tuple(authors)


def _featured_choice(session: Any, name: str | None) -> FeaturedChoice:
    from labnews.store import queries

    if name is None:
        return AUTO
    if name.strip().lower() in {"none", "-"}:
        return None
    return queries.find_member(session, name, field="featured").id


def _links(values: Sequence[str]) -> tuple[PaperLink, ...]:
    """``--link LABEL=URL`` values as links, in the order given."""
    links = []
    for value in values:
        label, sep, url = value.partition("=")
        if not sep or not label.strip() or not url.strip():
            raise ValidationError(f"--link must look like LABEL=URL, not {value!r}", field="links")
        links.append(PaperLink(label.strip(), url.strip()))
    return tuple(links)


def _accepted(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"--accepted must look like YYYY-MM-DD, not {text!r}", field="accepted"
        ) from None


def _mark_equal(authors: tuple[AuthorInput, ...], names: Sequence[str]) -> tuple[AuthorInput, ...]:
    """The authors with those named by ``--equal`` marked as equal contributions."""
    from labnews.core.names import name_key

    wanted = {name_key(n) for n in names}
    found = {name_key(a.name) for a in authors} & wanted
    missing = [n for n in names if name_key(n) not in found]
    if missing:
        raise ValidationError(f"--equal {missing[0]!r} is not one of the authors", field="equal")
    return tuple(
        dataclasses.replace(a, equal=a.equal or name_key(a.name) in wanted) for a in authors
    )


_PAPER_OPTIONS_AS_GIVEN: Final = tuple("venue year presentation doi arxiv url code project".split())
"""The paper options that are the PaperInput field of the same name, as given."""


def _paper_input(session: Any, args: argparse.Namespace, base: PaperRecord | None) -> PaperInput:
    """A PaperInput from the options; on edit, options not given keep the paper's values."""
    if base is None:
        authors = _resolve_authors(session, args.author or ())
        if args.equal:
            authors = _mark_equal(authors, args.equal)
        featured = _featured_choice(session, args.featured)
        return PaperInput(
            **{name: getattr(args, name) for name in _PAPER_OPTIONS_AS_GIVEN},
            news=args.month,
            title=args.title or "",
            authors=authors,
            featured=featured,
            status=args.status or "accepted",
            links=_links(args.link or ()),
            also_presented=tuple(args.also or ()),
            accepted=_accepted(args.accepted),
        )
    start = paper_input(base)
    if args.author:
        authors = _resolve_authors(session, args.author)
        featured = _featured_choice(session, args.featured)
    else:
        # Written names, so --equal finds a member author by the name the paper prints.
        authors = tuple(AuthorInput(a.written, a.member_id, a.equal) for a in base.authors)
        featured = (
            _featured_choice(session, args.featured)
            if args.featured is not None
            else base.featured_id
        )
    if args.equal:
        authors = _mark_equal(authors, args.equal)
    # No --month keeps the news month (moved with the year); --month-from-venue asks the venue.
    return dataclasses.replace(
        start,
        venue=args.venue or base.venue_short,
        year=args.year or base.year,
        news=args.month,
        title=args.title if args.title is not None else base.title,
        authors=authors,
        featured=featured,
        status=args.status or base.status,
        presentation=args.presentation if args.presentation is not None else base.presentation,
        doi=args.doi if args.doi is not None else base.doi,
        arxiv=args.arxiv if args.arxiv is not None else base.arxiv,
        links=_links(args.link) if args.link else start.links,
        url=args.url,
        code=args.code,
        project=args.project,
        also_presented=tuple(args.also) if args.also else start.also_presented,
        accepted=_accepted(args.accepted) if args.accepted else start.accepted,
    )


def achievement_date_arg(text: str) -> tuple[YearMonth, int | None, bool]:
    """An achievement's date: YYYY-MM or YYYY-MM-DD, or YYYY alone when the month is not
    known (kept as January); with the day and whether it is known to the year only."""
    if text.strip().isdigit() and len(text.strip()) == 4:
        return YearMonth(int(text), 1), None, True
    try:
        date, day = date_arg(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"date must look like YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}"
        ) from None
    return date, day, False


def _achievement_input(
    session: Any, args: argparse.Namespace, base: AchievementRecord | None
) -> AchievementInput:
    """The achievement the options describe; when editing, what they leave out stays."""
    from labnews.core import sections
    from labnews.core.snapshots import achievement_input
    from labnews.store import queries

    start = achievement_input(base) if base is not None else None
    changed: dict[str, Any] = {}
    if args.date is not None:
        changed["date"], changed["day"], changed["year_only"] = args.date
    if args.member is not None:
        changed["members"] = tuple(
            queries.find_member(session, name, field="member").id for name in args.member
        )
    for name in ("kind", "title", "organisation", "url", "sentence", "role", "end_year"):
        if getattr(args, name) is not None:
            changed[name] = getattr(args, name)
    if args.rank is not None:
        changed["rank"] = args.rank
    if args.teams is not None:
        changed["teams"] = args.teams
    if args.description is not None:
        changed["description"] = "\n".join(args.description)
    if args.link is not None:
        changed["links"] = sections.parse_links("\n".join(args.link))
    elif getattr(args, "no_links", False):
        changed["links"] = ()
    if args.not_in_news:
        changed["in_news"] = False
    elif getattr(args, "in_news", False):
        changed["in_news"] = True
    if start is None:
        return AchievementInput(**changed)
    return dataclasses.replace(start, **changed)


def _member_input(args: argparse.Namespace, base: MemberRecord | None) -> MemberInput:
    if base is None:
        return MemberInput(
            name=args.name,
            native=args.native,
            aliases=tuple(args.alias or ()),
            role=args.role or DEFAULT_ROLE,
            in_news=not args.not_in_news,
            joined=args.joined,
            left=args.left,
        )
    in_news = base.in_news
    if args.not_in_news:
        in_news = False
    elif args.in_news:
        in_news = True
    return MemberInput(
        name=args.new_name or base.name,
        native=args.native if args.native is not None else base.native,
        aliases=base.aliases + tuple(args.alias or ()),
        role=args.role or base.role,
        in_news=in_news,
        joined=args.joined or base.joined,
        left=args.left or base.left,
        homepage=base.homepage,
        orcid=base.orcid,
        note=base.note,
    )


def _new_venue_input(session: Any, args: argparse.Namespace) -> VenueInput:
    """A new venue from the options; a short name the venue catalog knows fills in the rest
    (what the options give wins; ``--parent none`` or ``--label none`` clears the catalog's)."""
    from labnews.core.names import venue_spelling_key
    from labnews.store.catalog import catalog_input

    known = catalog_input(session, args.short)
    if known is None or venue_spelling_key(known.short) != venue_spelling_key(args.short):
        kind = args.kind or ("workshop" if args.parent else "conference")
        return VenueInput(
            short=args.short,
            full=args.full,
            kind=kind,
            parent=args.parent,
            label=args.label,
            month=args.month,
            aliases=tuple(args.alias or ()),
        )
    return VenueInput(
        short=known.short,
        full=args.full if args.full is not None else known.full,
        kind=args.kind or known.kind,
        parent=_cleared(args.parent) if args.parent is not None else known.parent,
        label=_cleared(args.label) if args.label is not None else known.label,
        month=args.month if args.month is not None else known.month,
        aliases=known.aliases + tuple(args.alias or ()),
    )


def _cleared(value: str) -> str | None:
    """An option's value, or None where it says to clear the field ("none", "-" or empty)."""
    return None if value.strip().lower() in {"", "none", "-"} else value


def _venue_input(args: argparse.Namespace, base: VenueRecord) -> VenueInput:
    parent = _cleared(args.parent) if args.parent is not None else base.parent_short
    label = _cleared(args.label) if args.label is not None else base.label
    return VenueInput(
        short=args.new_short or base.short,
        full=args.full if args.full is not None else base.full,
        kind=args.kind or base.kind,
        parent=parent,
        label=label,
        month=args.month if args.month is not None else base.month,
        aliases=base.aliases + tuple(args.alias or ()),
        homepage=base.homepage,
    )


def cmd_add(args: argparse.Namespace) -> int:
    from labnews.store import commands

    memberless = False

    def act(session: Any) -> Change:
        nonlocal memberless
        if args.what == "paper":
            data = _paper_input(session, args, None)
            memberless = all(a.member_id is None for a in data.authors)
            return commands.add_paper(session, data)
        if args.what == "member":
            return commands.add_member(session, _member_input(args, None))
        if args.what == "venue":
            return commands.add_venue(session, _new_venue_input(session, args))
        return commands.add_achievement(session, _achievement_input(session, args, None))

    if args.what == "paper" and args.from_id is not None:
        # Without --from, the parser has made sure of --venue and --year.
        return record_found(args, args.from_id, add=True)
    change = write_change(args, act)
    if args.what == "paper":
        # The id is what scripts read from stdout; the sentence is for the person.
        say(f"labnews: {change.message}")
        if memberless:
            # Still added: a line may name nobody on purpose, but a misspelt member does too.
            say(
                f"{PROG}: warning: none of the authors is a lab member; the paper counts in the "
                "tally but no news line names anyone"
            )
        print(change.ids[0])
    else:
        print(change.message)
    return 0


MAX_ID = 2**63 - 1
"""The largest id a database row can have (a 64-bit signed integer on SQLite and PostgreSQL)."""

"""The largest id a database row can have (a 64-bit signed integer on SQLite and PostgreSQL)."""


def _paper_id(text: str) -> int:
    try:
        value = int(text.lstrip("#"))
    except ValueError:
        raise NotFoundError(f"paper id must be a number, not {text!r}", field="paper") from None
    if not 1 <= value <= MAX_ID:
        # Past a 64-bit integer the driver itself would fail (OverflowError), not find nothing.
        raise NotFoundError(f"there is no paper #{text.lstrip('#')}", field="paper")
    return value


def cmd_edit(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    def act(session: Any) -> Change:
        if args.what == "paper":
            paper = queries.paper_by_id(session, _paper_id(args.target))
            return commands.update_paper(
                session,
                paper.id,
                _paper_input(session, args, paper),
                news_from_venue=args.month_from_venue,
            )
        if args.what == "member":
            member = queries.find_member(session, args.target)
            return commands.update_member(session, member.id, _member_input(args, member))
        if args.what == "achievement":
            item = queries.achievement_by_id(session, _paper_id(args.target))
            data = _achievement_input(session, args, item)
            return commands.update_achievement(session, item.id, data)
        venue = queries.find_venue(session, args.target)
        return commands.update_venue(session, venue.id, _venue_input(args, venue))

    print(write_change(args, act).message)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    if len(args.target) > 1:
        # A bulk delete is one of the moments a verified backup is taken first.
        from labnews.store.backup import backup_before
        from labnews.store.database import to_url
        from labnews.store.location import resolve_target

        url = to_url(resolve_target(args.db))
        if url.get_backend_name() == "sqlite" and url.database and Path(url.database).exists():
            backup_before(Path(url.database), "pre-delete")

    def act(session: Any) -> Change:
        if args.what == "paper":
            return commands.remove_papers(session, [_paper_id(t) for t in args.target])
        if args.what == "achievement":
            return commands.remove_achievements(session, [_paper_id(t) for t in args.target])
        if len(args.target) != 1:
            raise ValidationError(f"remove one {args.what} at a time", field=args.what)
        if args.what == "member":
            return commands.remove_member(session, queries.find_member(session, args.target[0]).id)
        return commands.remove_venue(session, queries.find_venue(session, args.target[0]).id)

    print(write_change(args, act).message)
    return 0


def _plain(value: Any) -> Any:
    if isinstance(value, YearMonth):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def paper_json(paper: PaperRecord) -> dict[str, Any]:
    """Every field of a paper, as ``list papers --json`` writes it."""
    data: dict[str, Any] = _plain(paper)
    data["authors"] = [
        {"name": a.name, "member_id": a.member_id, "native": a.native, "equal": a.equal}
        for a in paper.authors
    ]
    data["venue"] = data.pop("venue_short")
    data["month"] = str(paper.news)
    del data["news"]
    data["placeholder"] = paper.is_placeholder
    return data


def venue_json(venue: VenueRecord) -> dict[str, Any]:
    """A venue as ``list venues --json`` writes it: the export's fields, with id and version."""
    from labnews.io.tableexport import venue_document

    return {"id": venue.id, **venue_document(venue), "version": venue.version}


def _paper_line(paper: PaperRecord) -> str:
    venue = venue_edition(paper.venue_short, paper.venue_kind, paper.year)
    title = paper.title or "(title unknown)"
    names = ", ".join(a.name for a in paper.authors)
    status = "" if paper.status == "accepted" else f" [{paper.status}]"
    return f"#{paper.id}\t{paper.news}\t{venue}\t{title}\t{names}{status}"


def _member_line(member: MemberRecord) -> str:
    extras = [ROLE_WORDS.get(member.role, member.role)]
    if member.native:
        extras.append(member.native)
    if not member.in_news:
        extras.append("not in news")
    if member.aliases:
        extras.append("aka " + ", ".join(member.aliases))
    return f"{member.name}\t{'; '.join(extras)}"


def _venue_line(venue: VenueRecord) -> str:
    extras = [venue.kind]
    if venue.parent_short:
        extras.append(f"parent {venue.parent_short}")
    if venue.label:
        extras.append(f"label {venue.label}")
    if venue.month:
        extras.append(f"month {venue.month}")
    return f"{venue.short}\t{venue.full or ''}\t{'; '.join(extras)}"


def _achievement_line(item: AchievementRecord) -> str:
    from labnews.core import sections

    people = ", ".join(m.name for m in item.members)
    date = str(item.date.year) if item.year_only else str(item.date)
    extras = [people] if people else []
    if item.kind in sections.PROJECT_KINDS and (item.role or item.end_year):
        extras.append(
            ", ".join(filter(None, (item.role, sections.period(item.date.year, item.end_year))))
        )
    if item.rank is not None:
        extras.append(sections.placement(item.rank, item.teams))
    if item.links:
        extras.append(f"{len(item.links)} link" + ("s" if len(item.links) > 1 else ""))
    if not item.in_news:
        extras.append("not in the news")
    return f"#{item.id}\t{date}\t{item.kind}\t{item.title}" + "".join(f"\t{e}" for e in extras)


def cmd_list(args: argparse.Namespace) -> int:
    from labnews.store import queries

    years = [args.year] if args.year is not None else None
    rows: Sequence[Any]
    with lab_session(args) as session:
        if args.what == "papers":
            rows = queries.papers_in(session, years)
            render_json: Callable[[Any], Any] = paper_json
            render_line: Callable[[Any], str] = _paper_line
        elif args.what == "members":
            rows = queries.members(session)
            if years:
                active = {a.member_id for p in queries.papers_in(session, years) for a in p.authors}
                rows = [m for m in rows if m.id in active]
            render_json, render_line = _plain, _member_line
        elif args.what == "venues":
            rows = queries.venues(session)
            if years:
                used = {p.venue_id for p in queries.papers_in(session, years)}
                rows = [v for v in rows if v.id in used]
            render_json, render_line = venue_json, _venue_line
        else:
            rows = queries.achievements_in(session, years)
            render_json, render_line = _plain, _achievement_line
    if args.json:
        json.dump([render_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from labnews.core.controls import escape_unsafe

        for row in rows:
            # Stored text never drives the terminal: ESC and OSC sequences and bidi overrides
            # are shown as escapes (JSON escapes its own controls).
            print(escape_unsafe(render_line(row)))
    return 0


def cmd_order(args: argparse.Namespace) -> int:
    from labnews.store import commands

    if args.clear == bool(args.labels):
        raise ValidationError("give the labels in order, or --clear (not both)", field="labels")
    with lab_session(args, write=True) as session:
        change = commands.pin_order(session, args.year, args.labels or None, known_only=True)
    print(change.message)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries, settings

    changes = {
        key: value
        for key, value in (
            ("workshops", args.workshops),
            ("order", args.order),
            ("lines", args.lines),
        )
        if value is not None
    }
    if (args.workshop_lines is None) != (args.year is None):
        raise ValidationError("--workshop-lines and --year go together", field="year")
    write = bool(changes) or args.workshop_lines is not None
    with lab_session(args, write=write or args.bold is not None) as session:
        rules = queries.tally_rules(session)
        if write:
            rules = dataclasses.replace(rules, **changes)
            if args.workshop_lines is not None:
                rules = rules.with_workshop_lines(args.year, args.workshop_lines)
            commands.set_rules(session, rules)
        if args.bold is not None:
            settings.set_setting_text(session, settings.PUBLICATION_BOLD, args.bold)
        bold = settings.text_setting(session, settings.PUBLICATION_BOLD)
    print(rules.describe())
    print(f"bold: {bold}")
    return 0
