"""Undoable changes: each runs a store command in its own write session, and undo its inverse.

The window loads this module once there is a change to make (gui/deferred.py), after the
database layer: the kinds of record below bind the store's commands and queries as it loads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Generic, Literal, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from labnews.core.errors import DatabaseError, LabnewsError, NotFoundError
from labnews.core.inputs import (
    AchievementInput,
    AuthorInput,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.records import (
    AchievementRecord,
    Change,
    ChangeKind,
    MemberRecord,
    PaperRecord,
    VenueRecord,
)
from labnews.core.snapshots import achievement_input, member_input, paper_input, venue_input
from labnews.store import commands, queries
from labnews.store.settings import LabSettings, write_lab_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from labnews.store.database import Database


class Stored(Protocol):
    """A frozen record as the store gives it: its id and the version a write must expect."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


R = TypeVar("R", bound=Stored)
I = TypeVar("I")  # noqa: E741 (the input dataclass a kind of record is entered with)
I_contra = TypeVar("I_contra", contravariant=True)


class Update(Protocol[I_contra]):
    """A store command that replaces a record's fields, refused if its version moved on."""

    def __call__(
        self, session: Session, record_id: int, data: I_contra, /, *, expected_version: int | None
    ) -> Change: ...


Action = Literal["add", "edit", "remove", "restore"]


# --- ids across deletes and re-adds --------------------------------------------------------------


@dataclass(eq=False)
class RecordHandle:
    """A record as the undo history knows it: re-added, it gets a new id but keeps its handle."""

    kind: ChangeKind
    id: int
    version: int | None = None
    past_ids: list[int] = field(default_factory=list)


class Ledger:
    """Where each record the history touched lives now, and the version our last write left.

    Undoing a delete adds the record again under a new id; commands further down the stack still
    name the old id, so they look it up here. The version is what the next undo or redo expects:
    if someone else changed the record meanwhile, the store refuses with a ConflictError.
    """

    def __init__(self) -> None:
        self._handles: dict[tuple[ChangeKind, int], RecordHandle] = {}

    def handle(self, kind: ChangeKind, record_id: int, version: int | None = None) -> RecordHandle:
        """The handle of an existing record; ``version`` is the one the user saw, when known."""
        found = self._handles.get((kind, record_id))
        if found is None or found.id != record_id:
            found = self._handles[(kind, record_id)] = RecordHandle(kind, record_id)
        if version is not None:
            found.version = version
        return found

    def born(self, kind: ChangeKind, record_id: int, version: int) -> RecordHandle:
        """A handle for a record just added (its id may be one a deleted record had)."""
        handle = self._handles[(kind, record_id)] = RecordHandle(kind, record_id, version)
        return handle

    def reborn(self, handle: RecordHandle, record_id: int, version: int) -> None:
        """The record came back under ``record_id``: every id it ever had now leads there."""
        if record_id != handle.id:
            handle.past_ids.append(handle.id)
        handle.id, handle.version = record_id, version
        for old in (*handle.past_ids, record_id):
            self._handles[(handle.kind, old)] = handle

    def current(self, kind: ChangeKind, record_id: int) -> int:
        """The id a record known by ``record_id`` has now."""
        found = self._handles.get((kind, record_id))
        return found.id if found is not None else record_id

    def clear(self) -> None:
        self._handles.clear()


# --- what each kind of record does -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordKind(Generic[R, I]):
    """The store commands, reads and snapshots of one kind of record, for the generic commands."""

    name: ChangeKind
    add: Callable[[Session, I], Change]
    update: Update[I]
    remove: Callable[[Session, Sequence[int]], Change]
    fetch: Callable[[Session, int], R]
    snapshot: Callable[[R], I]
    restore_key: Callable[[R], tuple[object, ...]]
    repoint: Callable[[I, Ledger], I] = lambda data, _ledger: data


