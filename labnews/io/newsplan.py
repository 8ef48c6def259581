"""Plan a read news page against the database: resolve names and venues, check the arithmetic."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz.distance import Levenshtein
from sqlalchemy.orm import Session

from labnews.core.errors import AmbiguousNameError
from labnews.core.inputs import VenueInput
from labnews.core.names import name_key
from labnews.core.records import YearMonth
from labnews.core.words import count_digits
from labnews.io.known import PaperIndex, Untitled, title_key
from labnews.io.newsclauses import PageClause
from labnews.io.newspage import Page, PageItem, achievement_kind
from labnews.io.newstally import check_arithmetic, where_of
from labnews.io.plan import (
    ImportPlan,
    MemberPlanner,
    PlannedAchievement,
    PlannedAuthor,
    PlannedPaper,
    VenuePlanner,
)
from labnews.store import queries
from labnews.store.catalog import catalog_venue

# A venue's edition year: "NeurIPS 2024", "CVPR'24", "CVPR '24", "CIKM' 25", "CVPR-2024".
# The edition in a venue: "CVPR'24", "CVPR 2024", "AAAI23" / "NeurIPS2024", "(CVPR 26)" at the end.
_EDITION = re.compile(
    r"['’‘]\s?(?P<short>\d{2})(?!\d)|(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)"
    r"|(?<=[A-Za-z]\s)(?P<bare>\d{2})$"
)
_FINDINGS = re.compile(r"findings\sof\s(?:the\s)?(?P<name>.+)|(?P<name2>.+?)\sfindings", re.I)
_WORKSHOP_END = re.compile(r"(?P<name>.+?)[\s-]?(?:workshops?|w)", re.IGNORECASE)
_WORKSHOP_ON = re.compile(r"(?P<name>\S+)\sworkshops?\s(?:on|of|in)\s.+", re.IGNORECASE)
_WORKSHOP_AT = re.compile(
    r".*?\bworkshops?\b.*?\s(?:at|@|in\sconjunction\swith|co-located\swith|held\swith)\s"
    r"(?:the\s)?(?P<name>.+)",
    re.IGNORECASE,
)
_VENUE_NOISE = re.compile(
    r"^(?:ieee/cvf|ieee|acm|the|mdpi|elsevier|springer)\s|\s(?:main\sconference|main\strack"
    r"|main|conference|proceedings)$",
    re.IGNORECASE,
)
# "ACM MM 2025 Dataset Track", "NeurIPS (Datasets and Benchmarks Track)": the conference's own.
_TRACK = re.compile(
    r"[\s(]+(?:datasets?(?:\sand\sbenchmarks?)?|demo|industry|short|long)(?:\spapers?)?"
    r"\stracks?\)?$",
    re.IGNORECASE,
)
# What a journal's name reads like ("Transactions", "Letters", "Review"), what a conference's
# does, and the subjects a journal's name ends with when it gives no edition year ("Knowledge-based
# Systems", "Information Fusion"): tables of words, read as whole words without case.
_JOURNAL_WORDS = (
    "journal", "j.", "trans.", "transactions", "letters", "lett.", "review", "reviews",
    "magazine", "mag.", "survey", "surveys", "bulletin", "annals", "frontiers in", "frontiers of",
)  # fmt: skip
_PUBLISHERS = ("mdpi", "elsevier", "springer", "wiley", "plos", "npj")
_JOURNAL_SUBJECTS = (
    "systems", "applications", "computing", "intelligence", "networks", "engineering",
    "science", "sciences", "research", "informatics", "fusion", "imaging", "robotics",
    "technology", "communications",
)  # fmt: skip
_CONFERENCE_WORDS = (
    "conference", "conf.", "symposium", "symp.", "workshop", "workshops", "congress", "meeting",
    "summit", "forum", "proceedings", "proc.", "challenge", "competition", "track",
)  # fmt: skip


def _any_word(
    words: tuple[str, ...], *, start: str = r"\b", end: str = r"(?!\w)"
) -> re.Pattern[str]:
    """One case-blind pattern that finds any of ``words`` as a whole word (a space in a word is
    any run of white space)."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(f"{start}(?:{alternatives}){end}", re.IGNORECASE)


