"""GUI fixtures: any Qt warning fails a test; windows on real databases; settings in tmp_path."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.store.database import Database

_HERE = Path(__file__).parent

# The offscreen platform says what it cannot do (size hints, raise(), grabbing the keyboard for a
# popup); that is the test platform talking, not labnews.
_PLATFORM_NOISE = r"^This plugin does not support "


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(_PLATFORM_NOISE))


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    """Settings in an INI file of the test's own: the user's real settings are never touched."""
    return Preferences(QSettings(str(tmp_path / "labnews.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> Iterator[MainWindow]:
    """The main window on the demo lab, loaded and shown."""
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    main.set_database(demo_database)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()


@dataclass
class ModalAnswers:
    """Answers queued for modal dialogs, each given when its dialog opens (exec blocks the test)."""

    qtbot: QtBot
    errors: list[BaseException] = field(default_factory=list)
    seen: list[QWidget] = field(default_factory=list)
    _timers: list[QTimer] = field(default_factory=list)

    def expect(
        self,
        kind: type[QWidget],
        handler: Callable[[Any], None],
        *,
        timeout: float = 10.0,
    ) -> None:
        """When a modal ``kind`` opens, run ``handler`` on it; close it if the handler did not."""
        deadline = time.monotonic() + timeout
        timer = QTimer()
        timer.setInterval(10)
        self._timers.append(timer)

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None or widget in self.seen or not isinstance(widget, kind):
                if time.monotonic() > deadline:
                    timer.stop()
                    self.errors.append(AssertionError(f"no {kind.__name__} opened"))
                return
            timer.stop()
            self.seen.append(widget)
            try:
                handler(widget)
            except BaseException as error:  # reported by check(), after the dialog is closed
                self.errors.append(error)
            finally:
                if widget.isVisible() and isinstance(widget, QDialog):
                    widget.reject()

        timer.timeout.connect(poll)
        timer.start()

    def check(self) -> None:
        """Fail with the first error a handler raised, or if an expected dialog never opened."""
        for timer in self._timers:
            timer.stop()
        if self.errors:
            raise self.errors[0]


@pytest.fixture
def modal(qtbot: QtBot) -> Iterator[ModalAnswers]:
    answers = ModalAnswers(qtbot)
    yield answers
    for timer in answers._timers:
        timer.stop()


def message_text(box: QMessageBox) -> str:
    return f"{box.text()}\n{box.informativeText()}"


@pytest.fixture
def empty_window(
    qtbot: QtBot, database: Database, preferences: Preferences, tmp_path: Path
) -> Iterator[MainWindow]:
    """The main window on a new, empty lab database, shown."""
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    main.set_database(database)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
