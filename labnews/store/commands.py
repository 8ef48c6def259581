"""Changes to the lab database: each validates its input, names the bad field, returns a Change.

Commands write inside the caller's transaction and never commit: one user action is one
``with database.session(write=True)`` block, so it lands whole or not at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from labnews.core import fields as field_rules
from labnews.core import sections
from labnews.core.errors import (
    ConflictError,
    DuplicateError,
    InUseError,
    LabnewsError,
    NotFoundError,
    ValidationError,
)
from labnews.core.inputs import AchievementInput, MemberInput, PaperInput, VenueInput
from labnews.core.links import DOI_PREFIX
from labnews.core.names import clean_name
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    ROLES,
    VENUE_KINDS,
    Change,
    ChangeKind,
    VenueRecord,
    YearMonth,
    check_month,
    check_year,
    venue_edition,
)
from labnews.core.rules import TallyRules
from labnews.core.words import count_digits
from labnews.store import queries
from labnews.store.database import allocate_ids, insert_tuples, insert_whole_rows
from labnews.store.models import (
    Achievement,
    AchievementLinkRow,
    AchievementMember,
    Authorship,
    Member,
    MemberAlias,
    Paper,
    PaperLinkRow,
    Setting,
    Venue,
    VenueAlias,
)
from labnews.store.paperchecker import AuthorRow, LinkRow, PaperChecker

_Row = TypeVar("_Row")
_EditedRow = TypeVar("_EditedRow", Member, Venue, Paper, Achievement)
_Alias = TypeVar("_Alias", MemberAlias, VenueAlias)


def _aliases(values: Iterable[str], field: str = "alias") -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        alias = clean_name(value, field=field)
        seen.setdefault(alias.casefold(), alias)
    return list(seen.values())


def _existing(session: Session, model: type[_Row], row_id: int, kind: str) -> _Row:
    """The ``kind`` row with this id, or NotFoundError naming it."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"there is no {kind} #{row_id}", field=kind)
    return row


def _rewrite(
    session: Session,
    row: Member | Venue,
    fields: dict[str, object],
    current: list[_Alias],
    wanted: list[str],
    alias: Callable[[str], _Alias],
) -> None:
    """Write a member's or venue's checked fields, and make its aliases ``wanted``.

    The aliases are left alone when they are so already.
    """
    for key, value in fields.items():
        setattr(row, key, value)
    if [a.alias for a in current] != wanted:
        # Delete before inserting: the unit of work would insert first and trip the unique index
        # when an alias moves between spellings (renaming "AVSS" to its alias "IEEE AVSS").
        current.clear()
        session.flush()
        current.extend(alias(a) for a in wanted)
    session.flush()


def _news_years(session: Session, papers: ColumnElement[bool]) -> frozenset[int]:
    """The news years of the papers ``papers`` selects: those a change to them redraws."""
    return frozenset(session.scalars(select(Paper.news_year).where(papers).distinct()))


def _remove_unused(
    session: Session,
    row: Member | Venue,
    kind: ChangeKind,
    subject: str,
    uses: list[str],
    advice: str,
) -> Change:
    """Remove a member or venue, refused while ``uses`` says what still needs it."""
    if uses:
        raise InUseError(f"{subject} {' and '.join(uses)}; {advice} those first", field=kind)
    session.delete(row)
    session.flush()
    return Change(f"Removed {kind} {_named(row)}", frozenset({kind}), ids=(row.id,))


def _named(row: Member | Venue | Paper | Achievement) -> str:
    """How a refusal names the row: a member by name, a venue by short name, others by id."""
    if isinstance(row, Member):
        return row.name
    if isinstance(row, Venue):
        return row.short
    return f"#{row.id}"


def _added(session: Session, row: Member | Venue, kind: ChangeKind) -> Change:
    """Insert a new member or venue (with its aliases), and say so."""
    session.add(row)
    session.flush()
    return Change(f"Added {kind} {_named(row)}", frozenset({kind}), ids=(row.id,))


def _unchanged(
    session: Session, model: type[_EditedRow], row_id: int, kind: str, expected: int | None
) -> _EditedRow:
    """The row to update, refused if someone else changed it since version ``expected``."""
    row = _existing(session, model, row_id, kind)
    if expected is not None and row.version != expected:
        raise ConflictError(
            f"{kind} {_named(row)} was changed by someone else since you opened it; "
            "reload it and make your change again"
        )
    return row


