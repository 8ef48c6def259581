"""Frozen records that cross layers: what the store reads, the rules count and the views show."""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass, field
from datetime import date
from functools import cache
from typing import Final, Literal, NamedTuple

from labnews.core.errors import ValidationError

ROLE_WORDS: Final = {
    "pi": "PI",
    "professor": "professor",
    "researcher": "researcher",
    "postdoc": "postdoc",
    "phd": "PhD student",
    "ms": "MS student",
    "undergrad": "undergraduate",
    "intern": "intern",
    "alumni": "alumni",
    "other": "other",
}
"""Each member role: the code stored and typed (``--role phd``), and the word shown for it.

The window, the command line's lists and the news all say these words (the window in the
interface language)."""
ROLES: Final = tuple(ROLE_WORDS)
DEFAULT_ROLE: Final = "researcher"
"""A new member's role unless said: true of students, postdocs and staff alike, and what the
demo lab's members are."""
VENUE_KINDS: Final = ("conference", "journal", "workshop", "other")
STATUSES: Final = ("accepted", "published", "withdrawn")
PRESENTATIONS: Final = ("oral", "long talk", "spotlight", "poster", "findings", "demo")
ACHIEVEMENT_KINDS: Final = (
    "award",
    "talk",
    "grant",
    "project",
    "challenge",
    "service",
    "media",
    "other",
)
# How a page shows an achievement's link: a labelled link ([Homepage]), a video (the YouTube
# embed), another embedded page (an iframe) or an image.
ACHIEVEMENT_LINK_KINDS: Final = ("link", "video", "embed", "image")

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

_YEAR_MONTH = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})\s*$")


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A calendar month, the unit news lines are dated by ("2024/06")."""

    year: int
    month: int

    def __post_init__(self) -> None:
        check_year(self.year)
        check_month(self.month)

    @classmethod
    def parse(cls, text: str, *, field: str = "month") -> YearMonth:
        """Read ``YYYY-MM`` (or ``YYYY/MM``); the error names ``field``."""
        match = _YEAR_MONTH.match(text)
        if match is None:
            raise ValidationError(f"{field} must look like YYYY-MM, not {text!r}", field=field)
        year, month = int(match[1]), int(match[2])
        check_year(year, field=field)
        check_month(month, field=field)
        return cls(year, month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@cache
def year_month(year: int, month: int) -> YearMonth:
    """The YearMonth for (year, month), one shared object each: thousands of papers and
    entries share a few news months."""
    return YearMonth(year, month)


def check_year(year: int, *, field: str = "year") -> int:
    """Refuse a year outside 1900-2100, naming ``field``."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            f"{field} must be between {MIN_YEAR} and {MAX_YEAR}, not {year}", field=field
        )
    return year


def check_month(month: int, *, field: str = "month") -> int:
    """Refuse a month outside 1-12, naming ``field``."""
    if not 1 <= month <= 12:
        raise ValidationError(f"{field} must be between 1 and 12, not {month}", field=field)
    return month


PAPER_LINK_LABELS: Final = {
    "paper": "url",
    "code": "code",
    "project": "project",
    "project page": "project",
}
"""Link labels that name a known kind of link: the paper itself, its code, its project page.
A paper's ``url``, ``code`` and ``project`` are its first links of these kinds."""
_DEFAULT_LABEL: Final = {"url": "paper", "code": "code", "project": "project"}


@dataclass(frozen=True, slots=True)
class PaperLink:
    """One labelled link of a paper, as its list shows it: "[label](url)"."""

    label: str
    url: str

    @property
    def kind(self) -> str | None:
        """ "url", "code" or "project" when the label names a known kind, else None."""
        return PAPER_LINK_LABELS.get(self.label.strip().casefold())


