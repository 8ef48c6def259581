"""The papers an import must not add again: the lab's own, and those met earlier in the file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from labnews.core.records import PaperRecord, YearMonth
from labnews.io.plan import ImportPlan, PlannedPaper
from labnews.store import queries

_NOT_ALNUM = re.compile(r"[\W_]+")


def title_key(title: str) -> str:
    """``queries.name_key_title`` (case, punctuation and spacing ignored), by one regex pass."""
    return _NOT_ALNUM.sub("", title.casefold())


@dataclass(frozen=True, slots=True)
class HeldPaper:
    """A paper the lab holds, as an untitled paper of an import is compared with it."""

    id: int
    titled: bool
    members: frozenset[str]
    featured: str | None
    doi: str | None = None
    arxiv: str | None = None

    @classmethod
    def of(cls, paper: PaperRecord) -> HeldPaper:
        return cls(
            id=paper.id,
            titled=bool(title_key(paper.title)),
            members=frozenset(a.name for a in paper.authors if a.member_id is not None),
            featured=paper.featured_name,
            doi=paper.doi.lower() if paper.doi else None,
            arxiv=paper.arxiv.lower() if paper.arxiv else None,
        )


@dataclass(frozen=True, slots=True)
class Untitled:
    """An untitled paper of an import, with the news month and featured member it is known by.

    ``featured`` is the member its news line names: the one the source gives, else its first
    member author in the news (the store's automatic choice); None when it names nobody.
    """

    paper: PlannedPaper
    news: YearMonth | None
    featured: str | None

    @property
    def members(self) -> frozenset[str]:
        return frozenset(a.member for a in self.paper.authors if a.member)


Where = int | str
"""Where a paper was met: its id in the database, or "line N" of the file."""


@dataclass
class PaperIndex:
    """The papers a plan must not add again: in the database and earlier in the same file.

    A titled paper is known by its DOI and by its title, venue and edition year. An untitled one
    (a news line rarely gives titles) is the same as a held paper of the same venue, edition,
    news month and featured member whose member authors include its own, with no DOI or arXiv
    id that differs: a news line names one member per paper. Each held paper answers for one
    paper of the import, so a lab holding two untitled NeurIPS 2024 papers of one member finds
    the third one a page lists new.
    """

    dois: dict[str, Where] = field(default_factory=dict)
    titles: dict[tuple[str, int, str], Where] = field(default_factory=dict)
    held: dict[tuple[str, int, YearMonth], list[HeldPaper]] = field(default_factory=dict)
    """Papers by (venue, edition year, news month): the untitled ones, and the titled ones of
    the groups an untitled paper of the import falls in (read when it does)."""
    untitled_of: dict[tuple[str, int, str], list[HeldPaper]] = field(default_factory=dict)
    """Untitled papers by (venue, edition year, featured member): a titled paper of the import
    featuring that member at that venue is probably one of them."""
    taken: set[int] = field(default_factory=set)
    """Held papers that already answer for a paper of the import."""
    present: Counter[int] = field(default_factory=Counter)
    """Papers of the import the database holds, by news year."""
    session: Session | None = None
    _read: set[tuple[str, int]] = field(default_factory=set)
    _held_ids: set[int] = field(default_factory=set)
    _read_all: bool = False
    conference_years: frozenset[int] = frozenset()
    """News years whose lines name a workshop paper's conference (the lab's rule): there a
    held workshop paper also answers for a line's "N papers accepted to ECCV 2024"."""

    @classmethod
    def of_database(
        cls,
        session: Session,
        years: Iterable[int] | None = None,
        dois: Iterable[str] = (),
        *,
        venues: Iterable[str] | None = None,
        conference_years: frozenset[int] = frozenset(),
    ) -> PaperIndex:
        """The index of the database's papers; only those an import can collide with, if told.

        With ``years``, only papers of those edition years are read (a title, or an untitled
        paper's signature, can only match within its year), and of the rest only the DOIs
        in ``dois``: an import into a university-sized lab reads a few thousand rows, not all.
        With ``venues`` too (short names, when the import knows them all before it is
        checked, as a news page does), untitled papers are read whole only at those venues.
        """
        index = cls(session=session, conference_years=conference_years)
        if years is not None:
            for doi, paper_id in queries.papers_with_dois(session, dois).items():
                index.dois[doi] = paper_id
            # Titled papers need no authors: read lean rows, and whole records of the rest.
            any_untitled = False
            only_marks: list[int] = []  # titled with punctuation alone: matched as untitled
            for paper_id, short, year, text, paper_doi in queries.paper_titles(session, years):
                if paper_doi:
                    index.dois.setdefault(paper_doi.lower(), paper_id)
                if words := title_key(text):
                    index.titles.setdefault((short.casefold(), year, words), paper_id)
                elif text:
                    only_marks.append(paper_id)
                else:
                    any_untitled = True
            venue_ids = (
                [v.id for v in queries.venues_by_short(session, venues)]
                if venues is not None and any_untitled
                else None
            )
            untitled = (
                queries.papers_in(session, edition_years=years, untitled=True, venue_ids=venue_ids)
                if any_untitled
                else ()
            )
            papers = untitled + tuple(queries.paper_by_id(session, i) for i in only_marks)
        else:
            papers = queries.papers_in(session)
            index._read_all = True
        for paper in papers:
            if paper.doi:
                index.dois.setdefault(paper.doi.lower(), paper.id)
            if title := title_key(paper.title):
                index.titles.setdefault((paper.venue_short.casefold(), paper.year, title), paper.id)
            index._hold(paper)
        return index

    @property
    def untitled(self) -> Counter[tuple[str, int, YearMonth]]:
        """Untitled papers held and not yet matched, by venue, edition year and news month."""
        return Counter(
            {
                key: n
                for key, papers in self.held.items()
                if (n := sum(1 for p in papers if not p.titled and p.id not in self.taken))
            }
        )

    def _hold(self, paper: PaperRecord) -> None:
        held = HeldPaper.of(paper)
        self._held_ids.add(held.id)
        for venue in self._named_as(paper):
            self.held.setdefault((venue, paper.year, paper.news), []).append(held)
            if not held.titled and held.featured:
                self.untitled_of.setdefault((venue, paper.year, held.featured), []).append(held)

    def _named_as(self, paper: PaperRecord) -> tuple[str, ...]:
        """The venue names (casefolded) a news line may give this paper under."""
        own = paper.venue_short.casefold()
        if (
            paper.venue_kind == "workshop"
            and paper.parent_short
            and paper.news.year in self.conference_years
        ):
            return (own, paper.parent_short.casefold())
        return (own,)

    def _read_groups(self, groups: Iterable[tuple[str, int]]) -> None:
        """Hold every paper of these (venue, edition year) groups, in a few queries."""
        wanted = {(venue.casefold(), year) for venue, year in groups} - self._read
        if self._read_all or self.session is None or not wanted:
            return
        self._read |= wanted
        shorts = {venue for venue, _ in wanted}
        venues = list(queries.venues_by_short(self.session, shorts))
        if self.conference_years:
            venues += [
                v
                for v in queries.venues(self.session)
                if v.kind == "workshop" and v.parent_short and v.parent_short.casefold() in shorts
            ]
        if not venues:
            return
        papers = queries.papers_in(
            self.session,
            edition_years={year for _, year in wanted},
            venue_ids=[v.id for v in venues],
        )
        for paper in papers:
            if paper.id not in self._held_ids and any(
                (name, paper.year) in wanted for name in self._named_as(paper)
            ):
                self._hold(paper)

    def _count(self, paper: PlannedPaper, news: YearMonth | None) -> None:
        self.present[news.year if news else paper.year] += 1

    def _met(self, where: Where, why: str, paper: PlannedPaper, news: YearMonth | None) -> str:
        if isinstance(where, int):
            self.taken.add(where)
            self._count(paper, news)
            return f"is already there as paper #{where} ({why})"
        return f"repeats {where} ({why})"

    def duplicate_of(
        self, paper: PlannedPaper, news: YearMonth | None, featured: Sequence[str] = ()
    ) -> str | None:
        """Why the paper is a duplicate ("is already there as paper #12 (same DOI)"), or None.

        ``featured`` are the members the paper's news line could name (its in-news member
        authors, in order). A paper that is not a duplicate is remembered for the next ones.
        An untitled paper is only checked by its DOI here: ``held_untitled`` matches the
        untitled papers of a whole import at once.
        """
        where = f"line {paper.line}" if paper.line is not None else "an earlier one"
        doi = paper.doi.lower() if paper.doi else None
        if doi and doi in self.dois:
            return self._met(self.dois[doi], "same DOI", paper, news)
        title = title_key(paper.title)
        key = (paper.venue.casefold(), paper.year, title)
        if title and key in self.titles:
            return self._met(self.titles[key], "same title, venue and year", paper, news)
        if title:
            for member in featured:
                waiting = self.untitled_of.get((paper.venue.casefold(), paper.year, member), ())
                held = next((p for p in waiting if p.id not in self.taken), None)
                if held is not None:
                    self.taken.add(held.id)
                    self._count(paper, news)
                    return (
                        f"is probably the untitled paper #{held.id} ({paper.venue} "
                        f"{paper.year}, {member}): give that paper its title instead"
                    )
        if doi:
            self.dois[doi] = where
        if title:
            self.titles[key] = where
        return None

    def held_untitled(self, papers: Sequence[Untitled]) -> list[str | None]:
        """For each untitled paper, why the lab already holds it ("matches ..."), or None.

        Papers that name a member are matched first, those naming more members before those
        naming fewer, so a line that names nobody takes what the named ones leave. Of the held
        papers that fit, an untitled one with the same members goes first, then any untitled
        one, then a titled one.
        """
        self._read_groups((u.paper.venue, u.paper.year) for u in papers if u.news is not None)
        found: list[str | None] = [None] * len(papers)
        order = sorted(
            range(len(papers)),
            key=lambda n: (papers[n].featured is None, -len(papers[n].members)),
        )
        for n in order:
            item = papers[n]
            if item.news is None:
                continue
            paper, members = item.paper, item.members
            best: tuple[int, int] | None = None
            chosen: HeldPaper | None = None
            for held in self.held.get((paper.venue.casefold(), paper.year, item.news), ()):
                if held.id in self.taken or not _fits(held, item, members):
                    continue
                rank = (0 if held.members == members else 1) if not held.titled else 2
                if best is None or (rank, held.id) < best:
                    best, chosen = (rank, held.id), held
            if chosen is None:
                continue
            self.taken.add(chosen.id)
            self._count(paper, item.news)
            if chosen.titled:
                found[n] = (
                    f"is already there as paper #{chosen.id} (same venue, month and member; "
                    "the source gives no title)"
                )
            elif chosen.members == members:
                found[n] = "matches an untitled paper already there (same venue, month and authors)"
            else:
                found[n] = (
                    f"matches the untitled paper #{chosen.id} already there "
                    "(same venue, month and member)"
                )
        return found


