"""The author completer lists each member once, found by any spelling in either name order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from labnews.gui.dialogs.people import PeopleEditor
from labnews.store import queries
from labnews.store.database import Database

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def shown_completions(qtbot: QtBot, editor: PeopleEditor, typed: str) -> list[str]:
    """Type into the entry as a user does and read the rows of the popup that opens."""
    editor.entry.clear()
    for char in typed:
        if char.isascii():
            qtbot.keyClicks(editor.entry, char)
        else:
            # QTest types ASCII only: a Hangul syllable arrives as the key event a keyboard sends.
            event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, NO_MODIFIER, char)
            QApplication.sendEvent(editor.entry, event)
    completer = editor.entry.completer()
    assert completer is not None
    qtbot.waitUntil(completer.popup().isVisible)
    model = completer.popup().model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def editor_on(qtbot: QtBot, database: Database) -> PeopleEditor:
    with database.session() as session:
        directory = queries.member_directory(session)
    editor = PeopleEditor(directory, outsiders=True)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    # The entry takes the typed keys and the completer's choice only while it has the focus.
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.entry.setFocus()
    qtbot.waitUntil(editor.entry.hasFocus)
    return editor


def test_a_member_is_listed_once_whichever_order_is_typed(
    qtbot: QtBot, demo_database: Database
) -> None:
    editor = editor_on(qtbot, demo_database)
    assert shown_completions(qtbot, editor, "Youngwan") == ["Youngwan Lee · 이영완"]
    # The other order and the native name find the same single row.
    assert shown_completions(qtbot, editor, "Lee Young") == ["Youngwan Lee · 이영완"]
    assert shown_completions(qtbot, editor, "이영") == ["Youngwan Lee · 이영완"]
    # "Lee" is in four members' names: each of them once, none twice.
    rows = shown_completions(qtbot, editor, "Lee")
    assert len(rows) == len(set(rows))
    assert "Youngwan Lee · 이영완" in rows
    assert "Lee Youngwan" not in " ".join(rows)


def test_choosing_a_completion_adds_the_member_by_their_name(
    qtbot: QtBot, demo_database: Database
) -> None:
    editor = editor_on(qtbot, demo_database)
    shown_completions(qtbot, editor, "Lee Young")
    popup = editor.entry.completer().popup()  # type: ignore[union-attr]
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # as a user picks the row
    assert editor.entry.text() == "Youngwan Lee"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(editor.people()) == 1)
    assert editor.list.item(0).text() == "Youngwan Lee"
    assert editor.people()[0].member_id is not None
    assert editor.entry.text() == ""
