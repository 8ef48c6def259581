"""Start labnews's window: the QApplication, its translations, the main window, ``main()``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage, QImageWriter
from PySide6.QtWidgets import QApplication

from labnews.core.errors import LabnewsError
from labnews.gui.deferred import deferred
from labnews.gui.icon import labnews_icon
from labnews.gui.main_window import VIEWS, MainWindow
from labnews.gui.preferences import APPLICATION, ORGANIZATION, Preferences
from labnews.resources import resource
from labnews.store.location import resolve_target

# The store stands on SQLAlchemy: loaded when first used, after the window has painted.
migrate = deferred("labnews.store.migrate")

SCREENSHOT_SIZE = (1280, 800)
LANGUAGE_ENV = "LABNEWS_LANGUAGE"
"""Overrides the interface language ("en", "ko", "system"), e.g. for screenshots."""


def application() -> QApplication:
    """The running QApplication, or a new one named for labnews."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("labnews")
    # Every window and dialog takes the application's icon unless it has its own.
    app.setWindowIcon(labnews_icon())
    return app


def interface_locale(preference: str | None = None) -> QLocale:
    """The interface's locale: $LABNEWS_LANGUAGE, else the preference, else the system's."""
    choice = os.environ.get(LANGUAGE_ENV, "").strip().lower() or preference or "system"
    if choice.startswith("ko"):
        return QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    if choice.startswith("en"):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale.system()


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load labnews's and Qt's own (qtbase) translations for the locale, where they exist.

    Returns the installed translators, for ``remove_translations``. Dates and month names
    follow the locale too.
    """
    locale = locale or QLocale.system()
    QLocale.setDefault(locale)
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for name, folder in (
        ("qtbase", qt_translations),
        ("labnews", str(resource("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translations(app: QApplication, translators: list[QTranslator]) -> None:
    """Take translations out again (the interface speaks English once all are gone)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


def startup_target(db: str | None) -> str:
    """The database to open: ``--db``, then ``LABNEWS_DB``, then the default file.

    The same rule as every command's, so ``labnews`` and ``labnews summary`` show the same lab;
    the labs opened before are one click away in File > Open Recent.
    """
    return str(resolve_target(db))


def check_view(view: str | None) -> None:
    if view is not None and view not in VIEWS:
        raise LabnewsError(f"there is no view {view!r}; choose one of {', '.join(VIEWS)}")


def run(db: str | None = None, screenshot: Path | None = None, view: str | None = None) -> int:
    """Open the window (or, with ``screenshot``, render it to a PNG and exit)."""
    check_view(view)
    if screenshot is not None:
        # A screenshot never needs a screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = application()
        translators = install_translations(app, interface_locale())
        try:
            return take_screenshot(app, db, screenshot, view)
        finally:
            remove_translations(app, translators)
    app = application()
    preferences = Preferences.for_user()
    install_translations(app, interface_locale(preferences.interface_language()))
    window = MainWindow(preferences=preferences)
    if view is not None:
        window.show_view(view)
    window.show()
    # The window paints first; opening (maybe upgrading) and reading the database come after.
    window.after_first_paint(lambda: window.lab_file.open_at_start(startup_target(db)))
    return int(app.exec())


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform reports what it cannot do (resize to size hints, raise windows);
    # a screenshot needs none of it. Anything else still reaches stderr.
    if message.startswith("This plugin does not support "):
        return
    print(message, file=sys.stderr)


def take_screenshot(app: QApplication, db: str | None, path: Path, view: str | None) -> int:
    """Render the window with the database's data to a PNG (an error is raised, not shown)."""
    database = migrate.open_database(resolve_target(db))
    previous = qInstallMessageHandler(_quiet_offscreen)
    window = MainWindow()
    try:
        window.set_database(database)
        window.show_view(view or "overview")
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        app.processEvents()
        # What loads after the first paint (the chart, the rendered news) belongs in the picture.
        window.settle()
        app.processEvents()
        image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        indexed = image.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
        # A window of at most 256 colours fits a palette exactly: the same picture, in a third
        # of the bytes. Otherwise it stays in full colour.
        if indexed.convertToFormat(QImage.Format.Format_RGB32) == image:
            image = indexed
        # Quality 0 asks for PNG's strongest compression; the picture stays lossless.
        writer = QImageWriter(str(path), QByteArray(b"PNG"))
        writer.setQuality(0)
        if not writer.write(image):
            raise LabnewsError(f"could not write the screenshot {path}: {writer.errorString()}")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        qInstallMessageHandler(previous)
    return 0


def main() -> int:
    """The ``labnews-gui`` entry point."""
    return run()
