"""The New acceptance dialog driven by the keyboard alone, from the window's menu to the saved
records: focus, Enter, Ctrl+Enter, Esc, wrong values kept at their field, and what it costs."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from labnews.core.records import PaperRecord, YearMonth
from labnews.gui.dialogs.paper import PaperDialog
from labnews.gui.main_window import MainWindow
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers
from tests.lookup_server import Services

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier

MULTIMODAL = "A Multimodal Chain of Tools for Described Object Detection"
MULTIMODAL_AUTHORS = ("Kwanyong Park", "Youngwan Lee", "Yong-Ju Lee")
MULTIMODAL_LINK = "https://openreview.net/forum?id=N4i4PfcrK6"
"""The one link the demo lab holds for the paper (resources/demo/lab.json), which the local
server answers as OpenReview's API v2 does (tests/fixtures/lookup/openreview_note.json)."""


@dataclass
class Keyboard:
    """Keys sent where the user's typing goes (the dialog's focused widget), each one counted.

    A key with its modifiers (Ctrl+Enter, Shift+Tab, Ctrl+V) counts as one keystroke.
    """

    qtbot: QtBot
    dialog: PaperDialog
    keystrokes: int = 0
    log: list[str] = field(default_factory=list)

    def focused(self) -> QWidget:
        widget = self.dialog.focusWidget()
        assert widget is not None, "nothing in the dialog has the focus"
        return widget

    def type(self, text: str) -> None:
        self.keystrokes += len(text)
        self.log.append(text)
        self.qtbot.keyClicks(self.focused(), text)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_KEYS) -> None:
        self.keystrokes += 1
        self.log.append(f"<{modifier.name}+{key.name}>" if modifier != NO_KEYS else f"<{key.name}>")
        self.qtbot.keyClick(self.focused(), key, modifier)


def saved_papers(database: Database, title: str) -> list[PaperRecord]:
    with database.session() as session:
        return [p for p in queries.papers_in(session, None) if p.title == title]


def open_new_acceptance(
    window: MainWindow, modal: ModalAnswers, handler: Callable[[PaperDialog], None]
) -> None:
    """Open New acceptance from the window's menu, as the user does, and run ``handler`` on it."""
    modal.expect(PaperDialog, handler)
    window.menus.new_paper_action.trigger()
    modal.check()


def shown(qtbot: QtBot, dialog: PaperDialog) -> Keyboard:
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return Keyboard(qtbot, dialog)


def keep_editing(box: QMessageBox) -> None:
    """Answer the discard question as a user who wants their typing back."""
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()


def discard(box: QMessageBox) -> None:
    gone = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    gone.click()


def remove_the_demo_copy(window: MainWindow, database: Database) -> None:
    """Take the demo lab's own record of the paper away, so that recording it adds it anew."""
    with database.session(write=True) as session:
        held = [p.id for p in queries.papers_in(session, [2024]) if p.title == MULTIMODAL]
        assert len(held) == 1
        change = commands.remove_papers(session, held)
    window.refresh(change)


def type_the_paper_by_hand(keys: Keyboard) -> None:
    """Every field typed, moving on with Enter; each author added with Enter."""
    dialog = keys.dialog
    assert keys.focused() is dialog.venue  # typing starts at the venue
    keys.type("NeurIPS")
    keys.press(Qt.Key.Key_Return)
    assert keys.focused() is dialog.year  # Enter moved on (past the New venue button)
    keys.type("2024")  # the year arrived selected: typing replaces this year's
    keys.press(Qt.Key.Key_Return)
    assert keys.focused() is dialog.news
    assert dialog.news.text() == "2024-12"  # NeurIPS's usual month: nothing to type
    keys.press(Qt.Key.Key_Return)
    assert keys.focused() is dialog.title
    keys.type(MULTIMODAL)
    keys.press(Qt.Key.Key_Return)  # Enter in the title moves on; it does not save
    assert dialog.isVisible()
    assert keys.focused() is dialog.authors.entry
    for count, name in enumerate(MULTIMODAL_AUTHORS, start=1):
        keys.type(name)
        keys.press(Qt.Key.Key_Return)  # adds the author, never saves
        keys.qtbot.waitUntil(lambda count=count: len(dialog.authors.people()) == count)
        assert dialog.isVisible()
        assert keys.focused() is dialog.authors.entry
    assert dialog.save_button.isEnabled(), dialog.form.message("title")


