"""The main window: views in tabs, the undo history; it composes lab file, menus, editor, news."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast, overload

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from labnews.core.errors import ConflictError, LabnewsError
from labnews.gui.deferred import deferred
from labnews.gui.icon import labnews_icon
from labnews.gui.lab_file import LabFile, busy
from labnews.gui.menus import WindowMenus
from labnews.gui.messages import capitalised, shown
from labnews.gui.preferences import Preferences
from labnews.gui.publishing import Publisher

if TYPE_CHECKING:
    from labnews.core import records as core_records
    from labnews.gui import editing, lab_change, undo
    from labnews.gui.dialogs.import_wizard import ImportWizard
    from labnews.gui.import_worker import ImportOutcome
    from labnews.gui.views import news as news_view
    from labnews.gui.views import overview as overview_view
    from labnews.gui.views import papers as papers_view
    from labnews.gui.views import tables as tables_view
    from labnews.gui.views.news import NewsView
    from labnews.gui.views.overview import OverviewView
    from labnews.gui.views.papers import PapersView
    from labnews.gui.views.records import RecordsView
    from labnews.gui.views.tables import AchievementsView, MembersView, VenuesView
    from labnews.io import newsfile
    from labnews.store import queries
    from labnews.store import settings as lab_settings
    from labnews.store.database import Database
else:
    queries = deferred("labnews.store.queries")
    newsfile = deferred("labnews.io.newsfile")
    # The records and undo commands are needed once there is data: after the paint.
    core_records = deferred("labnews.core.records")
    lab_settings = deferred("labnews.store.settings")
    undo = deferred("labnews.gui.undo")
    editing = deferred("labnews.gui.editing")
    lab_change = deferred("labnews.gui.lab_change")
    # A view is built when its tab is first shown or its data first set, so the window paints
    # having built (and imported) only the view it opens on.
    news_view = deferred("labnews.gui.views.news")
    overview_view = deferred("labnews.gui.views.overview")
    papers_view = deferred("labnews.gui.views.papers")
    tables_view = deferred("labnews.gui.views.tables")


VIEWS: Final = ("overview", "papers", "members", "venues", "achievements", "news")
RECORDS_VIEWS: Final = ("papers", "members", "venues", "achievements")
IDLE_BACKUP_MS: Final = 5 * 60 * 1000
"""How long after the last change the scheduled backup is taken."""
ANSWER_ORDER: Final = ("members", "venues", "papers", "achievements", "overview", "news")
"""The order the views answer a change in: the overview shows the tables' fresh records."""


V = TypeVar("V", bound=QWidget)