def merge(changes: Sequence[Change], message: str | None = None) -> Change:
    """Several changes made in one session, as one (the message of the last, unless given)."""
    if len(changes) == 1 and message is None:
        return changes[0]
    return Change(
        message if message is not None else changes[-1].message,
        frozenset().union(*(c.kinds for c in changes)),
        frozenset().union(*(c.years for c in changes)),
        tuple(i for c in changes for i in c.ids),
    )


def _repoint_paper(data: PaperInput, ledger: Ledger) -> PaperInput:
    authors = tuple(
        AuthorInput(a.name, ledger.current("member", a.member_id)) if a.member_id is not None else a
        for a in data.authors
    )
    featured = data.featured
    if isinstance(featured, int) and not isinstance(featured, bool):
        featured = ledger.current("member", featured)
    return replace(data, authors=authors, featured=featured)


def _repoint_achievement(data: AchievementInput, ledger: Ledger) -> AchievementInput:
    return replace(data, members=tuple(ledger.current("member", m) for m in data.members))


def _venue_by_id(session: Session, venue_id: int) -> VenueRecord:
    for venue in queries.venues(session, [venue_id]):
        return venue
    raise NotFoundError(f"there is no venue #{venue_id}", field="venue")


def _one_by_one(remove: Callable[[Session, int], Change], noun: str) -> Callable[..., Change]:
    """A many-ids removal from a one-id store command, in the same session (all or nothing)."""

    def remove_all(session: Session, ids: Sequence[int]) -> Change:
        changes = [remove(session, record_id) for record_id in ids]
        if len(changes) == 1:
            return changes[0]
        return merge(changes, f"Removed {len(changes)} {noun}")

    return remove_all


PAPERS: RecordKind[PaperRecord, PaperInput] = RecordKind(
    name="paper",
    add=commands.add_paper,
    update=commands.update_paper,
    remove=commands.remove_papers,
    fetch=queries.paper_by_id,
    snapshot=paper_input,
    restore_key=lambda r: (r.news, r.position, r.id),
    repoint=_repoint_paper,
)
MEMBERS: RecordKind[MemberRecord, MemberInput] = RecordKind(
    name="member",
    add=commands.add_member,
    update=commands.update_member,
    remove=_one_by_one(commands.remove_member, "members"),
    fetch=queries.member_by_id,
    snapshot=member_input,
    restore_key=lambda r: (r.id,),
)
VENUES: RecordKind[VenueRecord, VenueInput] = RecordKind(
    name="venue",
    add=commands.add_venue,
    update=commands.update_venue,
    remove=_one_by_one(commands.remove_venue, "venues"),
    fetch=_venue_by_id,
    snapshot=venue_input,
    # Parents come back before their workshops (and so are removed after them).
    restore_key=lambda r: (r.parent_id is not None, r.id),
)
ACHIEVEMENTS: RecordKind[AchievementRecord, AchievementInput] = RecordKind(
    name="achievement",
    add=commands.add_achievement,
    update=commands.update_achievement,
    remove=commands.remove_achievements,
    fetch=queries.achievement_by_id,
    snapshot=achievement_input,
    restore_key=lambda r: (r.date, r.day or 0, r.id),
    repoint=_repoint_achievement,
)


