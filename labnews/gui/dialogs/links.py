"""A paper's labelled links as a small table the paper dialog edits: label and URL, in order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labnews.core.records import PaperLink


class LinksEditor(QWidget):
    """Rows of (label, URL): [paper], [code], [demo], [slides]... in the order the list shows."""

    changed = Signal()

    def __init__(self, links: Sequence[PaperLink] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Label"), self.tr("URL")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("Add lin&k"))
        self.remove_button = QPushButton(self.tr("Remove link"))
        self.up_button = QPushButton(self.tr("Up"))
        self.add_button.clicked.connect(lambda: self.add_row("", ""))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(self.move_up)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.set_links(links)

    def set_links(self, links: Sequence[PaperLink]) -> None:
        self.table.setRowCount(0)
        for link in links:
            self.add_row(link.label, link.url)

    def add_row(self, label: str, url: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(label))
        self.table.setItem(row, 1, QTableWidgetItem(url))
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_up(self) -> None:
        row = self.table.currentRow()
        if row <= 0:
            return
        rows = self.rows()
        rows[row - 1], rows[row] = rows[row], rows[row - 1]
        self.set_links([PaperLink(label, url) for label, url in rows])
        self.table.setCurrentCell(row - 1, 0)

    def rows(self) -> list[tuple[str, str]]:
        """Every row's (label, URL) as typed, blank rows included."""
        found = []
        for row in range(self.table.rowCount()):
            label, url = self.table.item(row, 0), self.table.item(row, 1)
            found.append(
                (
                    " ".join((label.text() if label else "").split()),
                    (url.text() if url else "").strip(),
                )
            )
        return found

    def links(self) -> tuple[PaperLink, ...]:
        """The links in order; rows left wholly blank are skipped."""
        return tuple(PaperLink(label, url) for label, url in self.rows() if label or url)