def fold_links(
    links: tuple[PaperLink, ...], url: str | None, code: str | None, project: str | None
) -> tuple[tuple[PaperLink, ...], str | None, str | None, str | None]:
    """The links of a paper as one ordered list, and its url, code and project read from it.

    The list is the one place a link lives; ``url``, ``code`` and ``project`` given apart (a
    form, a BibTeX field, an older file) replace the first link of their kind, or are added
    after the others when the paper has none; given empty ("" as `edit --url ''` gives), they
    remove it. Folding twice changes nothing.
    """
    folded = list(links)
    for kind, value in (("url", url), ("code", code), ("project", project)):
        if value is None:
            continue
        at = next((i for i, link in enumerate(folded) if link.kind == kind), None)
        if not value.strip():
            if at is not None:
                del folded[at]
        elif at is None:
            folded.append(PaperLink(_DEFAULT_LABEL[kind], value))
        elif folded[at].url != value:
            folded[at] = PaperLink(folded[at].label, value)
    found: dict[str, str] = {}
    for link in folded:
        known = link.kind
        if known is not None:
            found.setdefault(known, link.url)
    return tuple(folded), found.get("url"), found.get("code"), found.get("project")


def fold_links_into(item: object) -> None:
    """Fold a frozen paper input's or record's links and link fields in place."""
    links, url, code, project = (
        getattr(item, "links"),  # noqa: B009  # one helper for two dataclasses
        getattr(item, "url"),  # noqa: B009
        getattr(item, "code"),  # noqa: B009
        getattr(item, "project"),  # noqa: B009
    )
    if not links and url is None and code is None and project is None:
        return  # most papers of a large lab: nothing to fold
    folded = fold_links(tuple(links), url, code, project)
    for name, value in zip(("links", "url", "code", "project"), folded, strict=True):
        object.__setattr__(item, name, value)


@dataclass(frozen=True, slots=True)
class AchievementLink:
    """One link of an achievement, in the order the page shows them: ``kind`` is one of
    ACHIEVEMENT_LINK_KINDS, ``label`` what a link says ("Homepage") or an image's alternative
    text."""

    kind: str
    url: str
    label: str | None = None


# Each kind's own fields, declared once: its input (core/inputs.py), its record (below) and an
# import's planned form (io/plan.py) inherit them, and copy them by name (core/snapshots.py).


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberFields:
    """A member's own fields, declared once for the input and the record: the native name and
    other spellings, the months of joining and leaving, the news flag, the links and a note."""

    native: str | None = None
    aliases: tuple[str, ...] = ()
    joined: YearMonth | None = None
    left: YearMonth | None = None
    in_news: bool = True
    homepage: str | None = None
    orcid: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class VenueFields:
    """A venue's own fields, declared once for the input and the record: its full name and
    kind, its explicit tally label, its typical month, its other spellings and its homepage."""

    full: str | None = None
    kind: str = "conference"
    label: str | None = None
    month: int | None = None
    aliases: tuple[str, ...] = ()
    homepage: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PaperFields:
    """A paper's own fields, declared once: its input, its record and an import's planned paper
    all hold them, and the plain dict, the tables and the snapshots copy them by name.

    A field added here (with its column in ``store/models.py``) reaches all of those;
    ``tests/store/test_paper_fields.py`` names any place it misses. ``links`` are its labelled
    links in order; ``url``, ``code`` and ``project`` name the first link of their kind (see
    ``fold_links``). ``also_presented`` are the venues where the same paper was also shown
    (never counted); ``accepted`` is the day of its acceptance.
    """

    title: str = ""
    status: str = "accepted"
    presentation: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    url: str | None = None
    code: str | None = None
    project: str | None = None
    bibkey: str | None = None
    note: str | None = None
    links: tuple[PaperLink, ...] = ()
    also_presented: tuple[str, ...] = ()
    accepted: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AchievementFields:
    """An achievement's own fields, declared once for its input, its record and an import's
    planned achievement (each names its members in its own way).

    ``date`` is when it happened (a project's first year); ``year_only`` says the month is not
    known and pages write the year alone. ``end_year`` ends a project's period, ``role`` is the
    member's part in it ("Project Investigator"), ``organisation`` the giver of an award;
    ``rank`` of ``teams`` is a challenge's placement; ``description`` holds lines of text;
    ``in_news`` says whether the yearly news announces it.
    """

    kind: str
    title: str
    date: YearMonth
    day: int | None = None
    year_only: bool = False
    end_year: int | None = None
    organisation: str | None = None
    role: str | None = None
    rank: int | None = None
    teams: int | None = None
    in_news: bool = True
    url: str | None = None
    links: tuple[AchievementLink, ...] = ()
    sentence: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class MemberRecord(MemberFields):
    """A lab member as news and author lists print them."""

    id: int
    name: str
    _: KW_ONLY
    role: str = "other"
    version: int = 1


