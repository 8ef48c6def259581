"""Small widget helpers that the views and dialogs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QListWidget, QPushButton


def button(text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
    """A push button with its tooltip, running ``slot`` when clicked."""
    made = QPushButton(text)
    made.setToolTip(tip)
    made.clicked.connect(slot)
    return made


def move_buttons(
    earlier: tuple[str, str], later: tuple[str, str], move: Callable[[int], object]
) -> tuple[QPushButton, QPushButton]:
    """Two buttons (text and tooltip each) that move the selection one place: ``move(-1)``
    earlier, ``move(1)`` later."""
    return button(*earlier, lambda: move(-1)), button(*later, lambda: move(1))


def move_current_row(items: QListWidget, step: int) -> bool:
    """Move the current item ``step`` places, keeping it current; False when it cannot go there."""
    row = items.currentRow()
    target = row + step
    if row < 0 or not 0 <= target < items.count():
        return False
    item = items.takeItem(row)
    items.insertItem(target, item)
    items.setCurrentRow(target)
    return True
