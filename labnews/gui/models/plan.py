"""Tables over an import plan's rows: include boxes, and matches changed through a combo box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from labnews.gui.choice_box import ChoiceBox
from labnews.gui.models.records import ModelIndex
from labnews.gui.models.roles import (
    CHECK_ROLE,
    DISPLAY_ROLE,
    EDIT_ROLE,
    FOREGROUND_ROLE,
    ROW_FLAGS,
    TOOLTIP_ROLE,
)

T = TypeVar("T")

CHOICES_ROLE = int(Qt.ItemDataRole.UserRole) + 10
"""data() role of an editable cell: its ``[(label, value), ...]`` choices."""


@dataclass(frozen=True)
class PlanColumn(Generic[T]):
    """One column: its text, and optionally an include box or a choice the user can change."""

    header: str
    text: Callable[[T], str]
    checked: Callable[[T], bool] | None = None
    set_checked: Callable[[T, bool], None] | None = None
    choices: Callable[[T], Sequence[tuple[str, str]]] | None = None
    value: Callable[[T], str] | None = None
    set_value: Callable[[T, str], None] | None = None
    tooltip: Callable[[T], str | None] | None = None


class PlanRowsModel(QAbstractTableModel, Generic[T]):
    """Rows of an import plan (mutable row objects); edits change the rows themselves."""

    edited = Signal()
    """A box was ticked or a match changed: the plan to apply is different now."""

    def __init__(
        self,
        columns: Sequence[PlanColumn[T]],
        rows: Sequence[T] = (),
        *,
        active: Callable[[T], bool] = lambda _row: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows = list(rows)
        self._active = active
        self._muted = QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        """Show the rows again (another table's edit may change what these show)."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == DISPLAY_ROLE and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == DISPLAY_ROLE:
            return column.text(row)
        if role == CHECK_ROLE and column.checked is not None:
            return Qt.CheckState.Checked if column.checked(row) else Qt.CheckState.Unchecked
        if role == EDIT_ROLE and column.value is not None:
            return column.value(row)
        if role == CHOICES_ROLE and column.choices is not None:
            return list(column.choices(row))
        if role == TOOLTIP_ROLE and column.tooltip is not None:
            return column.tooltip(row)
        if role == FOREGROUND_ROLE and not self._active(row):
            return self._muted
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = EDIT_ROLE) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == CHECK_ROLE and column.set_checked is not None:
            state = value.value if isinstance(value, Qt.CheckState) else value
            column.set_checked(row, state == Qt.CheckState.Checked.value)
        elif role == EDIT_ROLE and column.set_value is not None and isinstance(value, str):
            column.set_value(row, value)
        else:
            return False
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1)
        )
        self.edited.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = self.columns[index.column()]
        flags = ROW_FLAGS
        if column.set_checked is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if column.set_value is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of the choices its model offers (CHOICES_ROLE)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE) or []
        editor = ChoiceBox([(str(label), str(value)) for label, value in choices], parent=parent)
        # A choice is made when picked: no extra Return needed.
        editor.activated.connect(lambda _index: self._commit(editor))
        return editor

    def _commit(self, editor: ChoiceBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, ChoiceBox):
            editor.set_value(str(index.data(EDIT_ROLE) or ""))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, ChoiceBox):
            value = editor.value()
            if isinstance(value, str):
                model.setData(index, value, EDIT_ROLE)