def assert_recorded(database: Database) -> None:
    """The paper is in the lab once, as the demo lab describes it, under NeurIPS 2024."""
    [paper] = saved_papers(database, MULTIMODAL)
    assert (paper.venue_short, paper.year, paper.news) == ("NeurIPS", 2024, YearMonth(2024, 12))
    assert tuple(a.name for a in paper.authors) == MULTIMODAL_AUTHORS
    assert all(a.member_id is not None for a in paper.authors)  # all three are lab members
    assert paper.featured_name == "Kwanyong Park"


def test_the_whole_paper_by_keyboard_enter_moves_on_and_ctrl_enter_saves(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    record_property: Callable[[str, object], None],
) -> None:
    remove_the_demo_copy(window, demo_database)
    steps: dict[str, float] = {}
    counted: list[Keyboard] = []

    def by_hand(dialog: PaperDialog) -> None:
        steps["opening"] = time.perf_counter() - opened
        start = time.perf_counter()
        keys = shown(qtbot, dialog)
        steps["showing"] = time.perf_counter() - start
        counted.append(keys)
        start = time.perf_counter()
        type_the_paper_by_hand(keys)
        steps["typing"] = time.perf_counter() - start
        start = time.perf_counter()
        keys.press(Qt.Key.Key_Return, CTRL)
        steps["saving"] = time.perf_counter() - start
        assert dialog.result() == PaperDialog.DialogCode.Accepted

    opened = start = time.perf_counter()
    open_new_acceptance(window, modal, by_hand)
    steps["total"] = time.perf_counter() - start
    assert_recorded(demo_database)
    [keys] = counted
    # 7 + Enter, 4 + Enter, Enter, 59 + Enter, 13 + 12 + 11 names each with Enter, Ctrl+Enter
    assert keys.keystrokes == len("NeurIPS2024") + len(MULTIMODAL) + 36 + 8
    record_property("keystrokes_by_hand", keys.keystrokes)
    record_property("seconds_by_hand", steps)
    print(f"\nby hand: {keys.keystrokes} keystrokes; seconds {steps}")


def test_the_paper_from_its_link_paste_enter_and_ctrl_enter(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    online: Services,
    record_property: Callable[[str, object], None],
) -> None:
    remove_the_demo_copy(window, demo_database)
    QGuiApplication.clipboard().setText(MULTIMODAL_LINK)  # copied from the browser
    steps: dict[str, float] = {}
    counted: list[Keyboard] = []

    def from_link(dialog: PaperDialog) -> None:
        steps["opening"] = time.perf_counter() - opened
        start = time.perf_counter()
        keys = shown(qtbot, dialog)
        steps["showing"] = time.perf_counter() - start
        counted.append(keys)
        assert dialog.lookup is not None
        assert keys.focused() is dialog.venue
        start = time.perf_counter()
        keys.press(Qt.Key.Key_Tab, SHIFT)
        assert keys.focused() is dialog.lookup_text  # the link row is one Shift+Tab away
        keys.press(Qt.Key.Key_V, CTRL)
        keys.press(Qt.Key.Key_Return)  # Enter in the link row asks the service
        assert dialog.isVisible()
        steps["typing"] = time.perf_counter() - start
        start = time.perf_counter()
        qtbot.waitUntil(
            lambda: dialog.lookup is not None and not dialog.lookup.running, timeout=20_000
        )
        steps["lookup"] = time.perf_counter() - start
        assert dialog.lookup_info.text() == "Filled from OpenReview: check the fields, then save."
        start = time.perf_counter()
        keys.press(Qt.Key.Key_Return, CTRL)
        steps["saving"] = time.perf_counter() - start
        assert dialog.result() == PaperDialog.DialogCode.Accepted

    opened = start = time.perf_counter()
    open_new_acceptance(window, modal, from_link)
    steps["total"] = time.perf_counter() - start
    assert_recorded(demo_database)
    [paper] = saved_papers(demo_database, MULTIMODAL)
    assert paper.url == MULTIMODAL_LINK or any(link.url == MULTIMODAL_LINK for link in paper.links)
    [keys] = counted
    record_property("keystrokes_from_link", keys.keystrokes)
    record_property("seconds_from_link", steps)
    print(f"\nfrom the link: {keys.keystrokes} keystrokes {keys.log}; seconds {steps}")
    assert keys.keystrokes == 4  # Shift+Tab, Ctrl+V, Enter, Ctrl+Enter
