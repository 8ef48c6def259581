"""The publish dialog: roomy, and a long news line wraps instead of scrolling sideways."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from labnews.gui.dialogs.publish import PublishDialog
from labnews.io.homepage import Publication

LONG_LINE = (
    " -- **(2024/12)**: Three papers accepted to NeurIPS 2024 (Kwanyong Park, Youngwan Lee, "
    "Ham Jaeseok, Lee Seongwon, and a list of names long enough to pass any window's width) <br>"
)


def test_the_diff_is_large_and_wraps_long_lines(qtbot: QtBot, tmp_path: Path) -> None:
    publication = Publication(tmp_path / "about.md", "a\n", f"{LONG_LINE}\n" * 3)
    dialog = PublishDialog(None, publication)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = QGuiApplication.primaryScreen().availableGeometry().size()
    # Larger than the 720x420 it was, as far as the screen allows.
    assert dialog.width() >= min(900, int(screen.width() * 0.85))
    assert dialog.height() >= min(560, int(screen.height() * 0.85))
    assert dialog.diff.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert dialog.diff.horizontalScrollBar().maximum() == 0
    assert "Ham Jaeseok" in dialog.diff.toPlainText()
