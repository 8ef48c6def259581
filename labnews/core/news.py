"""Records -> news entries: the month lines ("Three papers accepted to NeurIPS 2024 (...)")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from labnews.core.records import AchievementRecord, PaperRecord, venue_edition
from labnews.core.rules import TallyRules
from labnews.core.tally import paper_label


@dataclass(frozen=True, slots=True)
class NewsName:
    """A person named in a news line: display name, and native name for Korean output."""

    name: str
    native: str | None = None


@dataclass(frozen=True, slots=True)
class Clause:
    """One venue's part of a month line: "Three papers accepted to NeurIPS 2024 (names)"."""

    venue: str
    venue_short: str
    venue_kind: str
    year: int
    count: int
    names: tuple[NewsName, ...]
    paper_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NewsEntry:
    """One news line: a month's paper clauses, or one achievement."""

    year: int
    month: int
    clauses: tuple[Clause, ...] = ()
    achievement: AchievementRecord | None = None

    @property
    def kind(self) -> str:
        return "papers" if self.achievement is None else "achievement"

    @property
    def paper_ids(self) -> tuple[int, ...]:
        return tuple(pid for clause in self.clauses for pid in clause.paper_ids)


def _named_venue(paper: PaperRecord, by_conference: bool) -> tuple[str, str]:
    """(short name, kind) a month line names the paper's venue by: a workshop's conference in
    a year the rules say so, else the venue itself."""
    if by_conference and paper.venue_kind == "workshop" and paper.parent_short:
        return paper.parent_short, "conference"
    return paper.venue_short, paper.venue_kind


def _clauses(papers: list[PaperRecord], by_conference: bool = False) -> list[Clause]:
    """A month's papers as clauses: venues in order of their first paper, names in paper order."""
    groups: dict[tuple[str, int], list[PaperRecord]] = {}
    for paper in papers:
        short, _kind = _named_venue(paper, by_conference)
        groups.setdefault((short, paper.year), []).append(paper)
    clauses = []
    for group in groups.values():
        first = group[0]
        short, kind = _named_venue(first, by_conference)
        names: dict[int, NewsName] = {}
        for paper in group:
            if paper.featured_id is not None and paper.featured_name:
                names.setdefault(
                    paper.featured_id, NewsName(paper.featured_name, paper.featured_native)
                )
        clauses.append(
            Clause(
                venue=venue_edition(short, kind, first.year),
                venue_short=short,
                venue_kind=kind,
                year=first.year,
                count=len(group),
                names=tuple(names.values()),
                paper_ids=tuple(p.id for p in group),
            )
        )
    return clauses


def news_entries(
    papers: Iterable[PaperRecord],
    rules: TallyRules,
    achievements: Iterable[AchievementRecord] = (),
) -> tuple[NewsEntry, ...]:
    """The news lines, newest first: one per month (or per venue and month, by the rules),
    with achievements among them in date order. Withdrawn papers, and workshops the rules
    exclude, are not news."""
    by_month: dict[tuple[int, int], list[PaperRecord]] = {}
    counted = [p for p in papers if p.counted and paper_label(p, rules) is not None]
    counted.sort(key=lambda p: (p.news, p.position, p.id))
    for paper in counted:
        by_month.setdefault((paper.news.year, paper.news.month), []).append(paper)
    # Sort key: (year, month, 0 papers / 1 achievements, order within); reversed: newest first.
    keyed: list[tuple[tuple[int, int, int, int], NewsEntry]] = []
    for (year, month), month_papers in by_month.items():
        clauses = _clauses(month_papers, year in rules.conference_years)
        if rules.lines == "venue":
            for index, clause in enumerate(clauses):
                keyed.append(((year, month, 0, -index), NewsEntry(year, month, (clause,))))
        else:
            keyed.append(((year, month, 0, 0), NewsEntry(year, month, tuple(clauses))))
    for item in achievements:
        entry = NewsEntry(item.date.year, item.date.month, achievement=item)
        keyed.append(
            ((item.date.year, item.date.month, 1, (item.day or 0) * 10**9 + item.id), entry)
        )
    keyed.sort(key=lambda pair: pair[0], reverse=True)
    return tuple(entry for _, entry in keyed)
