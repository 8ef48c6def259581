"""What an empty view shows instead of a blank table: a short hint and the buttons that fill it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def button_text(action: QAction) -> str:
    """The action's text for a button: without the menu's mnemonic "&", which would clash."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&&")


class ActionButtons(QWidget):
    """A row of buttons, each doing one of the window's actions and following its text and state.

    The buttons trigger the actions themselves, so a button does exactly what the menu does.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []

    def set_actions(self, actions: Sequence[QAction]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for action in actions:
            button = QPushButton(button_text(action))
            button.setToolTip(action.statusTip())
            button.setEnabled(action.isEnabled())
            button.clicked.connect(lambda _checked=False, a=action: a.trigger())
            action.changed.connect(lambda a=action, b=button: self._follow(a, b))
            self._row.addWidget(button)
            self.buttons.append(button)
        self._row.addStretch(1)

    @staticmethod
    def _follow(action: QAction, button: QPushButton) -> None:
        button.setText(button_text(action))
        button.setEnabled(action.isEnabled())

    def button(self, text: str) -> QPushButton:
        """The button that reads ``text`` (for tests, and for whoever needs to focus one)."""
        return next(b for b in self.buttons if b.text() == text)


class EmptyHint(QWidget):
    """A sentence on what belongs in the view, and the buttons that put it there, centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMaximumWidth(560)
        self.actions_row = ActionButtons()
        self.actions_row.setMaximumWidth(560)
        middle = QHBoxLayout()
        middle.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.label)
        column.addSpacing(8)
        column.addWidget(self.actions_row, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addLayout(column)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.actions_row.set_actions(actions)

    @property
    def buttons(self) -> list[QPushButton]:
        return self.actions_row.buttons
