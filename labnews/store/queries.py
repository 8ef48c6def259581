"""Reads of the lab database that return frozen core records; they never commit."""

from __future__ import annotations

import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import BigInteger, ColumnElement, Select, cast, func, select
from sqlalchemy.orm import Session, aliased

from labnews.core.byname import by_name
from labnews.core.errors import NotFoundError
from labnews.core.names import MemberDirectory, closest, venue_spelling_key, venue_spellings
from labnews.core.records import (
    AchievementLink,
    AchievementRecord,
    AuthorRecord,
    LabelCount,
    MemberRecord,
    PaperLink,
    PaperRecord,
    VenueRecord,
    YearMonth,
    YearTally,
)
from labnews.core.rules import TallyRules
from labnews.core.tally import (
    MONTH_WEIGHT,
    POSITION_WEIGHT,
    label_counts_from_venues,
    tallies_from_counts,
)
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
from labnews.store.paperrows import PAPER_ROW, authors_by_paper, links_by_paper, paper_record

RULES_KEY = "tally_rules"
_T = TypeVar("_T", str, int)  # what goes in an IN list here
_Columns = TypeVarTuple("_Columns")

_NOT_A_LETTER = re.compile(r"[\W_]+")


def _year_month(year: int | None, month: int | None) -> YearMonth | None:
    return YearMonth(year, month) if year is not None and month is not None else None


# --- members -----------------------------------------------------------------------------------


def members(session: Session) -> tuple[MemberRecord, ...]:
    """Every member, by display name."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for member_id, alias in session.execute(
        select(MemberAlias.member_id, MemberAlias.alias).order_by(MemberAlias.id)
    ):
        aliases[member_id].append(alias)
    rows = session.scalars(select(Member).order_by(func.lower(Member.name)))
    return tuple(_member_record(m, tuple(aliases.get(m.id, ()))) for m in rows)


def _member_record(m: Member, aliases: tuple[str, ...]) -> MemberRecord:
    return by_name(
        m,
        MemberRecord,
        aliases=aliases,
        joined=_year_month(m.joined_year, m.joined_month),
        left=_year_month(m.left_year, m.left_month),
    )


def member_directory(session: Session) -> MemberDirectory:
    """All members, indexed for matching author names in either order."""
    return MemberDirectory(members(session))


def in_chunks(values: Iterable[_T]) -> Iterator[list[_T]]:
    """The distinct values, sorted, in lists short enough for one ``IN (...)``: a database caps
    the parameters of a statement (SQLite at 32,766)."""
    wanted = sorted(set(values))
    for start in range(0, len(wanted), _IN_CHUNK):
        yield wanted[start : start + _IN_CHUNK]


_IN_CHUNK = 500


def member_ids_by_name(session: Session, names: Iterable[str]) -> dict[str, int]:
    """The ids of the members with exactly these display names."""
    return {
        name: member_id
        for chunk in in_chunks(names)
        for member_id, name in session.connection().execute(
            select(Member.id, Member.name).where(Member.name.in_(chunk))
        )
    }


def member_by_id(session: Session, member_id: int) -> MemberRecord:
    for member in members(session):
        if member.id == member_id:
            return member
    raise NotFoundError(f"there is no member #{member_id}")


def find_member(session: Session, name: str, *, field: str = "member") -> MemberRecord:
    """The member a name means (any spelling, either order); NotFoundError suggests close ones."""
    directory = member_directory(session)
    match = directory.find(name, field=field)
    if match is None:
        hint = directory.suggest(name)
        more = f"; did you mean {', '.join(hint)}?" if hint else ""
        raise NotFoundError(f"{field} {name!r} is not a member{more}", field=field)
    return match.member


# --- venues ------------------------------------------------------------------------------------


@cache
def _venue_selects() -> tuple[Select[int, str], Select[*tuple[Any, ...]]]:
    """The catalog's two statements (aliases, venues), built once: Selects are immutable."""
    alias_rows = select(VenueAlias.venue_id, VenueAlias.alias).order_by(VenueAlias.id)
    parent = aliased(Venue)
    # Columns, not ORM entities: every import and window refresh reads the whole catalog.
    venue_rows = (
        select(
            Venue.id,
            Venue.short,
            Venue.full,
            Venue.kind,
            Venue.parent_id,
            parent.short,
            Venue.label,
            Venue.month,
            Venue.homepage,
            Venue.version,
        )
        .outerjoin(parent, Venue.parent_id == parent.id)
        .order_by(func.lower(Venue.short))
    )
    return alias_rows, venue_rows


def venues(session: Session, ids: Iterable[int] | None = None) -> tuple[VenueRecord, ...]:
    """Every venue (or those with the given ids), by short name."""
    alias_rows, venue_rows = _venue_selects()
    if ids is not None:
        wanted = sorted(set(ids))
        alias_rows = alias_rows.where(VenueAlias.venue_id.in_(wanted))
        venue_rows = venue_rows.where(Venue.id.in_(wanted))
    aliases: dict[int, list[str]] = defaultdict(list)
    for venue_id, alias in session.connection().execute(alias_rows):
        aliases[venue_id].append(alias)
    return tuple(
        VenueRecord(
            id=venue_id,
            short=short,
            full=full,
            kind=kind,
            parent_id=parent_id,
            parent_short=parent_short,
            label=label,
            month=month,
            aliases=tuple(aliases.get(venue_id, ())),
            homepage=homepage,
            version=version,
        )
        for (
            venue_id,
            short,
            full,
            kind,
            parent_id,
            parent_short,
            label,
            month,
            homepage,
            version,
        ) in session.connection().execute(venue_rows)
    )


def venues_by_short(session: Session, shorts: Iterable[str]) -> tuple[VenueRecord, ...]:
    """The venues with these short names (ignoring case): what an import's plan names."""
    ids = [
        venue_id
        for chunk in in_chunks(short.lower() for short in shorts)
        for (venue_id,) in session.connection().execute(
            select(Venue.id).where(func.lower(Venue.short).in_(chunk))
        )
    ]
    return venues(session, ids) if ids else ()


def venue_lookup_id(session: Session, text: str) -> int | None:
    """The id of the venue whose short name, alias or full name is ``text`` (ignoring case)."""
    wanted = " ".join(text.split()).lower()
    if not wanted:
        return None
    # Two venues may share a full name: the oldest one (lowest id) is the one meant.
    for statement in (
        select(Venue.id).where(func.lower(Venue.short) == wanted),
        select(VenueAlias.venue_id)
        .where(func.lower(VenueAlias.alias) == wanted)
        .order_by(VenueAlias.venue_id),
        select(Venue.id).where(func.lower(Venue.full) == wanted).order_by(Venue.id),
    ):
        found = session.scalars(statement.limit(1)).first()
        if found is not None:
            return found
    # SQLite's lower() folds ASCII only ("STRASSE" is not "Straße" to it): look again with
    # Python's casefold, as the in-memory index of an import does.
    return venue_spellings(venues(session)).get(venue_spelling_key(text))


def find_venue(session: Session, text: str, *, field: str = "venue") -> VenueRecord:
    """The venue a short name or alias means; NotFoundError lists the closest names."""
    venue_id = venue_lookup_id(session, text)
    if venue_id is not None:
        (venue,) = venues(session, [venue_id])
        return venue
    from labnews.store.catalog import missing_catalog_venue

    known = missing_catalog_venue(session, text)
    if known is not None:
        # A venue the catalog gained after this lab was made: adding it fills in the rest.
        raise NotFoundError(
            f"{field} {text!r} is not in this lab yet; the venue catalog has it: "
            f"add the venue {known.short} first",
            field=field,
        )
    near = closest(text, list(session.scalars(select(Venue.short))))
    hint = f"; closest: {', '.join(near)}" if near else ""
    raise NotFoundError(f"{field} {text!r} is not a known venue{hint}", field=field)


# --- papers ------------------------------------------------------------------------------------


def own_label_sql(venue: type[Venue]) -> ColumnElement[str]:
    """core.tally.own_label in SQL (its label, else its short name), for one query per table;
    tests/store hold the two equal."""
    return func.coalesce(func.nullif(venue.label, ""), venue.short)