def _fits(held: HeldPaper, item: Untitled, members: frozenset[str]) -> bool:
    """Whether nothing tells the held paper and the import's untitled paper apart."""
    paper = item.paper
    if paper.doi and held.doi and paper.doi.lower() != held.doi:
        return False
    if paper.arxiv and held.arxiv and paper.arxiv.lower() != held.arxiv:
        return False
    if not members:
        return True  # a line that names nobody: any paper of that venue and month
    if item.featured != held.featured:
        return False
    # A titled paper lists all its authors; an untitled one may know only the featured member.
    return members <= held.members or (not held.titled and held.members <= members)


def leave_out_held(
    plan: ImportPlan, index: PaperIndex, waiting: Sequence[tuple[Untitled, str]]
) -> None:
    """Take the untitled papers the lab holds out of the plan, saying so for each.

    ``waiting`` pairs each untitled paper of the plan with how its finding names it ("entry
    'key'"). The plan's count of papers already in the lab is filled in from the index.
    """
    found = index.held_untitled([item for item, _ in waiting])
    left_out: set[int] = set()
    for (item, name), why in zip(waiting, found, strict=True):
        if why is not None:
            plan.note("duplicate", f"{name} {why}; left out", item.paper.line)
            left_out.add(id(item.paper))
    if left_out:
        plan.papers = [p for p in plan.papers if id(p) not in left_out]
    plan.present.update(index.present)