def describe(kind: ChangeKind, action: Action, count: int = 1) -> str:
    """The undo history's name for a change ("Add paper", "Delete 3 papers")."""
    translate = QCoreApplication.translate
    single = {
        ("paper", "add"): translate("StoreCommand", "Add paper"),
        ("paper", "edit"): translate("StoreCommand", "Edit paper"),
        ("paper", "remove"): translate("StoreCommand", "Delete paper"),
        ("member", "add"): translate("StoreCommand", "Add member"),
        ("member", "edit"): translate("StoreCommand", "Edit member"),
        ("member", "remove"): translate("StoreCommand", "Delete member"),
        ("venue", "add"): translate("StoreCommand", "Add venue"),
        ("venue", "edit"): translate("StoreCommand", "Edit venue"),
        ("venue", "remove"): translate("StoreCommand", "Delete venue"),
        ("achievement", "add"): translate("StoreCommand", "Add achievement"),
        ("achievement", "edit"): translate("StoreCommand", "Edit achievement"),
        ("achievement", "remove"): translate("StoreCommand", "Delete achievement"),
    }
    several = {
        ("paper", "remove"): translate("StoreCommand", "Delete {0} papers"),
        ("member", "remove"): translate("StoreCommand", "Delete {0} members"),
        ("venue", "remove"): translate("StoreCommand", "Delete {0} venues"),
        ("achievement", "remove"): translate("StoreCommand", "Delete {0} achievements"),
        ("paper", "restore"): translate("StoreCommand", "Restored {0} papers"),
        ("member", "restore"): translate("StoreCommand", "Restored {0} members"),
        ("venue", "restore"): translate("StoreCommand", "Restored {0} venues"),
        ("achievement", "restore"): translate("StoreCommand", "Restored {0} achievements"),
    }
    if count == 1 and (kind, action) in single:
        return single[(kind, action)]
    return several.get((kind, action), "{0}").format(count)


def _rebirth(
    ledger: Ledger, handle: RecordHandle, record_id: int, version: int
) -> Callable[[], None]:
    return lambda: ledger.reborn(handle, record_id, version)


# --- the commands ------------------------------------------------------------------------------


@dataclass
class CommandContext:
    """What the commands need from the window: the database, the ledger, and where to report."""

    database: Database
    ledger: Ledger
    changed: Callable[[Change, ChangeKind], None]
    failed: Callable[[LabnewsError], None]


class StoreCommand(QUndoCommand):
    """A change in its own write session; a refused one is reported and leaves the history.

    ``forward`` and ``backward`` return the Change and queue ledger updates, which apply only
    once the session has committed, so a failed commit leaves the ledger as it was.
    """

    def __init__(self, context: CommandContext, kind: ChangeKind, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.kind_name = kind
        self._after_commit: list[Callable[[], None]] = []

    def forward(self, session: Session) -> Change:
        raise NotImplementedError

    def backward(self, session: Session) -> Change:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[Session], Change]) -> None:
        self._after_commit.clear()
        try:
            with self.context.database.session(write=True) as session:
                change = step(session)
        except LabnewsError as error:
            self._refuse(error)
            return
        except SQLAlchemyError as error:
            self._refuse(
                DatabaseError(f"the database refused the change: {error.__class__.__name__}")
            )
            return
        for update in self._after_commit:
            update()
        self.context.changed(change, self.kind_name)

    def _refuse(self, error: LabnewsError) -> None:
        # An obsolete command is dropped by the stack, which then stays a true history.
        self.setObsolete(True)
        self.context.failed(error)

    def later(self, update: Callable[[], None]) -> None:
        self._after_commit.append(update)


class AddRecord(StoreCommand, Generic[R, I]):
    """Add a record; undo removes it (by whatever id it has by then)."""

    def __init__(self, context: CommandContext, kind: RecordKind[R, I], data: I) -> None:
        super().__init__(context, kind.name, describe(kind.name, "add"))
        self.kind, self.data = kind, data
        self.handle: RecordHandle | None = None

    def forward(self, session: Session) -> Change:
        kind, ledger = self.kind, self.context.ledger
        change = kind.add(session, kind.repoint(self.data, ledger))
        new_id = change.ids[0]
        version = kind.fetch(session, new_id).version

        def remember() -> None:
            if self.handle is None:
                self.handle = ledger.born(kind.name, new_id, version)
            else:
                ledger.reborn(self.handle, new_id, version)

        self.later(remember)
        return change

    def backward(self, session: Session) -> Change:
        assert self.handle is not None, "undo before the first redo"
        return self.kind.remove(session, [self.handle.id])