@cache
def _paper_select() -> Select[*tuple[Any, ...]]:
    """Every column a PaperRecord needs, as plain values labelled with the record's names: no
    ORM objects to build per row, and ``_paper_record`` picks them by label, not by place.

    Built once (it takes about a millisecond) and shared: a Select is immutable, and each
    ``.where()`` on it makes a new one.
    """
    parent = aliased(Venue)
    featured = aliased(Member)
    return (
        select(
            Venue.short.label("venue_short"),
            Venue.kind.label("venue_kind"),
            Venue.label.label("venue_label"),
            own_label_sql(parent).label("parent_label"),
            parent.short.label("parent_short"),
            Venue.full.label("venue_full"),
            featured.name.label("featured_name"),
            featured.native.label("featured_native"),
            *(column for column in Paper.__table__.columns),
        )
        .join(Venue, Paper.venue_id == Venue.id)
        .outerjoin(parent, Venue.parent_id == parent.id)
        .outerjoin(featured, Paper.featured_id == featured.id)
    )


def _authors_of(
    session: Session, paper_filter: Select[Any] | None
) -> dict[int, tuple[AuthorRecord, ...]]:
    """Authors of the filtered papers (all papers for None), in order.

    Equal author records are shared (they are frozen): a member on 500 papers is one object,
    which keeps a university-sized papers table small and quick to load.
    """
    statement = (
        select(
            Authorship.paper_id,
            Authorship.name,
            Authorship.member_id,
            Member.name,
            Member.native,
            Authorship.equal,
        )
        .outerjoin(Member, Authorship.member_id == Member.id)
        .order_by(Authorship.paper_id, Authorship.position)
    )
    if paper_filter is not None:
        statement = statement.where(Authorship.paper_id.in_(paper_filter))
    # Core rows (session.connection()) skip the ORM's per-row bookkeeping: 3x faster at 100k.
    return authors_by_paper(session.connection().execute(statement))


def _links_of(
    session: Session, paper_filter: Select[Any] | None
) -> dict[int, tuple[PaperLink, ...]]:
    """The labelled links of the filtered papers (all papers for None), in order."""
    statement = select(PaperLinkRow.paper_id, PaperLinkRow.label, PaperLinkRow.url).order_by(
        PaperLinkRow.paper_id, PaperLinkRow.position
    )
    if paper_filter is not None:
        statement = statement.where(PaperLinkRow.paper_id.in_(paper_filter))
    return links_by_paper(session.connection().execute(statement))


def papers_in(
    session: Session,
    years: Iterable[int] | None = None,
    *,
    venue_ids: Sequence[int] | None = None,
    member_id: int | None = None,
    edition_years: Iterable[int] | None = None,
    untitled: bool = False,
) -> tuple[PaperRecord, ...]:
    """Papers (withdrawn ones included) of the given news years, oldest month first.

    ``edition_years`` filters by the year of the venue's edition instead; ``untitled`` keeps
    only the papers without a title (placeholders from a news page).
    """
    statement = _paper_select()
    ids = select(Paper.id)
    filtered = untitled or any(f is not None for f in (years, venue_ids, member_id, edition_years))
    if untitled:
        statement = statement.where(Paper.title == "")
        ids = ids.where(Paper.title == "")
    if years is not None:
        wanted = sorted(set(years))
        statement = statement.where(Paper.news_year.in_(wanted))
        ids = ids.where(Paper.news_year.in_(wanted))
    if edition_years is not None:
        editions = sorted(set(edition_years))
        statement = statement.where(Paper.year.in_(editions))
        ids = ids.where(Paper.year.in_(editions))
    if venue_ids is not None:
        statement = statement.where(Paper.venue_id.in_(venue_ids))
        ids = ids.where(Paper.venue_id.in_(venue_ids))
    if member_id is not None:
        mine = select(Authorship.paper_id).where(Authorship.member_id == member_id)
        statement = statement.where(Paper.id.in_(mine))
        ids = ids.where(Paper.id.in_(mine))
    statement = statement.order_by(Paper.news_year, Paper.news_month, Paper.position, Paper.id)
    authors = _authors_of(session, ids if filtered else None)
    links = _links_of(session, ids if filtered else None)
    # Rows are streamed, not fetched all at once: a university's 100,000 papers would hold
    # their driver rows and records in memory together.
    shared: dict[object, Any] = {}
    rows = session.connection().execute(statement)
    return tuple(
        _paper_record(row, authors.get(row.id, ()), shared, links.get(row.id, ())) for row in rows
    )


