"""The overview: each year's paper tally, until the chart and the year's news arrive."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from labnews.core.records import YearTally
from labnews.core.tally import summary_line


class OverviewView(QScrollArea):
    """The lab's name and one tally line per year, newest first, as ``labnews summary`` says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        page.setBackgroundRole(QPalette.ColorRole.Base)
        page.setAutoFillBackground(True)
        self.lab = QLabel()
        font = QFont(self.lab.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.lab.setFont(font)
        self.lab.setTextFormat(Qt.TextFormat.PlainText)
        self.caption = QLabel(self.tr("Accepted papers per year, as the yearly tally counts them"))
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tally = QLabel()
        self.tally.setTextFormat(Qt.TextFormat.RichText)
        self.tally.setWordWrap(True)
        self.tally.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tally.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.coming = QLabel(
            self.tr(
                "A chart of papers per year by venue, and each year's news as it will be "
                "published, are coming to this page."
            )
        )
        self.coming.setWordWrap(True)
        self.coming.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(self.lab)
        layout.addWidget(self.caption)
        layout.addSpacing(12)
        layout.addWidget(self.tally)
        layout.addSpacing(16)
        layout.addWidget(self.coming)
        layout.addStretch(1)
        self.setWidget(page)
        self._lines: list[str] = []
        self.show_tallies("", ())

    def show_tallies(self, lab_name: str, tallies: Sequence[YearTally]) -> None:
        """Show the lab's name and its tally lines (``2024: 19 papers (5 CVPR, ...)``)."""
        self.lab.setText(lab_name or self.tr("Your lab"))
        self._lines = [summary_line(t) for t in tallies]
        if not tallies:
            self.tally.setText(
                html.escape(self.tr("No papers yet: add one with New acceptance (Ctrl+N)."))
            )
            return
        rows = []
        for tally in tallies:
            year, _, rest = summary_line(tally).partition(": ")
            rows.append(
                "<tr>"
                f'<td style="padding: 6px 24px 6px 0; font-size: large;"><b>{year}</b></td>'
                f'<td style="padding: 6px 0;">{html.escape(rest)}</td>'
                "</tr>"
            )
        self.tally.setText(f"<table>{''.join(rows)}</table>")

    def lines(self) -> list[str]:
        """The tally lines shown, one per year, newest first."""
        return list(self._lines)
