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

from labnews.core.inputs import AuthorInput, PaperInput
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


def test_esc_with_changes_asks_and_keep_editing_keeps_every_field_as_typed(
    qtbot: QtBot, window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    title = "Kept Through an Esc"

    def escape_then_keep(dialog: PaperDialog) -> None:
        keys = shown(qtbot, dialog)
        keys.type("CVPR")
        keys.press(Qt.Key.Key_Return)
        keys.type("2025")
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Return)
        keys.type(title)
        keys.press(Qt.Key.Key_Return)
        keys.type("Jaeseok Ham")
        keys.press(Qt.Key.Key_Return)
        keys.type("Half Typed")  # an author not added yet is typing too
        modal.expect(QMessageBox, keep_editing)
        keys.press(Qt.Key.Key_Escape)
        assert len(modal.seen) == 2  # the question was asked
        assert dialog.isVisible()
        assert (dialog.venue.text(), dialog.year.text(), dialog.title.text()) == (
            "CVPR", "2025", title,
        )  # fmt: skip
        assert [p.name for p in dialog.authors.people()] == ["Jaeseok Ham"]
        assert dialog.authors.entry.text() == "Half Typed"
        assert keys.focused() is dialog.authors.entry  # the typing goes on where it was
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.result() == PaperDialog.DialogCode.Accepted

    open_new_acceptance(window, modal, escape_then_keep)
    [paper] = saved_papers(demo_database, title)
    assert (paper.venue_short, paper.year, paper.news) == ("CVPR", 2025, YearMonth(2025, 6))
    assert [a.name for a in paper.authors] == ["Ham Jaeseok", "Half Typed"]


def test_esc_discards_only_when_told_and_closes_at_once_when_nothing_was_typed(
    qtbot: QtBot, window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    before = len(saved_papers(demo_database, "Thrown Away"))

    def escape_then_discard(dialog: PaperDialog) -> None:
        keys = shown(qtbot, dialog)
        keys.type("ECCV")
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Return)
        keys.type("Thrown Away")
        modal.expect(QMessageBox, discard)
        keys.press(Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert dialog.result() == PaperDialog.DialogCode.Rejected

    open_new_acceptance(window, modal, escape_then_discard)
    assert len(saved_papers(demo_database, "Thrown Away")) == before == 0

    def escape_untouched(dialog: PaperDialog) -> None:
        keys = shown(qtbot, dialog)
        keys.type("X")
        keys.press(Qt.Key.Key_Backspace)  # typed and taken back: nothing to lose
        keys.press(Qt.Key.Key_Escape)
        assert dialog.discard_box is None  # no question was asked
        assert not dialog.isVisible()

    open_new_acceptance(window, modal, escape_untouched)
    assert len(modal.seen) == 3  # two paper dialogs and the one question


def test_wrong_year_and_month_stay_as_typed_and_save_refuses_at_the_field(
    qtbot: QtBot, window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    title = "Typed Wrong, Then Right"
    assert window.news.to_box.value() == 2024  # the demo lab's newest year of papers

    def wrong_then_right(dialog: PaperDialog) -> None:
        keys = shown(qtbot, dialog)
        keys.type("CVPR")
        keys.press(Qt.Key.Key_Return)
        keys.type("1800")
        keys.press(Qt.Key.Key_Return)
        assert dialog.year.text() == "1800"  # not clamped to 1900, not back to this year
        assert dialog.form.message("year") == "“1800” is not a year between 1900 and 2100."
        keys.press(Qt.Key.Key_Return)
        keys.type(title)
        keys.press(Qt.Key.Key_Return)
        keys.type("Jaeseok Ham")
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible()  # refused: the cursor is at the wrong year, selected
        assert keys.focused() is dialog.year
        assert dialog.year.text() == "1800"
        keys.type("2025")
        assert dialog.form.message("year") == ""
        keys.press(Qt.Key.Key_Return)
        assert keys.focused() is dialog.news
        keys.type("2025-13")
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible()
        assert keys.focused() is dialog.news
        assert dialog.news.text() == "2025-13"  # not turned into 2025-01
        assert dialog.form.message("month") == (
            "There is no month 13: give it as YYYY-MM, 01 to 12."
        )
        keys.type("2025")  # a year where a month belongs is named, not ignored
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible()
        assert dialog.news.text() == "2025"
        assert dialog.form.message("month") == "Add the month: 2025-MM."
        keys.type("2025-07")
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.result() == PaperDialog.DialogCode.Accepted

    open_new_acceptance(window, modal, wrong_then_right)
    [paper] = saved_papers(demo_database, title)
    assert (paper.venue_short, paper.year, paper.news) == ("CVPR", 2025, YearMonth(2025, 7))
    # The News view's range takes in the new newest year at once.
    assert window.news.to_box.value() == 2025
    years = window.news.years()
    assert years is None or 2025 in years


def test_after_add_the_focus_stays_in_the_authors_field(
    qtbot: QtBot, window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    title = "Added With the Button"

    def with_the_add_button(dialog: PaperDialog) -> None:
        keys = shown(qtbot, dialog)
        keys.type("ECCV")
        keys.press(Qt.Key.Key_Return)
        keys.type("2024")
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Return)
        keys.type(title)
        keys.press(Qt.Key.Key_Return)
        keys.type("Youngwan Lee")
        qtbot.mouseClick(dialog.authors.add_button, Qt.MouseButton.LeftButton)
        assert keys.focused() is dialog.authors.entry
        keys.type("Jane Outsider")
        keys.press(Qt.Key.Key_Tab)  # to the Add button, and Space presses it
        assert keys.focused() is dialog.authors.add_button
        keys.press(Qt.Key.Key_Space)
        assert keys.focused() is dialog.authors.entry
        assert [p.name for p in dialog.authors.people()] == ["", "Jane Outsider"]
        keys.press(Qt.Key.Key_Return, CTRL)
        assert dialog.result() == PaperDialog.DialogCode.Accepted

    open_new_acceptance(window, modal, with_the_add_button)
    [paper] = saved_papers(demo_database, title)
    assert [a.name for a in paper.authors] == ["Youngwan Lee", "Jane Outsider"]
    assert (paper.venue_short, paper.year) == ("ECCV", 2024)


def test_a_range_the_user_narrowed_is_kept_when_a_newer_year_arrives(
    window: MainWindow, demo_database: Database
) -> None:
    news = window.news
    assert news.to_box.set_value(2023)  # the user looks at an older range on purpose
    with demo_database.session(write=True) as session:
        member = queries.find_member(session, "Youngwan Lee")
        change = commands.add_paper(
            session,
            PaperInput(venue="ICLR", year=2025, authors=(AuthorInput(member.name, member.id),)),
        )
    window.refresh(change)
    assert 2025 in news.to_box.values  # offered
    assert news.to_box.value() == 2023  # but the chosen range is not moved under the user