@dataclass(frozen=True, slots=True)
class VenueRecord(VenueFields):
    """A conference, workshop or journal; ``label`` is the explicit tally label, if any."""

    id: int
    short: str
    _: KW_ONLY
    parent_id: int | None = None
    parent_short: str | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class AuthorRecord:
    """One author of a paper: a member (with their native name) or a plain outside name.

    ``name`` is the member's display name (or the outside name); ``as_written`` keeps the
    spelling the paper itself uses ("Seongwon Lee" for member "Lee Seongwon"), when known.
    """

    name: str
    member_id: int | None = None
    native: str | None = None
    as_written: str | None = None
    equal: bool = False  # an equal contribution: a member's list marks it with a star

    @property
    def written(self) -> str:
        return self.as_written or self.name

    @property
    def is_member(self) -> bool:
        return self.member_id is not None


@dataclass(frozen=True, slots=True)
class PaperRecord(PaperFields):
    """An accepted paper with everything the tally, the news and the tables need about it."""

    id: int
    venue_id: int
    venue_short: str
    year: int
    news: YearMonth
    _: KW_ONLY
    venue_kind: str = "conference"
    venue_label: str | None = None
    parent_label: str | None = None
    venue_full: str | None = None
    authors: tuple[AuthorRecord, ...] = ()
    featured_id: int | None = None
    featured_name: str | None = None
    featured_native: str | None = None
    parent_short: str | None = None
    position: int = 0
    version: int = 1

    def __post_init__(self) -> None:
        fold_links_into(self)

    @property
    def counted(self) -> bool:
        """Withdrawn papers never count; accepted and published ones do."""
        return self.status != "withdrawn"

    @property
    def is_placeholder(self) -> bool:
        """A paper known only from a news line: its title is still unknown."""
        return not self.title.strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class AchievementRecord(AchievementFields):
    """An award, talk, project, grant or other news that is not a paper."""

    id: int
    members: tuple[AuthorRecord, ...] = ()
    version: int = 1


class LabelCount(NamedTuple):
    """How many counted papers one tally label has in one year, and when it first appeared.

    A named tuple rather than a frozen dataclass: a large lab's tally builds thousands of these
    per call, and a tuple is built several times faster.
    """

    year: int
    label: str
    count: int  # type: ignore[assignment]  # tuple.count is unused
    first: int  # core.tally.pack_first() of its earliest paper: (month, position, paper id)


@dataclass(frozen=True, slots=True)
class YearTally:
    """A year's paper total and its per-label counts, in the order the tally prints them."""

    year: int
    total: int
    items: tuple[tuple[str, int], ...]


ChangeKind = Literal["paper", "member", "venue", "achievement", "settings"]


@dataclass(frozen=True, slots=True)
class Change:
    """What a command changed, so views refresh only that and the status bar can say it."""

    message: str
    kinds: frozenset[ChangeKind] = frozenset()
    years: frozenset[int] = frozenset()
    ids: tuple[int, ...] = ()
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


def venue_edition(short: str, kind: str, year: int) -> str:
    """How a sentence names a venue: "SHORT YEAR" for conferences and workshops, "SHORT" for
    journals (a journal has volumes, not editions)."""
    return short if kind == "journal" else f"{short} {year}"