_JOURNAL = _any_word(_JOURNAL_WORDS)
_PUBLISHER_FIRST = _any_word(_PUBLISHERS, start="^")  # "MDPI AI", "Elsevier Neurocomputing"
_JOURNAL_SUBJECT = _any_word(_JOURNAL_SUBJECTS, end="$")
_CONFERENCE = _any_word(_CONFERENCE_WORDS)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&./-]{1,11}")
_MISSPELT_LETTERS = 5
"""Letters a venue's name needs before a name one edit from it is read as a misspelling."""
_NEXT_EDITION_FROM = 7
"""From this month on, a line naming next year's edition is usual timing (AAAI, WACV, ICLR)."""
_NOT_NEWS_OF_RECORD = re.compile(
    r"\b(defen[cs]e|defended|graduat\w*|joined|joins|welcome|new member|visit\w*|moved to)\b", re.I
)
# Paper news that could not be read: a paper word, then a verb (two searches: no backtracking).
_PAPER_WORD = re.compile(r"\b(?:papers?|works?|articles?)\b|논문", re.IGNORECASE)
_PAPER_VERB = re.compile(r"\b(?:accepted|published|appears?|appeared)\b|채택|게재", re.IGNORECASE)


def _venue_and_year(text: str, line_year: int) -> tuple[str, int | None]:
    """Split "NeurIPS 2024", "CVPR'24", "CVPR '24", "CVPR-2024", "CVPR 2024 Workshop"."""
    cleaned = text.strip().strip(",;:").strip()
    match = None
    for found in _EDITION.finditer(cleaned):
        match = found
    if match is None:
        return cleaned, None
    if match["year"]:
        year = int(match["year"])
    else:
        year = 2000 + int(match["short"] or match["bare"])
        if year > line_year + 5:
            year -= 100
    name = f"{cleaned[: match.start()]} {cleaned[match.end() :]}"
    name = " ".join(name.split()).strip(" -'’‘,")
    if not name or not any(ch.isalpha() for ch in name):
        return cleaned, None
    return name, year


