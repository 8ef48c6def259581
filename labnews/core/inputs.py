"""Input values that forms, the command line and importers build for the store commands."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Final, Literal

from labnews.core.records import (
    DEFAULT_ROLE,
    AchievementFields,
    MemberFields,
    PaperFields,
    VenueFields,
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
class MemberInput(MemberFields):
    """A member as entered (their own fields in ``MemberFields``)."""

    name: str
    _: KW_ONLY
    role: str = DEFAULT_ROLE


@dataclass(frozen=True, slots=True)
class VenueInput(VenueFields):
    """A venue as entered (its own fields in ``VenueFields``); ``parent`` is the short name of a
    workshop's conference."""

    short: str
    _: KW_ONLY
    parent: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AchievementInput(AchievementFields):
    """An achievement as entered (its own fields in ``AchievementFields``); ``members`` are
    member ids in order."""

    members: tuple[int, ...] = ()
