"""Every view and dialog of part 2 is keyboard reachable: mnemonics that do not clash, tips."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from labnews.gui.dialogs.import_wizard import ImportWizard
from labnews.gui.dialogs.publish import PublishDialog
from labnews.gui.dialogs.settings import SettingsChoice, SettingsDialog
from labnews.gui.main_window import MainWindow
from labnews.io.homepage import Publication
from labnews.store.database import Database
from labnews.store.settings import LabSettings

MNEMONIC = re.compile(r"&([^& ])")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "seed_news_2022_2024.md"


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the widgets shown in ``root`` (labels, buttons, tab titles)."""
    keys: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            keys += [m.casefold() for m in MNEMONIC.findall(widget.text())]
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                keys += [m.casefold() for m in MNEMONIC.findall(widget.tabText(index))]
    return keys


def clashes(keys: list[str]) -> list[str]:
    return sorted(key for key, count in Counter(keys).items() if count > 1)


def test_the_overview_and_news_views_do_not_clash_with_the_menus(
    qtbot: QtBot, window: MainWindow
) -> None:
    menus = [m.casefold() for a in window.menuBar().actions() for m in MNEMONIC.findall(a.text())]
    for name in ("overview", "news"):
        window.show_view(name)
        view = window.tabs.currentWidget()
        assert clashes(menus + mnemonics(view)) == [], name


def test_news_view_controls_have_tooltips(window: MainWindow) -> None:
    news = window.news
    for widget in (
        news.format_box,
        news.lang_box,
        news.from_box,
        news.to_box,
        news.achievements_box,
        news.copy_button,
        news.save_button,
        news.publish_button,
        news.order_list,
        news.earlier_button,
        news.later_button,
        news.unpin_button,
    ):
        assert widget.toolTip(), widget


def test_the_dialogs_have_no_clashing_mnemonics(
    qtbot: QtBot, demo_database: Database, tmp_path: Path
) -> None:
    settings = SettingsDialog(None, SettingsChoice(LabSettings()), formats=("yearly",))
    qtbot.addWidget(settings)
    settings.show()
    assert clashes(mnemonics(settings)) == []
    publication = Publication(tmp_path / "about.md", "a\n", "b\n")
    publish = PublishDialog(None, publication)
    qtbot.addWidget(publish)
    publish.show()
    assert clashes(mnemonics(publish)) == []
    wizard = ImportWizard(None, demo_database, FIXTURE)
    qtbot.addWidget(wizard)
    wizard.show()
    assert clashes(mnemonics(wizard)) == []
    wizard.next()
    assert clashes(mnemonics(wizard)) == []
    wizard.reject()
