"""A change as the views answer it: what moved, and one session to read the lab afresh."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Final, Protocol

from labnews.core.records import Change, ChangeKind, MemberRecord, YearTally
from labnews.gui.deferred import deferred

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from labnews.core.rules import TallyRules
    from labnews.store import queries
else:
    queries = deferred("labnews.store.queries")

EVERYTHING: Final = Change("", frozenset({"paper", "member", "venue", "achievement", "settings"}))
"""The change that has every view read everything (opening, reloading)."""
OVERVIEW_KINDS: Final[frozenset[ChangeKind]] = frozenset({"paper", "venue", "member", "settings"})
"""Changes to these kinds of record change what the overview and the news show."""


@dataclass(eq=False)
class LabChange:
    """What the window's ``changed`` signal carries; reads shared by several views happen once."""

    change: Change
    session: Session

    def touches(self, *kinds: ChangeKind) -> bool:
        """Whether the change moved records of any of these kinds."""
        return not self.change.kinds.isdisjoint(kinds)

    @cached_property
    def rules(self) -> TallyRules:
        return queries.tally_rules(self.session)

    @cached_property
    def members(self) -> tuple[MemberRecord, ...]:
        return queries.members(self.session)

    @cached_property
    def tallies(self) -> tuple[YearTally, ...]:
        return queries.tallies(self.session, self.rules)


class View(Protocol):
    """A view the window's ``changed`` signal reaches: it reads what it shows of a change."""

    def answer(self, update: LabChange) -> None: ...
