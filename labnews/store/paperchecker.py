"""Checks a paper's input against the lab database before it is written: venue, news month,
authors, featured member, duplicate titles and DOIs, and each field's rule."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from labnews.core import fields as field_rules
from labnews.core.errors import DuplicateError, NotFoundError, ValidationError
from labnews.core.inputs import AUTO, PaperInput
from labnews.core.links import site_path
from labnews.core.names import clean_name, venue_spelling_key
from labnews.core.paperdata import UNRULED
from labnews.core.records import (
    PRESENTATIONS,
    STATUSES,
    VenueRecord,
    YearMonth,
    check_year,
    venue_edition,
    year_month,
)
from labnews.store import queries
from labnews.store.models import Member, Paper

AuthorRow = tuple[int, int | None, str | None, bool]
"""One checked author slot: (position, member id or None, name as written or None, equal
contribution)."""
LinkRow = tuple[int, str, str]
"""One checked link of a paper: (position, label, url)."""


class PaperChecker:
    """Validates PaperInputs against what the database holds, loading each lookup once.

    One checker serves a single edit or a whole import: venues, members, existing titles and
    DOIs are read in a few queries, so checking N papers does not cost N round trips.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._venue_ids: dict[str, int | None] = {}
        self._venues: dict[int, VenueRecord] = {}
        self._venue_of: dict[str, VenueRecord] = {}  # by the spelling given: a batch repeats it
        self._members: dict[int, Member] | None = None
        self._titles: dict[tuple[int, int], dict[str, int]] = {}
        self._title_groups: set[tuple[int, int]] = set()
        self._dois: dict[str, int] = {}
        self._dois_read: set[str] = set()
        self._names: dict[str, str] = {}  # outside authors' names as checked: a lab repeats them
        self._title_key = ""  # of the paper fields() checked last, for remember()

    def load_venues(self, spellings: Iterable[str]) -> None:
        """Read at once the venues a batch names by short name, as an import's plan does.

        Other spellings (aliases, full names) are looked up one by one when first met.
        """
        for venue in queries.venues_by_short(self.session, spellings):
            self._venues[venue.id] = venue
            self._venue_ids[venue_spelling_key(venue.short)] = venue.id

    def venue_by_id(self, venue_id: int) -> VenueRecord:
        if venue_id not in self._venues:
            (self._venues[venue_id],) = queries.venues(self.session, [venue_id])
        return self._venues[venue_id]

    def venue(self, spelling: str) -> VenueRecord:
        found = self._venue_of.get(spelling)
        if found is None:
            found = self._venue_of[spelling] = self._find_venue(spelling)
        return found

    def _find_venue(self, spelling: str) -> VenueRecord:
        key = venue_spelling_key(spelling)
        if key not in self._venue_ids:
            self._venue_ids[key] = queries.venue_lookup_id(self.session, spelling)
        venue_id = self._venue_ids[key]
        if venue_id is None:
            queries.find_venue(self.session, spelling)  # raises, naming the closest venues
            raise NotFoundError(f"venue {spelling!r} is not a known venue", field="venue")
        return self.venue_by_id(venue_id)

    def members(self) -> dict[int, Member]:
        if self._members is None:
            self._members = {m.id: m for m in self.session.scalars(select(Member))}
        return self._members

    def load_members(self, ids: Iterable[int]) -> None:
        """Read only these members: a batch names a few of a large lab's members."""
        self._members = {
            member.id: member
            for chunk in queries.in_chunks(ids)
            for member in self.session.scalars(select(Member).where(Member.id.in_(chunk)))
        }

    def load_titles(self, groups: Iterable[tuple[int, int]]) -> None:
        """Read the titles of these (venue id, edition year) groups once, for the duplicate check.

        One query reads every pair of the venues and years named; all of them count as read.
        """
        wanted = set(groups) - self._title_groups
        if not wanted:
            return
        venue_ids = sorted({venue_id for venue_id, _ in wanted})
        years = sorted({year for _, year in wanted})
        self._title_groups.update((v, y) for v in venue_ids for y in years)
        rows = self.session.connection().execute(
            select(Paper.id, Paper.venue_id, Paper.year, Paper.title).where(
                Paper.year.in_(years), Paper.venue_id.in_(venue_ids), Paper.title != ""
            )
        )
        for paper_id, venue_id, year, title in rows:
            self._titles.setdefault((venue_id, year), {})[queries.name_key_title(title)] = paper_id

    def load_dois(self, dois: Iterable[str]) -> None:
        wanted = {d.lower() for d in dois} - self._dois_read
        self._dois_read.update(wanted)
        self._dois.update(queries.papers_with_dois(self.session, wanted))

    def news_month(self, venue: VenueRecord, data: PaperInput) -> YearMonth:
        if data.news is not None:
            return data.news
        month = venue.month
        if month is None and venue.parent_id is not None:
            month = self.venue_by_id(venue.parent_id).month
        if month is None:
            raise ValidationError(
                f"venue {venue.short} has no typical month; give the news month (YYYY-MM)",
                field="month",
            )
        return year_month(data.year, month)

    def authorships(self, data: PaperInput) -> tuple[list[AuthorRow], list[int]]:
        """The checked author slots as (position, member id, name as written) rows, and the
        ids of the members among them, in order."""
        rows: list[AuthorRow] = []
        member_ids: list[int] = []
        members = self.members()
        for index, author in enumerate(data.authors):
            if author.member_id is not None:
                member = members.get(author.member_id)
                if member is None:
                    raise NotFoundError(f"author {index + 1} is not a member", field="authors")
                if member.id in member_ids:
                    raise ValidationError(
                        f"{member.name} is listed twice among the authors", field="authors"
                    )
                member_ids.append(member.id)
                written = field_rules.clean_text(author.name, f"author {index + 1}")
                rows.append((index, member.id, written, bool(author.equal)))
            else:
                name = self._names.get(author.name)
                if name is None:
                    name = clean_name(author.name, field=f"author {index + 1}")
                    if len(name) > 200:
                        raise ValidationError(f"author {index + 1} is too long", field="authors")
                    self._names[author.name] = name
                rows.append((index, None, name, bool(author.equal)))
        return rows, member_ids

    def featured(self, data: PaperInput, member_ids: list[int]) -> int | None:
        members = self.members()
        if data.featured == AUTO:
            return next((m for m in member_ids if members[m].in_news), None)
        if data.featured is None:
            return None
        featured = members.get(data.featured)
        if featured is None:
            raise NotFoundError("the featured member does not exist", field="featured")
        if member_ids and featured.id not in member_ids:
            raise ValidationError(
                f"the featured member {featured.name} must be one of the paper's authors",
                field="featured",
            )
        return featured.id

    def fields(
        self, data: PaperInput, exclude_id: int | None = None
    ) -> tuple[dict[str, object], list[AuthorRow], VenueRecord]:
        """The checked column values of one paper, its author rows and its venue."""
        check_year(data.year)
        venue = self.venue(data.venue)
        news = self.news_month(venue, data)
        title = " ".join(
            (field_rules.clean_text(data.title, "title", limit=field_rules.MAX_TEXT) or "").split()
        )
        if title:
            group = (venue.id, data.year)
            if group not in self._title_groups:
                self.load_titles([group])
            self._title_key = queries.name_key_title(title)
            duplicate = self._titles.get(group, {}).get(self._title_key)
            if duplicate is not None and duplicate < 0:
                raise DuplicateError(
                    f"this paper appears twice in what is being added (also as paper "
                    f"{-duplicate}: {title!r})",
                    field="title",
                )
            if duplicate is not None and duplicate != exclude_id:
                other = queries.paper_by_id(self.session, duplicate)
                raise DuplicateError(
                    f"this paper is already recorded as paper #{other.id} "
                    f"{other.title!r} ({venue_edition(venue.short, venue.kind, data.year)})",
                    field="title",
                )
        doi = field_rules.doi(data.doi)
        if doi is not None:
            if doi.lower() not in self._dois_read:
                self.load_dois([doi])
            other_id = self._dois.get(doi.lower())
            if other_id is not None and other_id < 0:
                raise DuplicateError(
                    f"doi {doi} appears twice in what is being added (also paper {-other_id})",
                    field="doi",
                )
            if other_id is not None and other_id != exclude_id:
                raise DuplicateError(f"doi {doi} already exists on paper #{other_id}", field="doi")
        authors, member_ids = self.authorships(data)
        presentation = data.presentation or None
        if presentation is not None:
            field_rules.choice(presentation, PRESENTATIONS, "presentation")
        fields: dict[str, object] = {
            "title": title,
            "venue_id": venue.id,
            "year": data.year,
            "news_year": news.year,
            "news_month": news.month,
            "featured_id": self.featured(data, member_ids),
            "status": field_rules.choice(data.status, STATUSES, "status"),
            "presentation": presentation,
            "doi": doi,
            # Most papers lack most links: skip the checks of the values that are not there.
            "arxiv": field_rules.arxiv(data.arxiv) if data.arxiv is not None else None,
            "note": field_rules.clean_text(data.note, "note", limit=field_rules.MAX_NOTE)
            if data.note is not None
            else None,
            "also_presented": self.also_presented(data),
            "accepted": data.accepted,
        }
        # The fields without a rule of their own (bibkey, and a field added to PaperFields)
        # keep their names as columns: text is cleaned as text, other values kept as they are.
        for field in UNRULED:
            value = getattr(data, field.name)
            fields[field.name] = (
                field_rules.clean_text(value, field.name)
                if field.type in ("str", "str | None")
                else value
            )
        return fields, authors, venue

    @staticmethod
    def also_presented(data: PaperInput) -> str | None:
        """The also-presented-at venues as the column keeps them: one clean line each."""
        lines = []
        for index, text in enumerate(data.also_presented):
            line = field_rules.clean_text(" ".join(text.split()), f"also presented {index + 1}")
            if line:
                lines.append(line)
        return "\n".join(lines) or None

    @staticmethod
    def links(data: PaperInput) -> list[LinkRow]:
        """The checked links of a paper in order: a label, and an http(s) link."""
        rows: list[LinkRow] = []
        for index, link in enumerate(data.links):
            # A known kind is named as its own field (the form's url, code, project).
            field = link.kind or "links"
            what = link.kind or f"link {index + 1}"
            label = field_rules.clean_text(
                " ".join(link.label.split()), f"{what} label", limit=field_rules.MAX_LABEL
            )
            if not label:
                raise ValidationError(f"{what} has no label", field=field)
            # A labelled link may also be a file of the member's own site ("assets/x.pdf").
            url = site_path(link.url) if link.kind is None else None
            if url is None:
                try:
                    url = field_rules.link(link.url, what)
                except ValidationError as exc:
                    raise ValidationError(exc.message, field=field) from None
            if url is None:
                raise ValidationError(f"{what} ({label}) has no address", field=field)
            rows.append((index, label, url))
        return rows

    def remember(self, paper_id: int, fields: dict[str, object]) -> None:
        """Count the paper just checked in, so a later one in the same batch is its duplicate."""
        if fields["title"]:
            key = (int(fields["venue_id"]), int(fields["year"]))  # type: ignore[call-overload]
            self._titles.setdefault(key, {})[self._title_key] = paper_id
        if fields["doi"]:
            self._dois[str(fields["doi"]).lower()] = paper_id
