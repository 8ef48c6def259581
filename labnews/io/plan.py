"""ImportPlan: what an import would create, match, skip and warn about; applied all or nothing."""

from __future__ import annotations

import gc
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import KW_ONLY, dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from labnews.core.errors import LabnewsError
from labnews.core.inputs import (
    AUTO,
    AchievementInput,
    AuthorInput,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.names import MemberDirectory, name_key, venue_spelling_key, venue_spellings
from labnews.core.records import AchievementFields, Change, PaperFields, YearMonth
from labnews.core.rules import TallyRules
from labnews.core.snapshots import input_of, venue_input
from labnews.core.tally import tally_label, venue_labels
from labnews.core.words import count_digits

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The store (and SQLAlchemy under it) is imported where it is used, so the window can show a
# plan's types without paying for the database layer before its first paint.

# Pages and files are read with the default rules (workshops folded into their conference), the
# way their own tallies were written, whatever this lab's rules say today.
_READ_AS_WRITTEN = TallyRules()

FindingKind = Literal["matched", "skipped", "warning", "mismatch", "duplicate", "error"]


class _CollectorPause:
    """Counts the imports that have the cyclic garbage collector paused, across threads."""

    lock = threading.Lock()
    holders = 0
    was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an import builds its many small objects.

    Each collection walks every live object, and an import of 10,000 entries makes about a
    million, none in a cycle: the collector would run hundreds of times and free nothing
    (Mercurial's ``nogc`` pauses it for the same reason). Reference counting still frees
    everything; the last of overlapping pauses puts the collector back as it was.
    """
    with _CollectorPause.lock:
        if _CollectorPause.holders == 0:
            _CollectorPause.was_enabled = gc.isenabled()
            gc.disable()
        _CollectorPause.holders += 1
    try:
        yield
    finally:
        with _CollectorPause.lock:
            _CollectorPause.holders -= 1
            if _CollectorPause.holders == 0 and _CollectorPause.was_enabled:
                gc.enable()


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of an import report: a match, a skipped line, a warning or an arithmetic error."""

    kind: FindingKind
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{self.kind}: {where}{self.message}"


@dataclass(frozen=True, slots=True)
class PlannedAuthor:
    """An author as the source writes it, and the member (existing or new) it becomes, if any."""

    written: str
    member: str | None = None
    equal: bool = False


@dataclass(frozen=True, slots=True)
class PlannedPaper(PaperFields):
    """A paper to create (its own fields in ``PaperFields``); ``venue`` and ``member`` names
    resolve when the plan is applied; ``line`` is where the source has it."""

    venue: str
    year: int
    news: YearMonth | None
    _: KW_ONLY
    authors: tuple[PlannedAuthor, ...] = ()
    featured: str | None = None
    line: int | None = None
    include: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedAchievement(AchievementFields):
    """An award, talk or grant read from a non-paper line; ``members`` are member names."""

    members: tuple[str, ...] = ()
    line: int | None = None
    include: bool = True


@dataclass
class ImportPlan:
    """Everything an import would do; shown to the user before it is applied."""

    source: str
    members: list[MemberInput] = field(default_factory=list)
    venues: list[VenueInput] = field(default_factory=list)
    papers: list[PlannedPaper] = field(default_factory=list)
    achievements: list[PlannedAchievement] = field(default_factory=list)
    pins: dict[int, tuple[str, ...]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    """Tally labels to give venues the lab has, by short name ("ETRI J." counted as "SCI-E")."""
    conference_years: set[int] = field(default_factory=set)
    """Years whose month lines are to name a workshop paper's conference, as the source's."""
    findings: list[Finding] = field(default_factory=list)
    present: Counter[int] = field(default_factory=Counter)
    """Papers of the source the lab already holds, by news year: left out of ``papers``."""
    maybe_people: set[str] = field(default_factory=set)
    """New members whose names may not be people's: shown unticked, added only when asked."""

    def note(self, kind: FindingKind, message: str, line: int | None = None) -> None:
        self.findings.append(Finding(kind, message, line))

    def of_kind(self, *kinds: FindingKind) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds]

    @property
    def is_empty(self) -> bool:
        included = any(a.include for a in self.achievements)
        return not (
            self.members
            or self.venues
            or self.included_papers
            or included
            or self.pins
            or self.labels
            or self.conference_years
        )

    @property
    def included_papers(self) -> list[PlannedPaper]:
        return [p for p in self.papers if p.include]

    def counts(self) -> dict[str, int]:
        """What the plan creates or sets, by kind (the wizard's summary, the import's outcome)."""
        return {
            "papers": len(self.included_papers),
            "members": len(self.members),
            "venues": len(self.venues),
            "achievements": sum(1 for a in self.achievements if a.include),
            "pins": len(self.pins),
            "labels": len(self.labels) + sum(1 for v in self.venues if v.label),
            "errors": len(self.of_kind("error")),
        }

    def by_year(self) -> list[tuple[int, int, int]]:
        """(news year, papers already in the lab, papers new), newest year first."""
        new = Counter(p.news.year if p.news else p.year for p in self.included_papers)
        years = sorted(new.keys() | self.present.keys(), reverse=True)
        return [(year, self.present[year], new[year]) for year in years]

    def nothing_to_import(self) -> str:
        """What an import that changes nothing says: that the lab holds it all, when it does."""
        held = sum(self.present.values())
        errors = len(self.of_kind("error"))
        if held and errors:  # "all" would hide the entries that could not be read
            return (
                f"Nothing to import: {count_digits(held)} already in the lab, "
                f"{count_digits(errors, 'error')} above"
            )
        left_out = len(self.of_kind("skipped"))
        if held and left_out:  # nor those left out (a BibTeX entry without year or venue)
            return (
                f"Nothing to import: {count_digits(held)} already in the lab, "
                f"{left_out} left out above"
            )
        if held == 1:
            return "Nothing to import: its one paper is already in the lab"
        if held:
            return f"Nothing to import: all {count_digits(held)} are already in the lab"
        return "Nothing to import."

    def report(self) -> str:
        """The plan as the CLI prints it: what to create, then each finding with its line."""
        papers = self.included_papers
        years = Counter(p.news.year if p.news else p.year for p in papers)
        placeholders = sum(1 for p in papers if not p.title)
        lines = [f"Import from {self.source}:"]
        by_year = ", ".join(f"{y}: {n}" for y, n in sorted(years.items(), reverse=True))
        lines.append(
            f"  to create: {count_digits(len(papers))}"
            + (f" ({by_year})" if by_year else "")
            + (f", {placeholders} of them without a title yet" if placeholders else "")
        )
        for year, held, new in self.by_year():
            lines.append(f"  {year}: already in the lab: {held}, new: {new}")
        if self.members:
            names = ", ".join(m.name for m in self.members)
            lines.append(f"  to create: {count_digits(len(self.members), 'member')} ({names})")
        if self.venues:
            shorts = ", ".join(v.short for v in self.venues)
            lines.append(f"  to create: {count_digits(len(self.venues), 'venue')} ({shorts})")
        included = [a for a in self.achievements if a.include]
        if included:
            lines.append(f"  to create: {count_digits(len(included), 'achievement')}")
        for year, labels in sorted(self.pins.items(), reverse=True):
            lines.append(f"  to pin the {year} tally order: {', '.join(labels)}")
        for label in dict.fromkeys(self.labels.values()):
            shorts = ", ".join(s for s, given in self.labels.items() if given == label)
            lines.append(f"  to count {shorts} as {label} in the tallies")
        for year in sorted(self.conference_years, reverse=True):
            lines.append(f"  to name {year}'s workshop papers by their conference in its news")
        order: tuple[FindingKind, ...] = (
            "error",
            "mismatch",
            "warning",
            "duplicate",
            "skipped",
            "matched",
        )
        for kind in order:
            for finding in self.of_kind(kind):
                lines.append(f"  {finding}")
        return "\n".join(lines)


def apply_plan(session: Session, plan: ImportPlan) -> Change:
    """Create what the plan says, in the caller's transaction: it lands whole or not at all."""
    errors = plan.of_kind("error")
    if errors:
        raise LabnewsError(f"the import has {len(errors)} errors; first: {errors[0]}")
    with gc_paused():
        return _apply(session, plan)


def _apply(session: Session, plan: ImportPlan) -> Change:
    from labnews.store import commands, queries

    for venue in _parents_first(plan.venues):
        commands.add_venue(session, venue)
    for member in plan.members:
        commands.add_member(session, member)
    # A plan names members by their display names: look those up directly, and match any
    # other spelling through the whole directory (read only then: a large lab has thousands).
    ids = queries.member_ids_by_name(session, _member_names(plan))
    directory: MemberDirectory | None = None

    def member_id(name: str) -> int:
        nonlocal directory
        found = ids.get(name)
        if found is None:
            directory = directory or queries.member_directory(session)
            match = directory.find(name)
            if match is None:
                raise LabnewsError(f"the import names {name!r}, who is not a member")
            found = ids[name] = match.member.id
        return found

    # Inputs are immutable: one AuthorInput per distinct author serves every paper naming them.
    author_inputs: dict[tuple[str, str | None, bool], AuthorInput] = {}

    def author_input(author: PlannedAuthor) -> AuthorInput:
        # a tuple hashes faster than the dataclass
        key = (author.written, author.member, author.equal)
        found = author_inputs.get(key)
        if found is None:
            found = author_inputs[key] = AuthorInput(
                name=author.written,
                member_id=member_id(author.member) if author.member else None,
                equal=author.equal,
            )
        return found

    inputs = []
    for paper in plan.included_papers:
        authors = tuple(map(author_input, paper.authors))
        featured = member_id(paper.featured) if paper.featured else AUTO
        inputs.append(input_of(paper, PaperInput, authors=authors, featured=featured))
    added = commands.add_papers(session, inputs, sources=[p.line for p in plan.included_papers])
    for item in plan.achievements:
        if not item.include:
            continue
        commands.add_achievement(
            session,
            input_of(item, AchievementInput, members=tuple(member_id(m) for m in item.members)),
        )
    for short, label in plan.labels.items():
        held = queries.find_venue(session, short)
        if held.label != label:  # a plan applied in pieces may carry it twice
            commands.update_venue(session, held.id, replace(venue_input(held), label=label))
    for year, labels in plan.pins.items():
        commands.pin_order(session, year, labels)
    if plan.conference_years:
        rules = queries.tally_rules(session)
        for year in sorted(plan.conference_years):
            rules = rules.with_workshop_lines(year, "conference")
        commands.set_rules(session, rules)
    return Change(
        f"Imported {count_digits(len(added.ids))} from {plan.source}",
        frozenset({"paper", "member", "venue", "achievement", "settings"}),
        added.years,
        added.ids,
    )


def _member_names(plan: ImportPlan) -> set[str]:
    """Every member name the plan's included papers and achievements use."""
    names = {
        name
        for paper in plan.included_papers
        for name in (paper.featured, *(a.member for a in paper.authors))
        if name
    }
    names.update(m for item in plan.achievements if item.include for m in item.members)
    return names


def _parents_first(venues: list[VenueInput]) -> list[VenueInput]:
    """New venues ordered so a new workshop's new parent is created before it."""
    names = {v.short.casefold() for v in venues}
    return sorted(venues, key=lambda v: bool(v.parent and v.parent.casefold() in names))


class MemberPlanner:
    """Matches names to existing members, or plans new ones, across one import."""

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        from labnews.store import queries

        self.plan = plan
        self.directory = queries.member_directory(session)
        self._new: dict[str, str] = {}

    def resolve(self, written: str, line: int | None) -> str:
        """The display name of the member this name means, planning a new member if needed."""
        match = self.directory.find(written)
        if match is not None:
            if match.member.name != written:
                self.plan.note("matched", f"{written!r} is member {match.member.name}", line)
            return match.member.name
        key = name_key(written)
        if key in self._new:
            return self._new[key]
        # New names are matched by the same spelling-insensitive key the directory uses.
        self._new[key] = written
        self.plan.members.append(MemberInput(name=written))
        return written


class VenuePlanner:
    """Resolves venue spellings through the catalog and aliases, planning unknown venues."""

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        from labnews.store import queries

        self.session = session
        self.plan = plan
        self.venues = {v.id: v for v in queries.venues(session)}
        # Spellings resolve in memory: an import tries several forms of each venue it names.
        self._spellings = venue_spellings(self.venues.values())
        self._new: dict[str, VenueInput] = {}
        self._labels: dict[int, str | None] | None = None  # by venue id, read when first asked

    def lookup(self, spelling: str) -> str | None:
        """The short name of the venue this spelling means, if the database or plan has it."""
        wanted = venue_spelling_key(spelling)
        if not wanted:
            return None
        found = self._spellings.get(wanted)
        if found is not None:
            return self.venues[found].short
        planned = self._new.get(wanted)
        return planned.short if planned else None

    def kind_of(self, short: str) -> str:
        for venue in self.venues.values():
            if venue.short == short:
                return venue.kind
        planned = self._new.get(short.casefold())
        return planned.kind if planned else "conference"

    def label_of(self, short: str) -> str:
        """The tally label this venue counts under in a page or file, read as it was written."""
        if self._labels is None:
            self._labels = venue_labels(self.venues.values(), _READ_AS_WRITTEN)
        for venue in self.venues.values():
            if venue.short == short:
                return self._labels[venue.id] or venue.short
        planned = self._new.get(short.casefold())
        if planned is None:
            return short
        parent_label = self.label_of(planned.parent) if planned.parent else None
        return (
            tally_label(planned.short, planned.kind, planned.label, parent_label, _READ_AS_WRITTEN)
            or planned.short
        )

    def create(self, venue: VenueInput, line: int | None, *, why: str | None = None) -> str:
        """Plan a new venue, noting it; ``why`` says how its kind was guessed, to be checked."""
        key = venue.short.casefold()
        if key not in self._new:
            self._new[key] = venue
            self.plan.venues.append(venue)
            what = venue.kind + (f" of {venue.parent}" if venue.parent else "")
            what += f": {why}; check it" if why else ""
            self.plan.note(
                "warning", f"unknown venue {venue.short!r}: will create it ({what})", line
            )
        return self._new[key].short


def without_excluded(plan: ImportPlan, lines: set[int]) -> ImportPlan:
    """The plan with the papers of some source lines left out (the GUI's include boxes)."""
    return (
        replace(plan, papers=[replace(p, include=p.line not in lines) for p in plan.papers])
        if lines
        else plan
    )
