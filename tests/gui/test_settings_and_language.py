"""Settings (shared in the database, undoable) and the interface language, Korean included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from labnews.gui.app import install_translations, interface_locale, remove_translations
from labnews.gui.dialogs.settings import SettingsDialog
from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.gui.wording import interface_language
from labnews.store import queries
from labnews.store.database import Database
from labnews.store.settings import read_lab_settings
from tests.gui.conftest import ModalAnswers


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    """The interface in Korean for one test (the translators are taken out afterwards)."""
    translators = install_translations(qapp, interface_locale("ko"))
    yield
    remove_translations(qapp, translators)


def test_the_settings_dialog_saves_the_lab_settings_and_undo_restores_them(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    tmp_path: Path,
) -> None:
    page = tmp_path / "about.md"
    page.write_text("<!-- labnews:start -->\n<!-- labnews:end -->\n", encoding="utf-8")

    def change(dialog: SettingsDialog) -> None:
        dialog.lab_name.setText("  Vision   Lab ")
        assert dialog.order.set_value("count")
        assert dialog.default_format.set_value("acadhomepage")
        assert dialog.default_language.set_value("ko")
        dialog.homepage.setText(str(tmp_path / "missing.md"))
        assert dialog.form.message("homepage") == "There is no file at this path."
        assert not dialog.save_button.isEnabled()
        dialog.homepage.setText(str(page))
        dialog.save_button.click()

    modal.expect(SettingsDialog, change)
    window.menus.settings_action.trigger()
    modal.check()

    with demo_database.session() as session:
        saved = read_lab_settings(session)
        rules = queries.tally_rules(session)
    assert (saved.lab_name, saved.order, saved.default_format, saved.default_language) == (
        "Vision Lab",
        "count",
        "acadhomepage",
        "ko",
    )
    assert saved.homepage_file == str(page)
    assert 2023 in rules.pinned  # the pinned orders stay as they were
    assert window.overview.lab.text() == "Vision Lab"
    # Most papers first: 6 ECCV leads 2024 now.
    assert window.overview.sentence_text().startswith("We have 19 papers this year (6 ECCV, 5 CVPR")

    window.menus.undo_action.trigger()
    with demo_database.session() as session:
        assert read_lab_settings(session).order == "first"
    assert window.overview.lab.text() == "Visual Intelligence Lab"


def test_the_interface_language_is_kept_on_this_computer(
    window: MainWindow, preferences: Preferences, modal: ModalAnswers
) -> None:
    assert preferences.interface_language() == "system"

    def choose_korean(dialog: SettingsDialog) -> None:
        assert dialog.interface_language.set_value("ko")
        dialog.save_button.click()

    modal.expect(SettingsDialog, choose_korean)
    window.open_settings()
    modal.check()
    assert preferences.interface_language() == "ko"
    assert window.statusBar().currentMessage() == (
        "The interface language changes the next time labnews starts"
    )
    assert window.undo_stack.count() == 0  # nothing shared changed
    assert interface_locale(preferences.interface_language()).language() == (
        QLocale.Language.Korean
    )


def test_the_environment_chooses_the_language_before_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LABNEWS_LANGUAGE", "ko")
    assert interface_locale("en").language() == QLocale.Language.Korean
    monkeypatch.setenv("LABNEWS_LANGUAGE", "en")
    assert interface_locale("ko").language() == QLocale.Language.English
    monkeypatch.delenv("LABNEWS_LANGUAGE")
    assert interface_locale("ko").language() == QLocale.Language.Korean


@pytest.mark.usefixtures("korean")
def test_switching_to_korean_shows_korean_menus_tabs_and_tally(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    window = MainWindow(preferences=preferences, demo_path=tmp_path / "demo.sqlite")
    qtbot.addWidget(window)
    window.set_database(demo_database)
    window.show()
    qtbot.waitExposed(window)
    assert interface_language() == "ko"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "보기(&V)", "데이터베이스(&B)", "도움말(&H)"]
    assert window.menus.import_action.text() == "가져오기(&I)…"
    assert window.menus.publish_action.text() == "홈페이지에 게시(&P)…"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["개요", "논문", "구성원", "게재처", "성과", "뉴스"]
    assert window.overview.sentence_text() == (
        "올해 논문 19편 (ETRI J. 2편, CVPR 5편, AVSS 2편, ICML 1편, ECCV 6편, NeurIPS 3편)."
    )
    # News lines name members by their native names, as the Korean news does.
    assert window.overview.unpublished_lines()[0] == (
        "2024/12 NeurIPS 2024 논문 3편 채택 (박관용, 이영완, 함재석)"
    )
    # A lab without a chosen news language gets the news in the interface's language.
    window.show_view("news")
    qtbot.waitUntil(lambda: bool(window.news.text))
    assert window.news.language() == "ko"
    assert window.news.text.startswith(" - **(2024)** : 올해 논문 **19편**")
    window.close()


def test_english_is_the_interface_without_a_translation() -> None:
    assert interface_language() == "en"