def paper_titles(
    session: Session, edition_years: Iterable[int]
) -> list[tuple[int, str, int, str, str | None]]:
    """(id, venue short name, edition year, title, DOI) of the papers of these years.

    What a duplicate check needs of a paper with a title, without its authors: an import
    into a university-sized lab reads tens of thousands of these.
    """
    statement = _titles_select().where(Paper.year.in_(sorted(set(edition_years))))
    return [tuple(row) for row in session.connection().execute(statement)]  # type: ignore[misc]


@cache
def _titles_select() -> Select[int, str, int, str, str | None]:
    return select(Paper.id, Venue.short, Paper.year, Paper.title, Paper.doi).join(
        Venue, Paper.venue_id == Venue.id
    )


def papers_with_dois(session: Session, dois: Iterable[str]) -> dict[str, int]:
    """The papers that have any of these DOIs (compared ignoring case), by lower-case DOI."""
    wanted = {doi.lower() for doi in dois}
    found: dict[str, int] = {}
    if not wanted:
        return found
    lower_doi = func.lower(Paper.doi)
    if int(session.scalar(select(func.count()).select_from(Paper)) or 0) <= 4 * len(wanted):
        # Asking about nearly as many DOIs as the lab has papers: one read of them all is
        # quicker than the lookups (an import into a small or empty lab).
        rows = session.connection().execute(
            select(Paper.id, lower_doi).where(Paper.doi.is_not(None))
        )
        return {doi: paper_id for paper_id, doi in rows if doi in wanted}
    for chunk in in_chunks(wanted):
        for paper_id, doi in session.connection().execute(
            select(Paper.id, lower_doi).where(lower_doi.in_(chunk))
        ):
            found[doi] = paper_id
    return found


def papers_by_id(session: Session, paper_ids: Iterable[int]) -> dict[int, PaperRecord]:
    """The papers with these ids, by id, read a chunk of ids at a time (two queries each)."""
    found: dict[int, PaperRecord] = {}
    shared: dict[object, Any] = {}
    for chunk in in_chunks(paper_ids):
        ids = select(Paper.id).where(Paper.id.in_(chunk))
        authors = _authors_of(session, ids)
        links = _links_of(session, ids)
        for row in session.connection().execute(_paper_select().where(Paper.id.in_(chunk))):
            found[row.id] = _paper_record(
                row, authors.get(row.id, ()), shared, links.get(row.id, ())
            )
    return found


def paper_by_id(session: Session, paper_id: int) -> PaperRecord:
    row = session.execute(_paper_select().where(Paper.id == paper_id)).first()
    if row is None:
        raise NotFoundError(f"there is no paper #{paper_id}", field="paper")
    only = select(Paper.id).where(Paper.id == paper_id)
    authors = _authors_of(session, only)
    links = _links_of(session, only)
    return _paper_record(row, authors.get(paper_id, ()), {}, links.get(paper_id, ()))


@cache
def _paper_row_values() -> Callable[[Any], tuple[Any, ...]]:
    """Picks a ``_paper_select`` row's values by label, in ``paperrows.PAPER_ROW`` order. An
    itemgetter, not the row's attributes: at 100,000 papers reading each value by attribute
    cost 1.6 s of CPU against 0.06 s for the tuple (measured)."""
    labels = [column.key for column in _paper_select().selected_columns]
    return operator.itemgetter(*(labels.index(name) for name in PAPER_ROW))


def _paper_record(
    row: Any,
    authors: tuple[AuthorRecord, ...],
    shared: dict[object, Any],
    links: tuple[PaperLink, ...] = (),
) -> PaperRecord:
    """A record from one row of ``_paper_select``, its values picked by column label."""
    return paper_record(_paper_row_values()(row), authors, shared, links)


def paper_count(session: Session, year: int | None = None) -> int:
    """Counted (not withdrawn) papers, in one news year or in all."""
    statement = select(func.count()).select_from(Paper).where(Paper.status != "withdrawn")
    if year is not None:
        statement = statement.where(Paper.news_year == year)
    return int(session.scalar(statement) or 0)


