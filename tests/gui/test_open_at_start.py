"""The lab the window starts on: its newest papers are in the table before the store is open
(read with the standard library while SQLAlchemy is imported on a worker), and the opening then
puts every paper in their place, keeping the user's selection; a lab that cannot be opened
leaves no rows behind."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.store import queries
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers


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
    modal.expect(QMessageBox, lambda box: seen.append(box.text()))

    window.lab_file.open_at_start(str(path))
    assert window.papers.model.rowCount() == 5
    # The file is gone bad between the first look and the opening.
    path.write_bytes(b"this is not a database at all")

    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    modal.check()
    assert "is not a SQLite database" in seen[0]
    qtbot.waitUntil(lambda: window.papers.model.rowCount() == 0, timeout=5_000)
    assert window.database is None
    assert not window.papers.loading


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
