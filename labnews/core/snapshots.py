"""Inputs rebuilt from records: what re-adds a deleted record, what an edit form starts from and
what an import's planned paper becomes.

Each input is derived from its record by field name: a field added to both reaches the forms,
the undo and the CLI edits without an edit here; an input field the record lacks fails loudly.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from labnews.core.inputs import (
    AchievementInput,
    AuthorInput,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.records import AchievementRecord, MemberRecord, PaperRecord, VenueRecord

_Input = TypeVar("_Input", PaperInput, MemberInput, VenueInput, AchievementInput)

# Each input's field names, read once: an import derives thousands of inputs.
_NAMES: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind))
    for kind in (PaperInput, MemberInput, VenueInput, AchievementInput)
}


def input_of(record: object, kind: type[_Input], **differing: Any) -> _Input:
    """The ``kind`` input holding ``record``'s values: fields of the same name are copied, the
    ones named in ``differing`` (spelled differently in a record) are given."""
    copied = {name: getattr(record, name) for name in _NAMES[kind] if name not in differing}
    return kind(**copied, **differing)


def paper_input(paper: PaperRecord) -> PaperInput:
    """The input that records this paper again exactly (its featured member included)."""
    return input_of(
        paper,
        PaperInput,
        venue=paper.venue_short,
        # A member author keeps the spelling the paper used; an outsider is only a name.
        authors=tuple(
            AuthorInput(name=a.as_written or "", member_id=a.member_id, equal=a.equal)
            if a.is_member
            else AuthorInput(name=a.name, equal=a.equal)
            for a in paper.authors
        ),
        featured=paper.featured_id,
    )


def member_input(member: MemberRecord) -> MemberInput:
    return input_of(member, MemberInput)


def venue_input(venue: VenueRecord) -> VenueInput:
    return input_of(venue, VenueInput, parent=venue.parent_short)


def achievement_input(achievement: AchievementRecord) -> AchievementInput:
    return input_of(
        achievement,
        AchievementInput,
        members=tuple(m.member_id for m in achievement.members if m.member_id is not None),
    )