def news_years(session: Session) -> tuple[int, ...]:
    """The news years that have papers or achievements, newest first."""
    paper_years = set(session.scalars(select(Paper.news_year).distinct()))
    achievement_years = set(session.scalars(select(Achievement.year).distinct()))
    return tuple(sorted(paper_years | achievement_years, reverse=True))


def find_duplicate_paper(
    session: Session, title: str, venue_id: int, year: int, *, exclude_id: int | None = None
) -> PaperRecord | None:
    """A paper with the same title (ignoring case and spacing), venue and year, if any."""
    wanted = name_key_title(title)
    if not wanted:
        return None
    statement = select(Paper.id, Paper.title).where(
        Paper.venue_id == venue_id, Paper.year == year, Paper.title != ""
    )
    if exclude_id is not None:
        statement = statement.where(Paper.id != exclude_id)
    for paper_id, other in session.execute(statement):
        if name_key_title(other) == wanted:
            return paper_by_id(session, paper_id)
    return None


def name_key_title(title: str) -> str:
    """A title compared ignoring case, punctuation and spacing."""
    return _NOT_A_LETTER.sub("", title.casefold())


# --- tally -------------------------------------------------------------------------------------


def venue_year_counts(
    session: Session, years: Iterable[int] | None = None
) -> Sequence[tuple[int, int, int, int]]:
    """Counted papers per (news year, venue), by one GROUP BY that the tally index answers.

    Each row is a ``VenueYearCount``'s fields, kept as the plain tuple the driver returns.
    """
    # pack_first() in SQL. It needs 64 bits: PostgreSQL's INTEGER would overflow without casts.
    first = func.min(
        cast(Paper.news_month, BigInteger) * MONTH_WEIGHT
        + cast(Paper.position, BigInteger) * POSITION_WEIGHT
        + Paper.id
    )
    statement = (
        select(Paper.news_year, Paper.venue_id, func.count(), first)
        .where(Paper.status != "withdrawn")
        .group_by(Paper.news_year, Paper.venue_id)
    )
    if years is not None:
        statement = statement.where(Paper.news_year.in_(sorted(set(years))))
    return session.connection().execute(statement).all()


def label_counts(
    session: Session, rules: TallyRules, years: Iterable[int] | None = None
) -> list[LabelCount]:
    # Only what the label rule needs: no aliases, no parent join (the parent is in the map).
    venue_map = {
        venue_id: VenueRecord(
            id=venue_id, short=short, kind=kind, label=label or None, parent_id=parent_id
        )
        for venue_id, short, kind, label, parent_id in session.connection().execute(
            select(Venue.id, Venue.short, Venue.kind, Venue.label, Venue.parent_id)
        )
    }
    return label_counts_from_venues(venue_year_counts(session, years), venue_map, rules)


def tallies(
    session: Session, rules: TallyRules | None = None, years: Iterable[int] | None = None
) -> tuple[YearTally, ...]:
    """Every year's tally (newest first), computed in SQL: no paper rows are loaded."""
    rules = rules or tally_rules(session)
    return tallies_from_counts(label_counts(session, rules, years), rules)


# --- achievements ------------------------------------------------------------------------------


def achievements_in(
    session: Session, years: Iterable[int] | None = None
) -> tuple[AchievementRecord, ...]:
    """Achievements of the given years (all when None), oldest first."""
    statement = select(Achievement).order_by(
        Achievement.year, Achievement.month, Achievement.day, Achievement.id
    )
    wanted = None if years is None else sorted(set(years))

    def of_wanted_years(rows: Select[*_Columns], achievement_id: Any) -> Select[*_Columns]:
        """The rows of the wanted years' achievements only (all when no years are given)."""
        if wanted is None:
            return rows
        return rows.join(Achievement, achievement_id == Achievement.id).where(
            Achievement.year.in_(wanted)
        )

    if wanted is not None:
        statement = statement.where(Achievement.year.in_(wanted))
    member_rows = select(
        AchievementMember.achievement_id, Member.id, Member.name, Member.native
    ).join(Member, AchievementMember.member_id == Member.id)
    people: dict[int, list[AuthorRecord]] = defaultdict(list)
    for achievement_id, member_id, name, native in session.execute(
        of_wanted_years(member_rows, AchievementMember.achievement_id).order_by(
            AchievementMember.achievement_id, AchievementMember.position
        )
    ):
        people[achievement_id].append(AuthorRecord(name, member_id, native))
    link_rows = select(
        AchievementLinkRow.achievement_id,
        AchievementLinkRow.kind,
        AchievementLinkRow.url,
        AchievementLinkRow.label,
    )
    links: dict[int, list[AchievementLink]] = defaultdict(list)
    for achievement_id, kind, url, label in session.execute(
        of_wanted_years(link_rows, AchievementLinkRow.achievement_id).order_by(
            AchievementLinkRow.achievement_id, AchievementLinkRow.position
        )
    ):
        links[achievement_id].append(AchievementLink(kind, url, label))
    return tuple(
        by_name(
            a,
            AchievementRecord,
            date=YearMonth(a.year, a.month),
            members=tuple(people.get(a.id, ())),
            links=tuple(links.get(a.id, ())),
        )
        for a in session.scalars(statement)
    )


