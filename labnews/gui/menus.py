"""The window's actions and menus, and what makes each one enabled and named as it is now."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from labnews.gui.deferred import deferred

if TYPE_CHECKING:
    from labnews.gui.dialogs import adopt, member_page
    from labnews.gui.dialogs import help as help_dialogs
    from labnews.gui.main_window import MainWindow
else:
    adopt = deferred("labnews.gui.dialogs.adopt")
    help_dialogs = deferred("labnews.gui.dialogs.help")
    member_page = deferred("labnews.gui.dialogs.member_page")

# The window's strings keep the window's translation context ("MainWindow") here.
translate = QCoreApplication.translate


class WindowMenus:
    """Every action of the window, in its menus; the window's methods do the work."""

    def __init__(self, window: MainWindow, views: tuple[str, ...]) -> None:
        self.window = window
        self._create_actions(window, views)
        self._create_menus(window)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self, window: MainWindow, views: tuple[str, ...]) -> None:
        keys = QKeySequence.StandardKey
        self.new_database_action = self._action(
            translate("MainWindow", "&New database…"),
            window.lab_file.new_database,
            shortcut="Ctrl+Shift+N",
            tip=translate("MainWindow", "Create an empty lab database in a file"),
        )
        self.open_action = self._action(
            translate("MainWindow", "&Open database…"),
            window.lab_file.open_database_file,
            shortcut=keys.Open,
            tip=translate("MainWindow", "Open a lab database file"),
        )
        self.open_server_action = self._action(
            translate("MainWindow", "Open a &server database…"),
            window.lab_file.open_server_database,
            tip=translate("MainWindow", "Open a shared PostgreSQL database by its URL"),
        )
        self.demo_action = self._action(
            translate("MainWindow", "Open the &demo lab"),
            window.lab_file.open_demo,
            tip=translate("MainWindow", "A real lab's 2022-2024 papers, to try labnews on"),
        )
        self.import_action = self._action(
            translate("MainWindow", "&Import…"),
            window.open_import,
            shortcut="Ctrl+I",
            tip=translate(
                "MainWindow", "Bring in a news page, BibTeX or a CSV/JSON table (or drop it here)"
            ),
        )
        self.save_news_action = self._action(
            translate("MainWindow", "Save the ne&ws as…"),
            window.publisher.save_news,
            shortcut="Ctrl+Shift+S",
            tip=translate("MainWindow", "Write the news, as the News view shows it, to a file"),
        )
        self.publish_action = self._action(
            translate("MainWindow", "&Publish into the homepage…"),
            window.publisher.publish_news,
            shortcut="Ctrl+Shift+P",
            tip=translate(
                "MainWindow", "Write the news between the labnews markers of the homepage file"
            ),
        )
        self.adopt_action = self._action(
            translate("MainWindow", "&Adopt a homepage page…"),
            lambda: adopt.adopt_page(window),
            tip=translate(
                "MainWindow",
                "Import the news of a page kept by hand and wrap it in the labnews markers",
            ),
        )
        self.settings_action = self._action(
            translate("MainWindow", "Se&ttings…"),
            window.open_settings,
            shortcut=keys.Preferences,
            tip=translate(
                "MainWindow", "The lab's name, news defaults, tally rules, homepage file, language"
            ),
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(
            translate("MainWindow", "&Quit"), window.close, shortcut=keys.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action(
            translate("MainWindow", "&Undo"), window.undo, shortcut=keys.Undo
        )
        self.redo_action = self._action(
            translate("MainWindow", "&Redo"), window.redo, shortcut=keys.Redo
        )
        window.undo_stack.canUndoChanged.connect(self.update_undo)
        window.undo_stack.canRedoChanged.connect(self.update_undo)
        window.undo_stack.undoTextChanged.connect(self.update_undo)
        window.undo_stack.redoTextChanged.connect(self.update_undo)
        self.new_paper_action = self._action(
            translate("MainWindow", "New &acceptance…"),
            partial(window.new_record, "papers"),
            shortcut=keys.New,
            tip=translate("MainWindow", "Record a newly accepted paper"),
        )
        self.new_member_action = self._action(
            translate("MainWindow", "New &member…"), partial(window.new_record, "members")
        )
        self.new_venue_action = self._action(
            translate("MainWindow", "New &venue…"), partial(window.new_record, "venues")
        )
        self.new_achievement_action = self._action(
            translate("MainWindow", "New ac&hievement…"), partial(window.new_record, "achievements")
        )
        self.new_actions: dict[str, QAction] = {
            "papers": self.new_paper_action,
            "members": self.new_member_action,
            "venues": self.new_venue_action,
            "achievements": self.new_achievement_action,
        }
        self.edit_action = self._action(
            translate("MainWindow", "&Edit selected…"),
            window.edit_selected,
            shortcut="Ctrl+E",
            tip=translate("MainWindow", "Edit the selected record (or double-click it)"),
        )
        self.duplicate_action = self._action(
            translate("MainWindow", "Dupli&cate…"),
            window.duplicate_selected,
            shortcut="Ctrl+D",
            tip=translate("MainWindow", "A new paper with the same venue, dates and authors"),
        )
        self.member_page_action = self._action(
            translate("MainWindow", "Member's &page…"),
            lambda: member_page.open_member_page(window),
            shortcut="Ctrl+Shift+M",
            tip=translate(
                "MainWindow",
                "The selected member's papers and achievements; copy their own lists",
            ),
        )
        self.delete_action = self._action(
            translate("MainWindow", "&Delete"),
            window.delete_selected,
            shortcut=keys.Delete,
            tip=translate("MainWindow", "Delete the selected records (undo brings them back)"),
        )
        self.find_action = self._action(
            translate("MainWindow", "&Find…"),
            window.focus_search,
            shortcut=keys.Find,
            tip=translate("MainWindow", "Search this table"),
        )

        self.view_actions: dict[str, QAction] = {}
        group = QActionGroup(window)
        for number, name in enumerate(views, start=1):
            action = self._action(
                window.view_title(name), partial(window.show_view, name), shortcut=f"Ctrl+{number}"
            )
            action.setCheckable(True)
            group.addAction(action)
            self.view_actions[name] = action
        self.reload_action = self._action(
            translate("MainWindow", "&Reload"),
            window.reload,
            shortcut=keys.Refresh,
            tip=translate("MainWindow", "Read everything again (to see changes others made)"),
        )
        self.about_action = self._action(
            translate("MainWindow", "&About labnews"), lambda: help_dialogs.about(window)
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.guide_action = self._action(
            translate("MainWindow", "Quick &guide"),
            lambda: help_dialogs.show_guide(window),
            shortcut=keys.HelpContents,
            tip=translate("MainWindow", "What each view does and where to start"),
        )
        self.shortcuts_action = self._action(
            translate("MainWindow", "&Keyboard shortcuts"),
            lambda: help_dialogs.show_shortcuts(window),
            tip=translate("MainWindow", "Every command that has a shortcut"),
        )
        self.documentation_action = self._action(
            translate("MainWindow", "&Documentation"),
            lambda: help_dialogs.open_documentation(window),
            tip=translate("MainWindow", "Open labnews's documentation in the web browser"),
        )
        self.check_action = self._action(
            translate("MainWindow", "&Check the database…"),
            window.lab_file.check_database,
            tip=translate(
                "MainWindow",
                "Look for damage and for records that do not add up; repair what is safe",
            ),
        )
        self.backup_action = self._action(
            translate("MainWindow", "&Back up now"),
            window.lab_file.backup_now,
            tip=translate(
                "MainWindow", "Take a verified copy of the database into its backups folder"
            ),
        )

    def _create_menus(self, window: MainWindow) -> None:
        self.recent_menu = QMenu(translate("MainWindow", "Open &recent"), window)
        self.recent_menu.aboutToShow.connect(
            lambda: window.lab_file.fill_recent_menu(self.recent_menu)
        )
        self.file_menu = self._menu(
            translate("MainWindow", "&File"),
            self.new_database_action, self.open_action, self.open_server_action, self.recent_menu,
            None,
            self.import_action, self.save_news_action, self.publish_action, self.adopt_action,
            None,
            self.demo_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        )  # fmt: skip
        self.edit_menu = self._menu(
            translate("MainWindow", "&Edit"),
            self.undo_action, self.redo_action,
            None,
            *self.new_actions.values(),
            None,
            self.edit_action, self.duplicate_action, self.member_page_action, self.delete_action,
            None,
            self.find_action,
        )  # fmt: skip
        self.view_menu = self._menu(
            translate("MainWindow", "&View"), *self.view_actions.values(), None, self.reload_action
        )
        self.tools_menu = self._menu(
            translate("MainWindow", "Data&base"), self.check_action, self.backup_action
        )
        self.help_menu = self._menu(
            translate("MainWindow", "&Help"),
            self.guide_action, self.shortcuts_action, self.documentation_action,
            None,
            self.about_action,
        )  # fmt: skip

    def _menu(self, title: str, *entries: QAction | QMenu | None) -> QMenu:
        """A menu of the menu bar: its actions and submenus in order, None for a separator."""
        menu = self.window.menuBar().addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)
        return menu

    def update_undo(self, *_changed: object) -> None:
        # The stack clears itself, and says so, while the window is being destroyed.
        if not isValid(self.window.undo_stack) or not isValid(self.undo_action):
            return
        stack = self.window.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_text, redo_text = stack.undoText(), stack.redoText()
        self.undo_action.setText(
            translate("MainWindow", "&Undo {0}").format(undo_text)
            if undo_text
            else translate("MainWindow", "&Undo")
        )
        self.redo_action.setText(
            translate("MainWindow", "&Redo {0}").format(redo_text)
            if redo_text
            else translate("MainWindow", "&Redo")
        )

    def update(self) -> None:
        """Enable what the open lab and the current view's selection allow."""
        window = self.window
        has_database = window.database is not None
        for action in (
            *self.new_actions.values(),
            self.reload_action,
            self.import_action,
            self.save_news_action,
            self.publish_action,
            self.adopt_action,
            self.settings_action,
            self.check_action,
        ):
            action.setEnabled(has_database)
        self.backup_action.setEnabled(
            window.database is not None and window.database.path is not None
        )
        for records_view in window.built_records_views():
            records_view.add_button.setEnabled(has_database)
        members = window.built_records_view("members")
        if members is not None:
            # The Members view offers the page on its rows once it is built.
            members.add_row_action(self.member_page_action)
        # Only a built view can have a selection: asking must not build it.
        name = window.current_view()
        current = window.built_records_view(name)
        chosen = len(current.selected_records()) if current is not None else 0
        self.edit_action.setEnabled(chosen >= 1)
        self.duplicate_action.setEnabled(chosen >= 1 and name == "papers")
        self.member_page_action.setEnabled(chosen >= 1 and name == "members")
        self.delete_action.setEnabled(chosen >= 1)
        if current is not None and chosen > 1:
            self.delete_action.setText(
                translate("MainWindow", "&Delete {0} {1}").format(chosen, current.noun)
            )
        else:
            self.delete_action.setText(translate("MainWindow", "&Delete"))
        self.view_actions[name].setChecked(True)
        self.update_undo()
