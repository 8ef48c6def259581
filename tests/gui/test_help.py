"""The icon, the desktop entry and the Help menu: About, shortcuts, guide, documentation."""

from __future__ import annotations

import configparser
import re
import tomllib
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from labnews.gui.dialogs.help import GuideDialog, ShortcutsDialog
from labnews.gui.icon import labnews_icon
from labnews.gui.main_window import MainWindow
from labnews.resources import readme, resource
from tests.gui.conftest import ModalAnswers


def test_the_window_and_the_about_box_show_the_labnews_icon(
    window: MainWindow, modal: ModalAnswers
) -> None:
    assert not labnews_icon().isNull()
    assert not window.windowIcon().isNull()
    assert not window.windowIcon().pixmap(64, 64).isNull()
    seen: list[bool] = []
    modal.expect(QMessageBox, lambda box: seen.append(box.iconPixmap().isNull()))
    window.menus.about_action.trigger()
    modal.check()
    assert seen == [False]


def test_the_desktop_entry_starts_the_window_with_the_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(resource("labnews.desktop"), encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "labnews"
    assert desktop["Exec"] == "labnews-gui"
    assert desktop["Icon"] == "labnews"
    assert resource("icons", "labnews.svg").is_file()


def test_the_help_menu_offers_the_guide_the_shortcuts_the_documentation_and_about(
    window: MainWindow,
) -> None:
    texts = [a.text() for a in window.menus.help_menu.actions() if not a.isSeparator()]
    assert texts == ["Quick &guide", "&Keyboard shortcuts", "&Documentation", "&About labnews"]


def test_keyboard_shortcuts_lists_the_menus_own_shortcuts(
    window: MainWindow, modal: ModalAnswers
) -> None:
    seen: list[list[tuple[str, str, str]]] = []
    modal.expect(ShortcutsDialog, lambda dialog: seen.append(dialog.rows()))
    window.menus.shortcuts_action.trigger()
    modal.check()
    rows = seen[0]
    assert ("Edit", "New acceptance", "Ctrl+N") in rows
    assert ("File", "Import", "Ctrl+I") in rows
    assert ("View", "Papers", "Ctrl+2") in rows
    assert ("Help", "Quick guide", "F1") in rows
    # Commands without a shortcut are not listed.
    assert not [row for row in rows if row[1] in {"New member", "Documentation"}]


def test_the_shortcuts_list_follows_the_actions(window: MainWindow, modal: ModalAnswers) -> None:
    window.menus.new_member_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    seen: list[list[tuple[str, str, str]]] = []
    modal.expect(ShortcutsDialog, lambda dialog: seen.append(dialog.rows()))
    window.menus.shortcuts_action.trigger()
    modal.check()
    assert ("Edit", "New member", "Ctrl+Shift+M") in seen[0]


def test_the_quick_guide_describes_the_views(window: MainWindow, modal: ModalAnswers) -> None:
    seen: list[str] = []
    modal.expect(GuideDialog, lambda dialog: seen.append(dialog.text()))
    window.menus.guide_action.trigger()
    modal.check()
    guide = seen[0]
    assert "Open the demo lab" in guide
    assert "Overview: A year's tally as a sentence" in guide
    assert "Help > Keyboard shortcuts lists every shortcut." in guide


class _Browser(QObject):
    """Stands in for the web browser: Qt hands it the URLs QDesktopServices is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_documentation_opens_the_readme_that_came_with_labnews(window: MainWindow) -> None:
    browser = _Browser()
    QDesktopServices.setUrlHandler("file", browser, "open")
    try:
        window.menus.documentation_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert browser.opened == [QUrl.fromLocalFile(str(readme())).toString()]
    assert readme().read_text(encoding="utf-8").startswith("# labnews")


def test_the_package_installs_the_desktop_entry_and_the_icon_where_linux_desktops_look() -> None:
    """pip puts a wheel's shared data under PREFIX/share: applications/ and icons/hicolor/."""
    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    shared = project["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    assert shared == {
        "resources/labnews.desktop": "share/applications/labnews.desktop",
        "resources/icons/labnews.svg": "share/icons/hicolor/scalable/apps/labnews.svg",
    }
    for source in shared:
        assert (root / source).is_file()
    # The entry's Icon=labnews is the installed file's name, without its extension.
    assert Path(shared["resources/icons/labnews.svg"]).stem == "labnews"


def test_the_readme_shows_the_screenshots_in_english_and_korean() -> None:
    root = Path(__file__).resolve().parents[2]
    text = (root / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((resources/screenshots/[^)]+)\)", text))
    for view in ("empty", "overview", "news"):
        for lang in ("en", "ko"):
            assert f"resources/screenshots/{view}-{lang}.png" in linked
    for path in linked:
        assert (root / path).read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), path