class EditRecord(StoreCommand, Generic[R, I]):
    """Replace a record's fields; undo puts the previous ones back, each with a version check."""

    def __init__(self, context: CommandContext, kind: RecordKind[R, I], record: R, data: I) -> None:
        super().__init__(context, kind.name, describe(kind.name, "edit"))
        self.kind = kind
        self.before, self.after = kind.snapshot(record), data
        self.handle = context.ledger.handle(kind.name, record.id, record.version)

    def _apply(self, session: Session, data: I) -> Change:
        kind, handle = self.kind, self.handle
        change = kind.update(
            session,
            handle.id,
            kind.repoint(data, self.context.ledger),
            expected_version=handle.version,
        )
        version = kind.fetch(session, handle.id).version
        self.later(lambda: setattr(handle, "version", version))
        return change

    def forward(self, session: Session) -> Change:
        return self._apply(session, self.after)

    def backward(self, session: Session) -> Change:
        return self._apply(session, self.before)


class RemoveRecords(StoreCommand, Generic[R, I]):
    """Remove several records in one transaction; undo adds them all back from snapshots."""

    def __init__(
        self, context: CommandContext, kind: RecordKind[R, I], records: Sequence[R]
    ) -> None:
        super().__init__(context, kind.name, describe(kind.name, "remove", len(records)))
        self.kind = kind
        ordered = sorted(records, key=kind.restore_key)
        self.snapshots = [kind.snapshot(r) for r in ordered]
        self.handles = [context.ledger.handle(kind.name, r.id, r.version) for r in ordered]

    def forward(self, session: Session) -> Change:
        # Children before parents: the reverse of the order they come back in.
        return self.kind.remove(session, [h.id for h in reversed(self.handles)])

    def backward(self, session: Session) -> Change:
        kind, ledger = self.kind, self.context.ledger
        changes = []
        for handle, data in zip(self.handles, self.snapshots, strict=True):
            change = kind.add(session, kind.repoint(data, ledger))
            new_id = change.ids[0]
            version = kind.fetch(session, new_id).version
            self.later(_rebirth(ledger, handle, new_id, version))
            changes.append(change)
        if len(changes) == 1:
            return changes[0]
        return merge(changes, describe(kind.name, "restore", len(changes)))


class PinOrder(StoreCommand):
    """Pin (or unpin) a year's tally order; undo puts back the order pinned before, if any."""

    def __init__(
        self,
        context: CommandContext,
        year: int,
        labels: Sequence[str] | None,
        before: Sequence[str] | None,
    ) -> None:
        text = (
            QCoreApplication.translate("StoreCommand", "Pin the {0} tally order")
            if labels
            else QCoreApplication.translate("StoreCommand", "Unpin the {0} tally order")
        )
        super().__init__(context, "settings", text.format(year))
        self.year = year
        self.labels = tuple(labels) if labels else None
        self.before = tuple(before) if before else None

    def forward(self, session: Session) -> Change:
        return commands.pin_order(session, self.year, self.labels)

    def backward(self, session: Session) -> Change:
        return commands.pin_order(session, self.year, self.before)


class ChangeSettings(StoreCommand):
    """Store the lab's shared settings; undo stores the ones before."""

    def __init__(self, context: CommandContext, before: LabSettings, after: LabSettings) -> None:
        super().__init__(
            context, "settings", QCoreApplication.translate("StoreCommand", "Change settings")
        )
        self.before, self.after = before, after

    def forward(self, session: Session) -> Change:
        return write_lab_settings(session, self.after)

    def backward(self, session: Session) -> Change:
        return write_lab_settings(session, self.before)


class _TrialOver(Exception):
    """Raised inside a trial's session so that the session rolls back."""


def trial_run(database: Database, step: Callable[[Session], object]) -> LabnewsError | None:
    """What the store says about a change, without making it: the error, or None if it would do.

    Dialogs ask this before closing, so an error the form cannot see (a DOI in use, a name
    taken) is shown at its field while the user can still fix it.
    """
    try:
        with database.session(write=True) as session:
            step(session)
            raise _TrialOver
    except _TrialOver:
        return None
    except LabnewsError as error:
        return error