# --- members -----------------------------------------------------------------------------------


def _member_fields(
    session: Session, data: MemberInput, exclude_id: int | None
) -> dict[str, object]:
    name = clean_name(data.name, field="name")
    if len(name) > 200:
        raise ValidationError("name is longer than 200 characters", field="name")
    clash = session.scalars(
        select(Member).where(
            func.lower(Member.name) == name.lower(), Member.id != (exclude_id or 0)
        )
    ).first()
    if clash is None and not name.isascii():
        clash = next(
            (
                session.get(Member, m.id)
                for m in queries.members(session)
                if m.name.casefold() == name.casefold() and m.id != exclude_id
            ),
            None,
        )
    if clash is not None:
        raise DuplicateError(f"there is already a member named {clash.name}", field="name")
    field_rules.choice(data.role, ROLES, "role")
    if data.joined and data.left and data.left < data.joined:
        raise ValidationError(
            f"left ({data.left}) must not come before joined ({data.joined})", field="left"
        )
    return {
        "name": name,
        "native": field_rules.clean_text(data.native, "native name"),
        "role": data.role,
        "in_news": bool(data.in_news),
        "joined_year": data.joined.year if data.joined else None,
        "joined_month": data.joined.month if data.joined else None,
        "left_year": data.left.year if data.left else None,
        "left_month": data.left.month if data.left else None,
        "homepage": field_rules.link(data.homepage, "homepage"),
        "orcid": field_rules.clean_text(data.orcid, "orcid"),
        "note": field_rules.clean_text(data.note, "note", limit=field_rules.MAX_NOTE),
    }


def add_member(session: Session, data: MemberInput) -> Change:
    """Add a member; the display name must be new (ignoring case)."""
    fields = _member_fields(session, data, None)
    member = Member(**fields)
    member.aliases = [MemberAlias(alias=a) for a in _aliases(data.aliases)]
    return _added(session, member, "member")


def update_member(
    session: Session, member_id: int, data: MemberInput, *, expected_version: int | None = None
) -> Change:
    """Replace a member's fields; refused if someone else changed it since ``expected_version``."""
    member = _unchanged(session, Member, member_id, "member", expected_version)
    _rewrite(
        session,
        member,
        _member_fields(session, data, member_id),
        member.aliases,
        _aliases(data.aliases),
        lambda a: MemberAlias(alias=a),
    )
    years = _news_years(
        session, Paper.id.in_(select(Authorship.paper_id).where(Authorship.member_id == member_id))
    )
    return Change(
        f"Updated member {member.name}", frozenset({"member", "paper"}), years, (member.id,)
    )


def remove_member(session: Session, member_id: int) -> Change:
    """Remove a member who is on no paper and no achievement (else say where they are used)."""
    member = _existing(session, Member, member_id, "member")
    authored, featured, achievements = queries.usage_of_member(session, member_id)
    uses = []
    if authored:
        uses.append(f"an author of {count_digits(authored)}")
    elif featured:
        uses.append(f"named in the news of {count_digits(featured)}")
    if achievements:
        uses.append(f"named by {count_digits(achievements, 'achievement')}")
    return _remove_unused(
        session, member, "member", f"member {member.name} is still", uses, "remove or edit"
    )


# --- venues ------------------------------------------------------------------------------------


def _venue_clash(session: Session, spelling: str, exclude_id: int | None) -> str | None:
    """The short name of another venue that already uses this spelling, if any."""
    found = queries.venue_lookup_id(session, spelling)
    if found is None or found == exclude_id:
        return None
    # A full name may be shared (e.g. journal and its letters); only short names and aliases clash.
    venue = session.get(Venue, found)
    assert venue is not None
    wanted = spelling.casefold()
    if venue.short.casefold() == wanted or any(a.alias.casefold() == wanted for a in venue.aliases):
        return venue.short
    return None