class _Venues:
    """Venue spellings resolved once each (the catalog lookups hit the database)."""

    def __init__(self, planner: VenuePlanner) -> None:
        self.planner = planner
        self._resolved: dict[tuple[str, bool, bool], str] = {}
        self._labels: dict[str, str] = {}
        self._lookups: dict[str, str | None] = {}
        self._shorts: list[str] | None = None  # the names a misspelling is measured against

    def lookup(self, spelling: str) -> str | None:
        key = spelling.casefold()
        if key not in self._lookups:
            found = self.planner.lookup(spelling)
            if found is None and spelling.endswith("."):
                found = self.planner.lookup(spelling.rstrip("."))
            self._lookups[key] = found
        return self._lookups[key]

    def month_of(self, short: str) -> int | None:
        """The venue's typical month (a workshop's: its conference's, when it has none)."""
        for _ in range(3):  # a workshop, its conference
            record = next((v for v in self.planner.venues.values() if v.short == short), None)
            planned = next((v for v in self.planner.plan.venues if v.short == short), None)
            month = record.month if record else planned.month if planned else None
            parent = record.parent_short if record else planned.parent if planned else None
            if month is not None or parent is None:
                return month
            short = parent
        return None

    def label_of(self, short: str) -> str:
        if short not in self._labels:
            self._labels[short] = self.planner.label_of(short)
        return self._labels[short]

    def resolve(self, name: str, workshop: bool, line: int, *, dated: bool = True) -> str:
        """The short name a written venue means; ``dated`` when the line gives its edition year."""
        key = (name.casefold(), workshop, dated)
        if key not in self._resolved:
            planned = len(self.planner.plan.venues)
            self._resolved[key] = self._resolve(name, workshop, line, dated)
            if len(self.planner.plan.venues) != planned:
                self._lookups.clear()  # a spelling that meant nothing may mean the new venue
        return self._resolved[key]

    def _known(self, name: str) -> str | None:
        """The venue a spelling means, also without "IEEE"/"the"/"main conference" noise."""
        found = self.lookup(name)
        if found is None and _TRACK.search(name):
            name = _TRACK.sub("", name)
            found = self.lookup(name)
        if found is None:
            bare = self._bare(name)
            if bare and bare != name:
                found = self.lookup(bare)
        return found

    def _workshop_of(self, conference: str, line: int) -> str:
        if self.planner.kind_of(conference) == "workshop":
            return conference
        known = self.lookup(f"{conference} Workshop")
        if known:
            return known
        return self.planner.create(
            VenueInput(short=f"{conference} Workshop", kind="workshop", parent=conference), line
        )

    def _resolve(self, name: str, workshop: bool, line: int, dated: bool) -> str:
        found = self._known(name)
        if found:
            return self._workshop_of(found, line) if workshop else found
        findings = _FINDINGS.fullmatch(name)
        if findings:
            conference = self._known((findings["name"] or findings["name2"]).strip())
            if conference:
                for spelling in (f"Findings of {conference}", f"{conference} Findings"):
                    known = self.lookup(spelling)
                    if known:
                        return known
                return self.planner.create(
                    VenueInput(short=f"Findings of {conference}", kind="other", parent=conference),
                    line,
                )
        for pattern in (_WORKSHOP_END, _WORKSHOP_ON, _WORKSHOP_AT):
            match = pattern.fullmatch(name)
            if match:
                conference = self._known(match["name"].strip(" -,"))
                if conference:
                    return self._workshop_of(conference, line)
        created = (
            self._from_catalog(name, line)
            or self._misspelt(name, line)
            or self._unknown(name, line, dated)
        )
        return self._workshop_of(created, line) if workshop else created

    def _misspelt(self, name: str, line: int) -> str | None:
        """The known venue a misspelt name means ("NeuIPS" is NeurIPS), said in a warning.

        Only one edit from exactly one short name, both of five letters or more; a name written
        in capitals is an acronym taken as written (ICCAS is not ICCAD), and short names are too
        close to each other to guess (ICDM, ICDE).
        """
        if (
            " " in name
            or sum(ch.isalpha() for ch in name) < _MISSPELT_LETTERS
            or name.upper() == name
        ):
            return None
        if self._shorts is None:
            self._shorts = sorted(
                {
                    v.short
                    for v in self.planner.venues.values()
                    if " " not in v.short and sum(ch.isalpha() for ch in v.short) >= 5
                }
            )
        wanted = name.casefold()
        near = [s for s in self._shorts if Levenshtein.distance(wanted, s.casefold()) == 1]
        if len(near) != 1:
            return None
        self.planner.plan.note(
            "warning",
            f"{name!r} is not a venue the lab knows: read as {near[0]!r}, one letter from it "
            "(misspelt on the page?)",
            line,
        )
        return near[0]

    def _bare(self, name: str) -> str:
        """The name without "IEEE"/"ACM"/"MDPI"/"the" before it or "conference" after it."""
        bare = name
        for _ in range(3):
            bare = _VENUE_NOISE.sub("", bare).strip()
        return bare

    def _from_catalog(self, name: str, line: int) -> str | None:
        """A catalog venue this lab lacks (its database was made before the catalog knew it),
        planned from its catalog row: a lab is seeded only once."""
        for spelling in dict.fromkeys((name, self._bare(name))):
            row = catalog_venue(spelling)
            if row is None or (row.parent and self.lookup(row.parent) is None):
                continue
            if known := self.lookup(row.short):
                return known
            aliases = tuple(a for a in row.aliases if self.lookup(a) is None)
            return self.planner.create(
                VenueInput(
                    short=row.short,
                    full=row.full,
                    kind=row.kind,
                    parent=self.lookup(row.parent) if row.parent else None,
                    label=row.label,
                    month=row.month,
                    aliases=aliases,
                ),
                line,
            )
        return None

    def _unknown(self, name: str, line: int, dated: bool) -> str:
        """A venue neither the lab nor the catalog knows: a journal when it reads as one.

        "ACM ICAIF" is planned as "ICAIF" (the society is not part of an acronym's name). A
        journal guessed from its name is flagged in the plan's note, so its kind is checked.
        """
        bare = self._bare(name)
        short = bare if bare != name and _ACRONYM.fullmatch(bare) else name
        why = _journal_shape(name, dated)
        return self.planner.create(
            VenueInput(
                short=short,
                full=name if short != name else None,
                kind="journal" if why else "conference",
            ),
            line,
            why=why,
        )


