"""A labnews window in its own process, driven line by line from stdin by a reliability test.

Run as ``python -m tests.reliability.window_child DB``. Each line is one action; the child
answers ``ok`` (or ``ok VALUE``) on stdout when it is done, so the test interleaves the
window's actions with command-line processes on the same file in a known order:

- ``add NAME``: add a member through the window's own undoable change path
- ``backup``: Database > Back up now
- ``scheduled``: the idle-time backup (the same one the window takes when it closes)
- ``dialog``: show Qt's own file dialog on the database's folder, let it list, then Esc
- ``rawopen``: open and close the database file with plain ``open()``, as anything may
- ``members``: reload, and say how many members the window shows
- ``has NAME``: reload, and say ``yes`` or ``no``: does the window show member NAME?
- ``quit``: close the window (its close-time backup included) and exit
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog

from labnews.core.inputs import MemberInput
from labnews.gui import undo
from labnews.gui.app import application
from labnews.gui.main_window import MainWindow


class Driver(QObject):
    """Runs the lines read from stdin on the GUI thread, one at a time."""

    line = Signal(str)

    def __init__(self, window: MainWindow, database: Path) -> None:
        super().__init__()
        self.window = window
        self.path = database
        self.line.connect(self.run)

    def answer(self, text: str = "ok") -> None:
        print(text, flush=True)

    @Slot(str)
    def run(self, line: str) -> None:
        action, _, argument = line.strip().partition(" ")
        window = self.window
        if action == "add":
            database = window.database
            assert database is not None
            ok = window.push(
                undo.AddRecord(
                    window.command_context(database), undo.MEMBERS, MemberInput(argument)
                )
            )
            self.answer("ok" if ok else "refused")
        elif action == "backup":
            window.backup_now()
            self.answer()
        elif action == "scheduled":
            taken = window.scheduled_backup()
            self.answer(f"ok {'taken' if taken else 'skipped'}")
        elif action == "dialog":
            dialog = QFileDialog(window, "Publish", str(self.path.parent))
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setNameFilter("All files (*)")
            dialog.open()
            # Let the dialog list (and stat, and sniff) the folder for a while, then Esc.
            QTimer.singleShot(700, lambda: (dialog.reject(), self.answer()))
        elif action == "rawopen":
            with open(self.path, "rb") as handle:
                handle.read(100)
            self.answer()
        elif action == "members":
            window.reload()
            self.answer(f"ok {len(window.members.model.records)}")
        elif action == "has":
            window.reload()
            names = {member.name for member in window.members.model.records}
            self.answer(f"ok {'yes' if argument in names else 'no'}")
        elif action == "quit":
            window.close()
            self.answer()
            QApplication.instance().quit()  # type: ignore[union-attr]
        else:
            self.answer(f"unknown {action}")


def main(target: str) -> None:
    app = application()
    window = MainWindow()
    window.show()
    if not window.open_target(target):
        sys.exit(1)
    driver = Driver(window, Path(target))

    def read_lines() -> None:
        for line in sys.stdin:
            driver.line.emit(line)

    threading.Thread(target=read_lines, daemon=True).start()
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
