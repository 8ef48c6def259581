"""The yearly tally: counted papers per tally label, in the order the rules say."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from labnews.core.records import LabelCount, PaperRecord, VenueRecord, YearTally
from labnews.core.rules import TallyRules


def tally_label(
    short: str, kind: str, label: str | None, parent_label: str | None, rules: TallyRules
) -> str | None:
    """The label a paper at this venue counts under, or None when the rules leave it out.

    An explicit label wins ("SCI-E" on several journals); a workshop folds into its conference's
    label unless the rules keep workshops separate or exclude them; other venues with a parent
    (Findings) count under the parent.
    """
    is_workshop = kind == "workshop"
    if is_workshop and rules.workshops == "exclude":
        return None
    if label:
        return label
    if parent_label and not (is_workshop and rules.workshops == "separate"):
        return parent_label
    return short


def own_label(venue: VenueRecord) -> str:
    """The label a venue gives the venues under it: its explicit label, else its short name.

    store.queries computes the same in SQL (``own_label_sql``); a test holds the two equal.
    """
    return venue.label or venue.short


def venue_labels(venues: Iterable[VenueRecord], rules: TallyRules) -> dict[int, str | None]:
    """Each venue's tally label by id (None when the rules leave it out): the one place the
    label, the parent's label and the short name are weighed for a whole catalog."""
    by_id = {venue.id: venue for venue in venues}
    labels: dict[int, str | None] = {}
    for venue in by_id.values():
        parent = by_id.get(venue.parent_id) if venue.parent_id is not None else None
        parent_label = own_label(parent) if parent else None
        labels[venue.id] = tally_label(venue.short, venue.kind, venue.label, parent_label, rules)
    return labels


def paper_label(paper: PaperRecord, rules: TallyRules) -> str | None:
    """The tally label of one paper under the rules."""
    return tally_label(
        paper.venue_short, paper.venue_kind, paper.venue_label, paper.parent_label, rules
    )


# A label's first paper is the earliest by (news month, position, id). Packed into one integer,
# the database's MIN() finds it per group and Python compares ints instead of tuples.
MONTH_WEIGHT = 10**15
POSITION_WEIGHT = 10**9


def pack_first(month: int, position: int, paper_id: int) -> int:
    """(news month, position, paper id) as one integer that orders the same way."""
    return month * MONTH_WEIGHT + position * POSITION_WEIGHT + paper_id


def unpack_first(packed: int) -> tuple[int, int, int]:
    """The (news month, position, paper id) that ``pack_first`` packed."""
    month, rest = divmod(packed, MONTH_WEIGHT)
    position, paper_id = divmod(rest, POSITION_WEIGHT)
    return month, position, paper_id


class VenueYearCount(NamedTuple):
    """Counted papers of one venue in one news year, as a GROUP BY in the database returns them.

    The database's rows are plain tuples in this field order; the named tuple documents them
    and builds them in tests.
    """

    year: int
    venue_id: int
    count: int  # type: ignore[assignment]  # the SQL column's name; tuple.count is unused
    first: int  # pack_first() of the group's earliest paper


def label_counts_from_venues(
    rows: Iterable[tuple[int, int, int, int]],
    venues: Mapping[int, VenueRecord],
    rules: TallyRules,
) -> list[LabelCount]:
    """Merge per-venue counts into per-label counts (several venues can share a label)."""
    labels = venue_labels(venues.values(), rules)
    # [count, first] per (year, label): a large lab's tally merges thousands of rows here.
    counts: dict[tuple[int, str], list[int]] = {}
    for year, venue_id, count, first in rows:
        label = labels.get(venue_id)
        if label is None:
            continue
        box = counts.get((year, label))
        if box is None:
            counts[(year, label)] = [count, first]
        else:
            box[0] += count
            if first < box[1]:
                box[1] = first
    return [LabelCount(year, label, n, first) for (year, label), (n, first) in counts.items()]


def label_counts(papers: Iterable[PaperRecord], rules: TallyRules) -> list[LabelCount]:
    """Count counted papers per (news year, label), remembering each label's first paper."""
    counts: dict[tuple[int, str], list[int]] = {}
    for paper in papers:
        if not paper.counted:
            continue
        label = paper_label(paper, rules)
        if label is None:
            continue
        first = pack_first(paper.news.month, paper.position, paper.id)
        box = counts.get((paper.news.year, label))
        if box is None:
            counts[(paper.news.year, label)] = [1, first]
        else:
            box[0] += 1
            box[1] = min(box[1], first)
    return [LabelCount(year, label, n, first) for (year, label), (n, first) in counts.items()]


def order_labels(items: Iterable[LabelCount], rules: TallyRules, year: int) -> list[LabelCount]:
    """One year's label counts in print order: pinned labels first, then the rule's order."""
    rows = [item for item in items if item.year == year]
    if rules.order == "count":
        rows.sort(key=lambda r: (-r.count, r.first, r.label))
    elif rules.order == "alpha":
        rows.sort(key=lambda r: (r.label.casefold(), r.label))
    else:
        rows.sort(key=lambda r: (r.first, r.label))
    pin = rules.pinned.get(year)
    if pin:
        rank = {label.casefold(): i for i, label in enumerate(pin)}
        # A stable sort keeps the rule's order for labels the pin does not name.
        rows.sort(key=lambda r: rank.get(r.label.casefold(), len(rank)))
    return rows


def tallies_from_counts(items: Iterable[LabelCount], rules: TallyRules) -> tuple[YearTally, ...]:
    """Build every year's tally, newest year first, from label counts (SQL-side or in memory)."""
    by_year: dict[int, list[LabelCount]] = {}
    for row in items:
        by_year.setdefault(row.year, []).append(row)
    result = []
    for year in sorted(by_year, reverse=True):
        ordered = order_labels(by_year[year], rules, year)
        result.append(
            YearTally(
                year=year,
                total=sum(r.count for r in ordered),
                items=tuple((r.label, r.count) for r in ordered),
            )
        )
    return tuple(result)


def tally_years(papers: Iterable[PaperRecord], rules: TallyRules) -> tuple[YearTally, ...]:
    """Every year's tally from paper records, newest year first."""
    return tallies_from_counts(label_counts(papers, rules), rules)


def tally_year(papers: Iterable[PaperRecord], rules: TallyRules, year: int) -> YearTally:
    """One year's tally; a year without counted papers has a total of 0 and no items."""
    for tally in tally_years((p for p in papers if p.news.year == year), rules):
        return tally
    return YearTally(year=year, total=0, items=())


def summary_line(tally: YearTally) -> str:
    """``2024: 19 papers (2 ETRI J., 5 CVPR, ...)`` as ``labnews summary`` prints it."""
    noun = "paper" if tally.total == 1 else "papers"
    items = ", ".join(f"{count} {label}" for label, count in tally.items)
    return f"{tally.year}: {tally.total} {noun}" + (f" ({items})" if items else "")
