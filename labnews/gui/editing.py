"""One way to add, edit, duplicate and delete every kind of record, each kind described once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast

from PySide6.QtWidgets import QWidget

from labnews.core.errors import ConflictError, LabnewsError
from labnews.core.inputs import AchievementInput, MemberInput, PaperInput, VenueInput
from labnews.core.records import AchievementRecord, MemberRecord, PaperRecord, VenueRecord
from labnews.core.snapshots import paper_input
from labnews.gui import undo
from labnews.gui.dialogs.forms import RecordDialog, run_dialog

if TYPE_CHECKING:
    from labnews.gui.main_window import MainWindow
    from labnews.store.database import Database

R = TypeVar("R", bound=undo.Stored)
I = TypeVar("I")  # noqa: E741 (the input dataclass a kind of record is entered with)

Check = Callable[[I], LabnewsError | None]


@dataclass(frozen=True)
class EditableKind(Generic[R, I]):
    """What the window needs to edit one kind of record: its commands, dialog, view and copy."""

    record_type: type[R]
    store: undo.RecordKind[R, I]
    view: str
    dialog: Callable[[Editor, QWidget, I | None, R | None, Check[I]], RecordDialog[I]]
    """Builds the kind's dialog: editor, parent, what to show, the record edited (None: new)."""
    duplicate: Callable[[R], I] | None = None
    """A new record's input from an existing one; None when the kind offers no duplicate."""


def _paper_dialog(
    editor: Editor,
    parent: QWidget,
    initial: PaperInput | None,
    paper: PaperRecord | None,
    check: Check[PaperInput],
) -> RecordDialog[PaperInput]:
    from labnews.gui.dialogs.paper import PaperDialog

    return PaperDialog(
        parent,
        initial,
        database=editor.database,
        paper_id=paper.id if paper is not None else None,
        create_venue=editor.create_venue,
        check=check,
    )


def _member_dialog(
    _editor: Editor,
    parent: QWidget,
    initial: MemberInput | None,
    member: MemberRecord | None,
    check: Check[MemberInput],
) -> RecordDialog[MemberInput]:
    from labnews.gui.dialogs.member import MemberDialog

    return MemberDialog(parent, initial, editing=member is not None, check=check)


def _venue_dialog(
    editor: Editor,
    parent: QWidget,
    initial: VenueInput | None,
    venue: VenueRecord | None,
    check: Check[VenueInput],
) -> RecordDialog[VenueInput]:
    from labnews.gui.dialogs.venue import VenueDialog
    from labnews.store import queries

    # Read afresh: a venue added from inside the paper dialog must see the latest parents.
    with editor.database.session() as session:
        venues = queries.venues(session)
    venue_id = venue.id if venue is not None else None
    return VenueDialog(parent, initial, venues=venues, venue_id=venue_id, check=check)


def _achievement_dialog(
    editor: Editor,
    parent: QWidget,
    initial: AchievementInput | None,
    achievement: AchievementRecord | None,
    check: Check[AchievementInput],
) -> RecordDialog[AchievementInput]:
    from labnews.gui.dialogs.achievement import AchievementDialog

    members = editor.window.members.model.records
    editing = achievement is not None
    return AchievementDialog(parent, initial, members=members, editing=editing, check=check)


def _paper_copy(paper: PaperRecord) -> PaperInput:
    """A new paper with the same venue, dates, authors and status; its own title and links."""
    return replace(
        paper_input(paper),
        title="",
        doi=None,
        arxiv=None,
        url=None,
        code=None,
        project=None,
        bibkey=None,
        note=None,
    )


