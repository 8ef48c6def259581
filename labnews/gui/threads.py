"""Worker threads the window starts: held until they finish, and waited for when it quits."""

from __future__ import annotations

import atexit

from PySide6.QtCore import QCoreApplication, QThread

_running: set[QThread] = set()
"""Threads still running, held so that Python does not collect a thread Qt still runs."""


def _wait_for_all() -> None:
    for thread in list(_running):
        thread.wait()


# A script that ends without quitting the application must not destroy a running thread either.
atexit.register(_wait_for_all)


def hold_until_finished(thread: QThread) -> None:
    """Keep ``thread`` alive until it finishes, and make quitting the application wait for it:
    Qt aborts the process when a QThread is destroyed while it runs."""
    application = QCoreApplication.instance()
    if application is not None and not application.property("labnews_threads_held"):
        application.setProperty("labnews_threads_held", True)
        application.aboutToQuit.connect(_wait_for_all)
    _running.add(thread)
    thread.finished.connect(lambda: _running.discard(thread))


def running() -> int:
    """How many of the held threads still run."""
    return len(_running)
