"""The news view: where the lab's news, ready to paste or publish, is coming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NewsView(QWidget):
    """A placeholder until the news preview, export and publishing arrive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        heading = QLabel(self.tr("The lab's news"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(
            self.tr(
                "The news block, in every format and ready to paste or publish into the "
                "homepage, is coming to this page."
            )
        )
        text.setWordWrap(True)
        command = QLabel(self.tr("Meanwhile, the command line writes it:"))
        example = QLabel("labnews news --format yearly")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        example.setFont(mono)
        example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (command,):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(command)
        layout.addWidget(example)
        layout.addStretch(1)
