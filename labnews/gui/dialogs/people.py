"""An ordered list of people (a paper's authors, an award's members) with name completion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from labnews.core.errors import AmbiguousNameError
from labnews.core.inputs import AuthorInput
from labnews.core.names import MemberDirectory
from labnews.core.records import MemberRecord
from labnews.gui.dialogs.forms import error_color
from labnews.gui.widgets import button, move_buttons, move_current_row

PERSON_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def spellings(members: Iterable[MemberRecord]) -> list[str]:
    """Every way to write each member: name, native name, aliases, and each in the other order.

    Labs write "Ham Jaeseok" in the news and "Jaeseok Ham" on the paper; completion offers both.
    """
    found: dict[str, None] = {}
    for member in members:
        for spelling in (member.name, member.native, *member.aliases):
            if not spelling:
                continue
            found[spelling] = None
            tokens = spelling.split()
            if len(tokens) == 2:
                found[f"{tokens[1]} {tokens[0]}"] = None
    return sorted(found, key=str.casefold)


SPELLINGS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""A completion row's every spelling, which the typed text is matched against."""


def completion_model(members: Iterable[MemberRecord], parent: QObject) -> QStandardItemModel:
    """One row per member, however many ways they are written.

    The row reads "Youngwan Lee · 이영완" and is found by any spelling in either order
    ("Lee Youngwan", "이영완", an alias); choosing it enters the member's own name.
    """
    model = QStandardItemModel(parent)
    for member in sorted(members, key=lambda m: m.name.casefold()):
        shown = member.name + (f" · {member.native}" if member.native else "")
        item = QStandardItem(shown)
        item.setData(" / ".join(spellings([member])), SPELLINGS_ROLE)
        item.setData(member.name, PERSON_ROLE)
        item.setEditable(False)
        model.appendRow(item)
    return model


