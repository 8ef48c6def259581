"""Child processes for the GUI benchmarks: start-up to the first painted window, and memory.

``python -m tests.benchmarks.gui_child bare`` shows a bare PySide6 window (the baseline);
``... labnews DB`` starts labnews's window on DB the way ``labnews`` does; ``... memory DB``
loads DB's papers into the papers table and prints the process's resident memory in MB.
Start-up children print ``painted`` the moment the window's first paint has happened.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
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
    window.after_first_paint(lambda: window.open_target(target))
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
    print(f"{resident_mb():.1f}", flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "labnews":
        labnews(sys.argv[2])
    else:
        memory(sys.argv[2])
