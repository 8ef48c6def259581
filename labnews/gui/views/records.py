"""The records views' shared parts: a fast table, a debounced search, a context menu, a detail
pane beside the table and an undo bar after a delete."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from labnews.gui.models.records import RecordsModel
from labnews.gui.views.detail import DetailPane, open_link, pane_action, pane_spec, window_commit
from labnews.gui.views.empty import EmptyHint

if TYPE_CHECKING:
    from labnews.gui.main_window import MainWindow

R = TypeVar("R")

SEARCH_DELAY_MS = 150
"""How long typing must pause before the table filters: each keystroke would be wasted work."""
UNDO_BAR_MS = 12_000
"""How long the undo bar stays after a delete (the next change hides it sooner)."""


def record_name(record: object) -> str:
    """What the undo bar calls a record: its title, name or short name."""
    for attribute in ("title", "name", "short"):
        value = getattr(record, attribute, None)
        if value:
            return str(value)
    return ""


class UndoBar(QFrame):
    """A strip under the table after a delete: what went, and Undo; it hides itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Hide this bar"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_BAR_MS)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()
        self.timer.start()


class RecordTable(QTableView):
    """A table of records: whole rows, fixed row heights, Return or a double-click opens a row."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        # Fixed heights: Qt never measures rows, so 100,000 of them cost nothing to lay out.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setStretchLastSection(True)
        columns.setSectionsMovable(True)
        columns.setSortIndicatorShown(True)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(lambda _index: self.open_requested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class RecordsView(QWidget, Generic[R]):
    """A search box and buttons over a table of one kind of record, with the usual actions.

    The view only asks: it emits what the user wants (add, edit, duplicate, remove) and the
    window does it, so every change goes through the undo history.
    """

    add_requested = Signal()
    edit_requested = Signal(object)
    duplicate_requested = Signal(object)
    remove_requested = Signal(object)
    selection_changed = Signal()

    def __init__(
        self,
        model: RecordsModel[R],
        *,
        kind: str,
        sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
        can_duplicate: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.kind = kind
        self.window_: MainWindow | None = None
        self.noun = ""
        self._nouns = ("", "")
        self.can_duplicate = can_duplicate
        # The window's actions on the chosen row beyond editing (a member's page, say).
        self.row_actions: list[QAction] = []
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Filters as you type (Ctrl+F)"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.count_label = QLabel()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_requested)
        self.table = RecordTable()
        self.table.setModel(model)
        # Qt's default indicator is the first column, descending; each view says its own.
        self.table.horizontalHeader().setSortIndicator(*sort)
        self.table.setSortingEnabled(True)
        self.table.open_requested.connect(self.edit_current)
        self.table.customContextMenuRequested.connect(self._context_menu)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self.selection_changed)
        model.modelReset.connect(self._update_count)
        model.modelReset.connect(self.selection_changed)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search, 2)
        self.bar_filters = QHBoxLayout()
        self.bar.addLayout(self.bar_filters)
        self.bar.addStretch(1)
        self.bar.addWidget(self.count_label)
        self.bar.addWidget(self.add_button)
        # With no records at all the table gives way to a hint and the buttons that fill it;
        # a search that matches nothing keeps the (empty) table, since the records are there.
        self.empty_hint = EmptyHint()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_hint)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._show_hint_if_empty)
        self.detail = DetailPane(pane_spec(kind))
        self.detail.link_activated.connect(open_link)
        self.selection_changed.connect(self._show_detail)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.undo_bar = UndoBar()
        self.undo_bar.undo_button.clicked.connect(self._undo_delete)
        self._undo_index = -1
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.undo_bar)
        self._show_hint_if_empty()

    def bind_window(self, window: MainWindow) -> None:
        """Edit in the detail pane and undo a delete through the window's history."""
        self.window_ = window
        self.detail.commit = window_commit(window)
        action = pane_action(window)
        self.detail.setVisible(action.isChecked())
        action.toggled.connect(self.detail.setVisible)
        # Any later change (or the undo itself) makes the bar's Undo mean something else.
        window.undo_stack.indexChanged.connect(self._history_moved)

    def _show_detail(self) -> None:
        record = self.current_record()
        facts: list[tuple[str, str]] = []
        current = self.table.currentIndex().row()
        if record is not None and not (current >= 0 and self.model.record_at(current) is record):
            # A pass over the visible rows only when the current row is not the chosen one.
            rows = self.model.rows_of([self.model.record_id(record)])
            current = rows[0] if rows else -1
        if record is not None and current >= 0:
            for column in range(self.model.columnCount()):
                label = self.model.headerData(column, Qt.Orientation.Horizontal)
                text = self.model.index(current, column).data()
                facts.append((str(label), str(text or "")))
        self.detail.show_record(record, facts)

    def set_texts(
        self, *, nouns: tuple[str, str], add: str, add_tip: str, search: str, empty: str
    ) -> None:
        """The words for one kind of record: nouns, New button, search hint, empty view's hint."""
        self._nouns = nouns
        self.noun = nouns[1]
        self.add_button.setText(add)
        self.add_button.setToolTip(add_tip)
        self.search.setPlaceholderText(search)
        self.empty_hint.set_text(empty)
        self._update_count()

    def set_empty_actions(self, actions: Sequence[QAction]) -> None:
        """The window's actions that fill an empty view, offered as buttons under the hint."""
        self.empty_hint.set_actions(actions)

    def add_row_action(self, action: QAction) -> None:
        """Offer one of the window's actions on the chosen row in the context menu and as a
        button beside New (the action says when it is enabled); offered once however asked."""
        if action in self.row_actions:
            return
        self.row_actions.append(action)
        button = QToolButton()
        button.setDefaultAction(action)
        self.bar.insertWidget(self.bar.indexOf(self.add_button), button)

    def is_empty(self) -> bool:
        """True while there are no records at all (not merely none that match the search)."""
        return not self.model.records

    def _show_hint_if_empty(self) -> None:
        self.stack.setCurrentWidget(self.empty_hint if self.is_empty() else self.table)

    # --- search -----------------------------------------------------------------------------

    def apply_search(self) -> None:
        """Filter by the search box now (typing waits for a pause first)."""
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.records)
        noun = self._nouns[0] if total == 1 else self._nouns[1]
        number = self.locale().toString  # "100,000" in English, as the locale writes it
        if shown == total:
            text = self.tr("{0} {1}").format(number(total), noun)
        else:
            text = self.tr("{0} of {1} {2}").format(number(shown), number(total), noun)
        self.count_label.setText(text)

    # --- selection --------------------------------------------------------------------------

    def selected_records(self) -> list[R]:
        """The selected records, in the table's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record_at(row) for row in rows]

    def current_record(self) -> R | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.record_at(index.row())
        chosen = self.selected_records()
        return chosen[0] if chosen else None

    def select_ids(self, ids: Iterable[int]) -> None:
        """Select the rows of these records (those not filtered out) and show the first."""
        rows = self.model.rows_of(ids)
        if not rows:
            return
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last_column))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        model = self.table.selectionModel()
        model.select(selection, flags)
        model.setCurrentIndex(
            self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.table.scrollTo(self.model.index(rows[0], 0))

    # --- actions ----------------------------------------------------------------------------

    def edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.edit_requested.emit(record)

    def duplicate_current(self) -> None:
        record = self.current_record()
        if record is not None and self.can_duplicate:
            self.duplicate_requested.emit(record)

    def remove_selected(self) -> None:
        """Ask the window to delete the selected records; then offer Undo in a bar."""
        records = self.selected_records()
        if not records:
            return
        window = self.window_
        before = window.undo_stack.index() if window is not None else -1
        self.remove_requested.emit(tuple(records))
        if window is None or window.undo_stack.index() <= before:
            return  # refused (the window said why), or nothing was done
        self._undo_index = window.undo_stack.index()
        if len(records) == 1:
            text = self.tr("Deleted “{0}”.").format(record_name(records[0]))
        else:
            text = self.tr("Deleted {0} {1}.").format(len(records), self.noun)
        self.undo_bar.show_message(text)

    def _history_moved(self, index: int) -> None:
        if index != self._undo_index:
            self._undo_index = -1
            self.undo_bar.hide()

    def _undo_delete(self) -> None:
        window = self.window_
        if window is not None and window.undo_stack.index() == self._undo_index:
            window.undo()
        self.undo_bar.hide()

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu for the selected rows: Edit, the row actions, Duplicate, Delete, and New."""
        menu = QMenu(self)
        count = len(self.selected_records())
        edit = QAction(self.tr("&Edit…"), menu)
        edit.setEnabled(count >= 1)
        edit.triggered.connect(self.edit_current)
        menu.addAction(edit)
        for action in self.row_actions:
            menu.addAction(action)
        if self.can_duplicate:
            duplicate = QAction(self.tr("Dupli&cate…"), menu)
            duplicate.setEnabled(count >= 1)
            duplicate.triggered.connect(self.duplicate_current)
            menu.addAction(duplicate)
        remove = QAction(
            self.tr("&Delete")
            if count <= 1
            else self.tr("&Delete {0} {1}").format(count, self.noun),
            menu,
        )
        remove.setEnabled(count >= 1)
        remove.triggered.connect(self.remove_selected)
        menu.addAction(remove)
        menu.addSeparator()
        add = QAction(self.add_button.text(), menu)
        add.triggered.connect(self.add_requested)
        menu.addAction(add)
        return menu

    # --- remembered layout ------------------------------------------------------------------

    def set_column_widths(self, widths: Sequence[int]) -> None:
        """Starting widths, in average characters, for a first run with nothing remembered."""
        char = self.fontMetrics().averageCharWidth()
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in enumerate(widths):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # Room for the title and the sort arrow beside it, whatever the language.
            needed = metrics.horizontalAdvance(title) + 4 * char + 16
            header.resizeSection(column, max(width * char + 16, needed))

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> bool:
        header = self.table.horizontalHeader()
        if not header.restoreState(state):
            return False
        # restoreState brings the sort indicator back; the model must sort to match it.
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return True
