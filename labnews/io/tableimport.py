"""Import a labnews CSV or JSON export into an ImportPlan: each row read, checked and planned."""

from __future__ import annotations

import calendar
import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import Field, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from labnews.core import sections
from labnews.core.errors import AmbiguousNameError, LabnewsError, ValidationError
from labnews.core.fields import MAX_NOTE, MAX_TEXT
from labnews.core.inputs import MemberInput, VenueInput
from labnews.core.links import arxiv_of, doi_of, http_url, site_path
from labnews.core.names import MemberDirectory, clean_name
from labnews.core.paperdata import UNRULED
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    DEFAULT_ROLE,
    MAX_YEAR,
    MIN_YEAR,
    PRESENTATIONS,
    ROLES,
    STATUSES,
    VENUE_KINDS,
    MemberRecord,
    PaperLink,
    VenueRecord,
    YearMonth,
)
from labnews.core.rules import TallyRules
from labnews.io.known import PaperIndex, Untitled, leave_out_held, title_key
from labnews.io.plan import (
    ImportPlan,
    PlannedAchievement,
    PlannedAuthor,
    PlannedPaper,
    VenuePlanner,
)
from labnews.io.tables import (
    COLUMNS,
    EQUAL_MARK,
    FORMAT,
    MEMBER_MARK,
    TABLES,
    VERSION,
    links_of_cell,
    uncell,
)
from labnews.io.textfile import read_text
from labnews.store import queries

_YES: Final = frozenset({"yes", "y", "true", "1", "x"})
_NO: Final = frozenset({"no", "n", "false", "0", ""})
Row = tuple[int | None, str, Mapping[str, Any]]
"""A record to import: its line (CSV), how to name it in a finding, and its values."""


def plan_table(session: Session, path: Path) -> ImportPlan:
    """Read a labnews JSON document or one CSV table (told by its header) into an ImportPlan."""
    plan = ImportPlan(source=path.name)
    text = read_text(path, plan, fallbacks=("cp949",))
    if text.lstrip().startswith("{") or path.suffix.lower() == ".json":
        sections = _read_json(text)
        rules = sections.pop("rules", None)
    else:
        table, rows = _read_csv(text, plan)
        sections = {table: rows}
        rules = None
    importer = _Importer(session, plan)
    importer.venues_rows(sections.get("venues", []))
    importer.member_rows(sections.get("members", []))
    importer.paper_rows(sections.get("papers", []))
    importer.achievement_rows(sections.get("achievements", []))
    if isinstance(rules, dict):
        importer.rules(rules)
    importer.summarise()
    if not any(sections.values()):
        plan.note("warning", "the file holds no records")
    return plan


def _bounded_int(digits: str) -> int:
    """A JSON integer; one longer than any id or year could be is refused, not converted.

    Python refuses to convert more than 4,300 digits with a ValueError of its own; far fewer
    digits already mean a damaged or hostile file.
    """
    if len(digits.lstrip("-")) > 30:
        raise LabnewsError(
            f"the file holds a number of {len(digits):,} digits; it is not a labnews export"
        )
    return int(digits)