PAPERS: Final = EditableKind(PaperRecord, undo.PAPERS, "papers", _paper_dialog, _paper_copy)
MEMBERS: Final = EditableKind(MemberRecord, undo.MEMBERS, "members", _member_dialog)
VENUES: Final = EditableKind(VenueRecord, undo.VENUES, "venues", _venue_dialog)
ACHIEVEMENTS: Final = EditableKind(
    AchievementRecord, undo.ACHIEVEMENTS, "achievements", _achievement_dialog
)
KINDS: Final[tuple[EditableKind[Any, Any], ...]] = (PAPERS, MEMBERS, VENUES, ACHIEVEMENTS)
"""Every kind of record the window edits: adding a kind is adding it here."""


def kind_of(record: object) -> EditableKind[Any, Any] | None:
    """The kind a record is of, or None for anything else."""
    return next((k for k in KINDS if isinstance(record, k.record_type)), None)


def kind_named(view: str) -> EditableKind[Any, Any]:
    """The kind whose records a table view shows."""
    return next(k for k in KINDS if k.view == view)


def _conflicts_later(error: LabnewsError | None) -> LabnewsError | None:
    # A conflict is not the form's to fix: the save goes ahead and the window offers reload.
    return None if isinstance(error, ConflictError) else error


class Editor:
    """Opens a kind's dialog and pushes the undoable change it asks for onto the history."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def database(self) -> Database:
        database = self.window.database
        assert database is not None, "a dialog is only built with a database open"
        return database

    def new(
        self, kind: EditableKind[R, I], initial: I | None = None, parent: QWidget | None = None
    ) -> undo.AddRecord[R, I] | None:
        """Ask for a new record of ``kind``; the done command, or None if cancelled or refused."""
        database = self.window.require_database()
        if database is None:
            return None

        def check(data: I) -> LabnewsError | None:
            return undo.trial_run(database, lambda s: kind.store.add(s, data))

        dialog = kind.dialog(self, parent or self.window, initial, None, check)
        data = run_dialog(dialog)
        if data is None:
            return None
        command = undo.AddRecord(self.window.command_context(database), kind.store, data)
        return command if self.window.push(command) else None

    def duplicate(self, record: object) -> None:
        """A new record started from a copy of ``record``, for the kinds that offer one."""
        kind = kind_of(record)
        if kind is not None and kind.duplicate is not None:
            self.new(kind, kind.duplicate(record))

    def edit(self, record: object) -> None:
        """Open the record's dialog; saving pushes an undoable edit with a version check."""
        kind = kind_of(record)
        database = self.window.require_database()
        if kind is None or database is None:
            return
        store = kind.store
        before = store.snapshot(record)
        # kind_of found the record to be one of the kinds' record types, all of them stored.
        stored = cast("undo.Stored", record)
        record_id, version = stored.id, stored.version

        def check(data: Any) -> LabnewsError | None:
            return _conflicts_later(
                undo.trial_run(
                    database, lambda s: store.update(s, record_id, data, expected_version=version)
                )
            )

        data = run_dialog(kind.dialog(self, self.window, before, record, check))
        if data is not None and data != before:
            context = self.window.command_context(database)
            self.window.push(undo.EditRecord(context, store, record, data))

    def remove(self, records: Sequence[object]) -> None:
        """Delete records of one kind in one transaction; undo brings them all back."""
        database = self.window.require_database()
        kind = kind_of(records[0]) if records else None
        if database is None or kind is None:
            return
        context = self.window.command_context(database)
        self.window.push(undo.RemoveRecords[Any, Any](context, kind.store, list(records)))

    def create_venue(self, parent: QWidget, text: str) -> VenueRecord | None:
        """Add a venue from inside the paper dialog (undoable like any other change)."""
        from labnews.store.catalog import catalog_input

        with self.database.session() as session:
            # A name the venue catalog knows (a venue it gained after the lab was made) comes
            # with its full name, kind, usual month and spellings filled in.
            start = catalog_input(session, text) or VenueInput(short=text)
        command = self.new(VENUES, start, parent)
        if command is None or command.handle is None:
            return None
        with self.database.session() as session:
            return VENUES.store.fetch(session, command.handle.id)
