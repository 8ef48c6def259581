"""``labnews check``: the database's own checks and the domain's, with safe repairs.

Each finding says what is wrong and whether ``--fix`` repairs it. Repairs run in the caller's
transaction (after a backup, in the CLI), so they land together or not at all, and a second run
after a repair finds nothing to repair.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session, aliased

from labnews.core.inputs import AUTO, FeaturedChoice, PaperInput
from labnews.core.names import name_key
from labnews.core.records import PaperRecord, venue_edition
from labnews.core.snapshots import paper_input
from labnews.store import commands, queries
from labnews.store.migrate import index_damage_only
from labnews.store.models import Authorship, Member, MemberAlias, Paper, Venue, VenueAlias

MAX_LISTED = 20
"""Papers a note lists one by one at most; the rest are counted."""


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """One problem (or, with ``note``, a fact worth knowing) that ``labnews check`` found."""

    check: str
    message: str
    fixable: bool = False
    note: bool = False

    def __str__(self) -> str:
        tail = " (--fix repairs it)" if self.fixable else ""
        return f"{'note' if self.note else 'problem'}: {self.check}: {self.message}{tail}"


def run_checks(session: Session, *, is_sqlite: bool) -> list[CheckFinding]:
    """Every check: SQLite's integrity and foreign keys, then the domain's."""
    findings: list[CheckFinding] = []
    integrity: list[str] | None = None
    if is_sqlite:
        integrity = [str(r[0]) for r in session.execute(text("PRAGMA integrity_check")).all()]
        if integrity != ["ok"]:
            findings.extend(CheckFinding("integrity", row) for row in integrity[:20])
        for table, rowid, parent, _ in session.execute(text("PRAGMA foreign_key_check")).all():
            findings.append(
                CheckFinding("foreign keys", f"{table} row {rowid} refers to a missing {parent}")
            )
    findings.extend(_index_damage(session, fix=False, integrity=integrity))
    findings.extend(_empty_catalog(session, fix=False))
    findings.extend(_papers_without_venue(session))
    findings.extend(_members_twice_on_a_paper(session, fix=False))
    findings.extend(_featured_not_an_author(session, fix=False))
    findings.extend(_duplicate_dois(session))
    findings.extend(_orphan_workshops(session, fix=False))
    findings.extend(_parent_cycles(session))
    findings.extend(_aliases_of_others(session, fix=False))
    findings.extend(_probable_duplicates(session, fix=False))
    findings.extend(_papers_naming_no_member(session))
    placeholders = session.scalar(select(func.count()).select_from(Paper).where(Paper.title == ""))
    if placeholders:
        findings.append(
            CheckFinding(
                "placeholders",
                f"{placeholders} papers have no title yet (known only from a news line)",
                note=True,
            )
        )
    return findings


def repair(session: Session) -> list[str]:
    """Repair what is safe to repair; returns what was done."""
    done: list[str] = []
    for repair_step in (
        _index_damage,
        _empty_catalog,
        _members_twice_on_a_paper,
        _featured_not_an_author,
        _orphan_workshops,
        _aliases_of_others,
        _probable_duplicates,
    ):
        done.extend(f.message for f in repair_step(session, fix=True))
    return done


def _index_damage(
    session: Session, *, fix: bool, integrity: list[str] | None = None
) -> list[CheckFinding]:
    """Indexes that disagree with their tables (SQLite): REINDEX builds them from the records.

    ``integrity`` is SQLite's integrity_check report when the caller has read it already: on
    a large lab it reads every page, so it is read once per check.
    """
    if session.connection().dialect.name != "sqlite":
        return []
    if integrity is None:
        integrity = [str(row[0]) for row in session.execute(text("PRAGMA integrity_check"))]
    report = "; ".join(integrity)
    if report == "ok" or not index_damage_only(report):
        return []
    if fix:
        session.execute(text("REINDEX"))
    return [
        CheckFinding(
            "indexes",
            "indexes disagree with their tables"
            + ("; rebuilt them from the records" if fix else " (the records themselves are whole)"),
            fixable=True,
        )
    ]


def _empty_catalog(session: Session, *, fix: bool) -> list[CheckFinding]:
    """A lab without a single venue: its catalog was never written (labnews stopped mid-way)."""
    if session.scalar(select(func.count()).select_from(Venue)):
        return []
    if fix:
        from labnews.store.catalog import seed_catalog

        seed_catalog(session)
    return [
        CheckFinding(
            "venue catalog",
            "the lab has no venues at all" + ("; added the built-in ones" if fix else ""),
            fixable=True,
        )
    ]


def _papers_without_venue(session: Session) -> list[CheckFinding]:
    rows = session.execute(
        select(Paper.id)
        .outerjoin(Venue, Paper.venue_id == Venue.id)
        .where(Venue.id.is_(None))
        .order_by(Paper.id)
    ).scalars()
    return [
        CheckFinding("paper without venue", f"paper #{pid} has no venue (edit it to choose one)")
        for pid in rows
    ]


def _members_twice_on_a_paper(session: Session, *, fix: bool) -> list[CheckFinding]:
    rows = session.execute(
        select(Authorship.paper_id, Authorship.member_id, func.min(Authorship.position))
        .where(Authorship.member_id.is_not(None))
        .group_by(Authorship.paper_id, Authorship.member_id)
        .having(func.count() > 1)
    ).all()
    findings = []
    for paper_id, member_id, first in rows:
        name = session.scalar(select(Member.name).where(Member.id == member_id))
        findings.append(
            CheckFinding(
                "member listed twice",
                f"{name} is listed twice on paper #{paper_id}"
                + ("; removed the later entry" if fix else ""),
                fixable=True,
            )
        )
        if fix:
            session.execute(
                delete(Authorship).where(
                    Authorship.paper_id == paper_id,
                    Authorship.member_id == member_id,
                    Authorship.position != first,
                )
            )
    return findings


def _featured_not_an_author(session: Session, *, fix: bool) -> list[CheckFinding]:
    """A featured member who is not among a paper's member authors (when it has some)."""
    featured_is_author = (
        select(Authorship.paper_id)
        .where(Authorship.paper_id == Paper.id, Authorship.member_id == Paper.featured_id)
        .exists()
    )
    has_member_authors = (
        select(Authorship.paper_id)
        .where(Authorship.paper_id == Paper.id, Authorship.member_id.is_not(None))
        .exists()
    )
    paper_ids = session.scalars(
        select(Paper.id).where(
            Paper.featured_id.is_not(None), has_member_authors, ~featured_is_author
        )
    ).all()
    findings = []
    for paper_id in paper_ids:
        findings.append(
            CheckFinding(
                "featured member",
                f"paper #{paper_id} features a member who is not among its authors"
                + ("; now features its first member author in news" if fix else ""),
                fixable=True,
            )
        )
        if fix:
            first = session.scalar(
                select(Authorship.member_id)
                .join(Member, Member.id == Authorship.member_id)
                .where(Authorship.paper_id == paper_id, Member.in_news.is_(True))
                .order_by(Authorship.position)
                .limit(1)
            )
            session.execute(
                update(Paper)
                .where(Paper.id == paper_id)
                .values(featured_id=first, version=Paper.version + 1)
            )
    return findings


