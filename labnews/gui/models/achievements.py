"""The achievements table (date, kind, title, members, organisation) and an achievement's links."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from labnews.core.records import AchievementLink, AchievementRecord
from labnews.gui.models.records import RecordsModel
from labnews.gui.models.roles import ALIGNMENT_ROLE, TOOLTIP_ROLE
from labnews.gui.words import code_of, word

translate = QCoreApplication.translate


class Column(IntEnum):
    """The achievements table's columns, in display order."""

    DATE = 0
    KIND = 1
    TITLE = 2
    MEMBERS = 3
    ORGANISATION = 4


def date_text(record: AchievementRecord) -> str:
    """``2024-06``, with a day ``2024-06-12``, known to the year only ``2023``."""
    if record.year_only:
        return str(record.date.year)
    return f"{record.date}-{record.day:02d}" if record.day else str(record.date)


class AchievementsModel(RecordsModel[AchievementRecord]):
    """Awards, talks, grants and other news as rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                translate("AchievementsModel", "Date"),
                translate("AchievementsModel", "Kind"),
                translate("AchievementsModel", "Title"),
                translate("AchievementsModel", "Members"),
                translate("AchievementsModel", "Organisation"),
            ),
            (
                date_text,
                lambda a: word("achievement kind", a.kind),
                lambda a: a.title,
                lambda a: ", ".join(m.name for m in a.members),
                lambda a: a.organisation or "",
            ),
            (
                lambda a: (a.date, a.day or 0, a.id),
                lambda a: (a.kind, a.date, a.id),
                lambda a: (a.title.casefold(), a.id),
                lambda a: (tuple(m.name.casefold() for m in a.members), a.id),
                lambda a: ((a.organisation or "").casefold(), a.id),
            ),
            parent,
        )

    def haystack(self, record: AchievementRecord) -> str:
        parts = (
            record.title,
            record.kind,
            record.organisation or "",
            record.sentence or "",
            record.role or "",
            record.description or "",
            *(m.name for m in record.members),
        )
        return "\n".join(parts).casefold()

    def record_id(self, record: AchievementRecord) -> int:
        return record.id

    def extra_data(self, record: AchievementRecord, column: int, role: int) -> Any:
        if role == ALIGNMENT_ROLE and column == Column.DATE:
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP_ROLE and column == Column.TITLE:
            return record.sentence or record.title
        return None


class LinksModel(QAbstractTableModel):
    """An achievement's links as a small editable table: kind, label, URL, in page order.

    A handful of rows, edited in place; the kind column holds the kind's name, which the dialog
    checks (link, video, embed, image).
    """

    KIND, LABEL, URL = 0, 1, 2

    def __init__(self, links: tuple[AchievementLink, ...] = (), parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[list[str]] = [[a.kind, a.label or "", a.url] for a in links]
        self._headers = (
            translate("LinksModel", "Kind"),
            translate("LinksModel", "Label"),
            translate("LinksModel", "URL"),
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        value = self._rows[index.row()][index.column()]
        if index.column() == self.KIND and role == Qt.ItemDataRole.DisplayRole:
            return word("link kind", value)  # edited as its code, shown as its word
        return value

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        # A kind is shown as its word: typed as the word or as its code, it is kept as the code.
        self._rows[index.row()][index.column()] = (
            code_of("link kind", text) if index.column() == self.KIND else text
        )
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < 3 else None
        return None

    def add_link(self, kind: str = "link", url: str = "", label: str = "") -> int:
        """Append a row; returns its number."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([kind, label, url])
        self.endInsertRows()
        return row

    def remove_link(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def links(self) -> tuple[AchievementLink, ...]:
        """The rows that hold a URL, as links (a row left without one is not a link)."""
        return tuple(
            AchievementLink(kind or "link", url, label or None)
            for kind, label, url in self._rows
            if url
        )
