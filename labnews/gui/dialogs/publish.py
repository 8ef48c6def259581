"""The confirmation before publishing: the homepage file's diff, then Publish or Cancel."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from labnews.io.homepage import Publication


class DiffHighlighter(QSyntaxHighlighter):
    """Added lines green, removed lines red, hunk headers muted: a diff as people read one."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        self.added = QTextCharFormat()
        self.added.setBackground(QColor("#1f3d2a" if dark else "#e6ffec"))
        self.removed = QTextCharFormat()
        self.removed.setBackground(QColor("#4a2228" if dark else "#ffebe9"))
        self.header = QTextCharFormat()
        self.header.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))

    def highlightBlock(self, text: str) -> None:
        if text.startswith(("+++", "---", "@@")):
            self.setFormat(0, len(text), self.header)
        elif text.startswith("+"):
            self.setFormat(0, len(text), self.added)
        elif text.startswith("-"):
            self.setFormat(0, len(text), self.removed)


class PublishDialog(QDialog):
    """Shows what publishing would change in the homepage file and asks before writing."""

    def __init__(self, parent: QWidget | None, publication: Publication) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish into the homepage"))
        self.setModal(True)
        diff = publication.diff()
        lines = diff.splitlines()
        added = sum(1 for x in lines if x.startswith("+") and not x.startswith("+++"))
        removed = sum(1 for x in lines if x.startswith("-") and not x.startswith("---"))
        heading = QLabel(
            self.tr("Publish the news into <b>{0}</b>?").format(
                publication.path.name.replace("&", "&amp;").replace("<", "&lt;")
            )
        )
        where = QLabel(str(publication.path))
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        note = QLabel(
            self.tr(
                "Only the block between the labnews markers changes ({0} lines added, {1} "
                "removed). The file as it is now is kept as {2}."
            ).format(added, removed, publication.path.name + ".bak")
        )
        note.setWordWrap(True)
        self.diff = QPlainTextEdit(diff)
        self.diff.setReadOnly(True)
        # News lines are long: wrapped, the whole change reads without a sideways scroll.
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.diff.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff.setTabChangesFocus(True)
        self._highlighter = DiffHighlighter(self.diff.document(), self.palette())
        diff_label = QLabel(self.tr("&Changes:"))
        diff_label.setBuddy(self.diff)
        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(
            self.tr("&Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.publish_button.setToolTip(self.tr("Write the file (the previous one becomes .bak)"))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.publish_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addWidget(note)
        layout.addSpacing(6)
        layout.addWidget(diff_label)
        layout.addWidget(self.diff, 1)
        layout.addWidget(self.buttons)
        self.resize(self.roomy_size())

    def roomy_size(self) -> QSize:
        """Room for a long diff: 160 columns by 40 lines, within 85% of the screen."""
        metrics = QFontMetrics(self.diff.font())
        wanted = QSize(metrics.horizontalAdvance("x") * 160, metrics.lineSpacing() * 40)
        wanted = wanted.expandedTo(QSize(900, 560))
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableGeometry().size() * 0.85)
        return wanted

    @classmethod
    def ask(cls, parent: QWidget | None, publication: Publication) -> bool:
        """Show the changes; True when the user chose to publish."""
        dialog = cls(parent, publication)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