def _journal_shape(name: str, dated: bool) -> str | None:
    """Why an unknown venue reads as a journal ("its name is a journal's"), or None."""
    if _JOURNAL.search(name) or _PUBLISHER_FIRST.search(name):
        return "its name reads as a journal's"
    if dated or _CONFERENCE.search(name):
        return None
    if _ACRONYM.fullmatch(name):
        return "an acronym with no edition year"
    if _JOURNAL_SUBJECT.search(name):
        return "a name with no edition year that ends as a journal's"
    return None


def _looks_like_paper(text: str) -> bool:
    word = _PAPER_WORD.search(text)
    return word is not None and _PAPER_VERB.search(text, word.start()) is not None


def plan_page(session: Session, page: Page) -> ImportPlan:
    """Resolve a read page against the database and check its own arithmetic."""
    plan = ImportPlan(source=page.source)
    members = MemberPlanner(session, plan)
    venues = _Venues(VenuePlanner(session, plan))
    resolved_names: dict[str, str | None] = {}
    kept_spelling = _kept_spellings(page)

    def member(written: str, line: int) -> str | None:
        if written not in resolved_names:
            try:
                # A new member is named as the page mostly (or first) wrote them, not as its
                # newest line does: the kept spelling is resolved first and wins the key.
                kept = kept_spelling.get(name_key(written), written)
                if kept != written and kept not in resolved_names:
                    resolved_names[kept] = members.resolve(kept, line)
                resolved_names[written] = members.resolve(written, line)
            except AmbiguousNameError as exc:
                plan.note("warning", f"{exc}: the paper names no member", line)
                resolved_names[written] = None
        return resolved_names[written]

    stated: dict[int, PageItem] = {}
    # Lines are read newest first; papers are created oldest first so positions follow the page.
    ordered: list[tuple[tuple[int, int], int, int, PlannedPaper]] = []
    origins: dict[int, str] = {}  # a paper's file in a folder, by id(paper), for its findings
    for item in page.items:
        if item.year is None:
            continue
        where = where_of(item)
        for note in item.notes:
            plan.note("warning", f"{where}{note}", item.line)
        if item.month is None and not item.clauses:
            if item.tally_total is not None:
                if item.year in stated:
                    plan.note("warning", f"{where}{item.year} has a second tally line", item.line)
                stated[item.year] = item
            elif item.text:  # a year heading with nothing but a year on it is said nothing of
                plan.note(
                    "skipped",
                    f"{where}a year without a month is not news: {item.text[:120]!r}",
                    item.line,
                )
            continue
        news = YearMonth(item.year, item.month) if item.month is not None else None
        if news is None:  # paper news under a year heading: the papers get no news month
            plan.note(
                "warning",
                f"{where}the {item.year} line gives no month: its papers take their venue's "
                "usual month in the news (`labnews edit paper ID --month YYYY-MM` sets another)",
                item.line,
            )
        else:
            if not item.clauses:
                if item.text or not item.children:
                    _plan_other(plan, item, item.text, news)
                continue
            for part in item.unread:
                _plan_other(plan, item, part, news)
        for clause_index, clause in enumerate(item.clauses):
            for papers_index, paper in enumerate(
                _clause_papers(plan, venues, member, item, clause, news)
            ):
                when = (item.year, item.month or 0)
                ordered.append((when, item.line, clause_index * 1000 + papers_index, paper))
                if where:
                    origins[id(paper)] = where
    # Within a month the page's order is kept: its first line gets the month's first position.
    ordered.sort(key=lambda row: (row[0], row[1], row[2]))
    plan.papers = _without_twice_titled([row[3] for row in ordered], plan)
    _spellings_as_aliases(plan, page)
    _mark_maybe_people(plan, page, resolved_names)
    for line, text in page.undated:
        plan.note("skipped", f"no date: {text[:120]!r}", line)
    # The page's own numbers are checked on all it lists, before what the lab holds is left out.
    check_arithmetic(plan, stated, venues)
    _leave_out_held(session, plan, origins)
    return plan


