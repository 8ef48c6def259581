"""Plan a parsed .bib file against the database: members, venues, duplicates, each entry checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from labnews.core.errors import AmbiguousNameError, LabnewsError
from labnews.core.fields import MAX_NOTE
from labnews.core.inputs import VenueInput
from labnews.core.links import ARXIV_URL, DOI_PREFIX, arxiv_of, doi_of, http_url
from labnews.core.names import MemberDirectory, venue_spelling_key
from labnews.core.records import (
    MAX_YEAR,
    MIN_YEAR,
    PRESENTATIONS,
    STATUSES,
    YearMonth,
    year_month,
)
from labnews.io.bibdetails import with_details
from labnews.io.bibtex import PREFIX, BibEntry, parse_bibtex, parse_month, quiet, split_authors
from labnews.io.known import PaperIndex, Untitled, leave_out_held, title_key
from labnews.io.latex import decode_latex, decode_latex_checked
from labnews.io.plan import (
    FindingKind,
    ImportPlan,
    PlannedAuthor,
    PlannedPaper,
    VenuePlanner,
    gc_paused,
)
from labnews.io.textfile import read_text
from labnews.store import queries
from labnews.store.catalog import catalog_spellings

MAX_TITLE: Final = 2_000
MAX_NAME: Final = 200
MAX_AUTHORS: Final = 5_000
_YEAR = re.compile(r"\{?\s*(\d{4})[a-z]?\s*\}?")
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?")
_ARXIV_PREPRINT = re.compile(
    r"^(?:arxiv|corr)\b(?:\s+preprint)?(?:\s*,?\s*(?:arxiv\s*)?:?\s*(\S+))?$", re.I
)


def plan_bibtex(session: Session, path: Path) -> ImportPlan:
    """Read a .bib file into an ImportPlan: papers to add, venues to create, what was left out."""
    plan = ImportPlan(source=path.name)
    return _plan_text(session, read_text(path, plan), plan)


def plan_bibtex_text(session: Session, text: str, source: str) -> ImportPlan:
    """BibTeX that is not a file (a looked-up paper's entry) into an ImportPlan, as a file's."""
    return _plan_text(session, text, ImportPlan(source=source))


def _plan_text(session: Session, text: str, plan: ImportPlan) -> ImportPlan:
    with quiet("bibtexparser", "pylatexenc"), gc_paused():
        bib = parse_bibtex(text, plan)
        planner = _Planner(session, plan, bib.entries)
        for entry in bib.entries:
            planner.add(entry)
        planner.finish()
    if not bib.entries and not plan.of_kind("skipped"):
        plan.note("warning", "the file holds no BibTeX entries")
    if bib.pins:  # a labnews export's pinned tally orders; pin only those that differ
        pinned = queries.tally_rules(session).pinned
        plan.pins.update({y: labels for y, labels in bib.pins.items() if pinned.get(y) != labels})
    return plan


def _years_named(entries: Iterable[BibEntry]) -> set[int]:
    """Every four-digit number in the entries' year and date fields: their edition years."""
    # The distinct spellings first: a file of thousands of entries spans a few years.
    spellings = {v for e in entries for n in ("year", "date") if (v := e.fields.get(n))}
    return {int(found) for text in spellings for found in _FOUR_DIGITS.findall(text)}


def _dois_named(entries: Iterable[BibEntry]) -> set[str]:
    """The DOIs the entries give, in their doi field or as a doi.org link."""
    found = set()
    for entry in entries:
        for name in ("doi", "url"):
            text = entry.fields.get(name)
            if text and (doi := doi_of(text)):
                found.add(doi.lower())
    return found


_FOUR_DIGITS = re.compile(r"\d{4}")
_URL_ESCAPE = re.compile(r"\\([_%&#~$])")


class _EntryError(Exception):
    """An entry that cannot become a paper: reported with its key and line, then left out."""

    def __init__(self, kind: FindingKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class _Unplaced(Exception):
    """An entry that can become a paper once the user gives what it lacks (its venue or month).

    It is planned left out, with this reason; the import wizard lets the user fill it in.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class _Venue:
    """Where an entry appeared: a known venue's short name, or one to create."""

    short: str
    month: int | None
    create: VenueInput | None = None


class _Planner:
    """Turns entries into planned papers, resolving venues and matching members (never creating)."""

    def __init__(self, session: Session, plan: ImportPlan, entries: Sequence[BibEntry]) -> None:
        self.plan = plan
        self.venues = VenuePlanner(session, plan)
        known = self.venues.venues
        self.months: dict[str, int | None] = {}
        for venue in known.values():
            month = venue.month
            if month is None and venue.parent_id is not None:
                month = known[venue.parent_id].month
            self.months[venue.short] = month
        self.directory: MemberDirectory = queries.member_directory(session)
        self.in_news = {m.name for m in self.directory.members if m.in_news}
        self.index = PaperIndex.of_database(session, _years_named(entries), _dois_named(entries))
        self._spellings: dict[tuple[str, str], _Venue | None] = {}
        self._members: dict[str, str | None] = {}
        # Planned authors are immutable: one object per (name, member) serves every paper.
        self._authors_seen: dict[tuple[str, str | None], PlannedAuthor] = {}
        self._names: dict[str, str] = {}
        self._decoded: dict[str, str] = {}
        self._said: set[str] = set()
        self._untitled: list[tuple[Untitled, str]] = []

    def add(self, entry: BibEntry) -> None:
        try:
            paper, venue, problem = self._paper(entry)
        except _EntryError as exc:
            # One bad entry never blocks the others: it is reported with its reason, left out.
            self.plan.note(exc.kind, f"entry {entry.key!r}: {exc.message}", entry.line)
            return
        if problem is not None:
            if venue.short and venue.create is None:
                duplicate = self.index.duplicate_of(paper, paper.news, [])
                if duplicate is not None:  # held already: nothing to give it
                    self.plan.note(
                        "duplicate", f"entry {entry.key!r} {duplicate}; left out", entry.line
                    )
                    return
            self.plan.note("skipped", f"entry {entry.key!r}: {problem}; left out", entry.line)
            # Planned but not included: the import wizard lets the user give what it lacks.
            # A venue it would create is not planned: only included papers create venues.
            self.plan.papers.append(replace(paper, include=False))
            return
        news = paper.news
        if news is None and venue.month is not None:
            news = year_month(paper.year, venue.month)
        featured = [a.member for a in paper.authors if a.member and a.member in self.in_news]
        duplicate = self.index.duplicate_of(paper, news, featured)
        if duplicate is not None:
            self.plan.note("duplicate", f"entry {entry.key!r} {duplicate}; left out", entry.line)
            return
        if not title_key(paper.title):
            # Untitled entries are matched against the lab all at once, when the file is read.
            named = paper.featured or (featured[0] if featured else None)
            self._untitled.append((Untitled(paper, news, named), f"entry {entry.key!r}"))
        if venue.create is not None:
            self.venues.create(venue.create, entry.line)
        self.plan.papers.append(paper)

    def finish(self) -> None:
        """Leave out the untitled entries the lab already holds."""
        leave_out_held(self.plan, self.index, self._untitled)

    def _warn(self, entry: BibEntry, message: str) -> None:
        self.plan.note("warning", f"entry {entry.key!r}: {message}", entry.line)

    def _paper(self, entry: BibEntry) -> tuple[PlannedPaper, _Venue, str | None]:
        """The planned paper, its venue, and what it lacks to be imported (None: nothing)."""
        values = entry.fields
        if entry.duplicate_fields:
            self._warn(entry, f"repeats {', '.join(entry.duplicate_fields)}; the first is kept")
        arxiv = self._arxiv(values)
        problem: str | None = None
        try:
            venue = self._venue(entry, arxiv)
        except _Unplaced as exc:
            venue, problem = _Venue("", None), exc.message
        year, date_month = self._year(values)
        try:
            news = self._news(entry, year, date_month, venue)
        except _Unplaced as exc:
            news, problem = None, problem or exc.message
        title = self._text(values.get("title", ""), "title", MAX_TITLE, entry)
        if not title:
            self._warn(entry, "has no title; it becomes an untitled paper")
        authors = self._authors(entry)
        doi_text = values.get("doi")
        doi = doi_of(doi_text)
        if doi_text and doi is None:
            self._warn(entry, f"doi {doi_text[:80]!r} is not a DOI; left out")
        # DBLP escapes a URL's underscores for LaTeX ("paper\\_files"): a link has none.
        url_text = _URL_ESCAPE.sub(r"\1", values.get("url", "").strip())
        url = http_url(url_text)
        if url_text and url is None:
            self._warn(entry, f"url {url_text[:80]!r} is not an http(s) link; left out")
        if doi is None and url is not None:
            doi = doi_of(url) if DOI_PREFIX.match(url) else None
        note = self._text(values.get("note", ""), "note", MAX_NOTE, entry, required=False)
        bibkey = entry.key if 0 < len(entry.key) <= MAX_NAME else None
        paper = PlannedPaper(
            venue=venue.short,
            year=year,
            news=news,
            title=title,
            authors=authors,
            doi=doi,
            arxiv=arxiv,
            url=url,
            bibkey=bibkey,
            note=note or None,
            line=entry.line,
        )
        if entry.has_own_fields:  # what a labnews export adds to BibTeX's own fields
            paper = replace(
                paper,
                featured=self._featured(entry, authors),
                status=self._choice(entry, "status", STATUSES) or "accepted",
                presentation=self._choice(entry, "presentation", PRESENTATIONS),
                code=self._link(entry, "code"),
                project=self._link(entry, "project"),
            )
            paper = with_details(paper, values, lambda message: self._warn(entry, message))
        return paper, venue, problem

    # --- fields ---

    def _text(
        self, raw: str, name: str, limit: int, entry: BibEntry, *, required: bool = True
    ) -> str:
        if len(raw) > 50 * limit:
            if not required:
                self._warn(entry, f"{name} is longer than {limit:,} characters; left out")
                return ""
            raise _EntryError("skipped", f"{name} is longer than {limit:,} characters")
        text, ok = decode_latex_checked(raw)
        if not ok:
            self._warn(
                entry, f"the LaTeX in its {name} could not be read; only braces were removed"
            )
        if len(text) > limit:
            if not required:
                self._warn(entry, f"{name} is longer than {limit:,} characters; left out")
                return ""
            raise _EntryError("skipped", f"{name} is longer than {limit:,} characters")
        return text

    def _year(self, values: Mapping[str, str]) -> tuple[int, int | None]:
        """The edition year, and the month of a biblatex ``date`` of that year, if any."""
        raw = values.get("year", "").strip()
        date_match = _DATE.match(values.get("date", ""))
        if not raw and date_match:
            raw = date_match[1]
        if not raw:
            raise _EntryError("skipped", "year is missing: add year = {YYYY}")
        match = _YEAR.fullmatch(raw)
        if match is None:
            raise _EntryError("skipped", f"year must be a number like 2024, not {raw[:40]!r}")
        year = int(match[1])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise _EntryError(
                "skipped", f"year must be between {MIN_YEAR} and {MAX_YEAR}, not {year}"
            )
        month = None
        if date_match and date_match[2] and int(date_match[1]) == year:
            month = int(date_match[2])
        return year, month if month and 1 <= month <= 12 else None

    def _news(
        self, entry: BibEntry, year: int, date_month: int | None, venue: _Venue
    ) -> YearMonth | None:
        values = entry.fields
        exact = values.get(PREFIX + "news", "").strip() if entry.has_own_fields else ""
        if exact:
            try:
                return YearMonth.parse(exact, field=PREFIX + "news")
            except LabnewsError as exc:
                raise _Unplaced(f"{exc.message}: give its news month") from exc
        raw = values.get("month", "").strip()
        if raw:
            month = parse_month(raw)
            if month is None:
                raise _Unplaced(
                    f"month must be 1-12 or a month name like jun, not {raw[:40]!r}: "
                    "give its news month"
                )
            return YearMonth(year, month)
        if date_month is not None:
            return YearMonth(year, date_month)
        if venue.month is None and venue.short:
            # Journal entries of Scholar and DBLP exports rarely give a month; a journal has
            # no typical month, so the news month is the user's to give (never guessed).
            raise _Unplaced(
                f"no month, and venue {venue.short} has no typical month: give its news month "
                "(or add month = {...} to the entry)"
            )
        return None  # the store dates it by the venue's typical month

    def _authors(self, entry: BibEntry) -> tuple[PlannedAuthor, ...]:
        raw = entry.fields.get("author", "")
        if not raw.strip():
            return ()
        names = split_authors(raw, self._names)
        if len(names) > MAX_AUTHORS:
            raise _EntryError("skipped", f"author lists more than {MAX_AUTHORS:,} names")
        authors: list[PlannedAuthor] = []
        seen: set[str] = set()
        for index, written in enumerate(names, start=1):
            if len(written) > MAX_NAME:
                raise _EntryError("skipped", f"author {index} is longer than {MAX_NAME} characters")
            member = self._member(written, entry)
            if member is not None and member in seen:
                self._warn(
                    entry, f"names member {member} twice; the second is kept as a plain name"
                )
                member = None
            if member is not None:
                seen.add(member)
            author = self._authors_seen.get((written, member))
            if author is None:
                author = self._authors_seen[(written, member)] = PlannedAuthor(written, member)
            authors.append(author)
        return tuple(authors)

    def _member(self, written: str, entry: BibEntry) -> str | None:
        """The existing member this author is, if any: BibTeX never creates members."""
        if written in self._members:
            return self._members[written]
        try:
            match = self.directory.find(written)
        except AmbiguousNameError as exc:
            self._warn(entry, f"{exc.message}; kept as a plain name")
            self._members[written] = None
            return None
        member = match.member.name if match else None
        self._members[written] = member
        if member is not None and member != written:
            self.plan.note("matched", f"{written!r} is member {member}", entry.line)
        return member

    def _featured(self, entry: BibEntry, authors: tuple[PlannedAuthor, ...]) -> str | None:
        wanted = decode_latex(entry.fields.get(PREFIX + "featured", ""))
        if not wanted:
            return None
        members = {a.member for a in authors if a.member}
        try:
            match = self.directory.find(wanted)
        except AmbiguousNameError:
            match = None
        if match is not None and match.member.name in members:
            return match.member.name
        return None  # featured by the usual rule: the first member author listed in news

    def _choice(self, entry: BibEntry, name: str, allowed: Sequence[str]) -> str | None:
        value = entry.fields.get(PREFIX + name, "").strip().lower()
        if not value:
            return None
        if value not in allowed:
            self._warn(entry, f"{PREFIX}{name} {value[:40]!r} is not one of {', '.join(allowed)}")
            return None
        return value

    def _link(self, entry: BibEntry, name: str) -> str | None:
        raw = entry.fields.get(PREFIX + name, "").strip()
        link = http_url(raw)
        if raw and link is None:
            self._warn(entry, f"{PREFIX}{name} is not an http(s) link; left out")
        return link

    def _arxiv(self, values: Mapping[str, str]) -> str | None:
        prefix = (values.get("archiveprefix") or values.get("eprinttype") or "").strip().lower()
        eprint = values.get("eprint", "").strip()
        if eprint and prefix in {"", "arxiv"}:
            found = arxiv_of(eprint)
            if found:
                return found
        # DBLP's CoRR and Semantic Scholar's ArXiv give the id as the volume: "abs/2312.04005".
        volume = values.get("volume", "").strip()
        journal = values.get("journal", "").strip().strip("{}").casefold()
        if journal in {"corr", "arxiv"} and volume.lower().startswith("abs/"):
            found = arxiv_of(volume[4:])
            if found:
                return found
        for name in ("url", "journal", "howpublished", "note"):
            text = values.get(name)
            if not text:
                continue
            url = ARXIV_URL.search(text)
            if url:
                return url[1]
            preprint = _ARXIV_PREPRINT.match(" ".join(text.split()))
            if preprint and preprint[1]:
                found = arxiv_of(preprint[1].rstrip(".,;"))
                if found:
                    return found
        return None

    # --- venues ---

    def _venue(self, entry: BibEntry, arxiv: str | None) -> _Venue:
        values = entry.fields
        exact = decode_latex(values.get(PREFIX + "venue", "")) if entry.has_own_fields else ""
        if exact:
            found = self._lookup(exact)
            if found is not None:
                return found
        spelling = ""
        for name in ("booktitle", "journal", "journaltitle", "howpublished"):
            raw = values.get(name, "")
            if raw.strip():
                # A file names the same few venues again and again: decode each spelling once.
                if raw not in self._decoded:
                    self._decoded[raw] = self._text(raw, name, MAX_TITLE, entry)
                spelling = self._decoded[raw]
                if spelling:
                    break
        preprint = f"a preprint (arXiv {arxiv}): give its venue" if arxiv else ""
        if not spelling and not exact:
            if entry.kind in _NOT_PAPERS:
                raise _EntryError(
                    "skipped",
                    f"@{entry.kind} names no booktitle, journal or howpublished: "
                    "labnews cannot tell where it appeared",
                )
            raise _Unplaced(
                preprint
                or f"@{entry.kind} names no booktitle, journal or howpublished: give its venue"
            )
        if not exact and _ARXIV_PREPRINT.match(spelling):
            # DBLP's CoRR and Scholar's "arXiv preprint arXiv:..." are preprints, not venues.
            raise _Unplaced(preprint or "a preprint (arXiv): give its venue")
        key = (spelling.casefold(), exact.casefold())
        if key not in self._spellings:
            self._spellings[key] = self._resolve(spelling, exact, entry)
        venue = self._spellings[key]
        if venue is None:
            raise _EntryError("skipped", f"venue {spelling[:80]!r} is too long for a short name")
        if not exact and venue.short.casefold() == "arxiv":
            raise _Unplaced(preprint or "a preprint (arXiv): give its venue")
        return venue

    def _lookup(self, spelling: str) -> _Venue | None:
        short = self.venues.lookup(spelling)
        if short is None:
            # A spelling the catalog learnt after this lab was made: its venue, if the lab has it.
            known = catalog_spellings().get(venue_spelling_key(spelling))
            short = self.venues.lookup(known) if known else None
        if short is None:
            return None
        if short in self.months:
            return _Venue(short, self.months[short])
        return self._spellings_by_short().get(short.casefold())

    def _spellings_by_short(self) -> dict[str, _Venue]:
        return {v.short.casefold(): v for v in self._spellings.values() if v is not None}

    def _resolve(self, spelling: str, exact: str, entry: BibEntry) -> _Venue | None:
        """A spelling through the catalog and aliases, with its usual variants; else a new venue.

        Variants: the spelling cleaned ("Proceedings of the 40th ...", years, volumes), its
        acronym in parentheses, and the pieces of a DBLP or Springer title ("IEEE/CVF Winter
        Conference on Applications of Computer Vision, {WACV} 2025, Tucson, ..."; "Computer
        Vision - {ECCV} 2024 - 18th European Conference, ..."). A spelling that says workshop
        only resolves to a workshop: "{CVPR} 2024 - Workshops" is never counted as CVPR.
        """
        workshop = _WORKSHOP.search(spelling) is not None
        conference: _Venue | None = None
        for candidate in _venue_candidates(spelling):
            tries = [candidate]
            if workshop and not _WORKSHOP.search(candidate):
                tries.insert(0, f"{candidate} Workshops")
            for attempt in tries:
                found = self._lookup(attempt)
                if found is None:
                    continue
                if workshop and self.venues.kind_of(found.short) != "workshop":
                    conference = conference or found  # the parent of a workshop it may create
                    continue
                if attempt != spelling:
                    # A variant matched (year, "Proceedings of", an acronym): say which.
                    self.plan.note("matched", f"{spelling!r} is venue {found.short}", entry.line)
                return found
        cleaned = _clean_venue(spelling)
        acronym = _acronym(spelling)
        short = exact or acronym or cleaned or spelling
        if workshop and conference is not None and not exact:
            short = f"{conference.short} Workshop"  # named as the catalog names its workshops
        if len(short) > MAX_NAME:
            return None
        planned = self._spellings_by_short().get(short.casefold())
        if planned is not None:
            return planned
        parent = None
        if entry.kind in {"article", "periodical"}:
            venue_kind = "journal"
        elif workshop:
            venue_kind = "workshop"
            parent = conference.short if conference is not None else None
        else:
            venue_kind = "conference"
        full = spelling if spelling.casefold() != short.casefold() else None
        return _Venue(
            short,
            None,
            VenueInput(short=short, full=full, kind=venue_kind, parent=parent),
        )


_NOT_PAPERS: Final = frozenset({"phdthesis", "mastersthesis", "thesis", "book", "manual"})
"""Entry types that are never a lab's accepted paper: left out without a row to fix."""

_WORKSHOP = re.compile(r"\bworkshops?\b", re.I)
_PROCEEDINGS = re.compile(
    r"^(?:in\s+)?(?:the\s+)?(?:proceedings|proc\.)\s+(?:of\s+)?(?:the\s+)?", re.I
)
_ORDINAL = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\b\s*|\b(?:19|20)\d{2}\b|'\d{2}\b", re.I)
_UNITS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# "The Twelfth International Conference ...", "Thirty-Eighth AAAI Conference", "Forty-first ..."
_SPELLED_ORDINAL = re.compile(
    rf"^(?:the\s+)?(?:(?:{_TENS})[\s-]?(?:{_UNITS})|(?:twent|thirt|fort|fift|sixt|sevent|eight|"
    rf"ninet)ieth|{_UNITS})\b\s*",
    re.I,
)
# ACL's "(Volume 1: Long Papers)", Springer's "Proceedings, Part XII", "Part {XII}".
_VOLUME = re.compile(r"\s*\((?:volume|vol\.)[^)]*\)|,?\s*\bpart\s+[ivxlc\d]+\b", re.I)
_ACRONYM = re.compile(r"\(\s*([A-Za-z][\w\-&/.]{1,30}?)(?:\s*['’]?\s*(?:\d{2}|\d{4}))?\s*\)\s*$")
# A DBLP edition piece: "WACV 2025", "ECCV 2022 Workshops", "CVPR 2024 - Workshops".
_EDITION = re.compile(r"^([A-Za-z][\w&/.\-]{1,20})\s+(?:19|20)\d{2}(?:\s*-?\s*workshops?)?$", re.I)
# Commas, colons and dashes part a title; Scholar writes Springer's as "Computer Vision--ECCV
# 2022: 17th European Conference" (an en dash once decoded, without spaces).
_PIECES = re.compile(r",|\s-\s|\s*[–—]\s*|:\s")


def _clean_venue(spelling: str) -> str:
    """ "Proceedings of the 40th X Conference (XC 2023)" -> "X Conference (XC)" and the like."""
    text = _VOLUME.sub("", spelling)
    text = _PROCEEDINGS.sub("", text)
    text = _SPELLED_ORDINAL.sub("", text.strip())
    text = _ORDINAL.sub("", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+\(?\d{1,3}\)?$", "", text.strip())
    return " ".join(text.split()).strip(" ,.;:-")


def _acronym(spelling: str) -> str:
    match = _ACRONYM.search(_VOLUME.sub("", spelling))
    return match[1] if match else ""


def _venue_candidates(spelling: str) -> list[str]:
    """The spellings to look up for one venue field, most telling first, each once."""
    found = [spelling, _clean_venue(spelling), _acronym(spelling)]
    pieces = [" ".join(p.split()) for p in _PIECES.split(_VOLUME.sub("", spelling))]
    pieces = [p for p in pieces if p]
    if len(pieces) > 1:
        for index, piece in enumerate(pieces):
            edition = _EDITION.match(piece)
            if edition:
                found.append(edition[1])  # "{WACV} 2025" -> "WACV"
            elif index == 0 or re.search(
                r"\b(?:conference|symposium|meeting|workshops?)\b", piece, re.I
            ):
                found.append(_clean_venue(piece))  # DBLP's full name comes first
    return [c for c in dict.fromkeys(found) if c]