def _venue_fields(session: Session, data: VenueInput, exclude_id: int | None) -> dict[str, object]:
    short = clean_name(data.short, field="short name")
    if len(short) > 200:
        raise ValidationError("short name is longer than 200 characters", field="short name")
    clash = _venue_clash(session, short, exclude_id)
    if clash is not None:
        raise DuplicateError(
            f"{short!r} is already the venue {clash} (or one of its aliases)", field="short name"
        )
    kind = field_rules.choice(data.kind, VENUE_KINDS, "kind")
    parent_id = None
    if data.parent:
        parent = queries.find_venue(session, data.parent, field="parent")
        if parent.id == exclude_id:
            raise ValidationError("a venue cannot be its own parent", field="parent")
        # Walk up from the parent: reaching this venue again would make a cycle.
        seen = {parent.id}
        cursor = session.get(Venue, parent.id)
        while cursor is not None and cursor.parent_id is not None:
            if cursor.parent_id == exclude_id or cursor.parent_id in seen:
                raise ValidationError(
                    f"{parent.short} cannot be the parent: it would make a cycle", field="parent"
                )
            seen.add(cursor.parent_id)
            cursor = session.get(Venue, cursor.parent_id)
        parent_id = parent.id
    if data.month is not None:
        check_month(data.month, field="typical month")
    return {
        "short": short,
        "full": field_rules.clean_text(data.full, "full name"),
        "kind": kind,
        "parent_id": parent_id,
        "label": field_rules.clean_text(data.label, "label"),
        "month": data.month,
        "homepage": field_rules.link(data.homepage, "homepage"),
    }


def _venue_aliases(
    session: Session, aliases: Iterable[str], short: str, exclude_id: int | None
) -> list[str]:
    result = []
    for alias in _aliases(aliases):
        if alias.casefold() == short.casefold():
            continue
        clash = _venue_clash(session, alias, exclude_id)
        if clash is not None:
            raise DuplicateError(f"alias {alias!r} already belongs to {clash}", field="alias")
        result.append(alias)
    return result


def add_venue(session: Session, data: VenueInput) -> Change:
    """Add a venue; its short name and aliases must be new (ignoring case)."""
    fields = _venue_fields(session, data, None)
    venue = Venue(**fields)
    venue.aliases = [
        VenueAlias(alias=a) for a in _venue_aliases(session, data.aliases, venue.short, None)
    ]
    return _added(session, venue, "venue")


def update_venue(
    session: Session, venue_id: int, data: VenueInput, *, expected_version: int | None = None
) -> Change:
    """Replace a venue's fields (renaming and relabelling move the tallies of its years)."""
    venue = _unchanged(session, Venue, venue_id, "venue", expected_version)
    fields = _venue_fields(session, data, venue_id)
    aliases = _venue_aliases(session, data.aliases, str(fields["short"]), venue_id)
    _rewrite(session, venue, fields, venue.aliases, aliases, lambda a: VenueAlias(alias=a))
    years = _news_years(
        session,
        Paper.venue_id.in_(
            select(Venue.id).where((Venue.id == venue_id) | (Venue.parent_id == venue_id))
        ),
    )
    return Change(f"Updated venue {venue.short}", frozenset({"venue", "paper"}), years, (venue.id,))


def remove_venue(session: Session, venue_id: int) -> Change:
    """Remove a venue with no papers and no workshops (else say what still uses it)."""
    venue = _existing(session, Venue, venue_id, "venue")
    papers, children = queries.usage_of_venue(session, venue_id)
    uses = []
    if papers:
        uses.append(f"has {count_digits(papers)}")
    if children:
        uses.append(f"is the parent of {', '.join(children)}")
    return _remove_unused(session, venue, "venue", f"venue {venue.short}", uses, "move or remove")


# --- papers ------------------------------------------------------------------------------------


def _next_position(session: Session, year: int, month: int) -> int:
    last = session.scalar(
        select(func.max(Paper.position)).where(Paper.news_year == year, Paper.news_month == month)
    )
    return 0 if last is None else int(last) + 1


def _paper_message(
    session: Session, verb: str, venue: VenueRecord, year: int, news_year: int
) -> str:
    total = queries.paper_count(session, news_year)
    return (
        f"{verb} a paper {'to' if verb == 'Added' else 'at'} "
        f"{venue_edition(venue.short, venue.kind, year)}: "
        f"{news_year} now has {count_digits(total)}"
    )