def _written_names(page: Page) -> list[tuple[str, tuple[int, int, int]]]:
    """Every name the page's paper clauses write, with when: (year, month, -line), oldest least."""
    return [
        (name, (item.year or 0, item.month or 0, -item.line))
        for item in page.items
        for clause in item.clauses
        for name in clause.names
    ]


def _kept_spellings(page: Page) -> dict[str, str]:
    """Per name key, the spelling a new member keeps: the page's most frequent, then earliest."""
    counts: Counter[str] = Counter()
    earliest: dict[str, tuple[int, int, int]] = {}
    for name, when in _written_names(page):
        counts[name] += 1
        earliest[name] = min(when, earliest.get(name, when))
    kept: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], earliest[n])):
        kept.setdefault(name_key(name), name)
    return kept


def _spellings_as_aliases(plan: ImportPlan, page: Page) -> None:
    """A new member's other spellings on the page become its aliases, and the report says so."""
    others: dict[str, dict[str, None]] = defaultdict(dict)
    for name, _ in _written_names(page):
        others[name_key(name)].setdefault(name)
    for index, planned in enumerate(plan.members):
        aliases = [
            n
            for n in others.get(name_key(planned.name), {})
            if n.casefold() != planned.name.casefold()
        ]
        if aliases:
            plan.members[index] = replace(planned, aliases=(*planned.aliases, *aliases))
            plan.note(
                "matched",
                f"{', '.join(map(repr, aliases))} is member {planned.name} (kept as an alias: "
                "the page writes the name so less often or later)",
            )


def _mark_maybe_people(plan: ImportPlan, page: Page, resolved: dict[str, str | None]) -> None:
    """New members the page only ever writes as maybe a person ("(Mamba)") are marked so."""
    sure: set[str] = set()
    unsure: set[str] = set()
    for item in page.items:
        for clause in item.clauses:
            maybe = set(clause.maybe)
            for name in clause.names:
                member = resolved.get(name)
                if member:
                    (unsure if name in maybe else sure).add(member)
    new = {m.name for m in plan.members}
    plan.maybe_people = (unsure - sure) & new


def leave_out_maybe_people(plan: ImportPlan) -> ImportPlan:
    """The plan without the members that may not be people, each said in the report.

    Their papers keep no author of that name: a name not known to be a person is not written
    as one. ``labnews import --add-maybe`` keeps them; the window shows them unticked.
    """
    maybe = plan.maybe_people
    if not maybe:
        return plan
    papers = [
        replace(
            paper,
            authors=tuple(a for a in paper.authors if a.member not in maybe),
            featured=None if paper.featured in maybe else paper.featured,
        )
        for paper in plan.papers
    ]
    achievements = [
        replace(item, members=tuple(m for m in item.members if m not in maybe))
        for item in plan.achievements
    ]
    kept = replace(
        plan,
        members=[m for m in plan.members if m.name not in maybe],
        papers=papers,
        achievements=achievements,
        findings=list(plan.findings),
        maybe_people=set(),
    )
    for name in sorted(maybe, key=[m.name for m in plan.members].index):
        kept.note("warning", f"maybe a person: {name} (not added; --add-maybe to add)")
    return kept


