"""Looking a paper up from the window: the service is asked in a worker thread, never blocking it.

The answer comes back as a signal, delivered in the window's thread. Cancel drops the answer
still on its way: an HTTP request cannot be stopped halfway, but its timeouts bound it.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from labnews.core.controls import one_line
from labnews.core.errors import LabnewsError

if TYPE_CHECKING:
    from labnews.io.lookup import FoundPaper
    from labnews.io.plan import PlannedPaper
    from labnews.store.database import Database


@dataclass(frozen=True, slots=True)
class LookupAnswer:
    """What the service said, and how it lands in the lab: planned, or already held."""

    found: FoundPaper
    planned: PlannedPaper | None
    held: bool


def ask(database: Database, text: str) -> LookupAnswer:
    """Ask the service for the paper ``text`` names, then plan the answer against the lab."""
    from labnews.io.lookup import find_paper, plan_found

    found = find_paper(text)
    if found.preprint:  # no venue to plan it on: the person types where it was accepted
        return LookupAnswer(found, None, held=False)
    with database.session() as session:
        plan = plan_found(session, found, text)
    return LookupAnswer(found, plan.papers[0] if plan.papers else None, held=bool(plan.present))


class PaperLookup(QObject):
    """Asks for one paper at a time; ``answered`` or ``failed`` follows unless cancelled."""

    answered = Signal(object)
    failed = Signal(str)
    running_changed = Signal(bool)
    _arrived = Signal(int, object, str)
    """From the worker thread; queued to this object's thread, where the answer is handed on."""

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._tokens = itertools.count(1)
        self._current = 0
        self._arrived.connect(self._deliver)

    @property
    def running(self) -> bool:
        return self._current != 0

    def start(self, text: str) -> None:
        """Ask for the paper ``text`` names (a DOI, arXiv id, OpenReview, DBLP or ACL link)."""
        token = self._current = next(self._tokens)
        self.running_changed.emit(True)
        # A daemon thread: a lookup the dialog no longer waits for must not hold the app open.
        threading.Thread(target=self._ask, args=(token, text), daemon=True).start()

    def cancel(self) -> None:
        """Forget the answer on its way, if any."""
        if self._current:
            self._current = 0
            self.running_changed.emit(False)

    def _ask(self, token: int, text: str) -> None:
        try:
            answer: LookupAnswer | None = ask(self.database, text)
            message = ""
        except LabnewsError as error:
            answer, message = None, one_line(str(error))
        # The dialog that asked may be gone, and this object with it: then nobody waits.
        with contextlib.suppress(RuntimeError):
            self._arrived.emit(token, answer, message)

    @Slot(int, object, str)
    def _deliver(self, token: int, answer: LookupAnswer | None, message: str) -> None:
        if token != self._current:
            return  # cancelled, or a newer question is on its way
        self._current = 0
        self.running_changed.emit(False)
        if answer is not None:
            self.answered.emit(answer)
        else:
            self.failed.emit(message)
