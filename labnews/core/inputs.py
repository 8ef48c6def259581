"""Input values that forms, the command line and importers build for the store commands."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Final, Literal

from labnews.core.records import (
    DEFAULT_ROLE,
    AchievementLink,
    PaperFields,
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
class PaperInput(PaperFields):
    """A paper as entered (its own fields in ``PaperFields``); ``venue`` is a short name or
    alias; ``news`` defaults from the venue."""

    venue: str
    year: int
    _: KW_ONLY
    news: YearMonth | None = None
    authors: tuple[AuthorInput, ...] = ()
    featured: FeaturedChoice = AUTO

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