def _leave_out_held(session: Session, plan: ImportPlan, origins: dict[int, str]) -> None:
    """Leave out the papers, achievements and tally orders the lab already holds.

    A page's papers are mostly untitled, so each is matched by venue, edition, news month and
    the member its line names; the findings say per line how many of its papers are held.
    """
    index = PaperIndex.of_database(
        session,
        {p.year for p in plan.papers},
        venues={p.venue for p in plan.papers},
        conference_years=queries.tally_rules(session).conference_years,
    )
    waiting: list[Untitled] = []
    kept: list[PlannedPaper] = []
    for paper in plan.papers:
        if title_key(paper.title):
            why = index.duplicate_of(paper, paper.news, [paper.featured] if paper.featured else [])
            if why is not None:
                where = origins.get(id(paper), "")
                plan.note("duplicate", f"{where}{paper.title[:120]!r} {why}; left out", paper.line)
                continue
        else:
            # A name that may not be a person's is matched as no name: the lab holds the paper
            # without it unless the import was asked to add it (--add-maybe).
            featured = None if paper.featured in plan.maybe_people else paper.featured
            waiting.append(Untitled(paper, paper.news, featured))
        kept.append(paper)
    found = index.held_untitled(waiting)
    held = {id(item.paper) for item, why in zip(waiting, found, strict=True) if why is not None}
    # One finding per line and venue: "line 2: 3 papers at NeurIPS 2024 ... already in the lab".
    lines: dict[tuple[str, int | None, str, int], list[str]] = {}
    for paper in kept:
        if id(paper) in held:
            key = (origins.get(id(paper), ""), paper.line, paper.venue, paper.year)
            lines.setdefault(key, []).append(paper.featured or "no member named")
    for (where, line, venue, year), names in sorted(
        lines.items(), key=lambda item: (item[0][0], item[0][1] or 0)
    ):
        plan.note(
            "duplicate",
            f"{where}{count_digits(len(names))} at {venue} {year} already in the lab "
            f"({', '.join(names)}); left out",
            line,
        )
    plan.papers = [p for p in kept if id(p) not in held]
    plan.present.update(index.present)
    years = {item.date.year for item in plan.achievements}
    known = {
        (a.kind, a.title.casefold(), a.date)
        for a in (queries.achievements_in(session, years) if years else ())
    }
    achievements = []
    for item in plan.achievements:
        if (item.kind, item.title.casefold(), item.date) in known:
            plan.note(
                "duplicate",
                f"{item.kind} {item.title[:80]!r} ({item.date}) is already there; left out",
                item.line,
            )
        else:
            achievements.append(item)
    plan.achievements = achievements
    pinned = queries.tally_rules(session).pinned
    plan.pins = {year: labels for year, labels in plan.pins.items() if pinned.get(year) != labels}


def _clause_papers(
    plan: ImportPlan,
    venues: _Venues,
    member: Callable[[str, int], str | None],
    item: PageItem,
    clause: PageClause,
    news: YearMonth | None,
) -> list[PlannedPaper]:
    """The placeholder papers one clause stands for, with its warnings noted."""
    assert item.year is not None
    where = where_of(item)
    for note in clause.notes:
        plan.note("warning", f"{where}{note}", item.line)
    name, edition = _venue_and_year(clause.venue, item.year)
    names = clause.names
    if len(names) == 1 and _ACRONYM.fullmatch(names[0]) and venues.lookup(names[0]):
        names = ()  # "accepted to IEEE Transactions on ... (TPAMI)": the parenthesis is the venue
    short = venues.resolve(name, clause.workshop, item.line, dated=edition is not None)
    year = edition if edition is not None else item.year
    if (
        edition is not None
        and edition != item.year
        and item.month is not None
        and not _usual_timing(edition, item.year, item.month)
    ):
        plan.note(
            "warning",
            f"{where}the {item.year}/{item.month:02d} line names {short} {edition}: "
            f"its edition year differs from the line's year; planned as {edition} (if it is "
            f"{item.year}: `labnews edit paper ID --year {item.year}` after the import)",
            item.line,
        )
    # "Authors: A, B, C" (or "congrats to A and B") over one paper: its co-authors, not a
    # surplus of names for the count.
    coauthors = clause.count == 1 and clause.greeted and len(names) > 1
    if len(names) > clause.count and not coauthors:
        plan.note(
            "warning",
            f"{where}{len(names)} names for {clause.count} "
            f"{'paper' if clause.count == 1 else 'papers'} at {short}",
            item.line,
        )
    if names and len(names) < clause.count:
        missing = clause.count - len(names)
        plan.note(
            "warning",
            f"{where}{clause.count} papers at {short} but {len(names)} "
            f"{'name' if len(names) == 1 else 'names'}: {count_digits(missing)} "
            f"{'has' if missing == 1 else 'have'} no member named",
            item.line,
        )
    resolved = [member(n, item.line) for n in names]
    include = True
    if news is None:
        # A year heading gives no month: the venue's usual month dates the news (as adding a
        # paper without one does), so a second import finds the same paper in the same month.
        month = venues.month_of(short)
        if month is not None:
            news = YearMonth(item.year, month)
        else:
            include = False
            plan.note(
                "skipped",
                f"{where}{short} has no typical month and the {item.year} line gives none: "
                "tick the paper and give its news month",
                item.line,
            )
    papers = []
    for index in range(clause.count):
        featured = resolved[index] if index < len(resolved) else None
        written = names[index] if index < len(names) else None
        if index < len(clause.titles):
            title = clause.titles[index]
        else:
            title = clause.title if clause.count == 1 else ""
        papers.append(
            PlannedPaper(
                venue=short,
                year=year,
                news=news,
                title=title,
                authors=tuple(
                    PlannedAuthor(w, m) for w, m in zip(names, resolved, strict=True) if m
                )
                if coauthors
                else (PlannedAuthor(written, featured),)
                if written and featured
                else (),
                featured=featured,
                presentation=clause.presentation
                if clause.presentation in {"oral", "spotlight", "poster"}
                else None,
                line=item.line,
                include=include,
            )
        )
    return papers


