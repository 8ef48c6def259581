"""File > Adopt a homepage page: the plan and the diff are shown first; Adopt imports and wraps.

The demo lab's page sits in a homepage in tmp_path (real bytes); the window runs on a real, empty
lab database, and the dialog is answered as a person would, through its own buttons.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from labnews.gui.dialogs.adopt import AdoptDialog, adopt_page
from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.io.homepage import END_MARKER, START_MARKER
from labnews.store import queries
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers, message_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "seed_news_2022_2024.md"
BEFORE = "---\nlayout: about\n---\n\n# About the lab\n\nWe study vision.\n\n## News\n\n"
AFTER = "\n## Contact\n\nMail us at lab@example.org.\n"

pytestmark = pytest.mark.usefixtures("no_personal_templates")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "about.md"
    path.write_bytes((BEFORE + FIXTURE.read_text(encoding="utf-8") + AFTER).encode())
    return path


def _papers(window: MainWindow) -> int:
    assert window.database is not None
    with window.database.session() as session:
        return queries.paper_count(session)


def test_adopting_shows_the_plan_and_the_diff_then_imports_and_wraps(
    empty_window: MainWindow, modal: ModalAnswers, page: Path
) -> None:
    news = FIXTURE.read_text(encoding="utf-8")
    seen: dict[str, str] = {}

    def adopt(dialog: AdoptDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["diff"] = dialog.diff.toPlainText()
        # Nothing is written while the dialog asks.
        seen["page while asked"] = page.read_text(encoding="utf-8")
        dialog.adopt_button.click()

    modal.expect(AdoptDialog, adopt)
    assert adopt_page(empty_window, page)
    modal.check()

    assert "Imports 34 papers" in seen["summary"]
    assert f"kept as {page.name}.bak" in seen["summary"]
    assert f"+{START_MARKER}" in seen["diff"]
    assert f"+{END_MARKER}" in seen["diff"]
    assert seen["page while asked"] == BEFORE + news + AFTER
    # The markers sit around exactly the old block; every byte outside it is as it was.
    assert (
        page.read_text(encoding="utf-8") == f"{BEFORE}{START_MARKER}\n{news}{END_MARKER}\n{AFTER}"
    )
    assert (page.parent / "about.md.bak").read_text(encoding="utf-8") == BEFORE + news + AFTER
    assert _papers(empty_window) == 34
    assert empty_window.papers.model.rowCount() == 34
    assert "Adopted about.md" in empty_window.statusBar().currentMessage()


def test_cancel_leaves_the_page_and_the_lab_as_they_were(
    empty_window: MainWindow, modal: ModalAnswers, page: Path
) -> None:
    original = page.read_bytes()
    modal.expect(AdoptDialog, lambda dialog: dialog.reject())
    assert not adopt_page(empty_window, page)
    modal.check()
    assert page.read_bytes() == original
    assert not (page.parent / "about.md.bak").exists()
    assert _papers(empty_window) == 0


def test_a_page_without_news_is_refused_at_once(
    empty_window: MainWindow, modal: ModalAnswers, tmp_path: Path
) -> None:
    page = tmp_path / "contact.md"
    page.write_text("# Contact\n\nMail us at lab@example.org.\n", encoding="utf-8")
    said: list[str] = []
    modal.expect(QMessageBox, lambda box: said.append(message_text(box)))
    assert not adopt_page(empty_window, page)
    modal.check()
    assert "nothing to adopt" in said[0]
    assert page.read_text(encoding="utf-8") == "# Contact\n\nMail us at lab@example.org.\n"
    assert _papers(empty_window) == 0


def test_the_file_menu_offers_adopting_once_a_lab_is_open(
    qtbot: QtBot, database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    window = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(window)
    action = window.menus.adopt_action
    assert action in window.menus.file_menu.actions()
    assert action.text() == "&Adopt a homepage page…"
    assert not action.isEnabled()
    window.set_database(database)
    assert action.isEnabled()


def test_adopting_an_adopted_page_again_asks_nothing_and_changes_nothing(
    empty_window: MainWindow, modal: ModalAnswers, page: Path
) -> None:
    modal.expect(AdoptDialog, lambda dialog: dialog.adopt_button.click())
    assert adopt_page(empty_window, page)
    modal.check()
    adopted = page.read_bytes()
    backup = (page.parent / "about.md.bak").read_bytes()

    assert not adopt_page(empty_window, page)

    assert empty_window.statusBar().currentMessage() == (
        "about.md is adopted already; nothing to import"
    )
    assert page.read_bytes() == adopted
    assert (page.parent / "about.md.bak").read_bytes() == backup
    assert _papers(empty_window) == 34


def test_a_name_that_may_not_be_a_person_is_left_out_as_labnews_adopt_does(
    empty_window: MainWindow, modal: ModalAnswers, tmp_path: Path
) -> None:
    page = tmp_path / "about.md"
    page.write_text(
        "## News\n\n"
        "- 2024/06: Two papers accepted to CVPR 2024 (Mamba, Kim A)\n"
        "- 2024/05: One paper accepted to ICML 2024 (Sparrow)\n",
        encoding="utf-8",
    )
    modal.expect(AdoptDialog, lambda dialog: dialog.adopt_button.click())
    assert adopt_page(empty_window, page)
    modal.check()

    assert empty_window.database is not None
    with empty_window.database.session() as session:
        members = {m.name for m in queries.members(session)}
    # The dialog has no rows to tick: a method's name never becomes a member through it.
    assert members == {"Kim A"}
    assert _papers(empty_window) == 3
