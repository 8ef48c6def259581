"""Input values that forms, the command line and importers build for the store commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from labnews.core.records import (
    DEFAULT_ROLE,
    AchievementLink,
    PaperLink,
    YearMonth,
    fold_links_into,
)

AUTO: Final = "auto"
"""``PaperInput.featured`` value meaning: the first author who is a member listed in news."""

FeaturedChoice = int | None | Literal["auto"]


@dataclass(frozen=True, slots=True)
class AuthorInput:
    """An author as entered: a member (by id) or a plain outside name."""

    name: str = ""
    member_id: int | None = None
    equal: bool = False


@dataclass(frozen=True, slots=True)
class PaperInput:
    """A paper as entered; ``venue`` is a short name or alias; ``news`` defaults from the venue.

    ``links`` are its labelled links in order; ``url``, ``code`` and ``project`` name the first
    link of their kind (see ``core.records.fold_links``). ``also_presented`` are the venues where
    the same paper was also shown (never counted); ``accepted`` is the day of its acceptance.
    """

    venue: str
    year: int
    news: YearMonth | None = None
    title: str = ""
    authors: tuple[AuthorInput, ...] = ()
    featured: FeaturedChoice = AUTO
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

    def __post_init__(self) -> None:
        # One source of truth: url, code and project are the first links of their kinds.
        fold_links_into(self)


@dataclass(frozen=True, slots=True)
class MemberInput:
    """A member as entered."""

    name: str
    native: str | None = None
    aliases: tuple[str, ...] = ()
    role: str = DEFAULT_ROLE
    in_news: bool = True
    joined: YearMonth | None = None
    left: YearMonth | None = None
    homepage: str | None = None
    orcid: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class VenueInput:
    """A venue as entered; ``parent`` is the short name of a workshop's conference."""

    short: str
    full: str | None = None
    kind: str = "conference"
    parent: str | None = None
    label: str | None = None
    month: int | None = None
    aliases: tuple[str, ...] = ()
    homepage: str | None = None


@dataclass(frozen=True, slots=True)
class AchievementInput:
    """An achievement as entered (fields as in AchievementRecord); ``members`` are member ids
    in order."""

    kind: str
    title: str
    date: YearMonth
    day: int | None = None
    members: tuple[int, ...] = ()
    organisation: str | None = None
    url: str | None = None
    sentence: str | None = None
    year_only: bool = False
    end_year: int | None = None
    role: str | None = None
    description: str | None = None
    rank: int | None = None
    teams: int | None = None
    in_news: bool = True
    links: tuple[AchievementLink, ...] = ()