def add_paper(session: Session, data: PaperInput) -> Change:
    """Add a paper; it goes last among the papers of its news month."""
    checker = PaperChecker(session)
    fields, authors, venue = checker.fields(data)
    paper = Paper(**fields)
    paper.position = _next_position(session, paper.news_year, paper.news_month)
    paper.authors = [
        Authorship(position=position, member_id=member_id, name=name, equal=equal)
        for position, member_id, name, equal in authors
    ]
    paper.links = [
        PaperLinkRow(position=position, label=label, url=url)
        for position, label, url in checker.links(data)
    ]
    session.add(paper)
    session.flush()
    return Change(
        _paper_message(session, "Added", venue, paper.year, paper.news_year),
        frozenset({"paper"}),
        frozenset({paper.news_year}),
        (paper.id,),
    )


def add_papers(
    session: Session, inputs: Sequence[PaperInput], *, sources: Sequence[int | None] = ()
) -> Change:
    """Add many papers (an import) with batched inserts; the first bad one refuses them all.

    ``sources`` gives each input's line in the imported file, so an error can point at it.
    Papers of the same news month keep the order they are given in.
    """
    checker = PaperChecker(session)
    checker.load_venues({data.venue for data in inputs})
    groups: set[tuple[int, int]] = set()
    for data in inputs:
        with contextlib.suppress(LabnewsError):  # the loop below reports it, with its line
            groups.add((checker.venue(data.venue).id, data.year))
    checker.load_titles(groups)
    checker.load_members(
        [a.member_id for data in inputs for a in data.authors if a.member_id is not None]
        + [data.featured for data in inputs if isinstance(data.featured, int)]
    )
    checker.load_dois([d for data in inputs if data.doi and (d := DOI_PREFIX.sub("", data.doi))])
    positions: dict[tuple[int, int], int] = {
        (year, month): int(last) + 1
        for year, month, last in session.execute(
            select(Paper.news_year, Paper.news_month, func.max(Paper.position)).group_by(
                Paper.news_year, Paper.news_month
            )
        )
    }
    paper_rows: list[dict[str, object]] = []
    author_rows: list[list[AuthorRow]] = []
    link_rows: list[list[LinkRow]] = []
    for index, data in enumerate(inputs):
        try:
            fields, authors, _venue = checker.fields(data)
            link_rows.append(checker.links(data))
        except LabnewsError as exc:
            line = sources[index] if index < len(sources) else None
            where = f"line {line}" if line is not None else f"paper {index + 1}"
            raise type(exc)(f"{where}: {exc.message}", field=exc.field) from exc
        month = (int(fields["news_year"]), int(fields["news_month"]))  # type: ignore[call-overload]
        fields["position"] = positions.get(month, 0)
        positions[month] = int(fields["position"]) + 1  # type: ignore[call-overload]
        fields["version"] = 1
        checker.remember(-(index + 1), fields)
        paper_rows.append(fields)
        author_rows.append(authors)
    if not paper_rows:
        return Change("Added no papers", frozenset({"paper"}))
    ids = allocate_ids(session, Paper, len(paper_rows))
    for row, paper_id in zip(paper_rows, ids, strict=True):
        row["id"] = paper_id
    insert_whole_rows(session, Paper, paper_rows)
    slots = [
        (paper_id, position, member_id, name, equal)
        for paper_id, authors in zip(ids, author_rows, strict=True)
        for position, member_id, name, equal in authors
    ]
    insert_tuples(
        session, Authorship, ("paper_id", "position", "member_id", "name", "equal"), slots
    )
    links = [
        (paper_id, position, label, url)
        for paper_id, rows in zip(ids, link_rows, strict=True)
        for position, label, url in rows
    ]
    if links:
        insert_tuples(session, PaperLinkRow, ("paper_id", "position", "label", "url"), links)
    years = frozenset(int(row["news_year"]) for row in paper_rows)  # type: ignore[call-overload]
    return Change(f"Added {count_digits(len(ids))}", frozenset({"paper"}), years, tuple(ids))


