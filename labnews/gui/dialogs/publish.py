"""The confirmation before publishing: the homepage's diff, then Publish or Cancel.

Into one file the dialog only asks; into a site's checkout it also publishes (and commits,
when asked) itself, so git's refusal or its one-line result shows where the choice was made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
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
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import LabnewsError
from labnews.gui.dialogs.forms import error_color
from labnews.io.homepage import Publication
from labnews.io.site import SitePlan

SiteAction = Callable[[bool], str]
"""Publish the plan (committing it when True); the line that says what happened."""


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


class DiffView(QPlainTextEdit):
    """A unified diff, read-only, wrapped and highlighted, with room for a long one."""

    def __init__(self, diff: str) -> None:
        super().__init__(diff)
        self.setReadOnly(True)
        # News lines are long: wrapped, the whole change reads without a sideways scroll.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabChangesFocus(True)
        self._highlighter = DiffHighlighter(self.document(), self.palette())

    def roomy_size(self) -> QSize:
        """Room for a long diff: 160 columns by 40 lines, within 85% of the screen."""
        metrics = QFontMetrics(self.font())
        wanted = QSize(metrics.horizontalAdvance("x") * 160, metrics.lineSpacing() * 40)
        wanted = wanted.expandedTo(QSize(900, 560))
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableGeometry().size() * 0.85)
        return wanted


class DiffDialog(QDialog):
    """A change shown before it is made: what and where, a note, the diff; then do it or Cancel.

    Subclasses lay out their own widgets between the diff and the buttons with ``finish``.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        heading: str,
        where: str,
        note: str,
        diff: str,
        go: tuple[str, str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        heading_label = QLabel(heading)
        where_label = QLabel(where)
        where_label.setTextFormat(Qt.TextFormat.PlainText)
        where_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note = QLabel(note)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.diff = DiffView(diff)
        diff_label = QLabel(self.tr("&Changes:"))
        diff_label.setBuddy(self.diff)
        self.buttons = QDialogButtonBox()
        go_text, go_tip = go
        self.go_button = self.buttons.addButton(go_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setToolTip(go_tip)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.go_button.setDefault(True)
        self.body = QVBoxLayout(self)
        for widget in (heading_label, where_label, self.note):
            self.body.addWidget(widget)
        self.body.addSpacing(6)
        self.body.addWidget(diff_label)
        self.body.addWidget(self.diff, 1)

    def finish(self, *below_diff: QWidget) -> None:
        """Add the subclass's widgets under the diff, then the buttons; size for the diff."""
        for widget in below_diff:
            self.body.addWidget(widget)
        self.body.addWidget(self.buttons)
        self.resize(self.diff.roomy_size())


class PublishDialog(DiffDialog):
    """Shows what publishing would change in the homepage file and asks before writing."""

    def __init__(
        self,
        parent: QWidget | None,
        publication: Publication | SitePlan,
        action: SiteAction | None = None,
    ) -> None:
        diff = publication.diff()
        lines = diff.splitlines()
        added = sum(1 for x in lines if x.startswith("+") and not x.startswith("+++"))
        removed = sum(1 for x in lines if x.startswith("-") and not x.startswith("---"))
        if isinstance(publication, SitePlan):
            target = publication.site
            files = len(dict.fromkeys(c.relative for c in publication.changes))
            heading_text = self.tr("Publish into the homepage site <b>{0}</b>?")
            note_text = self.tr(
                "{0} files of labnews's change ({1} lines added, {2} removed): {3}. Everything "
                "else in the site stays as it is; each file is written whole or not at all."
            ).format(files, added, removed, publication.summary())
            where_text = f"{target}  ·  {publication.theme.title}"
        else:
            target = publication.path
            heading_text = self.tr("Publish the news into <b>{0}</b>?")
            note_text = self.tr(
                "Only the block between the labnews markers changes ({0} lines added, {1} "
                "removed). The file as it is now is kept as {2}."
            ).format(added, removed, target.name + ".bak")
            where_text = str(target)
        super().__init__(
            parent,
            self.tr("Publish into the homepage"),
            heading_text.format(target.name.replace("&", "&amp;").replace("<", "&lt;")),
            where_text,
            note_text,
            diff,
            (
                self.tr("&Publish"),
                self.tr("Write the changed files into the site")
                if action is not None
                else self.tr("Write the file (the previous one becomes .bak)"),
            ),
        )
        self.action = action
        self.result_line: str | None = None
        self.publish_button = self.go_button
        # Git's word (its refusal, or the commit made) shows here, in plain text.
        self.outcome = QLabel()
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setVisible(False)
        self.commit_box = QCheckBox(self.tr("Commit in &git"))
        self.commit_box.setToolTip(
            self.tr(
                "One commit of the files labnews writes, as `labnews publish --commit` makes "
                "(refused when one of them holds changes of yours not yet committed)"
            )
        )
        self.commit_box.setVisible(action is not None)
        self.finish(self.commit_box, self.outcome)

    def accept(self) -> None:
        """Into a site: publish here, and keep the dialog open to show what happened."""
        if self.action is None:
            super().accept()
            return
        try:
            line = self.action(self.commit_box.isChecked())
        except LabnewsError as error:
            self.show_result(error.message, failed=True)
            return
        self.result_line = line
        self.show_result(line, failed=False)
        self.publish_button.setEnabled(False)
        self.publish_button.setVisible(False)
        self.commit_box.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def show_result(self, text: str, *, failed: bool) -> None:
        self.outcome.setText(text)
        color = error_color(self.palette()).name() if failed else ""
        self.outcome.setStyleSheet(f"color: {color};" if color else "")
        self.outcome.setVisible(True)

    @classmethod
    def ask_site(cls, parent: QWidget | None, plan: SitePlan, action: SiteAction) -> str | None:
        """Show the site's diff; the dialog publishes. The line said, or None when not published."""
        dialog = cls(parent, plan, action)
        try:
            dialog.exec()
            return dialog.result_line
        finally:
            dialog.deleteLater()

    @classmethod
    def ask(cls, parent: QWidget | None, publication: Publication) -> bool:
        """Show the changes; True when the user chose to publish."""
        dialog = cls(parent, publication)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
