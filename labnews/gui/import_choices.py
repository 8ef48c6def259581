"""An import plan and what the user changed in it: rows left out, members and venues re-matched.

The plan itself stays as the importer made it; ``ImportChoices.revised()`` gives the plan to
apply, with every choice worked in. No Qt here: the wizard's tables edit these rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Final

from labnews.core.records import YearMonth
from labnews.io.plan import ImportPlan, PlannedAchievement, PlannedAuthor, PlannedPaper

NOT_A_MEMBER: Final = ""
"""The match of a name that should stay a plain author name, not a member."""


@dataclass
class PaperRow:
    """A planned paper: whether to import it, the venue it goes to, and its news month.

    ``problem`` is why the importer left it out (no venue, a preprint, no month), if it did:
    the user can give what it lacks here and include it.
    """

    paper: PlannedPaper
    include: bool
    venue: str
    news: YearMonth | None = None
    problem: str | None = None


@dataclass
class MemberRow:
    """A name the plan makes a member: whether it stays one, and which member it becomes.

    ``target`` is the name itself for a new member, an existing member's name to merge into
    them, or ``NOT_A_MEMBER``.
    """

    name: str
    is_new: bool
    target: str
    written: tuple[str, ...] = ()
    papers: int = 0
    maybe: bool = False
    """The name may not be a person's (the plan says so): it starts unticked."""


@dataclass
class VenueRow:
    """A venue the plan would create: whether to, or which existing venue its papers go to."""

    short: str
    kind: str
    parent: str | None
    target: str
    papers: int = 0


@dataclass
class AchievementRow:
    """A planned award, talk or grant: whether to import it."""

    achievement: PlannedAchievement
    include: bool


@dataclass
class TallyRow:
    """A tally rule the source implies, and whether to take it: a venue counted under a label
    (``venue``, ``label``; ``new`` when the import creates the venue) or a year's tally order
    pinned (``year``, ``order``)."""

    include: bool
    venue: str = ""
    label: str = ""
    new: bool = False
    year: int | None = None
    order: tuple[str, ...] = ()