def update_paper(
    session: Session,
    paper_id: int,
    data: PaperInput,
    *,
    expected_version: int | None = None,
    news_from_venue: bool = False,
) -> Change:
    """Replace a paper's fields; refused when someone else changed it since ``expected_version``.

    An input without a news month keeps the paper's (in its new year, if the year changes):
    a change of venue never moves the news silently. ``news_from_venue`` asks for the venue's
    usual month instead.
    """
    paper = _unchanged(session, Paper, paper_id, "paper", expected_version)
    old_year, old_month = paper.news_year, paper.news_month
    if data.news is None and not news_from_venue:
        kept_year = old_year if data.year == paper.year else old_year + data.year - paper.year
        data = replace(data, news=YearMonth(kept_year, old_month))
    checker = PaperChecker(session)
    fields, authors, venue = checker.fields(data, exclude_id=paper_id)
    for key, value in fields.items():
        setattr(paper, key, value)
    if (paper.news_year, paper.news_month) != (old_year, old_month):
        paper.position = _next_position(session, paper.news_year, paper.news_month)
    # Replace the author rows in place: delete first so the (paper, position) keys are free.
    session.execute(delete(Authorship).where(Authorship.paper_id == paper_id))
    session.execute(delete(PaperLinkRow).where(PaperLinkRow.paper_id == paper_id))
    session.expire(paper, ["authors", "links"])
    for position, member_id, name, equal in authors:
        session.add(
            Authorship(
                paper_id=paper_id, position=position, member_id=member_id, name=name, equal=equal
            )
        )
    for position, label, url in checker.links(data):
        session.add(PaperLinkRow(paper_id=paper_id, position=position, label=label, url=url))
    # Author rows live in their own table: mark the paper itself changed so its version moves.
    flag_modified(paper, "title")
    session.flush()
    return Change(
        _paper_message(session, "Updated", venue, paper.year, paper.news_year),
        frozenset({"paper"}),
        frozenset({old_year, paper.news_year}),
        (paper.id,),
    )


def remove_papers(session: Session, paper_ids: Iterable[int]) -> Change:
    """Remove papers by id, all or none: an unknown id refuses the whole removal."""
    wanted = sorted(set(paper_ids))
    if not wanted:
        raise ValidationError("no papers to remove", field="paper")
    rows = list(session.scalars(select(Paper).where(Paper.id.in_(wanted))))
    missing = sorted(set(wanted) - {p.id for p in rows})
    if missing:
        raise NotFoundError(f"there is no paper #{missing[0]}", field="paper")
    years = frozenset(p.news_year for p in rows)
    for paper in rows:
        session.delete(paper)
    session.flush()
    noun = "a paper" if len(rows) == 1 else count_digits(len(rows))
    return Change(f"Removed {noun}", frozenset({"paper"}), years, tuple(wanted))


# --- achievements ------------------------------------------------------------------------------


def _achievement_fields(session: Session, data: AchievementInput) -> dict[str, object]:
    field_rules.choice(data.kind, ACHIEVEMENT_KINDS, "kind")
    if data.day is not None:
        import calendar

        last = calendar.monthrange(data.date.year, data.date.month)[1]
        if not 1 <= data.day <= last:
            raise ValidationError(f"day must be between 1 and {last}, not {data.day}", field="day")
    for member_id in data.members:
        if session.get(Member, member_id) is None:
            raise NotFoundError(f"there is no member #{member_id}", field="members")
    if len(set(data.members)) != len(data.members):
        raise ValidationError("a member is listed twice", field="members")
    if data.year_only and data.day is not None:
        raise ValidationError("a date known to the year only has no day", field="day")
    if data.end_year is not None:
        check_year(data.end_year, field="end_year")
        if data.end_year < data.date.year:
            raise ValidationError(
                f"end year {data.end_year} is before the start year {data.date.year}",
                field="end_year",
            )
    placement = sections.check_placement(data.rank, data.teams)
    return {
        "kind": data.kind,
        "title": field_rules.required_text(data.title, "title"),
        "year": data.date.year,
        "month": data.date.month,
        "day": data.day,
        "organisation": field_rules.clean_text(data.organisation, "organisation"),
        "url": field_rules.link(data.url, "url"),
        "sentence": field_rules.clean_text(data.sentence, "sentence"),
        "year_only": data.year_only,
        "end_year": data.end_year,
        "role": field_rules.clean_text(data.role, "role", limit=200),
        "description": sections.clean_description(data.description),
        "rank": placement[0],
        "teams": placement[1],
        "in_news": data.in_news,
    }


