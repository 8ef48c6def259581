"""Tools > Check the database: the findings of ``labnews check``, and a safe repair."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import LabnewsError
from labnews.gui.messages import check_name, shown

if TYPE_CHECKING:
    from labnews.store.checks import CheckFinding
    from labnews.store.database import Database


class CheckDialog(QDialog):
    """Lists what the checks found; Repair backs up first, then fixes what is safe."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Check the database"))
        self.resize(720, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.repair_button = QPushButton(self.tr("&Repair what is safe"))
        self.repair_button.setToolTip(
            self.tr("Takes a backup first, then repairs in one step; the rest is left to you")
        )
        self.repair_button.clicked.connect(self.repair)
        self.buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.findings: list[CheckFinding] = []
        self.run_checks()

    @classmethod
    def run(cls, parent: QWidget, database: Database) -> None:
        dialog = cls(database, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    @property
    def problems(self) -> list[CheckFinding]:
        return [f for f in self.findings if not f.note]

    def run_checks(self) -> None:
        from labnews.store import checks

        try:
            with self.database.session() as session:
                self.findings = checks.run_checks(session, is_sqlite=self.database.is_sqlite)
        except LabnewsError as error:
            self.findings = []
            self.summary.setText(
                self.tr("The checks could not run: {0}").format(shown(error.message))
            )
            self.repair_button.setEnabled(False)
            return
        problems = self.problems
        if problems:
            self.summary.setText(self.tr("{0} problems found.").format(len(problems)))
        else:
            self.summary.setText(self.tr("No problems found."))
        self.details.setPlainText("\n".join(self.finding_text(f) for f in self.findings))
        self.repair_button.setEnabled(any(f.fixable for f in problems))

    def finding_text(self, finding: CheckFinding) -> str:
        """One finding as a line in the interface language: "problem: featured member: ..."."""
        line = (self.tr("note: {0}: {1}") if finding.note else self.tr("problem: {0}: {1}")).format(
            check_name(finding.check), shown(finding.message)
        )
        return line + (self.tr(" (Repair fixes it)") if finding.fixable else "")

    def repair(self) -> None:
        from labnews.store import backup, checks

        try:
            if self.database.path is not None:
                backup.backup_before(self.database.path, "pre-fix")
            with self.database.session(write=True) as session:
                done = checks.repair(session)
        except LabnewsError as error:
            self.summary.setText(self.tr("Nothing repaired: {0}").format(shown(error.message)))
            return
        self.run_checks()
        repaired = "\n".join(self.tr("fixed: {0}").format(shown(line)) for line in done)
        self.details.setPlainText(f"{repaired}\n{self.details.toPlainText()}".strip())
