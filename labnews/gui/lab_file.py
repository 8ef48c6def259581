"""The lab file's life in the window: open, new, server, demo, recent, reload, backups, checks."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMenu
from shiboken6 import isValid

from labnews.core.errors import LabnewsError
from labnews.gui.deferred import deferred
from labnews.gui.messages import shown
from labnews.gui.threads import hold_until_finished
from labnews.store.location import is_url

if TYPE_CHECKING:
    from labnews.gui.main_window import MainWindow
    from labnews.store import migrate, queries
else:
    migrate = deferred("labnews.store.migrate")
    queries = deferred("labnews.store.queries")


# The window's strings keep the window's translation context ("MainWindow") here.
translate = QCoreApplication.translate


def default_demo_path() -> Path:
    """Where "Open the demo lab" keeps its database: the user data folder, beside the real one."""
    from platformdirs import user_data_path

    return user_data_path("labnews", appauthor=False) / "demo-lab.sqlite"


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the window works."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


STORE_IMPORTS: Final = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.pool",
    "labnews.store.models",
)
"""What the store stands on, imported on a worker thread while the window starts: SQLAlchemy
and the models. The modules the window defers (gui/deferred.py) are left to the window's
thread, as two threads must not run one of Python 3.11's lazy modules at once: the models
import ``labnews.core.records``, which the window defers, so it is loaded before the worker
starts (``open_at_start``)."""


class StoreImport(QThread):
    """Imports the store's foundations off the window's thread, so that the window answers (and
    shows a lab's first rows) during the third of a second SQLAlchemy's import takes."""

    def __init__(self) -> None:
        super().__init__()
        hold_until_finished(self)  # not the window's child: closing it must not end the thread

    def run(self) -> None:
        for name in STORE_IMPORTS:
            if name in sys.modules:
                continue  # imported already, or deferred (see above)
            try:
                importlib.import_module(name)
            except Exception:
                return  # the window's own import meets it again, and reports it in place


class LabFile:
    """Which lab the window works on, how it was opened, and its backups and checks."""

    def __init__(self, window: MainWindow, demo_path: Path | None) -> None:
        self.window = window
        self._demo_path = demo_path
        self.seen_changes: int | None = None
        """The lab's change count when the window last read it (see reload_if_changed_elsewhere)."""
        self._openings = 0
        """How many openings have begun: the start-up one gives way to any the user began."""
        self._glanced: str | None = None
        """The lab whose first rows the papers view shows before it is open (open_at_start)."""

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text)

    # --- opening ------------------------------------------------------------------------------

    def _begin_opening(self, target: str) -> None:
        self._openings += 1
        if self._glanced is not None and self._glanced != target:
            self._forget_glance()  # those rows were of another lab

    def _forget_glance(self) -> None:
        if self._glanced is not None:
            self._glanced = None
            self.window.papers.drop_newest()

    def open_target(self, target: str) -> bool:
        """Open the database at a path or URL and show it; a dialog says why when it cannot."""
        window = self.window
        self._begin_opening(target)
        try:
            with busy():
                database = migrate.open_database(target)
        except (LabnewsError, OSError) as error:
            self._forget_glance()  # rows of a lab that is not open are not shown behind the error
            if isinstance(error, OSError):  # a folder that cannot be made, a file unreadable
                error = LabnewsError(f"cannot open {target}: {error.strerror or error}")
            window.report(error, title=translate("MainWindow", "Cannot open the database"))
            return False
        self._glanced = None  # the view keeps the user's place among them as the lab comes in
        window.set_database(database)
        if window.preferences is not None:
            window.preferences.remember_database(target)
        return True

    def open_at_start(self, target: str) -> None:
        """Open the lab the window starts on, the window answering all the while: the papers
        view (when it is the one shown) gets the lab's newest papers at once, read with the
        standard library, while SQLAlchemy is imported on a worker thread; then the lab opens
        as any other does, and its papers take the place of the first ones. A lab the user
        opens meanwhile wins."""
        # Also loads labnews.core.records here, before the worker imports the models on it.
        from labnews.store import glance

        window = self.window
        if window.current_view() == "papers" and not is_url(target):
            papers = window.papers
            first = glance.newest_papers(Path(target).expanduser(), papers.first_rows)
            if first is not None and first.papers:
                papers.show_newest(first.papers, first.total)
                self._glanced = target
        openings = self._openings
        importer = StoreImport()

        def imported() -> None:
            importer.deleteLater()
            if isValid(window) and self._openings == openings:
                self.open_target(target)

        importer.finished.connect(imported)
        importer.start()

    def new_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            translate("MainWindow", "New lab database"),
            str(Path.home() / "lab.sqlite"),
            translate("MainWindow", "labnews databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".sqlite"
            self.open_target(path)

    def open_database_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            translate("MainWindow", "Open a lab database"),
            str(Path.home()),
            translate("MainWindow", "labnews databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_target(path)

    def open_server_database(self) -> None:
        url, ok = QInputDialog.getText(
            self.window,
            translate("MainWindow", "Open a server database"),
            translate(
                "MainWindow",
                "The database URL, for example\npostgresql+psycopg://user@host/lab\n"
                "(the password may come from ~/.pgpass instead of the URL):",
            ),
            QLineEdit.EchoMode.Normal,
            "postgresql+psycopg://",
        )
        if ok and url.strip():
            self.open_target(url.strip())

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        preferences = self.window.preferences
        recent = preferences.recent_databases() if preferences else []
        for number, target in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {target}")
            action.triggered.connect(lambda _checked=False, t=target: self.open_target(t))
        if not recent:
            empty = menu.addAction(translate("MainWindow", "No recent databases"))
            empty.setEnabled(False)
            return
        menu.addSeparator()
        clear = menu.addAction(translate("MainWindow", "&Clear the list"))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        if self.window.preferences is not None:
            self.window.preferences.clear_recent()

    @property
    def demo_path(self) -> Path:
        """Where the demo lab's database lives (found when first needed: it costs an import)."""
        if self._demo_path is None:
            self._demo_path = default_demo_path()
        return self._demo_path

    def open_demo(self) -> None:
        """Open the demo lab, loading it into its own database the first time."""
        from labnews.store.demo import load_demo

        window = self.window
        self._begin_opening(str(self.demo_path))
        try:
            with busy():
                database = migrate.open_database(str(self.demo_path))
                try:
                    with database.session(write=True) as session:
                        if not queries.news_years(session):
                            load_demo(session)
                except BaseException:
                    database.dispose()
                    raise
        except LabnewsError as error:
            self._forget_glance()
            window.report(error, title=translate("MainWindow", "Cannot open the demo lab"))
            return
        self._glanced = None
        window.set_database(database)
        if window.preferences is not None:
            window.preferences.remember_database(str(self.demo_path))

    # --- changes made elsewhere -----------------------------------------------------------------

    def reload_if_changed_elsewhere(self) -> bool:
        """Reload when another program (a command, another window) changed the lab since the
        window last read it; True if it did. Asked whenever the window comes to the front."""
        database = self.window.database
        if database is None:
            return False
        try:
            with database.session() as session:
                count = queries.change_count(session)
        except LabnewsError:
            return False  # a busy or missing file: the next action will say what is wrong
        if count is None or count == self.seen_changes:
            return False
        self.window.load()
        self._status(translate("MainWindow", "Reloaded: the lab was changed by another program"))
        return True

    def saw_own_change(self, count: int | None) -> bool:
        """Note the count after our own change; True if others wrote meanwhile (read it all)."""
        # Our own change moves the count by one; more means another program wrote meanwhile.
        seen, self.seen_changes = self.seen_changes, count
        return seen is not None and count is not None and count > seen + 1

    # --- backups and checks -----------------------------------------------------------------------

    def scheduled_backup(self) -> Path | None:
        """The idle-time and on-quit backup of a SQLite database; skipped when nothing changed."""
        database = self.window.database
        if database is None or database.path is None:
            return None
        from labnews.store import backup

        try:
            taken = backup.scheduled_backup(database.path)
        except LabnewsError as error:
            # A backup that cannot be taken must not stop the admin; the status bar says why.
            self._status(
                translate("MainWindow", "No backup taken: {0}").format(shown(error.message))
            )
            return None
        if taken is not None:
            self._status(translate("MainWindow", "Backed up to {0}").format(taken.name))
        return taken

    def backup_now(self) -> None:
        """Take a verified backup now (Tools menu)."""
        database = self.window.database
        if database is None or database.path is None:
            return
        from labnews.store import backup

        try:
            with busy():
                taken = backup.backup_before(database.path, "manual")
        except LabnewsError as error:
            self.window.report(error, title=translate("MainWindow", "No backup taken"))
            return
        self._status(translate("MainWindow", "Backed up to {0}").format(taken))

    def check_database(self) -> None:
        """Run ``labnews check``'s checks and offer to repair what is safe (Tools menu)."""
        database = self.window.database
        if database is None:
            return
        from labnews.gui.dialogs.check import CheckDialog

        CheckDialog.run(self.window, database)
        self.window.reload()