@dataclass
class ImportChoices:
    """The plan as the wizard shows it, and everything the user changed in it."""

    plan: ImportPlan
    existing_members: tuple[str, ...] = ()
    existing_venues: tuple[str, ...] = ()
    venue_months: dict[str, int | None] = field(default_factory=dict)
    """Each known venue's typical month (a workshop's from its conference), by short name."""
    papers: list[PaperRow] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)
    venues: list[VenueRow] = field(default_factory=list)
    achievements: list[AchievementRow] = field(default_factory=list)
    tally: list[TallyRow] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        plan: ImportPlan,
        existing_members: tuple[str, ...],
        existing_venues: tuple[str, ...],
        venue_months: dict[str, int | None] | None = None,
    ) -> ImportChoices:
        """Rows for every paper, member name, new venue and achievement of the plan."""
        months = dict(venue_months or {})
        months.update({v.short: v.month for v in plan.venues})
        choices = cls(plan, existing_members, existing_venues, months)
        # A paper planned left out has its reason in the report, on the paper's line.
        reasons = {f.line: f.message for f in plan.of_kind("skipped") if f.line is not None}
        choices.papers = [
            PaperRow(
                p,
                p.include,
                p.venue,
                p.news,
                None if p.include else reasons.get(p.line) if p.line is not None else None,
            )
            for p in plan.papers
        ]
        new_members = {m.name for m in plan.members}
        spellings: dict[str, list[str]] = {}
        paper_counts: Counter[str] = Counter()
        for paper in plan.papers:
            for author in paper.authors:
                if author.member:
                    spellings.setdefault(author.member, []).append(author.written)
            for name in {a.member for a in paper.authors if a.member}:
                paper_counts[name] += 1
            if paper.featured:
                spellings.setdefault(paper.featured, [])
        for item in plan.achievements:
            for name in item.members:
                spellings.setdefault(name, [])
        names = [m.name for m in plan.members] + sorted(
            (n for n in spellings if n not in new_members), key=str.casefold
        )
        choices.members = [
            MemberRow(
                name=name,
                is_new=name in new_members,
                target=NOT_A_MEMBER if name in plan.maybe_people else name,
                written=tuple(dict.fromkeys(w for w in spellings.get(name, ()) if w != name)),
                papers=paper_counts[name],
                maybe=name in plan.maybe_people,
            )
            for name in dict.fromkeys(names)
        ]
        venue_counts = Counter(p.venue for p in plan.papers)
        choices.venues = [
            VenueRow(v.short, v.kind, v.parent, v.short, venue_counts[v.short]) for v in plan.venues
        ]
        choices.achievements = [AchievementRow(a, a.include) for a in plan.achievements]
        choices.tally = [
            *(
                TallyRow(True, venue=v.short, label=v.label, new=True)
                for v in plan.venues
                if v.label
            ),
            *(TallyRow(True, venue=short, label=label) for short, label in plan.labels.items()),
            *(
                TallyRow(True, year=year, order=order)
                for year, order in sorted(plan.pins.items(), reverse=True)
            ),
        ]
        return choices

    # --- what the tables offer ------------------------------------------------------------------

    def venue_choices(self) -> list[str]:
        """The venues a paper can go to: the database's, and the new ones still being created."""
        new = [row.short for row in self.venues if row.target == row.short]
        return sorted({*self.existing_venues, *new}, key=str.casefold)

    def member_choices(self, row: MemberRow) -> list[tuple[str, str]]:
        """(what to show, target) pairs for one name; the caller translates the two markers."""
        offered: list[tuple[str, str]] = []
        if row.is_new:
            offered.append(("new", row.name))
        offered += [("existing", name) for name in self.existing_members]
        offered.append(("none", NOT_A_MEMBER))
        return offered

    def lacks(self, row: PaperRow) -> str | None:
        """What a paper the importer left out still lacks ("venue", "month"); None: nothing."""
        if row.problem is None:
            return None
        if row.venue not in self.venue_choices():
            return "venue"
        if row.news is None and self.venue_months.get(row.venue) is None:
            return "month"
        return None

    def set_paper_included(self, row: PaperRow, value: bool) -> bool:
        """Tick or untick a paper; a paper that still lacks its venue or month stays out."""
        if value and self.lacks(row) is not None:
            return False
        row.include = value
        return True

    def set_paper_venue(self, row: PaperRow, venue: str) -> None:
        """The venue a paper goes to; a left-out paper that now has all it needs comes in."""
        row.venue = venue
        self._include_when_complete(row)

    def set_paper_news(self, row: PaperRow, news: YearMonth | None) -> None:
        """The news month of a paper; a left-out paper that now has all it needs comes in."""
        row.news = news
        self._include_when_complete(row)

    def _include_when_complete(self, row: PaperRow) -> None:
        # Giving what the paper lacked is asking for it: tick it, as the user would next.
        if row.problem is not None and not row.include and self.lacks(row) is None:
            row.include = True

    # --- the plan to apply ----------------------------------------------------------------------

    def revised(self) -> ImportPlan:
        """The plan with every choice worked in; new members and venues no row needs are dropped."""
        member_target = {row.name: row.target for row in self.members}
        venue_target = {row.short: row.target for row in self.venues}

        def member(name: str | None) -> str | None:
            if not name:
                return None
            target = member_target.get(name, name)
            return target or None

        papers: list[PlannedPaper] = []
        for row in self.papers:
            paper = row.paper
            authors = tuple(
                PlannedAuthor(a.written, member(a.member), a.equal) for a in paper.authors
            )
            papers.append(
                replace(
                    paper,
                    venue=venue_target.get(row.venue, row.venue),
                    news=row.news,
                    authors=authors,
                    featured=member(paper.featured),
                    include=row.include,
                )
            )
        achievements = [
            replace(
                row.achievement,
                members=tuple(t for m in row.achievement.members if (t := member(m))),
                include=row.include,
            )
            for row in self.achievements
        ]
        wanted_members = {a.member for p in papers if p.include for a in p.authors if a.member}
        wanted_members |= {p.featured for p in papers if p.include and p.featured}
        wanted_members |= {m for a in achievements if a.include for m in a.members}
        referenced = {a.member for p in self.plan.papers for a in p.authors if a.member}
        referenced |= {p.featured for p in self.plan.papers if p.featured}
        referenced |= {m for a in self.plan.achievements for m in a.members}
        members = [
            m
            for m in self.plan.members
            if member_target.get(m.name) == m.name
            # A members table row stands alone; a name from a paper is made only if still used.
            and (m.name in wanted_members or m.name not in referenced)
        ]
        wanted_venues = {p.venue for p in papers if p.include}
        kept = {
            row.short
            for row in self.venues
            if row.target == row.short and (row.short in wanted_venues or not row.papers)
        }
        # A kept workshop needs its new conference too.
        kept |= {row.parent for row in self.venues if row.short in kept and row.parent} & {
            row.short for row in self.venues
        }
        labels, left_out = self._labels(kept)
        venues = [
            replace(v, label=None) if v.short in left_out else v
            for v in self.plan.venues
            if v.short in kept
        ]
        # A left-out paper the user completed and included is no longer "skipped".
        fixed = {row.paper.line for row in self.papers if row.problem and row.include}
        findings = [f for f in self.plan.findings if f.kind != "skipped" or f.line not in fixed]
        return replace(
            self.plan,
            papers=papers,
            achievements=achievements,
            members=members,
            venues=venues,
            findings=findings,
            labels=labels,
            pins={row.year: row.order for row in self.tally if row.include and row.year},
        )

    def labelled_venue(self, row: TallyRow) -> str:
        """The venue a label row gives its label to: a new venue's, wherever its papers go."""
        if not row.new:
            return row.venue
        return next((v.target for v in self.venues if v.short == row.venue), row.venue)

    def _labels(self, kept: set[str]) -> tuple[dict[str, str], set[str]]:
        """The labels to give venues the lab has (a new venue's too, when its papers go to one),
        and the new venues to create without the label they were planned with."""
        labels: dict[str, str] = {}
        left_out: set[str] = set()
        for row in self.tally:
            if row.year is not None:
                continue
            target = self.labelled_venue(row)
            if row.new and target == row.venue:
                if not row.include:
                    left_out.add(row.venue)  # created, as planned, but without the label
            elif row.include and (target in self.existing_venues or target in kept):
                labels[target] = row.label
        return labels, left_out

    def summary(self) -> dict[str, int]:
        """How many of each the revised plan creates or sets."""
        return self.revised().counts()