class _View(Generic[V]):
    """The window's view of one name, typed (``window.papers``): built when first asked for."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, window: None, owner: object = None) -> _View[V]: ...

    @overload
    def __get__(self, window: MainWindow, owner: object = None) -> V: ...

    def __get__(self, window: MainWindow | None, owner: object = None) -> V | _View[V]:
        if window is None:
            return self
        return cast("V", window.view(self.name))


class MainWindow(QMainWindow):
    """The lab's records at hand: an overview, four tables, the news; every change undoable."""

    changed = Signal(object)
    """A change was made (a lab_change.LabChange): each view reads again what it shows of it."""

    def __init__(
        self,
        *,
        preferences: Preferences | None = None,
        demo_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Its own icon too, not only the application's: the About box and the taskbar show it
        # even where another program made the QApplication (tests, an embedding host).
        self.setWindowIcon(labnews_icon())
        self.database: Database | None = None
        self.preferences = preferences
        self.lab_file = LabFile(self, demo_path)
        self.publisher = Publisher(self)
        self._editor: editing.Editor | None = None
        self._ledger: undo.Ledger | None = None
        self.undo_stack = QUndoStack(self)
        self.idle_backup = QTimer(self)
        self.idle_backup.setSingleShot(True)
        self.idle_backup.setInterval(IDLE_BACKUP_MS)
        self.idle_backup.timeout.connect(self.lab_file.scheduled_backup)
        self._failures: list[LabnewsError] = []
        self.import_wizard: ImportWizard | None = None

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Each tab holds an empty page until its view is built (see view()).
        self._views: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        for name in VIEWS:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._pages[name] = page
            self.tabs.addTab(page, self.view_title(name))
        self.setCentralWidget(self.tabs)
        for name in ANSWER_ORDER:
            self.changed.connect(partial(self._answer_if_built, name))
        self._remembered_year: int | None = None
        self._opening = False
        """True while a lab is being opened: the views built then read it with the others."""

        self.menus = WindowMenus(self, VIEWS)
        self._painted = False
        self.tabs.currentChanged.connect(self._show_current_view)
        self.setAcceptDrops(True)
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1240, 780)
        self._restore_layout()
        # Even the first view is built after the window has painted: like the data, it comes
        # a moment after the window, which appears at once.
        self.after_first_paint(self._first_painted)
        self._show_database_name()
        self._update_actions()

    @staticmethod
    def view_title(name: str) -> str:
        translate = QCoreApplication.translate
        return {
            "overview": translate("MainWindow", "Overview"),
            "papers": translate("MainWindow", "Papers"),
            "members": translate("MainWindow", "Members"),
            "venues": translate("MainWindow", "Venues"),
            "achievements": translate("MainWindow", "Achievements"),
            "news": translate("MainWindow", "News"),
        }[name]

    @property
    def ledger(self) -> undo.Ledger:
        """Where the undo history finds its records (made with the first change to record)."""
        if self._ledger is None:
            self._ledger = undo.Ledger()
        return self._ledger

    # --- the views, each built when first needed ------------------------------------------------

    def view(self, name: str) -> QWidget:
        """The view of a tab, built (and put in its tab) the first time it is asked for."""
        view = self._views.get(name)
        if view is None:
            view = self._views[name] = self._build_view(name)
            layout = self._pages[name].layout()
            assert layout is not None
            layout.addWidget(view)
            if self._pages[name].isVisible():
                view.show()  # at once: Qt would show a child added to a shown page a turn later
            self._update_actions()
            # A view built after the lab was opened reads it now: hidden tabs cost nothing
            # until they are first shown (or their records are first asked for).
            if not self._opening:
                self._read_into(name)
        return view

    def built_view(self, name: str) -> QWidget | None:
        """The view of a tab, if it is built (asking must not build it)."""
        return self._views.get(name)

    def _answer_if_built(self, name: str, update: lab_change.LabChange) -> None:
        # A view not built yet reads the whole lab when it is built: nothing to answer now.
        view = self._views.get(name)
        if view is not None:
            cast("lab_change.View", view).answer(update)

    def _read_into(self, name: str) -> None:
        """Have one newly built view read everything of the open lab, in its own session."""
        database = self.database
        if database is None:
            return
        view = cast("lab_change.View", self._views[name])
        try:
            with busy(), database.session() as session:
                view.answer(lab_change.LabChange(lab_change.EVERYTHING, session))
        except LabnewsError as error:
            # A lab gone or locked since it was opened: the tab stays empty and says why;
            # View > Reload fills it once the lab can be read again.
            self.statusBar().showMessage(shown(error.message))

    def _build_view(self, name: str) -> QWidget:
        if name == "overview":
            overview = overview_view.OverviewView()
            overview.set_empty_actions(
                [self.menus.new_paper_action, self.menus.import_action, self.menus.demo_action]
            )
            overview.read_records_from(
                lambda: self.papers.model.records, lambda: self.members.model.records
            )
            overview.bar_clicked.connect(self.show_chart_bar)
            overview.year_changed.connect(self._remember_year)
            overview.member_papers_requested.connect(self.show_member_papers)
            if self.database is not None:
                overview.want_year(self._remembered_year)
            return overview
        if name == "news":
            news = news_view.NewsView()
            news.publish_requested.connect(self.publisher.publish_news)
            news.pin_requested.connect(self.publisher.pin_order)
            news.message.connect(self.statusBar().showMessage)
            if self.database is not None:
                news.set_database(self.database)
            return news
        makers: dict[str, Callable[[], RecordsView[Any]]] = {
            "papers": lambda: papers_view.PapersView(),
            "members": lambda: tables_view.MembersView(),
            "venues": lambda: tables_view.VenuesView(),
            "achievements": lambda: tables_view.AchievementsView(),
        }
        if name not in makers:
            raise LabnewsError(
                f"there is no view {name!r}; choose one of {', '.join(VIEWS)}", field="view"
            )
        records = makers[name]()
        records.add_requested.connect(partial(self.new_record, name))
        records.duplicate_requested.connect(lambda record: self.editor.duplicate(record))
        # The demo lab brings papers, members and achievements; its venues come with its papers.
        filling = [self.menus.new_actions[name], self.menus.import_action]
        if name != "venues":
            filling.append(self.menus.demo_action)
        records.set_empty_actions(filling)
        records.selection_changed.connect(self._update_actions)
        records.edit_requested.connect(self.edit_record)
        records.remove_requested.connect(self.remove_records)
        records.bind_window(self)  # the detail pane's edits and the undo bar use the history
        columns = self.preferences.columns(name) if self.preferences is not None else None
        if columns is not None:
            records.restore_header_state(columns)
        return records

    def _first_painted(self) -> None:
        self._painted = True
        self._show_current_view()

    def _show_current_view(self, *_changed: object) -> None:
        # Before the first paint (restoring the last view), only the tab changes.
        if self._painted:
            self.view(self.current_view())
        self._update_actions()

    overview: _View[OverviewView] = _View("overview")
    papers: _View[PapersView] = _View("papers")
    members: _View[MembersView] = _View("members")
    venues: _View[VenuesView] = _View("venues")
    achievements: _View[AchievementsView] = _View("achievements")
    news: _View[NewsView] = _View("news")

    def built_records_views(self) -> list[RecordsView[Any]]:
        """The table views built so far (asking must not build them)."""
        return [v for v in map(self.built_records_view, RECORDS_VIEWS) if v is not None]

    def built_records_view(self, name: str) -> RecordsView[Any] | None:
        """A table view, if it is built: only a built view can have a selection."""
        built = self._views.get(name) if name in RECORDS_VIEWS else None
        return cast("RecordsView[Any] | None", built)

    def _update_actions(self, *_changed: object) -> None:
        if isValid(self.tabs):
            self.menus.update()

    # --- views ----------------------------------------------------------------------------------

    def current_view(self) -> str:
        return VIEWS[max(self.tabs.currentIndex(), 0)]

    def current_records_view(self) -> RecordsView[Any] | None:
        name = self.current_view()
        return cast("RecordsView[Any]", self.view(name)) if name in RECORDS_VIEWS else None

    def show_view(self, name: str) -> None:
        """Switch to a view by name: overview, papers, members, venues, achievements, news."""
        if name not in self._pages:
            raise LabnewsError(
                f"there is no view {name!r}; choose one of {', '.join(VIEWS)}", field="view"
            )
        self.tabs.setCurrentWidget(self._pages[name])
        self.view(name)

    def settle(self) -> None:
        """Load now what the current view would load after it paints (the chart, the news)."""
        view = self.current_view()
        if view == "overview":
            self.overview.chart.ensure_canvas()
        elif view == "news":
            self.news.render_if_stale()

    def focus_search(self) -> None:
        """Put the cursor in the current table's search box (the papers', from other views)."""
        if self.current_records_view() is None:
            self.show_view("papers")
        view = self.current_records_view()
        if view is not None:
            view.focus_search()

    # --- the database ---------------------------------------------------------------------------

    def after_first_paint(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the window has painted: it shows first, work comes after."""
        watcher = _FirstPaint(self, action)
        self.installEventFilter(watcher)

    def open_target(self, target: str) -> bool:
        """Open the database at a path or URL and show it; a dialog says why when it cannot."""
        return self.lab_file.open_target(target)

    def set_database(self, database: Database) -> None:
        """Work on this database from now on (the window disposes of it when done)."""
        previous = self.database
        self.database = database
        self.undo_stack.clear()
        if self._ledger is not None:
            self._ledger.clear()
        if previous is not None and previous is not database:
            previous.dispose()
        self._show_database_name()
        # Views not built yet take the database and the year when they are built (view()).
        self._remembered_year = (
            self.preferences.overview_year(self._lab_key()) if self.preferences else None
        )
        news = self.built_view("news")
        if news is not None:
            cast("NewsView", news).set_database(database)
        overview = self.built_view("overview")
        if overview is not None:
            cast("OverviewView", overview).want_year(self._remembered_year)
        if self._painted or self.isVisible():
            # The view on show reads the lab in the same session as the others, not its own.
            self._opening = True
            try:
                self.view(self.current_view())
            finally:
                self._opening = False
        self.load()
        self.statusBar().showMessage(self.tr("Opened {0}").format(database.name))

    def _lab_key(self) -> str:
        """The open lab's name for the settings kept per lab: its file, or its masked URL."""
        database = self.database
        if database is None:
            return ""
        return str(database.path.resolve()) if database.path is not None else database.name

    def _remember_year(self, year: int) -> None:
        if self.preferences is not None and self.database is not None:
            self.preferences.save_overview_year(self._lab_key(), year)

    def _show_database_name(self) -> None:
        # Qt appends the application's display name (" — labnews") to a title that does not
        # already end with it, so the title is the database alone, or the bare name without one.
        if self.database is None:
            self.setWindowTitle("labnews")
        else:
            self.setWindowTitle(self.database.name)

    def load(self) -> None:
        """Read every record of the database into the views built so far (the others read it
        when they are built)."""
        with busy():
            self.lab_file.seen_changes = self._answer(lab_change.EVERYTHING)

    def refresh(self, change: core_records.Change) -> None:
        """Read again only what a change says moved: its kinds of record, and its years' papers."""
        count = self._answer(change)
        # Others wrote meanwhile, and this refresh read only what our change touched: read all.
        if self.lab_file.saw_own_change(count):
            self.load()

    def _answer(self, change: core_records.Change) -> int | None:
        """Have each view answer a change in one session; the lab's change count before it (a
        server's statements each see the newest commits: one made meanwhile is not "seen")."""
        database = self.database
        if database is None:
            return None
        with database.session() as session:
            count = queries.change_count(session)
            self.changed.emit(lab_change.LabChange(change, session))
        self._update_actions()
        return count

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.lab_file.reload_if_changed_elsewhere()

    def reload(self) -> None:
        self.load()
        self.statusBar().showMessage(self.tr("Reloaded everything from the database"))

    def require_database(self) -> Database | None:
        if self.database is None:
            self.statusBar().showMessage(self.tr("Open or create a database first (File menu)"))
        return self.database

    # --- changes and the undo history -------------------------------------------------------

    def command_context(self, database: Database) -> undo.CommandContext:
        return undo.CommandContext(database, self.ledger, self._changed, self._failures.append)

    def push(self, command: undo.StoreCommand) -> bool:
        """Do a change and put it in the undo history; False (after saying why) if refused."""
        self._failures.clear()
        self.undo_stack.push(command)
        return self._report_failures()

    def undo(self) -> None:
        self._failures.clear()
        self.undo_stack.undo()
        self._report_failures()

    def redo(self) -> None:
        self._failures.clear()
        self.undo_stack.redo()
        self._report_failures()

    def _report_failures(self) -> bool:
        if not self._failures:
            return True
        # The refused command has left the history; what was done after it cannot be redone.
        cut = QUndoCommand()
        cut.setObsolete(True)
        self.undo_stack.push(cut)  # an obsolete command is dropped, and so is all redo
        failures, self._failures = list(self._failures), []
        for error in failures:
            self.report(error)
        return False

    def scheduled_backup(self) -> Path | None:
        """The idle-time and on-quit backup of a SQLite database; skipped when nothing changed."""
        return self.lab_file.scheduled_backup()

    def backup_now(self) -> None:
        """Take a verified backup now (Tools menu)."""
        self.lab_file.backup_now()

    def report(self, error: LabnewsError, *, title: str | None = None) -> None:
        """Show an error; for a version conflict, offer to reload."""
        from labnews.gui.dialogs.conflict import ConflictDialog

        if isinstance(error, ConflictError):
            if ConflictDialog.ask(self, error):
                self.reload()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title or self.tr("Not saved"),
            capitalised(shown(error.message)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        try:
            box.exec()
        finally:
            box.deleteLater()

    def _changed(self, change: core_records.Change, kind: core_records.ChangeKind) -> None:
        self.statusBar().showMessage(shown(change.message))
        # A backup follows a while after the last change, once the admin has paused.
        self.idle_backup.start()
        self.refresh(change)
        view = next((k.view for k in editing.KINDS if k.store.name == kind), None)
        if view is not None and change.ids:
            cast("RecordsView[Any]", self.view(view)).select_ids(change.ids)

    # --- editing records ------------------------------------------------------------------------

    @property
    def editor(self) -> editing.Editor:
        """Adds, edits, duplicates and deletes records of every kind (made when first needed)."""
        if self._editor is None:
            self._editor = editing.Editor(self)
        return self._editor

    def new_record(self, view: str) -> None:
        """Ask for a new record of the kind a table view shows."""
        self.editor.new(editing.kind_named(view))

    def edit_record(self, record: object) -> None:
        """Open the record's dialog; saving pushes an undoable edit with a version check."""
        self.editor.edit(record)

    def remove_records(self, records: Sequence[object]) -> None:
        """Delete records of one kind in one transaction; undo brings them all back."""
        self.editor.remove(records)

    def edit_selected(self) -> None:
        view = self.current_records_view()
        if view is not None:
            view.edit_current()

    def duplicate_selected(self) -> None:
        view = self.current_records_view()
        if view is not None:
            view.duplicate_current()

    def delete_selected(self) -> None:
        view = self.current_records_view()
        if view is not None:
            view.remove_selected()

    # --- the overview's links -------------------------------------------------------------------

    def show_chart_bar(self, year: int, label: str) -> None:
        """Show the papers a chart bar counts: its year and tally label ("" for "Other")."""
        self.papers.show_tally(year, label or None)
        self.show_view("papers")

    def show_member_papers(self, member_id: int, year: int) -> None:
        """Show one member's papers of one news year."""
        self.papers.show_tally(year, None)
        self.papers.show_member(member_id)
        self.show_view("papers")

    # --- imports ----------------------------------------------------------------------------------

    def open_import(self, path: Path | None = None) -> ImportWizard | None:
        """Open the import wizard; a dropped ``path`` goes straight to its plan."""
        from labnews.gui.dialogs.import_wizard import ImportWizard

        database = self.require_database()
        if database is None:
            return None
        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            return self.import_wizard
        wizard = ImportWizard(self, database, path)
        wizard.imported.connect(self._import_ended)
        wizard.finished.connect(lambda _result: self._forget_wizard(wizard))
        self.import_wizard = wizard
        wizard.open()
        if path is not None and wizard.source_page.isComplete():
            wizard.next()
        return wizard

    def _forget_wizard(self, wizard: ImportWizard) -> None:
        if self.import_wizard is wizard:
            self.import_wizard = None
        wizard.deleteLater()

    def _import_ended(self, outcome: ImportOutcome) -> None:
        if outcome.status == "done" and outcome.change is not None:
            self.refresh(outcome.change)
            papers = outcome.counts.get("papers", 0)
            self.statusBar().showMessage(
                self.tr("Imported 1 paper")
                if papers == 1
                else self.tr("Imported {0} papers").format(papers)
            )
        elif outcome.status == "cancelled":
            self.statusBar().showMessage(self.tr("The import was cancelled; nothing changed"))
        else:
            self.statusBar().showMessage(self.tr("The import failed; nothing changed"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.database is not None and self._dropped_path(event) is not None:
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.open_import(path)

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return None
        local = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        return Path(local[0]) if len(local) == 1 else None

    # --- settings -------------------------------------------------------------------------------

    def open_settings(self) -> None:
        """Edit the lab's settings (an undoable change) and this computer's interface language."""
        from labnews.gui.dialogs.settings import SettingsChoice, SettingsDialog

        database = self.require_database()
        if database is None:
            return
        with database.session() as session:
            before = lab_settings.read_lab_settings(session)
        language = self.preferences.interface_language() if self.preferences else "system"
        formats = [f.name for f in newsfile.formats()]
        choice = SettingsDialog.ask(
            self, SettingsChoice(before, language), formats=formats, database=database
        )
        if choice is None:
            return
        if self.preferences is not None and choice.interface_language != language:
            self.preferences.set_interface_language(choice.interface_language)
            self.preferences.sync()
            self.statusBar().showMessage(
                self.tr("The interface language changes the next time labnews starts")
            )
        if choice.lab != before:
            self.push(undo.ChangeSettings(self.command_context(database), before, choice.lab))

    # --- the rest -------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        prefs = self.preferences
        if prefs is None:
            return
        geometry = prefs.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = prefs.window_state()
        if state is not None:
            self.restoreState(state)
        # A table's columns are restored when its view is built (see _build_view).
        last = prefs.last_view()
        if last in self._pages:
            self.tabs.setCurrentWidget(self._pages[last])  # its view is built after the paint

    def save_layout(self) -> None:
        """Remember the window's size and place, each table's columns and the current view."""
        prefs = self.preferences
        if prefs is None:
            return
        prefs.save_window(self.saveGeometry(), self.saveState())
        # A view never built this time has its saved columns left as they are.
        for name in RECORDS_VIEWS:
            view = self._views.get(name)
            if view is not None:
                prefs.save_columns(name, cast("RecordsView[Any]", view).header_state())
        prefs.save_view(self.current_view())
        prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        wizard = self.import_wizard
        if wizard is not None and wizard.is_running():
            # Closing mid-import rolls it back; the database must not close under it.
            wizard.cancel_import()
            wizard.wait_for_import()
        self.save_layout()
        self.idle_backup.stop()
        self.scheduled_backup()
        if self.database is not None:
            self.database.dispose()
        super().closeEvent(event)


class _FirstPaint(QObject):
    """Calls an action (on the next turn of the event loop) after a widget's first paint."""

    def __init__(self, widget: QWidget, action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._action)
        return False