def _achievement_links(data: AchievementInput) -> list[AchievementLinkRow]:
    return [
        AchievementLinkRow(position=i, kind=link.kind, url=link.url, label=link.label)
        for i, link in enumerate(sections.check_links(data.links))
    ]


def add_achievement(session: Session, data: AchievementInput) -> Change:
    fields = _achievement_fields(session, data)
    achievement = Achievement(**fields)
    achievement.members = [
        AchievementMember(position=i, member_id=m) for i, m in enumerate(data.members)
    ]
    achievement.links = _achievement_links(data)
    session.add(achievement)
    session.flush()
    return Change(
        f"Added {achievement.kind} {achievement.title!r}",
        frozenset({"achievement"}),
        frozenset({achievement.year}),
        (achievement.id,),
    )


def update_achievement(
    session: Session,
    achievement_id: int,
    data: AchievementInput,
    *,
    expected_version: int | None = None,
) -> Change:
    achievement = _unchanged(session, Achievement, achievement_id, "achievement", expected_version)
    old_year = achievement.year
    links = _achievement_links(data)
    for key, value in _achievement_fields(session, data).items():
        setattr(achievement, key, value)
    session.execute(
        delete(AchievementMember).where(AchievementMember.achievement_id == achievement_id)
    )
    session.execute(
        delete(AchievementLinkRow).where(AchievementLinkRow.achievement_id == achievement_id)
    )
    session.expire(achievement, ["members", "links"])
    for i, member_id in enumerate(data.members):
        session.add(
            AchievementMember(achievement_id=achievement_id, position=i, member_id=member_id)
        )
    for link in links:
        link.achievement_id = achievement_id
        session.add(link)
    flag_modified(achievement, "title")
    session.flush()
    return Change(
        f"Updated {achievement.kind} {achievement.title!r}",
        frozenset({"achievement"}),
        frozenset({old_year, achievement.year}),
        (achievement_id,),
    )


def remove_achievements(session: Session, achievement_ids: Iterable[int]) -> Change:
    wanted = sorted(set(achievement_ids))
    rows = list(session.scalars(select(Achievement).where(Achievement.id.in_(wanted))))
    missing = sorted(set(wanted) - {a.id for a in rows})
    if missing or not wanted:
        raise NotFoundError(
            f"there is no achievement #{missing[0] if missing else '?'}", field="achievement"
        )
    years = frozenset(a.year for a in rows)
    for row in rows:
        session.delete(row)
    session.flush()
    return Change(
        f"Removed {count_digits(len(rows), 'achievement')}",
        frozenset({"achievement"}),
        years,
        tuple(wanted),
    )


# --- settings ----------------------------------------------------------------------------------


def set_setting(session: Session, key: str, value: str) -> Change:
    """Store one shared setting (JSON text)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value
    session.flush()
    return Change(f"Saved {key.replace('_', ' ')}", frozenset({"settings"}))


def set_rules(session: Session, rules: TallyRules) -> Change:
    """Store the lab's tally rules; every output from now on follows them."""
    set_setting(session, queries.RULES_KEY, rules.to_json())
    return Change("Saved the tally rules", frozenset({"settings", "paper"}))


def pin_order(
    session: Session, year: int, labels: Sequence[str] | None, *, known_only: bool = False
) -> Change:
    """Pin (or with None, unpin) the order of a year's tally labels; with ``known_only``, only
    labels that count papers in that year are accepted."""
    check_year(year)
    cleaned = None
    if labels:
        known = (
            [label for tally in queries.tallies(session, years=[year]) for label, _ in tally.items]
            if known_only
            else None
        )
        cleaned = field_rules.pin_order(labels, year=year, known=known)
    rules = queries.tally_rules(session).with_pin(year, cleaned)
    set_setting(session, queries.RULES_KEY, rules.to_json())
    what = f"Pinned the {year} tally order" if cleaned else f"Unpinned the {year} tally order"
    return Change(what, frozenset({"settings", "paper"}), frozenset({year}))