def _usual_timing(edition: int, year: int, month: int) -> bool:
    """Whether a line names next year's edition as news usually does: "AAAI 2026" in 2025/11
    (acceptances come months before the meeting), so no warning is due."""
    return edition == year + 1 and month >= _NEXT_EDITION_FROM


def _without_twice_titled(papers: list[PlannedPaper], plan: ImportPlan) -> list[PlannedPaper]:
    """The papers with a title the page gives twice at one venue and year kept only once."""
    seen: set[tuple[str, int, str]] = set()
    result = []
    for paper in papers:
        key = (
            paper.venue,
            paper.year,
            "".join(ch for ch in paper.title.casefold() if ch.isalnum()),
        )
        if paper.title and key in seen:
            plan.note(
                "warning",
                f"the title {paper.title[:120]!r} is given twice at {paper.venue} {paper.year}: "
                "the second paper is left without a title",
                paper.line,
            )
            paper = replace(paper, title="")
        seen.add(key)
        result.append(paper)
    return result


def _plan_other(plan: ImportPlan, item: PageItem, text: str, news: YearMonth) -> None:
    """A dated line that is not paper news: an achievement when its kind is clear."""
    text = text.strip()
    where = where_of(item)
    kind = achievement_kind(text)
    if kind is None or (_NOT_NEWS_OF_RECORD.search(text) and kind not in {"award", "grant"}):
        if not text:
            reason = "empty"
        elif _looks_like_paper(text):
            reason = "looks like paper news but could not be read"
        else:
            reason = "not paper news"
        plan.note("skipped", f"{where}{reason}: {text[:120]!r}", item.line)
        return
    plan.achievements.append(
        PlannedAchievement(
            kind=kind,
            title=text[:500],
            date=news,
            day=item.day,
            sentence=text[:2000],
            line=item.line,
        )
    )


def summarised(plan: ImportPlan) -> ImportPlan:
    """The plan with its lines outside the news (no date) said in one finding, not one each;
    ``labnews import --verbose`` keeps them all."""
    outside = [f for f in plan.findings if f.kind == "skipped" and f.message.startswith("no date")]
    if len(outside) < 2:
        return plan
    first = outside[0].message.removeprefix("no date: ")
    kept = replace(plan, findings=[f for f in plan.findings if f not in outside])
    kept.note(
        "skipped",
        f"{len(outside)} lines outside the news (no date), the first {first}; "
        "`labnews import --verbose` lists them",
        outside[0].line,
    )
    return kept