def _duplicate_dois(session: Session) -> list[CheckFinding]:
    rows = session.execute(
        select(func.lower(Paper.doi), func.count())
        .where(Paper.doi.is_not(None))
        .group_by(func.lower(Paper.doi))
        .having(func.count() > 1)
    ).all()
    return [
        CheckFinding("duplicate DOI", f"{count} papers share the DOI {doi}") for doi, count in rows
    ]


def _orphan_workshops(session: Session, *, fix: bool) -> list[CheckFinding]:
    """Workshops without a parent conference: "X Workshop" is repaired to point at X."""
    rows = session.scalars(
        select(Venue).where(Venue.kind == "workshop", Venue.parent_id.is_(None))
    ).all()
    by_short = {
        short.casefold(): vid for vid, short in session.execute(select(Venue.id, Venue.short))
    }
    findings = []
    for venue in rows:
        base = venue.short.removesuffix(" Workshops").removesuffix(" Workshop").strip()
        parent_id = by_short.get(base.casefold()) if base != venue.short else None
        if parent_id is not None and parent_id != venue.id:
            findings.append(
                CheckFinding(
                    "workshop without parent",
                    f"workshop {venue.short} has no parent conference"
                    + (f"; now under {base}" if fix else f" ({base} looks like it)"),
                    fixable=True,
                )
            )
            if fix:
                session.execute(
                    update(Venue)
                    .where(Venue.id == venue.id)
                    .values(parent_id=parent_id, version=Venue.version + 1)
                )
        elif not fix:
            findings.append(
                CheckFinding(
                    "workshop without parent",
                    f"workshop {venue.short} has no parent conference (edit it to choose one)",
                )
            )
    return findings


def _parent_cycles(session: Session) -> list[CheckFinding]:
    parents: dict[int, int | None] = dict(session.execute(select(Venue.id, Venue.parent_id)).all())
    shorts: dict[int, str] = dict(session.execute(select(Venue.id, Venue.short)).all())
    reported: set[frozenset[int]] = set()
    findings = []
    for start in parents:
        seen: list[int] = []
        node: int | None = start
        while node is not None and node not in seen:
            seen.append(node)
            node = parents.get(node)
        if node is not None:
            cycle = frozenset(seen[seen.index(node) :])
            if cycle not in reported:
                reported.add(cycle)
                names = " -> ".join(shorts[v] for v in seen[seen.index(node) :])
                findings.append(
                    CheckFinding("venue cycle", f"venues are each other's parents: {names}")
                )
    return findings


