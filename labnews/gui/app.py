"""Start labnews's window: the QApplication, its translations, the main window, ``main()``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from labnews.core.errors import LabnewsError
from labnews.gui.main_window import VIEWS, MainWindow
from labnews.gui.preferences import APPLICATION, ORGANIZATION, Preferences
from labnews.resources import resource
from labnews.store.database import ENV_VAR, resolve_target
from labnews.store.migrate import open_database

SCREENSHOT_SIZE = (1280, 800)


def application() -> QApplication:
    """The running QApplication, or a new one named for labnews with its translations."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("labnews")
    install_translations(app)
    return app


def install_translations(app: QApplication, locale: QLocale | None = None) -> None:
    """Load labnews's and Qt's own translations for the locale, where they exist."""
    locale = locale or QLocale.system()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        ("qtbase", qt_translations),
        ("labnews", str(resource("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def startup_target(db: str | None, preferences: Preferences) -> str:
    """The database to open: ``--db``, then ``LABNEWS_DB``, then the last one, then the default."""
    if db or os.environ.get(ENV_VAR):
        return resolve_target(db)
    return preferences.last_database() or resolve_target(None)


def check_view(view: str | None) -> None:
    if view is not None and view not in VIEWS:
        raise LabnewsError(f"there is no view {view!r}; choose one of {', '.join(VIEWS)}")


def run(db: str | None = None, screenshot: Path | None = None, view: str | None = None) -> int:
    """Open the window (or, with ``screenshot``, render it to a PNG and exit)."""
    check_view(view)
    if screenshot is not None:
        # A screenshot never needs a screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return take_screenshot(application(), db, screenshot, view)
    app = application()
    preferences = Preferences.for_user()
    window = MainWindow(preferences=preferences)
    if view is not None:
        window.show_view(view)
    window.show()
    # The window paints first; opening (maybe upgrading) and reading the database come after.
    target = startup_target(db, preferences)
    QTimer.singleShot(0, lambda: window.open_target(target))
    return int(app.exec())


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform reports what it cannot do (resize to size hints, raise windows);
    # a screenshot needs none of it. Anything else still reaches stderr.
    if message.startswith("This plugin does not support "):
        return
    print(message, file=sys.stderr)


def take_screenshot(app: QApplication, db: str | None, path: Path, view: str | None) -> int:
    """Render the window with the database's data to a PNG (an error is raised, not shown)."""
    database = open_database(resolve_target(db))
    previous = qInstallMessageHandler(_quiet_offscreen)
    window = MainWindow()
    try:
        window.set_database(database)
        window.show_view(view or "overview")
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        app.processEvents()
        if not window.grab().save(str(path), "PNG"):
            raise LabnewsError(f"could not write the screenshot {path}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        qInstallMessageHandler(previous)
    return 0


def main() -> int:
    """The ``labnews-gui`` entry point."""
    return run()
