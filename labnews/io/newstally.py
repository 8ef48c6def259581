"""A news page's own tallies checked against its lines: every mismatch said with its fix, the
tally order a page sets pinned, and the index labels ("3 SCI-E") its journals are given."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Protocol

from labnews.io.newspage import PageItem
from labnews.io.plan import ImportPlan, VenuePlanner


class PageVenues(Protocol):
    """The page planner's venues, as the arithmetic reads them."""

    planner: VenuePlanner

    def lookup(self, name: str) -> str | None: ...

    def label_of(self, short: str) -> str: ...


def where_of(item: PageItem) -> str:
    """The file an item came from, before its finding, when a folder of items is read."""
    return f"{item.origin}: " if item.origin else ""


def _label_key(label: str) -> str:
    """A tally label compared without case, spaces or hyphens: "SCIE" is "SCI-E"."""
    return "".join(ch for ch in label.casefold() if ch.isalnum())


def _index_labels(
    plan: ImportPlan, stated: dict[int, PageItem], venues: PageVenues
) -> dict[str, str]:
    """The index labels ("3 SCI-E") a page's tallies give the journals its lines list.

    A tally item that names no venue is a label; when it is the only such item of its year and
    the journal papers the tally names in no other way add up to its count, those journals are
    proposed that label (a venue the lab already labels keeps its own). A journal that two
    years would label differently is proposed nothing.
    """
    journals: dict[int, Counter[str]] = defaultdict(Counter)
    used: dict[int, set[str]] = defaultdict(set)  # the labels the lines' venues have, by key
    for paper in plan.papers:
        year = paper.news.year if paper.news else paper.year
        used[year].add(_label_key(venues.label_of(paper.venue)))
        if venues.planner.kind_of(paper.venue) == "journal" and (
            venues.label_of(paper.venue) == paper.venue
        ):
            journals[year][paper.venue] += 1
    proposed: dict[str, set[str]] = defaultdict(set)
    for year, item in stated.items():
        named: set[str] = set()
        unknown: list[tuple[str, int]] = []
        for label, count in item.tally_items:
            short = venues.lookup(label)
            if short is not None:
                named.add(short)
            elif _label_key(label) not in used[year]:
                unknown.append((label, count))
        if len(unknown) != 1:
            continue
        label, count = unknown[0]
        unnamed = {v: n for v, n in journals[year].items() if v not in named}
        if unnamed and sum(unnamed.values()) == count:
            for venue in unnamed:
                proposed[venue].add(label)
    return {venue: labels.pop() for venue, labels in proposed.items() if len(labels) == 1}


def _published(count: int, what: str) -> str:
    return f"the published tally will say {count} {what}"


def _fix_count(stated: int, listed: int, what: str, venue: str, year: int) -> str:
    """What makes the lab's tally say what the page's did: the papers its lines do not list."""
    if listed > stated:
        return _published(listed, what)
    missing = stated - listed
    return (
        f"to publish {stated}, add the {missing} missing with "
        f"`labnews add paper --venue {venue} --year {year}`"
    )


def _shell_word(text: str) -> str:
    """A venue as one word of a shell command: quoted when it holds spaces or quotes."""
    if re.fullmatch(r"[\w.+-]+", text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


def check_arithmetic(plan: ImportPlan, stated: dict[int, PageItem], venues: PageVenues) -> None:
    """Report every place the page's own numbers disagree, and pin tally orders it sets.

    Journals the page tallies under an index label are proposed that label first, so "3 SCI-E"
    over three journal papers is a label to give, not a mismatch.
    """
    labels = _index_labels(plan, stated, venues)
    _propose_labels(plan, labels, stated)

    def label_of(venue: str) -> str:
        return labels.get(venue) or venues.label_of(venue)

    counted: dict[int, Counter[str]] = defaultdict(Counter)
    first_seen: dict[int, dict[str, None]] = defaultdict(dict)
    for paper in plan.papers:
        year = paper.news.year if paper.news else paper.year
        label = label_of(paper.venue)
        counted[year][label] += 1
        first_seen[year].setdefault(label)
    for year, item in sorted(stated.items(), reverse=True):
        where = where_of(item)
        total = item.tally_total or 0
        items_sum = sum(count for _, count in item.tally_items)
        lines_sum = sum(counted[year].values())
        if item.tally_items and items_sum != total:
            plan.note(
                "mismatch",
                f"{where}{year}: the tally says {total} papers but its items add up to "
                f"{items_sum}; {_published(lines_sum, 'papers')}",
                item.line,
            )
        if lines_sum != total:
            plan.note(
                "mismatch",
                f"{where}{year}: the tally says {total} papers but the lines list {lines_sum}; "
                + _fix_count(total, lines_sum, "papers", "VENUE", year),
                item.line,
            )
        said: Counter[str] = Counter()
        spelled: dict[str, str] = {}
        for label, count in item.tally_items:
            short = venues.lookup(label)
            if short:
                resolved = label_of(short)
            else:  # "SCIE" for the lab's "SCI-E"
                key = _label_key(label)
                resolved = next((c for c in counted[year] if _label_key(c) == key), label)
            said[resolved] += count
            spelled.setdefault(resolved, label)
        for resolved, count in said.items():
            actual = counted[year].get(resolved, 0)
            if actual != count:
                label = spelled[resolved]
                if venues.lookup(label) is None and actual < count:
                    # No venue of that name: an index label ("SCI-E") the lab's journals lack.
                    fix = (
                        f"if {label} is an index label, give it to those journals with "
                        f"`labnews edit venue JOURNAL --label {_shell_word(label)}`"
                    )
                else:
                    fix = _fix_count(count, actual, label, _shell_word(label), year)
                plan.note(
                    "mismatch",
                    f"{where}{year}: the tally says {count} {label} but the lines list {actual}; "
                    + fix,
                    item.line,
                )
        for label, actual in counted[year].items():
            if label not in said:
                plan.note(
                    "mismatch",
                    f"{where}{year}: the lines list {actual} {label} "
                    "but the tally does not name it; the published tally will name it",
                    item.line,
                )
        computed = [label for label in first_seen[year] if label in said]
        in_page_order = [label for label in said if label in counted[year]]
        if in_page_order and in_page_order != computed:
            plan.pins[year] = tuple(in_page_order)


def _propose_labels(plan: ImportPlan, labels: dict[str, str], stated: dict[int, PageItem]) -> None:
    """Put the index labels in the plan: on a venue it creates, else as a label to give."""
    if not labels:
        return
    new = {v.short: n for n, v in enumerate(plan.venues)}
    for venue, label in labels.items():
        if venue in new:
            plan.venues[new[venue]] = replace(plan.venues[new[venue]], label=label)
        else:
            plan.labels[venue] = label
    for year, item in sorted(stated.items(), reverse=True):
        given = Counter(
            p.venue for p in plan.papers if p.news and p.news.year == year and p.venue in labels
        )
        if given:
            label = labels[next(iter(given))]
            plan.note(
                "matched",
                f"{where_of(item)}{year}: the tally's {sum(given.values())} {label} are the lines' "
                f"journal papers ({', '.join(f'{n} {v}' for v, n in given.items())}): "
                f"those journals will count as {label}",
                item.line,
            )