def _ambiguous_alias(text: str, *, fix: bool) -> CheckFinding:
    """The finding for one alias that spells another record's name (removed when fixing)."""
    return CheckFinding("ambiguous alias", text + ("; removed it" if fix else ""), fixable=True)


def _aliases_of_others(session: Session, *, fix: bool) -> list[CheckFinding]:
    """Aliases that spell another record's own name: they make matching ambiguous."""
    findings = []
    member = aliased(Member)
    member_names: dict[str, list[int]] = defaultdict(list)
    for mid, name in session.execute(select(Member.id, Member.name)):
        member_names[name_key(name)].append(mid)
    for alias_id, owner, alias in session.execute(
        select(MemberAlias.id, member.name, MemberAlias.alias).join(
            member, member.id == MemberAlias.member_id
        )
    ):
        others = [m for m in member_names.get(name_key(alias), []) if m]
        owner_ids = member_names.get(name_key(owner), [])
        if others and not set(others) & set(owner_ids):
            findings.append(
                _ambiguous_alias(f"{owner}'s alias {alias!r} is another member's name", fix=fix)
            )
            if fix:
                session.execute(delete(MemberAlias).where(MemberAlias.id == alias_id))
    venue_shorts = {
        short.casefold(): vid for vid, short in session.execute(select(Venue.id, Venue.short))
    }
    for alias_id, venue_id, alias in session.execute(
        select(VenueAlias.id, VenueAlias.venue_id, VenueAlias.alias)
    ):
        other = venue_shorts.get(alias.casefold())
        if other is not None and other != venue_id:
            findings.append(
                _ambiguous_alias(f"venue alias {alias!r} is another venue's short name", fix=fix)
            )
            if fix:
                session.execute(delete(VenueAlias).where(VenueAlias.id == alias_id))
    return findings


# --- papers recorded twice ---------------------------------------------------------------------


def _probable_duplicates(session: Session, *, fix: bool) -> list[CheckFinding]:
    """Two records that are probably one paper, as importing a news page twice used to leave.

    They share venue, edition, news month and featured member, name the same members in the
    news, one or both have no title, and no title, DOI or arXiv id tells them apart. The
    repair merges each into the titled one (else the older): every field either has is kept,
    the authors of both in order, and the other record is deleted. Records a titled paper and
    another titled paper could both be are listed, not merged.
    """
    # Lean rows first, grouped here: a join on five columns, none indexed together, takes
    # SQLite seconds at 100,000 papers; one scan of small rows takes a tenth of a second.
    groups: dict[tuple[int, int, int, int, int | None], list[int]] = defaultdict(list)
    untitled: set[tuple[int, int, int, int, int | None]] = set()
    for paper_id, venue_id, year, news_year, news_month, featured_id, no_title in (
        session.connection().execute(
            select(
                Paper.id, Paper.venue_id, Paper.year, Paper.news_year, Paper.news_month,
                Paper.featured_id, Paper.title == "",
            )
            .where(Paper.featured_id.is_not(None))
            .order_by(Paper.id)
        )
    ):  # fmt: skip
        key = (venue_id, year, news_year, news_month, featured_id)
        groups[key].append(paper_id)
        if no_title:
            untitled.add(key)
    keys = {paper_id: key for key in untitled if len(groups[key]) > 1 for paper_id in groups[key]}
    ids = sorted(keys)
    # Members out of the news (a PI on every paper) say nothing about which paper it is.
    named: dict[int, set[int | None]] = defaultdict(set)
    for chunk in queries.in_chunks(ids):
        for paper_id, member_id in session.execute(
            select(Authorship.paper_id, Authorship.member_id)
            .join(Member, Member.id == Authorship.member_id)
            .where(Member.in_news.is_(True), Authorship.paper_id.in_(chunk))
        ):
            named[paper_id].add(member_id)
    alike: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for paper_id in ids:
        alike[(keys[paper_id], frozenset(named[paper_id]))].append(paper_id)
    wanted = [paper_id for same in alike.values() if len(same) > 1 for paper_id in same]
    records = queries.papers_by_id(session, wanted)
    findings: list[CheckFinding] = []
    for same_ids in alike.values():
        same = [records[paper_id] for paper_id in same_ids if paper_id in records]
        untitled_ones = [p for p in same if not p.title.strip()]
        if len(same) < 2 or not untitled_ones:
            continue
        titled = [p for p in same if p.title.strip()]
        where = _where(same[0])
        if len(titled) > 1:
            listed = ", ".join(f"#{p.id}" for p in titled)
            findings.extend(
                CheckFinding(
                    "probable duplicate",
                    f"paper #{p.id} (untitled) is probably one of papers {listed} ({where}): "
                    "merge it by hand",
                )
                for p in untitled_ones
            )
            continue
        keep = titled[0] if titled else min(untitled_ones, key=lambda p: p.id)
        merged = keep
        for other in sorted(untitled_ones, key=lambda p: p.id):
            if other is keep or _told_apart(merged, other):
                continue
            findings.append(
                CheckFinding(
                    "probable duplicate",
                    (f"merged paper #{other.id} into paper #{keep.id} ({where})")
                    if fix
                    else (
                        f"paper #{other.id} (untitled) is probably paper #{keep.id} "
                        f"{_named(keep)} ({where})"
                    ),
                    fixable=True,
                )
            )
            merged = _merged(merged, other)
            if fix:
                commands.remove_papers(session, [other.id])
                commands.update_paper(session, keep.id, _input_of(merged))
    return findings


