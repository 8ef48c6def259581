"""The dialog for a record someone else changed while it was being edited."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from labnews.core.errors import ConflictError
from labnews.gui.messages import capitalised, shown


class ConflictDialog(QMessageBox):
    """Says that someone else changed the record, and offers to reload what is shown."""

    def __init__(self, parent: QWidget | None, error: ConflictError) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("ConflictDialog", "Changed by someone else"))
        self.setText(translate("ConflictDialog", "Someone else changed this record meanwhile."))
        # The store's sentence names the record and says what to do.
        self.setInformativeText(capitalised(shown(error.message)) + ".")
        self.reload_button = self.addButton(
            translate("ConflictDialog", "&Reload"), QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.reload_button)

    @classmethod
    def ask(cls, parent: QWidget | None, error: ConflictError) -> bool:
        """Show the dialog; True when the user chose to reload."""
        dialog = cls(parent, error)
        try:
            dialog.exec()
            return dialog.clickedButton() is dialog.reload_button
        finally:
            dialog.deleteLater()
