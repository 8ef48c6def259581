"""The icon, the desktop entry and the Help menu: About, shortcuts, guide, documentation."""

from __future__ import annotations

import configparser

from PySide6.QtWidgets import QMessageBox

from labnews.gui.icon import labnews_icon
from labnews.gui.main_window import MainWindow
from labnews.resources import resource
from tests.gui.conftest import ModalAnswers


def test_the_window_and_the_about_box_show_the_labnews_icon(
    window: MainWindow, modal: ModalAnswers
) -> None:
    assert not labnews_icon().isNull()
    assert not window.windowIcon().isNull()
    assert not window.windowIcon().pixmap(64, 64).isNull()
    seen: list[bool] = []
    modal.expect(QMessageBox, lambda box: seen.append(box.iconPixmap().isNull()))
    window.about_action.trigger()
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