def _read_json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise LabnewsError(
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise LabnewsError("the JSON file is nested too deeply to read") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LabnewsError('the file is not a labnews export (no "format": "labnews")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LabnewsError("the file's labnews format version is missing or not a number")
    if version > VERSION:
        raise LabnewsError(
            f"the file was written by a newer labnews (format version {version}); "
            "update labnews to import it"
        )
    sections: dict[str, Any] = {}
    for name in TABLES:
        items = data.get(name, [])
        if not isinstance(items, list):
            raise LabnewsError(f'"{name}" in the file must be a list')
        singular = name.removesuffix("s")
        rows: list[Row] = []
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise LabnewsError(f'{singular} {index} in "{name}" is not an object')
            rows.append((None, f"{singular} {index}: ", item))
        sections[name] = rows
    sections["rules"] = data.get("rules")
    return sections


def _read_csv(text: str, plan: ImportPlan) -> tuple[str, list[Row]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader, [])]
        table = _table_of(header)
        known = set(COLUMNS[table])
        for column in header:
            if column and column not in known:
                plan.note("warning", f"column {column!r} is not a {table} column; ignored", 1)
        rows: list[Row] = []
        last = reader.line_num
        for cells in reader:
            line, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                plan.note("warning", f"{len(cells) - len(header)} cells past the last column", line)
            values = {h: uncell(c) for h, c in zip(header, cells, strict=False) if h}
            rows.append((line, "", values))
    except csv.Error as exc:
        raise LabnewsError(f"line {reader.line_num}: the CSV cannot be read ({exc})") from exc
    return table, rows


def _table_of(header: Sequence[str]) -> str:
    columns = set(header)
    if {"venue", "year"} <= columns:
        return "papers"
    if {"kind", "title", "date"} <= columns:
        return "achievements"
    if "short" in columns:
        return "venues"
    if "name" in columns:
        return "members"
    raise LabnewsError(
        "the CSV header names no labnews table: a papers table has venue and year columns, "
        "members a name column, venues a short column, achievements kind, title and date"
    )


class _Fields:
    """One record's values, read with checks: each problem is an error naming the field."""

    def __init__(self, plan: ImportPlan, row: Row) -> None:
        self.plan = plan
        self.line, self.where, self.values = row
        self.failed = False

    def error(self, name: str, message: str) -> None:
        self.failed = True
        self.plan.note("error", f"{self.where}{name} {message}", self.line)

    def raw(self, name: str) -> Any:
        value = self.values.get(name)
        return value.strip() if isinstance(value, str) else value

    def text(self, name: str, *, required: bool = False, limit: int = MAX_TEXT) -> str | None:
        value = self.raw(name)
        if value is None or value == "":
            if required:
                self.error(name, "must not be empty")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.error(name, "must be text")
            return None
        text = str(value).replace("\x00", "")
        if len(text) > limit:
            self.error(name, f"is longer than {limit:,} characters")
            return None
        return text.strip() or None

    def integer(self, name: str, low: int, high: int, *, required: bool = False) -> int | None:
        value = self.raw(name)
        if value is None or value == "":
            if required:
                self.error(name, "must not be empty")
            return None
        try:
            number = int(value) if not isinstance(value, bool | float) else None
        except (TypeError, ValueError):
            number = None
        if number is None:
            self.error(name, f"must be a whole number, not {str(value)[:40]!r}")
            return None
        if not low <= number <= high:
            self.error(name, f"must be between {low} and {high}, not {number}")
            return None
        return number

    def month(self, name: str, *, required: bool = False) -> YearMonth | None:
        text = self.text(name, required=required)
        if text is None:
            return None
        try:
            return YearMonth.parse(text, field=name)
        except ValidationError as exc:
            self.error(name, exc.message.removeprefix(f"{name} "))
            return None

    def choice(self, name: str, allowed: Sequence[str], default: str | None) -> str | None:
        text = self.text(name)
        if text is None:
            return default
        if text.lower() not in allowed:
            self.error(name, f"must be one of {', '.join(allowed)}, not {text[:40]!r}")
            return default
        return text.lower()

    def flag(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if str(value).lower() in _YES:
            return True
        if str(value).lower() in _NO:
            return False if str(value) else default
        self.error(name, f"must be yes or no, not {str(value)[:40]!r}")
        return default

    def names(self, name: str) -> list[str]:
        value = self.raw(name)
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [n.strip() for n in value.split(";") if n.strip()]
        if isinstance(value, list) and all(isinstance(n, str) for n in value):
            return [n.strip() for n in value if n.strip()]
        self.error(name, "must be a list of names")
        return []

    def link(self, name: str) -> str | None:
        text = self.text(name)
        if text is None:
            return None
        link = http_url(text)
        if link is None:
            self.error(name, f"must be an http or https link, not {text[:80]!r}")
        return link

    def plain(self, field: Field[Any]) -> Any:
        """A paper field without a rule of its own, read by its declared type."""
        if field.type == "str | None":
            return self.text(field.name)
        if field.type == "bool":
            return self.flag(field.name, bool(field.default))
        raise TypeError(
            f"the table import reads no paper field of type {field.type} ({field.name}): "
            "give it a rule in io/tableimport.py"
        )


_NOT_COMPARED: Final = frozenset({"id", "name", "short", "aliases", "parent"})
"""Columns ``_compare`` leaves out: the key, the aliases (merged), the parent (by short name)."""


class _Importer:
    """Plans the records of one file against the database: what to create, what is there."""

    def __init__(self, session: Session, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.venues = VenuePlanner(session, plan)
        self.directory = queries.member_directory(session)
        self._new_members: list[MemberRecord] = []
        self._present = {"members": 0, "venues": 0}
        self._index: PaperIndex | None = None
        self._untitled: list[tuple[Untitled, str]] = []

    # --- members ---

    def member(self, name: str, fields: _Fields, what: str) -> str | None:
        """The display name of the member ``name`` means; planned (and said) when new."""
        try:
            cleaned = clean_name(name, field=what)
            match = self.directory.find(cleaned, field=what)
        except (AmbiguousNameError, ValidationError) as exc:
            fields.error(what, exc.message.removeprefix(f"{what} "))
            return None
        if match is not None:
            return match.member.name
        self.plan.note(
            "warning",
            f"{fields.where}{what} {cleaned!r} is not a member: will create them",
            fields.line,
        )
        self._plan_member(MemberInput(name=cleaned))
        return cleaned

    def _plan_member(self, member: MemberInput) -> None:
        self.plan.members.append(member)
        # Negative ids never clash with the database's; they let later rows find the new member.
        self._new_members.append(
            MemberRecord(
                id=-(len(self._new_members) + 1),
                name=member.name,
                native=member.native,
                aliases=member.aliases,
                in_news=member.in_news,
            )
        )
        self.directory = MemberDirectory((*self.directory.members, self._new_members[-1]))

    def member_rows(self, rows: Sequence[Row]) -> None:
        for row in rows:
            fields = _Fields(self.plan, row)
            name = fields.text("name", required=True, limit=200)
            member = MemberInput(
                name=" ".join((name or "").split()),
                native=fields.text("native", limit=200),
                aliases=tuple(fields.names("aliases")),
                role=fields.choice("role", ROLES, DEFAULT_ROLE) or DEFAULT_ROLE,
                in_news=fields.flag("in_news", True),
                joined=fields.month("joined"),
                left=fields.month("left"),
                homepage=fields.link("homepage"),
                orcid=fields.text("orcid", limit=200),
                note=fields.text("note", limit=MAX_NOTE),
            )
            if member.joined and member.left and member.left < member.joined:
                fields.error("left", f"({member.left}) must not come before joined")
            if fields.failed or name is None:
                continue
            try:
                match = self.directory.find(member.name, field="name")
            except AmbiguousNameError as exc:
                fields.error("name", exc.message.removeprefix("name "))
                continue
            if match is None:
                self._plan_member(member)
            elif match.member.id < 0:
                self.plan.note(
                    "duplicate",
                    f"{fields.where}member {member.name} is listed twice; left out",
                    fields.line,
                )
            else:
                self._present["members"] += 1
                self._compare(fields, f"member {match.member.name}", member, match.member)

    # --- venues ---

    def venues_rows(self, rows: Sequence[Row]) -> None:
        pending: list[tuple[_Fields, VenueInput]] = []
        shorts: set[str] = set()
        for row in rows:
            fields = _Fields(self.plan, row)
            short = fields.text("short", required=True, limit=200)
            venue = VenueInput(
                short=" ".join((short or "").split()),
                full=fields.text("full"),
                kind=fields.choice("kind", VENUE_KINDS, "conference") or "conference",
                parent=fields.text("parent", limit=200),
                label=fields.text("label", limit=200),
                month=fields.integer("month", 1, 12),
                aliases=tuple(fields.names("aliases")),
                homepage=fields.link("homepage"),
            )
            if fields.failed or short is None:
                continue
            known = self.venues.lookup(venue.short)
            if known is not None:
                self._present["venues"] += 1
                record = next((v for v in self.venues.venues.values() if v.short == known), None)
                if record is not None:
                    self._compare(fields, f"venue {known}", venue, record)
            elif venue.short.casefold() in shorts:
                self.plan.note(
                    "duplicate",
                    f"{fields.where}venue {venue.short} is listed twice; left out",
                    fields.line,
                )
            else:
                shorts.add(venue.short.casefold())
                pending.append((fields, venue))
        taken: set[str] = set()
        for fields, venue in pending:
            if venue.parent and not (
                self.venues.lookup(venue.parent) or venue.parent.casefold() in shorts
            ):
                fields.error("parent", f"{venue.parent!r} is not a known venue")
                continue
            aliases = []
            for alias in venue.aliases:
                owner = self.venues.lookup(alias)
                if owner is not None or alias.casefold() in taken | shorts:
                    self.plan.note(
                        "warning",
                        f"{fields.where}alias {alias!r} of {venue.short} already names "
                        f"{owner or 'another venue'}; left out",
                        fields.line,
                    )
                    continue
                taken.add(alias.casefold())
                aliases.append(alias)
            self.venues.create(replace(venue, aliases=tuple(aliases)), fields.line)

    def _typical_month(self, short: str) -> int | None:
        for venue in self.venues.venues.values():
            if venue.short == short:
                if venue.month is None and venue.parent_id is not None:
                    return self.venues.venues[venue.parent_id].month
                return venue.month
        planned = next((v for v in self.plan.venues if v.short == short), None)
        if planned is None:
            return None
        if planned.month is None and planned.parent:
            parent = self.venues.lookup(planned.parent)
            return self._typical_month(parent) if parent and parent != short else None
        return planned.month

    # --- papers ---

    def paper_rows(self, rows: Sequence[Row]) -> None:
        if rows and self._index is None:
            self._index = PaperIndex.of_database(self.session)
        for row in rows:
            fields = _Fields(self.plan, row)
            self._paper(fields)
        if self._index is not None:
            leave_out_held(self.plan, self._index, self._untitled)

    def _paper(self, fields: _Fields) -> None:
        venue_name = fields.text("venue", required=True, limit=200)
        year = fields.integer("year", MIN_YEAR, MAX_YEAR, required=True)
        news = fields.month("news_month" if "news_month" in fields.values else "news")
        title = " ".join((fields.text("title") or "").split())
        status = fields.choice("status", STATUSES, "accepted") or "accepted"
        presentation = fields.choice("presentation", PRESENTATIONS, None)
        doi = self._checked(fields, "doi", doi_of, "must look like 10.1234/abc")
        arxiv = self._checked(fields, "arxiv", arxiv_of, "must look like 2312.04005")
        url, code, project = fields.link("url"), fields.link("code"), fields.link("project")
        note = fields.text("note", limit=MAX_NOTE)
        links = self._links(fields)
        also_presented = self._lines(fields, "also_presented")
        accepted = self._day(fields, "accepted")
        plain = {field.name: fields.plain(field) for field in UNRULED}
        authors = self._authors(fields)
        featured = self._featured(fields, authors)
        if fields.failed or venue_name is None or year is None:
            return
        short = self.venues.lookup(venue_name)
        month = self._typical_month(short) if short else None
        if news is None and month is None:
            where = f"venue {short or venue_name} has no typical month"
            fields.error("news_month", f"is empty and {where}: give it as YYYY-MM")
            return
        if short is None:
            short = self.venues.create(VenueInput(short=venue_name), fields.line)
        paper = PlannedPaper(
            venue=short,
            year=year,
            news=news,
            title=title,
            authors=authors,
            featured=featured,
            status=status,
            presentation=presentation,
            doi=doi,
            arxiv=arxiv,
            url=url,
            code=code,
            project=project,
            note=note,
            links=links,
            also_presented=also_presented,
            accepted=accepted,
            line=fields.line,
            **plain,
        )
        in_news = {m.name for m in self.directory.members if m.in_news}
        candidates = [a.member for a in authors if a.member and a.member in in_news]
        assert self._index is not None
        month_of = news or (YearMonth(year, month) if month else None)
        duplicate = self._index.duplicate_of(paper, month_of, candidates)
        what = repr(title) if title else f"the untitled paper at {short} {year}"
        if duplicate is not None:
            self.plan.note("duplicate", f"{fields.where}{what} {duplicate}; left out", fields.line)
            return
        if not title_key(title):
            # Untitled rows are matched against the lab all at once, after the last row.
            named = featured or (candidates[0] if candidates else None)
            self._untitled.append((Untitled(paper, month_of, named), f"{fields.where}{what}"))
        self.plan.papers.append(paper)

    def _checked(self, fields: _Fields, name: str, clean: Any, shape: str) -> str | None:
        text = fields.text(name)
        if text is None:
            return None
        value: str | None = clean(text)
        if value is None:
            fields.error(name, f"{shape}, not {text[:80]!r}")
        return value

    def _links(self, fields: _Fields) -> tuple[PaperLink, ...]:
        """A paper's links: a JSON list of {label, url}, or a cell of "[label](url)" lines."""
        value = fields.raw("links")
        if value is None or value == "":
            return ()
        links: tuple[PaperLink, ...] | None = None
        if isinstance(value, list):
            if all(isinstance(item, dict) for item in value):
                links = tuple(
                    PaperLink(str(item.get("label") or "").strip(), str(item.get("url") or ""))
                    for item in value
                )
        elif isinstance(value, str):
            links = links_of_cell(uncell(value))
        if links is None:
            fields.error("links", 'must be "[label](url)" lines')
            return ()
        for index, link in enumerate(links, start=1):
            usable = http_url(link.url) or (link.kind is None and site_path(link.url))
            if not link.label or not usable:
                fields.error("links", f"has a link {index} without a label or an http(s) address")
                return ()
        return links

    def _lines(self, fields: _Fields, name: str) -> tuple[str, ...]:
        value = fields.raw(name)
        if value is None or value == "":
            return ()
        items = value if isinstance(value, list) else str(value).splitlines()
        return tuple(" ".join(str(item).split()) for item in items if str(item).strip())

    def _day(self, fields: _Fields, name: str) -> date | None:
        text = fields.text(name)
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            fields.error(name, f"must look like YYYY-MM-DD, not {text[:40]!r}")
            return None

    def _authors(self, fields: _Fields) -> tuple[PlannedAuthor, ...]:
        value = fields.raw("authors")
        entries: list[tuple[str, str | None, bool]] = []
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and isinstance(item.get("name"), str):
                    member = item.get("member")
                    entries.append(
                        (
                            item["name"],
                            member if isinstance(member, str) else None,
                            item.get("equal") is True,
                        )
                    )
                elif isinstance(item, str):
                    entries.append((item, None, False))
                else:
                    fields.error("authors", "must be a list of names")
                    return ()
        else:
            for name in fields.names("authors"):
                equal = name.endswith(EQUAL_MARK)
                name = name.removesuffix(EQUAL_MARK).strip()
                if name.endswith(MEMBER_MARK):
                    written = name.removesuffix(MEMBER_MARK).strip()
                    entries.append((written, written, equal))
                else:
                    entries.append((name, None, equal))
        authors: list[PlannedAuthor] = []
        seen: set[str] = set()
        for index, (written, member_name, equal) in enumerate(entries, start=1):
            what = f"author {index}"
            written = " ".join(written.split())
            if not written or len(written) > 200:
                fields.error(what, "must be a name of 1 to 200 characters")
                continue
            member = self.member(member_name, fields, what) if member_name else None
            if member is not None and member in seen:
                fields.error(what, f"is member {member} again: a member is an author once")
                continue
            if member is not None:
                seen.add(member)
            authors.append(PlannedAuthor(written, member, equal))
        return tuple(authors)

    def _featured(self, fields: _Fields, authors: tuple[PlannedAuthor, ...]) -> str | None:
        name = fields.text("featured", limit=200)
        if name is None:
            return None
        member = self.member(name, fields, "featured")
        members = [a.member for a in authors if a.member]
        if member is not None and members and member not in members:
            fields.error("featured", f"{member} must be one of the paper's member authors")
            return None
        return member

    # --- achievements ---

    def achievement_rows(self, rows: Sequence[Row]) -> None:
        seen = {(a.kind, a.title.casefold(), a.date) for a in queries.achievements_in(self.session)}
        for row in rows:
            fields = _Fields(self.plan, row)
            kind = fields.choice("kind", ACHIEVEMENT_KINDS, None)
            if kind is None and not fields.failed:
                fields.error("kind", "must not be empty")
            title = fields.text("title", required=True)
            # A date of the year alone ("2023") is a talk or project known to the year only.
            year_only = str(fields.raw("date") or "").isdigit()
            if year_only:
                year = fields.integer("date", MIN_YEAR, MAX_YEAR)
                date = YearMonth(year, 1) if year is not None else None
            else:
                date = fields.month("date", required=True)
            day = fields.integer("day", 1, 31)
            if date is not None and day is not None:
                last = calendar.monthrange(date.year, date.month)[1]
                if day > last:
                    fields.error("day", f"must be between 1 and {last}, not {day}")
            members = []
            for index, name in enumerate(fields.names("members"), start=1):
                member = self.member(name, fields, f"member {index}")
                if member is not None and member in members:
                    fields.error(f"member {index}", f"is {member} again")
                elif member is not None:
                    members.append(member)
            organisation = fields.text("organisation")
            url = fields.link("url")
            sentence = fields.text("sentence")
            details = self.achievement_details(fields)
            end_year = details["end_year"]
            if date is not None and end_year is not None and end_year < date.year:
                fields.error("end_year", f"{end_year} is before the start year {date.year}")
            if fields.failed or kind is None or title is None or date is None:
                continue
            key = (kind, " ".join(title.split()).casefold(), date)
            if key in seen:
                self.plan.note(
                    "duplicate",
                    f"{fields.where}{kind} {title[:80]!r} ({date}) is already there; left out",
                    fields.line,
                )
                continue
            seen.add(key)
            self.plan.achievements.append(
                PlannedAchievement(
                    kind=kind,
                    title=title,
                    date=date,
                    day=day,
                    members=tuple(members),
                    organisation=organisation,
                    url=url,
                    sentence=sentence,
                    line=fields.line,
                    year_only=year_only,
                    **details,
                )
            )

    def achievement_details(self, fields: _Fields) -> dict[str, Any]:
        """The page fields of an achievement row (revision 0004), checked as the store will."""
        details: dict[str, Any] = {
            "end_year": fields.integer("end_year", MIN_YEAR, MAX_YEAR),
            "role": fields.text("role", limit=200),
            "rank": fields.integer("rank", 1, 10**9),
            "teams": fields.integer("teams", 1, 10**9),
            "in_news": fields.flag("in_news", True),
            "links": (),
        }
        try:
            details["description"] = sections.clean_description(
                fields.text("description", limit=sections.MAX_DESCRIPTION)
            )
            sections.check_placement(details["rank"], details["teams"])
            details["links"] = sections.parse_links(fields.raw("links"))
        except ValidationError as exc:
            fields.error(exc.field or "links", exc.message.removeprefix(f"{exc.field} "))
        return details

    # --- rules and the report ---

    def rules(self, data: Mapping[str, Any]) -> None:
        """Pinned tally orders are planned; other rules that differ are reported, not applied."""
        current = queries.tally_rules(self.session)
        pinned = data.get("pinned", {})
        if not isinstance(pinned, dict):
            self.plan.note("warning", "the file's pinned tally orders are not readable; ignored")
            pinned = {}
        for year_text, labels in pinned.items():
            try:
                year = int(year_text)
            except (TypeError, ValueError):
                year = 0
            if (
                not MIN_YEAR <= year <= MAX_YEAR
                or not isinstance(labels, list)
                or not labels
                or not all(isinstance(x, str) and x.strip() for x in labels)
                or len({x.casefold() for x in labels}) != len(labels)
            ):
                self.plan.note(
                    "warning", f"the file's pinned order for {year_text!r} is not readable; ignored"
                )
                continue
            if current.pinned.get(year) != tuple(labels):
                self.plan.pins[year] = tuple(labels)
        years = data.get("conference_years", [])
        if isinstance(years, list) and all(
            isinstance(y, int) and MIN_YEAR <= y <= MAX_YEAR for y in years
        ):
            self.plan.conference_years.update(set(years) - current.conference_years)
        else:
            self.plan.note("warning", "the file's workshop line years are not readable; ignored")
        try:
            theirs = TallyRules(
                workshops=str(data.get("workshops", "fold")),
                order=str(data.get("order", "first")),
                lines=str(data.get("lines", "month")),
            )
        except ValidationError as exc:
            self.plan.note("warning", f"the file's tally rules are not readable: {exc.message}")
            return
        for name in ("workshops", "order", "lines"):
            if getattr(theirs, name) != getattr(current, name):
                self.plan.note(
                    "warning",
                    f"the file's rule {name} is {getattr(theirs, name)}, this database's is "
                    f"{getattr(current, name)}: kept; set it with `labnews rules --{name}`",
                )

    def _compare(self, fields: _Fields, what: str, wanted: Any, record: Any) -> None:
        """Say which of a record's fields the file gives otherwise: existing ones are kept."""
        # The table's own columns, less the record's key, its aliases (merged, not compared)
        # and a venue's parent (compared by short name below).
        table = "venues" if isinstance(record, VenueRecord) else "members"
        names = tuple(c for c in COLUMNS[table] if c not in _NOT_COMPARED)
        differ = [n for n in names if getattr(wanted, n) != getattr(record, n)]
        if isinstance(record, VenueRecord) and (wanted.parent or None) != record.parent_short:
            differ.append("parent")
        if differ:
            self.plan.note(
                "warning",
                f"{fields.where}{what} already exists; its {', '.join(differ)} in the file differ "
                "and were not applied",
                fields.line,
            )

    def summarise(self) -> None:
        present = [f"{n} {what}" for what, n in self._present.items() if n]
        if present:
            self.plan.note("matched", f"already in the database: {' and '.join(present)}")