def achievement_by_id(session: Session, achievement_id: int) -> AchievementRecord:
    for record in achievements_in(session):
        if record.id == achievement_id:
            return record
    raise NotFoundError(f"there is no achievement #{achievement_id}", field="achievement")


# --- settings ----------------------------------------------------------------------------------


def setting(session: Session, key: str) -> str | None:
    """A shared setting's stored JSON text, or None when unset."""
    return session.scalar(select(Setting.value).where(Setting.key == key))


def tally_rules(session: Session) -> TallyRules:
    """The lab's tally rules; the lab format's defaults when none are stored."""
    stored = setting(session, RULES_KEY)
    return TallyRules.from_json(stored) if stored else TallyRules()


def usage_of_member(session: Session, member_id: int) -> tuple[int, int, int]:
    """How many papers list the member as author, as featured, and how many achievements."""
    authored = session.scalar(
        select(func.count(func.distinct(Authorship.paper_id))).where(
            Authorship.member_id == member_id
        )
    )
    featured = session.scalar(
        select(func.count()).select_from(Paper).where(Paper.featured_id == member_id)
    )
    achievements = session.scalar(
        select(func.count())
        .select_from(AchievementMember)
        .where(AchievementMember.member_id == member_id)
    )
    return int(authored or 0), int(featured or 0), int(achievements or 0)


def usage_of_venue(session: Session, venue_id: int) -> tuple[int, tuple[str, ...]]:
    """How many papers a venue has, and the short names of the venues it is parent of."""
    papers = session.scalar(
        select(func.count()).select_from(Paper).where(Paper.venue_id == venue_id)
    )
    children = tuple(session.scalars(select(Venue.short).where(Venue.parent_id == venue_id)))
    return int(papers or 0), children


def change_count(session: Session) -> int | None:
    """How many write transactions have changed the lab (None for a lab made before the count):
    equal counts mean nothing changed in between, whoever wrote (on a server: through labnews)."""
    from labnews.store.models import LabState

    return session.scalar(select(LabState.change_count).where(LabState.id == 1))


def all_papers_count(session: Session) -> int:
    """How many papers the lab holds, withdrawn ones included (the papers table's rows)."""
    return int(session.scalar(select(func.count()).select_from(Paper)) or 0)


def newest_papers(session: Session, limit: int) -> tuple[PaperRecord, ...]:
    """The ``limit`` newest papers by news month, in the order ``papers_in`` gives them: what a
    large papers table shows first."""
    newest = (Paper.news_year.desc(), Paper.news_month.desc(), Paper.position.desc())
    ids = select(Paper.id).order_by(*newest, Paper.id.desc()).limit(limit)
    wanted = set(session.scalars(ids))
    chosen = select(Paper.id).where(Paper.id.in_(wanted))
    statement = (
        _paper_select()
        .where(Paper.id.in_(wanted))
        .order_by(Paper.news_year, Paper.news_month, Paper.position, Paper.id)
    )
    authors = _authors_of(session, chosen)
    links = _links_of(session, chosen)
    shared: dict[object, Any] = {}
    rows = session.connection().execute(statement)
    return tuple(
        _paper_record(row, authors.get(row.id, ()), shared, links.get(row.id, ())) for row in rows
    )
