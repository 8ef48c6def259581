"""Applying an import in a worker thread: one transaction, in batches, cancelled by rolling back."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from PySide6.QtCore import QObject, QThread, Signal, Slot

from labnews.core.errors import LabnewsError
from labnews.core.records import Change
from labnews.io.plan import ImportPlan, apply_plan

if TYPE_CHECKING:
    from labnews.store.database import Database


BATCH_SIZE: Final = 200
"""Papers applied between two looks at the Cancel button."""


class ImportCancelled(Exception):
    """Raised inside the import's transaction so that it rolls back."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """How an import ended: done (with its Change), cancelled or failed (with the reason)."""

    status: Literal["done", "cancelled", "failed"]
    change: Change | None = None
    error: str = ""
    backup: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)


def plan_batches(plan: ImportPlan, size: int = BATCH_SIZE) -> list[ImportPlan]:
    """The plan in pieces to apply one after another in one transaction, same result as whole.

    First the new venues and members (and the findings, so a plan with errors is refused before
    anything), then the papers ``size`` at a time in the plan's order, then the achievements and
    the pinned tally orders. Every piece carries the tally labels: the first gives them, the
    others find them given.
    """
    papers = plan.included_papers
    pieces = [replace(plan, papers=[], achievements=[], pins={})]
    for start in range(0, len(papers), max(size, 1)):
        pieces.append(
            replace(
                plan,
                members=[],
                venues=[],
                papers=papers[start : start + size],
                achievements=[],
                pins={},
                findings=[],
            )
        )
    pieces.append(replace(plan, members=[], venues=[], papers=[], findings=[]))
    return pieces


class ImportWorker(QObject):
    """Applies a plan in its own write session, on the thread it is moved to.

    A backup of a SQLite file is taken first. Between batches it looks at ``cancel()``: a
    cancel raises inside the session, which rolls the whole import back.
    """

    progressed = Signal(int, int)
    """Papers applied so far, of how many."""
    batch_applied = Signal(int, int)
    """Batches applied so far, of how many (emitted on the worker's own thread)."""
    finished = Signal(object)
    """The ImportOutcome."""

    def __init__(self, database: Database, plan: ImportPlan, *, batch_size: int = BATCH_SIZE):
        super().__init__()
        self.database = database
        self.plan = plan
        self.batch_size = batch_size
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop at the next batch and roll back (safe from any thread)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        """Apply the plan; always ends by emitting ``finished`` with the outcome."""
        plan = self.plan
        counts = plan.counts()
        backup: Path | None = None
        try:
            if self.database.path is not None:
                from labnews.store.backup import backup_before

                backup = backup_before(self.database.path, "pre-import")
            change = self._apply()
        except ImportCancelled:
            outcome = ImportOutcome("cancelled", backup=backup, counts=counts)
        except LabnewsError as error:
            outcome = ImportOutcome("failed", error=error.message, backup=backup, counts=counts)
        except _database_error() as error:
            outcome = ImportOutcome(
                "failed",
                error=f"the database refused the import: {error.__class__.__name__}",
                backup=backup,
                counts=counts,
            )
        except Exception as error:
            # Anything escaping this thread would leave the wizard waiting for ever.
            outcome = ImportOutcome(
                "failed", error=f"{type(error).__name__}: {error}", backup=backup, counts=counts
            )
        else:
            outcome = ImportOutcome("done", change=change, backup=backup, counts=counts)
        self.finished.emit(outcome)

    def _apply(self) -> Change:
        batches = plan_batches(self.plan, self.batch_size)
        total = len(self.plan.included_papers)
        done = 0
        changes: list[Change] = []
        with self.database.session(write=True) as session:
            for number, batch in enumerate(batches, start=1):
                if self._cancel.is_set():
                    raise ImportCancelled
                changes.append(apply_plan(session, batch))
                done += len(batch.included_papers)
                self.progressed.emit(done, total)
                self.batch_applied.emit(number, len(batches))
            # A cancel during the last batch still comes before the commit.
            if self._cancel.is_set():
                raise ImportCancelled
        years = frozenset().union(*(c.years for c in changes))
        ids = tuple(i for c in changes for i in c.ids)
        return Change(
            f"Imported {total} papers from {self.plan.source}",
            frozenset({"paper", "member", "venue", "achievement", "settings"}),
            years,
            ids,
        )


def start_worker(worker: ImportWorker) -> QThread:
    """Run the worker on a new thread, which quits when the worker has finished."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    thread.start()
    return thread


def _database_error() -> type[Exception]:
    """SQLAlchemy's base error, imported only when an error is being handled."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError
