"""Child processes for the GUI benchmarks: start-up to the first painted window, and memory.

``python -m tests.benchmarks.gui_child bare`` shows a bare PySide6 window (the baseline);
``... labnews DB`` starts labnews's window on DB the way ``labnews`` does; ``... memory DB``
loads DB's papers into the papers table and prints the process's resident memory in MB.
Start-up children print ``painted`` the moment the window's first paint has happened.
``... usable DB`` opens DB on the papers view and prints the seconds from the window's first
paint until the papers table has painted rows and the window answers events again, then the
longest the window kept an event waiting from then until every paper was read.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Says "painted" and ends the process once the watched window has first painted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            # Measured: done. Leave at once rather than load a large lab for nothing.
            os._exit(0)
        return False


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def labnews(target: str) -> None:
    from labnews.gui.app import application
    from labnews.gui.main_window import MainWindow

    app = application()
    window = MainWindow()
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    window.after_first_paint(lambda: window.lab_file.open_at_start(target))
    app.exec()


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def memory(target: str) -> None:
    from labnews.gui.app import application
    from labnews.gui.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.show()
    window.open_target(target)
    window.show_view("papers")
    app.processEvents()
    # A large lab's papers arrive from a worker thread: measure with all of them in the table.
    while window.papers.loading:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    print(f"{resident_mb():.1f}", flush=True)


class UsableTable(QObject):
    """Times the window's first paint to the papers table's first paint with rows, and then to
    the event loop's next free turn (until then a click or a key would wait)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.window = window
        self.painted_at = 0.0
        self.poll = QTimer()
        self.poll.setInterval(1)
        self.poll.timeout.connect(self.look)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self.window and not self.painted_at:
                self.painted_at = time.perf_counter()
                self.poll.start()
            elif watched is not self.window and self.painted_at:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self.done)
        return False

    def look(self) -> None:
        from labnews.gui.main_window import MainWindow

        assert isinstance(self.window, MainWindow)
        view = self.window.built_records_view("papers")
        if view is not None and view.model.rowCount() > 0:
            self.poll.stop()
            view.table.viewport().installEventFilter(self)
            view.table.viewport().update()

    def done(self) -> None:
        print(f"{time.perf_counter() - self.painted_at:.4f}", flush=True)
        # Then the longest the window keeps an event waiting until the whole lab is read.
        self.longest = 0.0
        self.last = time.perf_counter()
        self.ticks = QTimer()
        self.ticks.setInterval(5)
        self.ticks.timeout.connect(self.tick)
        self.ticks.start()

    def tick(self) -> None:
        from labnews.gui.main_window import MainWindow

        assert isinstance(self.window, MainWindow)
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last - 0.005)
        self.last = now
        opened = self.window.database is not None and not self.window.papers.loading
        if (opened and now - self.painted_at > 1.0) or now - self.painted_at > 20:
            print(f"{self.longest:.4f}", flush=True)
            os._exit(0)


def usable(target: str) -> None:
    from labnews.gui.app import application
    from labnews.gui.main_window import VIEWS, MainWindow

    app = application()
    window = MainWindow()
    window.tabs.setCurrentIndex(VIEWS.index("papers"))
    watcher = UsableTable(window)
    window.installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    window.after_first_paint(lambda: window.lab_file.open_at_start(target))
    app.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "labnews":
        labnews(sys.argv[2])
    elif mode == "usable":
        usable(sys.argv[2])
    else:
        memory(sys.argv[2])