def _where(paper: PaperRecord) -> str:
    edition = venue_edition(paper.venue_short, paper.venue_kind, paper.year)
    return f"{edition}, news {paper.news}, {paper.featured_name}"


def _named(paper: PaperRecord) -> str:
    return repr(paper.title[:80]) if paper.title.strip() else "(untitled)"


def _told_apart(one: PaperRecord, other: PaperRecord) -> bool:
    """Whether a field both records have differs: then they are two papers."""
    pairs = (
        (queries.name_key_title(one.title), queries.name_key_title(other.title)),
        ((one.doi or "").lower(), (other.doi or "").lower()),
        ((one.arxiv or "").lower(), (other.arxiv or "").lower()),
    )
    return any(a and b and a != b for a, b in pairs)


def _merged(keep: PaperRecord, other: PaperRecord) -> PaperRecord:
    """``keep`` with what only ``other`` has: its missing fields, and its authors after its own."""
    authors = list(keep.authors)
    members = {a.member_id for a in authors if a.member_id is not None}
    names = {name_key(a.name) for a in authors if a.member_id is None}
    for author in other.authors:
        if author.member_id is not None:
            if author.member_id not in members:
                members.add(author.member_id)
                authors.append(author)
        elif name_key(author.name) not in names:
            names.add(name_key(author.name))
            authors.append(author)
    featured_id, featured_name = keep.featured_id, keep.featured_name
    if featured_id not in members and members:
        featured_id, featured_name = other.featured_id, other.featured_name
    return replace(
        keep,
        title=keep.title.strip() or other.title,
        authors=tuple(authors),
        featured_id=featured_id,
        featured_name=featured_name,
        presentation=keep.presentation or other.presentation,
        doi=keep.doi or other.doi,
        arxiv=keep.arxiv or other.arxiv,
        url=keep.url or other.url,
        code=keep.code or other.code,
        project=keep.project or other.project,
        bibkey=keep.bibkey or other.bibkey,
        note=keep.note or other.note,
    )


def _input_of(paper: PaperRecord) -> PaperInput:
    """The merged paper as an input: as it is recorded, but for a featured member who is no
    longer among its authors."""
    members = {a.member_id for a in paper.authors if a.member_id is not None}
    featured: FeaturedChoice = paper.featured_id
    if featured is not None and members and featured not in members:
        featured = AUTO  # neither record's featured member is an author: the usual rule picks
    return replace(paper_input(paper), featured=featured)


# --- papers no news line names -----------------------------------------------------------------


def _papers_naming_no_member(session: Session) -> list[CheckFinding]:
    """Papers without a member among their authors: counted, but no news line names anyone.

    A note, not a problem: a line like "Two papers accepted to CVPR" names nobody on purpose,
    and the window asks before saving such a paper. Nothing here can be repaired by a rule.
    """
    has_member = (
        select(Authorship.paper_id)
        .where(Authorship.paper_id == Paper.id, Authorship.member_id.is_not(None))
        .exists()
    )
    rows = session.execute(
        select(Paper.id, Venue.short, Venue.kind, Paper.year, Paper.news_year, Paper.news_month)
        .join(Venue, Paper.venue_id == Venue.id)
        .where(~has_member)
        .order_by(Paper.news_year, Paper.news_month, Paper.position, Paper.id)
    ).all()
    findings = [
        CheckFinding(
            "no member",
            f"paper #{paper_id} ({venue_edition(short, kind, year)}, news {news_year}-"
            f"{news_month:02d}) has no lab member among its authors: it counts in the tally "
            "but no news line names anyone",
            note=True,
        )
        for paper_id, short, kind, year, news_year, news_month in rows[:MAX_LISTED]
    ]
    if len(rows) > MAX_LISTED:
        findings.append(
            CheckFinding(
                "no member",
                f"and {len(rows) - MAX_LISTED} more papers have no lab member among their authors",
                note=True,
            )
        )
    return findings
