"""Start the labnews window: QApplication, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from labnews.core.errors import LabnewsError
from labnews.core.tally import summary_line
from labnews.store import queries
from labnews.store.database import resolve_target
from labnews.store.migrate import open_database


def _window(db: str | None) -> QMainWindow:
    database = open_database(resolve_target(db))
    try:
        with database.session() as session:
            lines = [summary_line(t) for t in queries.tallies(session)]
    finally:
        database.dispose()
    window = QMainWindow()
    window.setWindowTitle(f"labnews — {database.name}")
    text = "\n".join(lines) or "No papers yet: add one with `labnews add paper`."
    label = QLabel(text + "\n\nThe full window (tables, editors, news) is coming.")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.setCentralWidget(label)
    window.resize(900, 600)
    return window


def run(db: str | None = None, screenshot: Path | None = None, view: str | None = None) -> int:
    """Open the window (or, with ``screenshot``, render it to a PNG and exit)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("labnews")
    try:
        window = _window(db)
    except LabnewsError as exc:
        if screenshot is not None:
            raise
        QMessageBox.critical(QWidget(), "labnews", str(exc))
        return 1
    window.show()
    if screenshot is not None:
        QApplication.processEvents()
        if not window.grab().save(str(screenshot)):
            raise LabnewsError(f"could not write the screenshot {screenshot}")
        return 0
    QTimer.singleShot(0, window.raise_)
    return int(app.exec())


def main() -> int:
    """The ``labnews-gui`` entry point."""
    return run()
