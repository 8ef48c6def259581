"""The Help menu: keyboard shortcuts, the quick guide, the documentation and About labnews."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain_text(action_or_menu_text: str) -> str:
    """A menu text as a list shows it: no mnemonic "&" (a doubled "&&" is a real one), no "…"."""
    return action_or_menu_text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as this platform writes them ("Ctrl+N", "⌘N"), comma-separated."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(keys.toString(native) for keys in action.shortcuts() if not keys.isEmpty())


def _actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _actions(submenu)
        elif not action.isSeparator():
            yield action


class ShortcutsDialog(QDialog):
    """Every menu command that has a shortcut, read from the menus so the list cannot drift."""

    def __init__(self, menus: Sequence[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(460, 520)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for menu in menus:
            rows = [(a, shortcut_text(a)) for a in _actions(menu) if shortcut_text(a)]
            if not rows:
                continue
            group = QTreeWidgetItem(self.tree, [plain_text(menu.title())])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for action, keys in rows:
                QTreeWidgetItem(group, [plain_text(action.text()), keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, shortcut) for each line of the list, as it reads."""
        found: list[tuple[str, str, str]] = []
        groups = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        for group in groups:
            assert group is not None
            items = (group.child(i) for i in range(group.childCount()))
            found.extend((group.text(0), i.text(0), i.text(1)) for i in items if i is not None)
        return found


class GuideDialog(QDialog):
    """A page on the window's views and where to start (README.md's "The window", shortened)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick guide"))
        self.resize(620, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.page())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def page(self) -> str:
        # One translatable sentence per point, so a translator never edits markup.
        points = [
            (
                self.tr("Start"),
                self.tr(
                    "The title names the database you work on. File > Open the demo lab gives "
                    "you a real lab's papers to try things on; File > Import brings in a news "
                    "page, BibTeX or a CSV/JSON table (or drop the file on the window)."
                ),
            ),
            (
                self.tr("Overview"),
                self.tr(
                    "A year's tally as a sentence, a chart of papers per year by venue (hover "
                    "for the numbers, click a bar to see its papers), the year's members, and "
                    "the news lines that are not on the homepage yet."
                ),
            ),
            (
                self.tr("Papers, Members, Venues, Achievements"),
                self.tr(
                    "Tables with search as you type and filters; sort by any column, "
                    "double-click a row to edit it, select several rows to delete them at once."
                ),
            ),
            (
                self.tr("New acceptance"),
                self.tr(
                    "Completes venues from short names, full names and aliases, matches authors "
                    "to members in either name order, and fills the news month from the venue."
                ),
            ),
            (
                self.tr("News"),
                self.tr(
                    "The news in any format and language, rendered beside the raw text: copy "
                    "it, save it, or publish it into the homepage file (you see the change "
                    "first, and the previous file is kept as .bak)."
                ),
            ),
            (
                self.tr("Safety"),
                self.tr(
                    "Every change can be undone and redone. Database > Check the database "
                    "finds damage and repairs what is safe; a verified backup is taken a few "
                    "minutes after the last change and when the window closes."
                ),
            ),
        ]
        items = "".join(
            f"<li><p><b>{escape(title)}</b>: {escape(text)}</p></li>" for title, text in points
        )
        closing = escape(self.tr("Help > Keyboard shortcuts lists every shortcut."))
        return f"<ul>{items}</ul><p>{closing}</p>"

    def text(self) -> str:
        """The guide as the reader sees it, without markup."""
        return self.browser.toPlainText()


# The window's strings keep the window's translation context ("MainWindow") here.
translate = QCoreApplication.translate


def about(parent: QWidget) -> None:
    from labnews import __version__

    QMessageBox.about(
        parent,
        translate("MainWindow", "About labnews"),
        translate(
            "MainWindow",
            "<p><b>labnews {0}</b></p><p>Keeps a research lab's accepted papers, members, "
            "venues and achievements, and writes the lab's news from them.</p>",
        ).format(__version__),
    )


def show_modal(dialog: QDialog) -> None:
    """Show an information dialog until it is closed, then let it go."""
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def show_guide(parent: QWidget) -> None:
    show_modal(GuideDialog(parent))


def show_shortcuts(window: QMainWindow) -> None:
    menus = [a.menu() for a in window.menuBar().actions()]
    show_modal(ShortcutsDialog([m for m in menus if isinstance(m, QMenu)], window))


def open_documentation(window: QMainWindow) -> None:
    """Open the README that came with labnews (the documentation), in the desktop's viewer."""
    from labnews.resources import readme

    try:
        path = readme()
    except FileNotFoundError as error:
        window.statusBar().showMessage(str(error))
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        # Nothing to hand it to: say where the documentation is, so it can be opened by hand.
        window.statusBar().showMessage(
            translate("MainWindow", "Could not open the documentation; it is at {0}").format(
                str(path)
            )
        )
