"""The lab the window starts on: its newest papers are in the table before the store is open
(read with the standard library while SQLAlchemy is imported on a worker), and the opening then
puts every paper in their place, keeping the user's selection; a lab that cannot be opened
leaves no rows behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from labnews.gui import threads
from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.store import queries
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers

ROOT = Path(__file__).resolve().parents[2]


def _starting_window(qtbot: QtBot, preferences: Preferences, tmp_path: Path) -> MainWindow:
    window = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(window)
    window.show_view("papers")
    window.show()
    qtbot.waitExposed(window)
    window.papers.first_rows = 5
    return window


def _lab_copy(database: Database, tmp_path: Path) -> Path:
    assert database.path is not None
    database.dispose()
    copy = tmp_path / "starting.sqlite"
    shutil.copyfile(database.path, copy)
    return copy


def test_the_newest_papers_show_at_once_and_the_opening_brings_the_rest(
    qtbot: QtBot, preferences: Preferences, demo_database: Database, tmp_path: Path
) -> None:
    with demo_database.session() as session:
        total = queries.all_papers_count(session)
        newest = queries.newest_papers(session, 5)
    path = _lab_copy(demo_database, tmp_path)
    window = _starting_window(qtbot, preferences, tmp_path)

    window.lab_file.open_at_start(str(path))

    # Before the event loop turns again, the store is not open, yet the table has the rows.
    assert window.database is None
    papers = window.papers
    assert sorted(p.id for p in papers.model.records) == sorted(p.id for p in newest)
    assert papers.loading
    assert papers.count_label.text() == f"5 of {total} papers, reading the rest…"
    papers.select_ids([newest[0].id])

    qtbot.waitUntil(lambda: window.database is not None, timeout=30_000)
    assert papers.model.rowCount() == total
    assert not papers.loading
    assert [p.id for p in papers.selected_records()] == [newest[0].id]
    assert papers.count_label.text() == f"{total} papers"


def test_a_lab_that_fails_to_open_after_its_first_rows_leaves_no_rows(
    qtbot: QtBot,
    preferences: Preferences,
    demo_database: Database,
    tmp_path: Path,
    modal: ModalAnswers,
) -> None:
    path = _lab_copy(demo_database, tmp_path)
    window = _starting_window(qtbot, preferences, tmp_path)
    seen: list[str] = []
    rows_behind: list[int] = []

    def read_the_error(box: QMessageBox) -> None:
        seen.append(box.text())
        rows_behind.append(window.papers.model.rowCount())

    modal.expect(QMessageBox, read_the_error)

    window.lab_file.open_at_start(str(path))
    assert window.papers.model.rowCount() == 5
    # The file is gone bad between the first look and the opening.
    path.write_bytes(b"this is not a database at all")

    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    modal.check()
    assert "is not a SQLite database" in seen[0]
    assert rows_behind == [0]  # the lab's first rows went before the error was shown
    assert window.database is None
    assert not window.papers.loading


def test_a_lab_opened_while_the_store_is_imported_stays_open(
    qtbot: QtBot, preferences: Preferences, demo_database: Database, tmp_path: Path
) -> None:
    path = _lab_copy(demo_database, tmp_path)
    other = tmp_path / "other.sqlite"
    window = _starting_window(qtbot, preferences, tmp_path)

    window.lab_file.open_at_start(str(path))
    assert window.papers.model.rowCount() == 5
    # The user opens another lab (File > New) before the start-up opening could.
    assert window.lab_file.open_target(str(other))
    qtbot.waitUntil(lambda: threads.running() == 0, timeout=30_000)
    qtbot.wait(50)  # the importer's end reaches the window

    assert window.database is not None
    assert window.database.path == other
    assert window.papers.model.rowCount() == 0  # the new lab's papers: none of the first lab's


def test_quitting_while_the_store_is_imported_ends_cleanly(
    demo_database: Database, tmp_path: Path
) -> None:
    # In a fresh interpreter, where importing SQLAlchemy takes the time it takes at start-up.
    path = _lab_copy(demo_database, tmp_path)
    script = f"""
import sys
from PySide6.QtCore import QSettings, QTimer
from labnews.gui.app import application
from labnews.gui import threads
from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
app = application()
ini = QSettings({str(tmp_path / "p.ini")!r}, QSettings.Format.IniFormat)
window = MainWindow(preferences=Preferences(ini))
window.show_view("papers")
window.show()
window.lab_file.open_at_start({str(path)!r})
QTimer.singleShot(0, window.close)
QTimer.singleShot(0, app.quit)
app.exec()
del window
print("ended")
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    assert (done.returncode, done.stdout.strip()) == (0, "ended"), done.stderr
    assert "Destroyed while thread" not in done.stderr


def test_a_window_opening_on_another_view_reads_no_first_rows(
    qtbot: QtBot, preferences: Preferences, demo_database: Database, tmp_path: Path
) -> None:
    path = _lab_copy(demo_database, tmp_path)
    window = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(window)
    window.show_view("venues")
    window.show()
    qtbot.waitExposed(window)

    window.lab_file.open_at_start(str(path))

    assert window.built_view("papers") is None  # not built for rows nobody sees
    qtbot.waitUntil(lambda: window.database is not None, timeout=30_000)
    assert window.venues.model.rowCount() > 0
