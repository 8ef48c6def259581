"""The main window: menus, the views, the undo history and a status bar that says what changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from labnews import __version__
from labnews.core.errors import ConflictError, LabnewsError
from labnews.gui.deferred import deferred
from labnews.gui.icon import labnews_icon
from labnews.gui.preferences import Preferences

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from labnews.core import inputs as core_inputs
    from labnews.core import news as core_news
    from labnews.core import records as core_records
    from labnews.core import rules as core_rules
    from labnews.core import snapshots
    from labnews.gui import undo
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
    from labnews.store import commands, migrate, queries
    from labnews.store import settings as lab_settings
    from labnews.store.database import Database
else:
    commands = deferred("labnews.store.commands")
    queries = deferred("labnews.store.queries")
    migrate = deferred("labnews.store.migrate")
    newsfile = deferred("labnews.io.newsfile")
    # The records, inputs and undo commands are needed once there is data: after the paint.
    core_inputs = deferred("labnews.core.inputs")
    core_news = deferred("labnews.core.news")
    core_records = deferred("labnews.core.records")
    core_rules = deferred("labnews.core.rules")
    lab_settings = deferred("labnews.store.settings")
    snapshots = deferred("labnews.core.snapshots")
    undo = deferred("labnews.gui.undo")
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
LAB_NAME_KEY: Final = "lab_name"
OVERVIEW_KINDS: Final = frozenset({"paper", "venue", "member", "settings"})
"""Changes to these kinds of record change what the overview and the news show."""


def default_demo_path() -> Path:
    """Where "Open the demo lab" keeps its database: the user data folder, beside the real one."""
    from platformdirs import user_data_path

    return user_data_path("labnews", appauthor=False) / "demo-lab.sqlite"


class MainWindow(QMainWindow):
    """The lab's records at hand: an overview, four tables, the news; every change undoable."""

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
        self._demo_path = demo_path
        self._ledger: undo.Ledger | None = None
        self.undo_stack = QUndoStack(self)
        self.idle_backup = QTimer(self)
        self.idle_backup.setSingleShot(True)
        self.idle_backup.setInterval(IDLE_BACKUP_MS)
        self.idle_backup.timeout.connect(self.scheduled_backup)
        self._failures: list[LabnewsError] = []
        self._seen_changes: int | None = None
        """The lab's change count when the window last read it (see reload_if_changed_elsewhere)."""
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

        self._create_actions()
        self._create_menus()
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

    # --- menus and actions ----------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_database_action = self._action(
            self.tr("&New database…"),
            self.new_database,
            shortcut="Ctrl+Shift+N",
            tip=self.tr("Create an empty lab database in a file"),
        )
        self.open_action = self._action(
            self.tr("&Open database…"),
            self.open_database_file,
            shortcut=keys.Open,
            tip=self.tr("Open a lab database file"),
        )
        self.open_server_action = self._action(
            self.tr("Open a &server database…"),
            self.open_server_database,
            tip=self.tr("Open a shared PostgreSQL database by its URL"),
        )
        self.demo_action = self._action(
            self.tr("Open the &demo lab"),
            self.open_demo,
            tip=self.tr("A real lab's 2022-2024 papers, to try labnews on"),
        )
        self.import_action = self._action(
            self.tr("&Import…"),
            self.open_import,
            shortcut="Ctrl+I",
            tip=self.tr("Bring in a news page, BibTeX or a CSV/JSON table (or drop it here)"),
        )
        self.save_news_action = self._action(
            self.tr("Save the ne&ws as…"),
            self.save_news,
            shortcut="Ctrl+Shift+S",
            tip=self.tr("Write the news, as the News view shows it, to a file"),
        )
        self.publish_action = self._action(
            self.tr("&Publish into the homepage…"),
            self.publish_news,
            shortcut="Ctrl+Shift+P",
            tip=self.tr("Write the news between the labnews markers of the homepage file"),
        )
        self.settings_action = self._action(
            self.tr("Se&ttings…"),
            self.open_settings,
            shortcut=keys.Preferences,
            tip=self.tr("The lab's name, news defaults, tally rules, homepage file, language"),
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), self.close, shortcut=keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action(self.tr("&Undo"), self.undo, shortcut=keys.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo, shortcut=keys.Redo)
        self.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        self.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        self.undo_stack.undoTextChanged.connect(self._update_undo_actions)
        self.undo_stack.redoTextChanged.connect(self._update_undo_actions)
        self.new_paper_action = self._action(
            self.tr("New &acceptance…"),
            self.new_paper,
            shortcut=keys.New,
            tip=self.tr("Record a newly accepted paper"),
        )
        self.new_member_action = self._action(self.tr("New &member…"), self.new_member)
        self.new_venue_action = self._action(self.tr("New &venue…"), self.new_venue)
        self.new_achievement_action = self._action(
            self.tr("New ac&hievement…"), self.new_achievement
        )
        self.edit_action = self._action(
            self.tr("&Edit selected…"),
            self.edit_selected,
            shortcut="Ctrl+E",
            tip=self.tr("Edit the selected record (or double-click it)"),
        )
        self.duplicate_action = self._action(
            self.tr("Dupli&cate…"),
            self.duplicate_selected,
            shortcut="Ctrl+D",
            tip=self.tr("A new paper with the same venue, dates and authors"),
        )
        self.delete_action = self._action(
            self.tr("&Delete"),
            self.delete_selected,
            shortcut=keys.Delete,
            tip=self.tr("Delete the selected records (undo brings them back)"),
        )
        self.find_action = self._action(
            self.tr("&Find…"),
            self.focus_search,
            shortcut=keys.Find,
            tip=self.tr("Search this table"),
        )

        self.view_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for number, name in enumerate(VIEWS, start=1):
            action = self._action(
                self.view_title(name), partial(self.show_view, name), shortcut=f"Ctrl+{number}"
            )
            action.setCheckable(True)
            group.addAction(action)
            self.view_actions[name] = action
        self.reload_action = self._action(
            self.tr("&Reload"),
            self.reload,
            shortcut=keys.Refresh,
            tip=self.tr("Read everything again (to see changes others made)"),
        )
        self.about_action = self._action(self.tr("&About labnews"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.guide_action = self._action(
            self.tr("Quick &guide"),
            self.show_guide,
            shortcut=keys.HelpContents,
            tip=self.tr("What each view does and where to start"),
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            tip=self.tr("Every command that has a shortcut"),
        )
        self.documentation_action = self._action(
            self.tr("&Documentation"),
            self.open_documentation,
            tip=self.tr("Open labnews's documentation in the web browser"),
        )
        self.check_action = self._action(
            self.tr("&Check the database…"),
            self.check_database,
            tip=self.tr("Look for damage and for records that do not add up; repair what is safe"),
        )
        self.backup_action = self._action(
            self.tr("&Back up now"),
            self.backup_now,
            tip=self.tr("Take a verified copy of the database into its backups folder"),
        )

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_database_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_server_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.save_news_action)
        file_menu.addAction(self.publish_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu = edit_menu
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_paper_action)
        edit_menu.addAction(self.new_member_action)
        edit_menu.addAction(self.new_venue_action)
        edit_menu.addAction(self.new_achievement_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.duplicate_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        for action in self.view_actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.reload_action)

        tools_menu = bar.addMenu(self.tr("Data&base"))
        self.tools_menu = tools_menu
        tools_menu.addAction(self.check_action)
        tools_menu.addAction(self.backup_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.documentation_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

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
            self._update_actions()
        return view

    def _build_view(self, name: str) -> QWidget:
        if name == "overview":
            overview = overview_view.OverviewView()
            overview.set_empty_actions(
                [self.new_paper_action, self.import_action, self.demo_action]
            )
            overview.bar_clicked.connect(self.show_chart_bar)
            overview.member_papers_requested.connect(self.show_member_papers)
            return overview
        if name == "news":
            news = news_view.NewsView()
            news.publish_requested.connect(self.publish_news)
            news.pin_requested.connect(self.pin_order)
            news.message.connect(self.statusBar().showMessage)
            return news
        records: RecordsView[Any]
        if name == "papers":
            papers = papers_view.PapersView()
            papers.add_requested.connect(self.new_paper)
            papers.duplicate_requested.connect(self.duplicate_paper)
            records = papers
            filling = [self.new_paper_action, self.import_action, self.demo_action]
        elif name == "members":
            records = tables_view.MembersView()
            records.add_requested.connect(self.new_member)
            filling = [self.new_member_action, self.import_action, self.demo_action]
        elif name == "venues":
            records = tables_view.VenuesView()
            records.add_requested.connect(self.new_venue)
            filling = [self.new_venue_action, self.import_action]
        elif name == "achievements":
            records = tables_view.AchievementsView()
            records.add_requested.connect(self.new_achievement)
            filling = [self.new_achievement_action, self.import_action, self.demo_action]
        else:
            raise LabnewsError(
                f"there is no view {name!r}; choose one of {', '.join(VIEWS)}", field="view"
            )
        records.set_empty_actions(filling)
        records.selection_changed.connect(self._update_actions)
        records.edit_requested.connect(self.edit_record)
        records.remove_requested.connect(self.remove_records)
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

    @property
    def overview(self) -> OverviewView:
        return cast("OverviewView", self.view("overview"))

    @property
    def papers(self) -> PapersView:
        return cast("PapersView", self.view("papers"))

    @property
    def members(self) -> MembersView:
        return cast("MembersView", self.view("members"))

    @property
    def venues(self) -> VenuesView:
        return cast("VenuesView", self.view("venues"))

    @property
    def achievements(self) -> AchievementsView:
        return cast("AchievementsView", self.view("achievements"))

    @property
    def news(self) -> NewsView:
        return cast("NewsView", self.view("news"))

    @property
    def records_views(self) -> tuple[RecordsView[Any], ...]:
        """The four table views (building any not built yet)."""
        return (self.papers, self.members, self.venues, self.achievements)

    def _built_records_views(self) -> list[RecordsView[Any]]:
        return [
            cast("RecordsView[Any]", self._views[name])
            for name in RECORDS_VIEWS
            if name in self._views
        ]

    def _update_undo_actions(self, *_changed: object) -> None:
        # The stack clears itself, and says so, while the window is being destroyed.
        if not isValid(self.undo_stack) or not isValid(self.undo_action):
            return
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_text, redo_text = stack.undoText(), stack.redoText()
        self.undo_action.setText(
            self.tr("&Undo {0}").format(undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {0}").format(redo_text) if redo_text else self.tr("&Redo")
        )

    def _update_actions(self, *_changed: object) -> None:
        if not isValid(self.tabs):
            return
        has_database = self.database is not None
        for action in (
            self.new_paper_action,
            self.new_member_action,
            self.new_venue_action,
            self.new_achievement_action,
            self.reload_action,
            self.import_action,
            self.save_news_action,
            self.publish_action,
            self.settings_action,
            self.check_action,
        ):
            action.setEnabled(has_database)
        self.backup_action.setEnabled(self.database is not None and self.database.path is not None)
        for records_view in self._built_records_views():
            records_view.add_button.setEnabled(has_database)
        # Only a built view can have a selection: asking must not build it.
        name = self.current_view()
        built = self._views.get(name) if name in RECORDS_VIEWS else None
        current = cast("RecordsView[Any] | None", built)
        chosen = len(current.selected_records()) if current is not None else 0
        self.edit_action.setEnabled(chosen >= 1)
        self.duplicate_action.setEnabled(chosen >= 1 and name == "papers")
        self.delete_action.setEnabled(chosen >= 1)
        if current is not None and chosen > 1:
            self.delete_action.setText(self.tr("&Delete {0} {1}").format(chosen, current.noun))
        else:
            self.delete_action.setText(self.tr("&Delete"))
        self.view_actions[name].setChecked(True)
        self._update_undo_actions()

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

    @contextmanager
    def _busy(self) -> Iterator[None]:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    def after_first_paint(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the window has painted: it shows first, work comes after."""
        watcher = _FirstPaint(self, action)
        self.installEventFilter(watcher)

    def open_target(self, target: str) -> bool:
        """Open the database at a path or URL and show it; a dialog says why when it cannot."""
        try:
            with self._busy():
                database = migrate.open_database(target)
        except LabnewsError as error:
            self.report(error, title=self.tr("Cannot open the database"))
            return False
        except OSError as error:  # a folder that cannot be created, a file that cannot be read
            reason = LabnewsError(f"cannot open {target}: {error.strerror or error}")
            self.report(reason, title=self.tr("Cannot open the database"))
            return False
        self.set_database(database)
        if self.preferences is not None:
            self.preferences.remember_database(target)
        return True

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
        self.news.set_database(database)
        self.load()
        self.statusBar().showMessage(self.tr("Opened {0}").format(database.name))

    def _show_database_name(self) -> None:
        # Qt appends the application's display name (" — labnews") to a title that does not
        # already end with it, so the title is the database alone, or the bare name without one.
        if self.database is None:
            self.setWindowTitle("labnews")
        else:
            self.setWindowTitle(self.database.name)

    def load(self) -> None:
        """Read every record of the database into the views."""
        database = self.database
        if database is None:
            return
        with self._busy(), database.session() as session:
            members = queries.members(session)
            rules = queries.tally_rules(session)
            self.members.model.set_records(members)
            self.papers.set_members(members)
            self.venues.model.set_venues(queries.venues(session), rules)
            self.papers.set_rules(rules)
            self.papers.set_papers(queries.papers_in(session))
            self.achievements.model.set_records(queries.achievements_in(session))
            self._show_overview(session, rules)
            self._seen_changes = queries.change_count(session)
        self._update_actions()

    def reload_if_changed_elsewhere(self) -> bool:
        """Reload when another program (a command, another window) changed the lab since the
        window last read it; True if it did. Asked whenever the window comes to the front."""
        database = self.database
        if database is None:
            return False
        try:
            with database.session() as session:
                count = queries.change_count(session)
        except LabnewsError:
            return False  # a busy or missing file: the next action will say what is wrong
        if count is None or count == self._seen_changes:
            return False
        self.load()
        self.statusBar().showMessage(self.tr("Reloaded: the lab was changed by another program"))
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.reload_if_changed_elsewhere()

    def reload(self) -> None:
        self.load()
        self.statusBar().showMessage(self.tr("Reloaded everything from the database"))

    def _show_overview(self, session: Session, rules: core_rules.TallyRules | None = None) -> None:
        """Show the overview and the news pickers from what the views hold and the session."""
        rules = rules or queries.tally_rules(session)
        tallies = queries.tallies(session, rules)
        self.overview.show_snapshot(
            overview_view.LabSnapshot(
                lab_name=lab_settings.setting_text(session, LAB_NAME_KEY),
                tallies=tallies,
                papers=self.papers.model.records,
                members=self.members.model.records,
                rules=rules,
                published=lab_settings.published_papers(session),
            )
        )
        self.news.set_tallies(tallies, rules)

    def _require_database(self) -> Database | None:
        if self.database is None:
            self.statusBar().showMessage(self.tr("Open or create a database first (File menu)"))
        return self.database

    def new_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("New lab database"),
            str(Path.home() / "lab.sqlite"),
            self.tr("labnews databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".sqlite"
            self.open_target(path)

    def open_database_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a lab database"),
            str(Path.home()),
            self.tr("labnews databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_target(path)

    def open_server_database(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            self.tr("Open a server database"),
            self.tr(
                "The database URL, for example\npostgresql+psycopg://user@host/lab\n"
                "(the password may come from ~/.pgpass instead of the URL):"
            ),
            QLineEdit.EchoMode.Normal,
            "postgresql+psycopg://",
        )
        if ok and url.strip():
            self.open_target(url.strip())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.preferences.recent_databases() if self.preferences else []
        for number, target in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {target}")
            action.triggered.connect(lambda _checked=False, t=target: self.open_target(t))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent databases"))
            empty.setEnabled(False)
            return
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("&Clear the list"))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        if self.preferences is not None:
            self.preferences.clear_recent()

    @property
    def demo_path(self) -> Path:
        """Where the demo lab's database lives (found when first needed: it costs an import)."""
        if self._demo_path is None:
            self._demo_path = default_demo_path()
        return self._demo_path

    def open_demo(self) -> None:
        """Open the demo lab, loading it into its own database the first time."""
        from labnews.store.demo import load_demo

        try:
            with self._busy():
                database = migrate.open_database(str(self.demo_path))
                try:
                    with database.session(write=True) as session:
                        if not queries.news_years(session):
                            load_demo(session)
                except BaseException:
                    database.dispose()
                    raise
        except LabnewsError as error:
            self.report(error, title=self.tr("Cannot open the demo lab"))
            return
        self.set_database(database)
        if self.preferences is not None:
            self.preferences.remember_database(str(self.demo_path))

    # --- changes and the undo history -------------------------------------------------------

    def _context(self, database: Database) -> undo.CommandContext:
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

    # --- backups and checks -----------------------------------------------------------------------

    def scheduled_backup(self) -> Path | None:
        """The idle-time and on-quit backup of a SQLite database; skipped when nothing changed."""
        database = self.database
        if database is None or database.path is None:
            return None
        from labnews.store import backup

        try:
            taken = backup.scheduled_backup(database.path)
        except LabnewsError as error:
            # A backup that cannot be taken must not stop the admin; the status bar says why.
            self.statusBar().showMessage(self.tr("No backup taken: {0}").format(error.message))
            return None
        if taken is not None:
            self.statusBar().showMessage(self.tr("Backed up to {0}").format(taken.name))
        return taken

    def backup_now(self) -> None:
        """Take a verified backup now (Tools menu)."""
        database = self.database
        if database is None or database.path is None:
            return
        from labnews.store import backup

        try:
            with self._busy():
                taken = backup.backup_before(database.path, "manual")
        except LabnewsError as error:
            self.report(error, title=self.tr("No backup taken"))
            return
        self.statusBar().showMessage(self.tr("Backed up to {0}").format(taken))

    def check_database(self) -> None:
        """Run ``labnews check``'s checks and offer to repair what is safe (Tools menu)."""
        database = self.database
        if database is None:
            return
        from labnews.gui.dialogs.check import CheckDialog

        CheckDialog.run(self, database)
        self.reload()

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
            error.message[:1].upper() + error.message[1:],
            QMessageBox.StandardButton.Ok,
            self,
        )
        try:
            box.exec()
        finally:
            box.deleteLater()

    def _changed(self, change: core_records.Change, kind: core_records.ChangeKind) -> None:
        self.statusBar().showMessage(change.message)
        # A backup follows a while after the last change, once the admin has paused.
        self.idle_backup.start()
        self.refresh(change)
        views: dict[str, RecordsView[Any]] = {
            "paper": self.papers,
            "member": self.members,
            "venue": self.venues,
            "achievement": self.achievements,
        }
        view = views.get(kind)
        if view is not None and change.ids:
            view.select_ids(change.ids)

    def refresh(self, change: core_records.Change) -> None:
        """Read again only what a change says moved: its kinds of record, and its years' papers."""
        database = self.database
        if database is None:
            return
        kinds = change.kinds
        with database.session() as session:
            if "member" in kinds:
                members = queries.members(session)
                self.members.model.set_records(members)
                self.papers.set_members(members)
            rules = queries.tally_rules(session)
            if kinds & {"venue", "settings"}:
                self.venues.model.set_venues(queries.venues(session), rules)
                self.papers.set_rules(rules)
            if "paper" in kinds:
                if change.years:
                    self.papers.replace_years(
                        change.years, queries.papers_in(session, change.years)
                    )
                else:
                    self.papers.set_papers(queries.papers_in(session))
            if "achievement" in kinds:
                self.achievements.model.set_records(queries.achievements_in(session))
            if kinds & OVERVIEW_KINDS:
                self._show_overview(session, rules)
            elif "achievement" in kinds:
                self.news.mark_stale()
            count = queries.change_count(session)
        # Our own change moves the count by one; more means another program wrote meanwhile,
        # and this refresh read only what our change touched: read everything.
        seen, self._seen_changes = self._seen_changes, count
        if seen is not None and count is not None and count > seen + 1:
            self.load()
        self._update_actions()

    # --- editing records ------------------------------------------------------------------------

    def new_paper(self, initial: core_inputs.PaperInput | None = None) -> None:
        from labnews.gui.dialogs.paper import PaperDialog

        database = self._require_database()
        if database is None:
            return
        data = PaperDialog.ask(
            self,
            initial,
            database=database,
            create_venue=self.create_venue,
            check=lambda d: undo.trial_run(database, lambda s: commands.add_paper(s, d)),
        )
        if data is not None:
            self.push(undo.AddRecord(self._context(database), undo.PAPERS, data))

    def duplicate_paper(self, paper: core_records.PaperRecord) -> None:
        """A new paper with the same venue, dates, authors and status; its own title and links."""
        self.new_paper(
            replace(
                snapshots.paper_input(paper),
                title="",
                doi=None,
                arxiv=None,
                url=None,
                code=None,
                project=None,
                bibkey=None,
                note=None,
            )
        )

    def create_venue(self, parent: QWidget, text: str) -> core_records.VenueRecord | None:
        """Add a venue from inside the paper dialog (undoable like any other change)."""
        from labnews.gui.dialogs.venue import VenueDialog

        database = self._require_database()
        if database is None:
            return None
        with database.session() as session:
            venues = queries.venues(session)
        data = VenueDialog.ask(
            parent,
            core_inputs.VenueInput(short=text),
            venues=venues,
            check=lambda d: undo.trial_run(database, lambda s: commands.add_venue(s, d)),
        )
        if data is None:
            return None
        command = undo.AddRecord(self._context(database), undo.VENUES, data)
        if not self.push(command) or command.handle is None:
            return None
        with database.session() as session:
            return undo.VENUES.fetch(session, command.handle.id)

    def new_member(self) -> None:
        from labnews.gui.dialogs.member import MemberDialog

        database = self._require_database()
        if database is None:
            return
        data = MemberDialog.ask(
            self,
            None,
            check=lambda d: undo.trial_run(database, lambda s: commands.add_member(s, d)),
        )
        if data is not None:
            self.push(undo.AddRecord(self._context(database), undo.MEMBERS, data))

    def new_venue(self) -> None:
        from labnews.gui.dialogs.venue import VenueDialog

        database = self._require_database()
        if database is None:
            return
        data = VenueDialog.ask(
            self,
            None,
            venues=self.venues.model.records,
            check=lambda d: undo.trial_run(database, lambda s: commands.add_venue(s, d)),
        )
        if data is not None:
            self.push(undo.AddRecord(self._context(database), undo.VENUES, data))

    def new_achievement(self) -> None:
        from labnews.gui.dialogs.achievement import AchievementDialog

        database = self._require_database()
        if database is None:
            return
        data = AchievementDialog.ask(
            self,
            None,
            members=self.members.model.records,
            check=lambda d: undo.trial_run(database, lambda s: commands.add_achievement(s, d)),
        )
        if data is not None:
            self.push(undo.AddRecord(self._context(database), undo.ACHIEVEMENTS, data))

    def edit_record(self, record: object) -> None:
        """Open the record's dialog; saving pushes an undoable edit with a version check."""
        database = self._require_database()
        if database is None:
            return
        if isinstance(record, core_records.PaperRecord):
            self._edit_paper(database, record)
        elif isinstance(record, core_records.MemberRecord):
            self._edit_member(database, record)
        elif isinstance(record, core_records.VenueRecord):
            self._edit_venue(database, record)
        elif isinstance(record, core_records.AchievementRecord):
            self._edit_achievement(database, record)

    @staticmethod
    def _conflicts_later(error: LabnewsError | None) -> LabnewsError | None:
        # A conflict is not the form's to fix: the save goes ahead and the window offers reload.
        return None if isinstance(error, ConflictError) else error

    def _edit_paper(self, database: Database, paper: core_records.PaperRecord) -> None:
        from labnews.gui.dialogs.paper import PaperDialog

        before = snapshots.paper_input(paper)
        data = PaperDialog.ask(
            self,
            before,
            database=database,
            paper_id=paper.id,
            create_venue=self.create_venue,
            check=lambda d: self._conflicts_later(
                undo.trial_run(
                    database,
                    lambda s: commands.update_paper(s, paper.id, d, expected_version=paper.version),
                )
            ),
        )
        if data is not None and data != before:
            self.push(undo.EditRecord(self._context(database), undo.PAPERS, paper, data))

    def _edit_member(self, database: Database, member: core_records.MemberRecord) -> None:
        from labnews.gui.dialogs.member import MemberDialog

        before = snapshots.member_input(member)
        data = MemberDialog.ask(
            self,
            before,
            editing=True,
            check=lambda d: self._conflicts_later(
                undo.trial_run(
                    database,
                    lambda s: commands.update_member(
                        s, member.id, d, expected_version=member.version
                    ),
                )
            ),
        )
        if data is not None and data != before:
            self.push(undo.EditRecord(self._context(database), undo.MEMBERS, member, data))

    def _edit_venue(self, database: Database, venue: core_records.VenueRecord) -> None:
        from labnews.gui.dialogs.venue import VenueDialog

        before = snapshots.venue_input(venue)
        data = VenueDialog.ask(
            self,
            before,
            venues=self.venues.model.records,
            venue_id=venue.id,
            check=lambda d: self._conflicts_later(
                undo.trial_run(
                    database,
                    lambda s: commands.update_venue(s, venue.id, d, expected_version=venue.version),
                )
            ),
        )
        if data is not None and data != before:
            self.push(undo.EditRecord(self._context(database), undo.VENUES, venue, data))

    def _edit_achievement(
        self, database: Database, achievement: core_records.AchievementRecord
    ) -> None:
        from labnews.gui.dialogs.achievement import AchievementDialog

        before = snapshots.achievement_input(achievement)
        data = AchievementDialog.ask(
            self,
            before,
            members=self.members.model.records,
            editing=True,
            check=lambda d: self._conflicts_later(
                undo.trial_run(
                    database,
                    lambda s: commands.update_achievement(
                        s, achievement.id, d, expected_version=achievement.version
                    ),
                )
            ),
        )
        if data is not None and data != before:
            self.push(
                undo.EditRecord(self._context(database), undo.ACHIEVEMENTS, achievement, data)
            )

    def remove_records(self, records: Sequence[object]) -> None:
        """Delete records of one kind in one transaction; undo brings them all back."""
        database = self._require_database()
        if database is None or not records:
            return
        first = records[0]
        kind: undo.RecordKind[Any, Any]
        if isinstance(first, core_records.PaperRecord):
            kind = undo.PAPERS
        elif isinstance(first, core_records.MemberRecord):
            kind = undo.MEMBERS
        elif isinstance(first, core_records.VenueRecord):
            kind = undo.VENUES
        elif isinstance(first, core_records.AchievementRecord):
            kind = undo.ACHIEVEMENTS
        else:
            return
        self.push(undo.RemoveRecords[Any, Any](self._context(database), kind, list(records)))

    def edit_selected(self) -> None:
        view = self.current_records_view()
        if view is not None:
            view.edit_current()

    def duplicate_selected(self) -> None:
        if self.current_records_view() is self.papers:
            self.papers.duplicate_current()

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

        database = self._require_database()
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

    # --- the news -----------------------------------------------------------------------------

    def save_news(self) -> None:
        """Save the news as the News view shows it (its format, language and years)."""
        if self._require_database() is None:
            return
        self.news.render_if_stale()
        self.news.save_as()

    def pin_order(self, year: int, labels: Sequence[str] | None) -> None:
        """Pin (or with None, unpin) a year's tally order; undoable."""
        database = self._require_database()
        if database is None:
            return
        with database.session() as session:
            before = queries.tally_rules(session).pinned.get(year)
        if (tuple(labels) if labels else None) == before:
            return
        self.push(undo.PinOrder(self._context(database), year, labels, before))

    def _choose_homepage(self, database: Database, previous: Path | None) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the homepage file (with the labnews markers)"),
            str(previous or Path.home()),
            self.tr("Homepage pages (*.md *.markdown *.html *.htm);;All files (*)"),
        )
        if not path:
            return None
        with database.session(write=True) as session:
            lab_settings.set_setting_text(session, lab_settings.HOMEPAGE_FILE, path)
        return Path(path)

    def publish_news(self) -> None:
        """Show what publishing changes in the homepage file, then write it (and its .bak).

        The news is read in one session; the file is chosen (once) and confirmed with no
        transaction open; what the homepage now holds is remembered in a second, short one.
        """
        from labnews.gui.dialogs.publish import PublishDialog
        from labnews.io import homepage, newsfile

        database = self._require_database()
        if database is None:
            return
        request = self.news.request()
        try:
            with database.session() as session:
                fmt, _lang = newsfile.resolve_request(session, request)
                if fmt.is_folder:
                    raise LabnewsError(
                        f"the {fmt.name} format writes a folder of files; choose a one-file "
                        "format to publish into the homepage"
                    )
                stored = lab_settings.homepage_file(session)
                _fmt, block = newsfile.render_news(session, request)
                papers = queries.papers_in(session, request.years)
                rules = queries.tally_rules(session)
            path = stored if stored is not None and stored.is_file() else None
            path = path or self._choose_homepage(database, stored)
            if path is None:
                return
            publication = homepage.plan_publication(path, block)
        except LabnewsError as error:
            self.report(error, title=self.tr("Cannot publish"))
            return
        ids = [pid for entry in core_news.news_entries(papers, rules) for pid in entry.paper_ids]
        if not publication.changed:
            message = self.tr("{0} is already up to date").format(path.name)
        elif not PublishDialog.ask(self, publication):
            return
        else:
            try:
                backup = homepage.publish(publication)
            except (LabnewsError, OSError) as error:
                reason = error.message if isinstance(error, LabnewsError) else str(error)
                self.report(LabnewsError(reason), title=self.tr("Cannot publish"))
                return
            name = backup.name if backup is not None else ""
            message = self.tr("Published into {0} (the previous version is kept as {1})").format(
                path.name, name
            )
        try:
            with database.session(write=True) as session:
                change = lab_settings.remember_publication(session, path, ids)
        except LabnewsError as error:
            # The file is written; only the overview's note of what it holds is missing.
            self.report(error, title=self.tr("Published, but not remembered"))
            return
        self.refresh(change)
        self.statusBar().showMessage(message)

    # --- settings -------------------------------------------------------------------------------

    def open_settings(self) -> None:
        """Edit the lab's settings (an undoable change) and this computer's interface language."""
        from labnews.gui.dialogs.settings import SettingsChoice, SettingsDialog

        database = self._require_database()
        if database is None:
            return
        with database.session() as session:
            before = lab_settings.read_lab_settings(session)
        language = self.preferences.interface_language() if self.preferences else "system"
        formats = [f.name for f in newsfile.formats()]
        choice = SettingsDialog.ask(self, SettingsChoice(before, language), formats=formats)
        if choice is None:
            return
        if self.preferences is not None and choice.interface_language != language:
            self.preferences.set_interface_language(choice.interface_language)
            self.preferences.sync()
            self.statusBar().showMessage(
                self.tr("The interface language changes the next time labnews starts")
            )
        if choice.lab != before:
            self.push(undo.ChangeSettings(self._context(database), before, choice.lab))

    # --- the rest -------------------------------------------------------------------------------

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About labnews"),
            self.tr(
                "<p><b>labnews {0}</b></p><p>Keeps a research lab's accepted papers, members, "
                "venues and achievements, and writes the lab's news from them.</p>"
            ).format(__version__),
        )

    def show_guide(self) -> None:
        from labnews.gui.dialogs.help import GuideDialog

        dialog = GuideDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_shortcuts(self) -> None:
        from labnews.gui.dialogs.help import ShortcutsDialog

        menus = [a.menu() for a in self.menuBar().actions()]
        dialog = ShortcutsDialog([m for m in menus if isinstance(m, QMenu)], self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_documentation(self) -> None:
        """Open the README that came with labnews (the documentation), in the desktop's viewer."""
        from labnews.resources import readme

        try:
            path = readme()
        except FileNotFoundError as error:
            self.statusBar().showMessage(str(error))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            # Nothing to hand it to: say where the documentation is, so it can be opened by hand.
            self.statusBar().showMessage(
                self.tr("Could not open the documentation; it is at {0}").format(str(path))
            )

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