class MemberCompleter(QCompleter):
    """Completes members by any spelling, listing each member once and entering their name."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        name = index.data(PERSON_ROLE)
        return str(name) if name else super().pathFromIndex(index)


class PeopleEditor(QWidget):
    """Members found by any spelling in either name order, or (for authors) outside names.

    Enter adds what is typed; Delete removes the selected person; Alt+Up and Alt+Down move them.
    """

    changed = Signal()

    def __init__(
        self, directory: MemberDirectory, *, outsiders: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.outsiders = outsiders
        self._members = {m.id: m for m in directory.members}
        # Items carry an int key into this dict: a Python object in item data cannot be
        # serialised when the list is reordered by drag and drop.
        self._people: dict[int, AuthorInput] = {}
        self._next_key = 0
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(
            self.tr("Type a name and press Enter")
            if outsiders
            else self.tr("Type a member's name and press Enter")
        )
        self.entry.setToolTip(
            self.tr("Members are found by any spelling, in either name order")
            + ("; " + self.tr("other names are added as outside authors") if outsiders else "")
        )
        completer = MemberCompleter(completion_model(directory.members, self), self)
        completer.setCompletionRole(SPELLINGS_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._completed)
        self.entry.setCompleter(completer)
        self.entry.installEventFilter(self)
        self.add_button = button(
            self.tr("Add"), self.tr("Add the typed name (Enter)"), self._add_clicked
        )
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setToolTip(self.tr("Bold names are lab members; drag to reorder"))
        self.list.model().rowsMoved.connect(self._moved)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.up_button, self.down_button = move_buttons(
            (self.tr("Up"), self.tr("Move the selected person up (Alt+Up)")),
            (self.tr("Down"), self.tr("Move the selected person down (Alt+Down)")),
            self.move_selected,
        )
        self.remove_button = button(
            self.tr("Remove"), self.tr("Remove the selected person (Delete)"), self.remove_selected
        )
        for each in (self.add_button, self.up_button, self.down_button, self.remove_button):
            each.setAutoDefault(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(f"color: {error_color(self.palette()).name()};")
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected),
            (QKeySequence("Alt+Up"), lambda: self.move_selected(-1)),
            (QKeySequence("Alt+Down"), lambda: self.move_selected(1)),
        ):
            shortcut = QShortcut(keys, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.entry, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.message, 1, 0, 1, 2)
        grid.addWidget(self.list, 2, 0, 4, 1)
        grid.addWidget(self.up_button, 2, 1)
        grid.addWidget(self.down_button, 3, 1)
        grid.addWidget(self.remove_button, 4, 1)
        grid.setRowStretch(5, 1)
        self.setFocusProxy(self.entry)
        self._update_buttons()

    # --- the people -----------------------------------------------------------------------------

    def people(self) -> tuple[AuthorInput, ...]:
        """The people in order: members by id (with the spelling used), outsiders by name."""
        result = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = item.data(PERSON_ROLE) if item is not None else None
            if isinstance(key, int) and key in self._people:
                result.append(self._people[key])
        return tuple(result)

    def member_ids(self) -> list[int]:
        return [p.member_id for p in self.people() if p.member_id is not None]

    def members(self) -> list[MemberRecord]:
        return [self._members[i] for i in self.member_ids() if i in self._members]

    def set_people(self, people: Iterable[AuthorInput]) -> None:
        self.list.clear()
        for person in people:
            self._append(person)
        self._update_buttons()
        self.changed.emit()

    def add_typed(self) -> bool:
        """Add what the entry holds; False (with a message) when it cannot be added."""
        if self.add_text(self.entry.text()):
            self.entry.clear()
            return True
        return False

    def _add_clicked(self) -> None:
        # The next name is typed where the last one was: the focus goes back to the entry.
        self.add_typed()
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_text(self, text: str) -> bool:
        """Add a person by any spelling: the member it matches, else an outsider (if allowed)."""
        name = " ".join(text.split())
        if not name:
            return False
        try:
            match = self.directory.find(name)
        except AmbiguousNameError as error:
            return self._say(
                self.tr("“{0}” could be {1}: type more of the name").format(
                    name, ", ".join(error.candidates)
                )
            )
        if match is None:
            if not self.outsiders:
                hint = self.directory.suggest(name)
                more = self.tr(" Did you mean {0}?").format(", ".join(hint)) if hint else ""
                return self._say(self.tr("No member is called “{0}”.").format(name) + more)
            person = AuthorInput(name=name)
        else:
            member = match.member
            if member.id in self.member_ids():
                return self._say(self.tr("{0} is already listed.").format(member.name))
            # Keep the spelling the paper uses ("Jaeseok Ham"), not a loosely typed one.
            written = name if name in spellings([member]) and name != member.name else ""
            person = AuthorInput(name=written, member_id=member.id)
        self._say("")
        self._append(person)
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._update_buttons()
        self.changed.emit()

    def move_selected(self, delta: int) -> None:
        if move_current_row(self.list, delta):
            self.changed.emit()

    # --- plumbing -------------------------------------------------------------------------------

    def _append(self, person: AuthorInput) -> None:
        member = self._members.get(person.member_id) if person.member_id is not None else None
        if member is not None:
            tip = self.tr("Lab member") + (f" · {member.native}" if member.native else "")
        else:
            tip = self.tr("Outside author (not a lab member)")
        item = QListWidgetItem(self._text(person))
        self._next_key += 1
        self._people[self._next_key] = person
        item.setData(PERSON_ROLE, self._next_key)
        item.setToolTip(tip)
        if member is not None:
            font = QFont(self.list.font())
            font.setBold(True)
            item.setFont(font)
        self.list.addItem(item)

    def toggle_equal(self) -> None:
        """Mark the selected author as of equal contribution, or unmark them."""
        item = self.list.currentItem()
        key = item.data(PERSON_ROLE) if item is not None else None
        if item is None or not isinstance(key, int) or key not in self._people:
            return
        person = replace(self._people[key], equal=not self._people[key].equal)
        self._people[key] = person
        item.setText(self._text(person))
        self.changed.emit()

    def _text(self, person: AuthorInput) -> str:
        member = self._members.get(person.member_id) if person.member_id is not None else None
        text = person.name
        if member is not None:
            text = member.name
            if person.name and person.name != member.name:
                text += "  " + self.tr("(as “{0}”)").format(person.name)
        if person.equal:
            text += "  " + self.tr("* equal contribution")
        return text

    def _say(self, text: str) -> bool:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        return not text

    def _completed(self, _text: str) -> None:
        # The completer writes its text into the entry after this signal: add once it has.
        QTimer.singleShot(0, self.add_typed)

    def _moved(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the entry adds the name; it must not reach the dialog and press Save.
        # Ctrl+Enter is the dialog's Save and passes on.
        if (
            watched is self.entry
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self.entry.text().strip()
        ):
            self.add_typed()
            return True
        return super().eventFilter(watched, event)
