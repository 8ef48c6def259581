"""The import wizard's pages: the file to read, the plan to review, the import running."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import error_color
from labnews.gui.models.plan import PlanRowsModel
from labnews.gui.widgets import button
from labnews.io.importers import ImportKind, detect_kind, import_kind

if TYPE_CHECKING:
    from labnews.gui.dialogs.import_wizard import ImportWizard


def wrapped_label(text_format: Qt.TextFormat) -> QLabel:
    """An empty label that wraps its lines, for text the wizard sets as it goes."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(text_format)
    return label


class WizardStep(QWizardPage):
    """A page of the import wizard, which asks the wizard to plan, count and import."""

    def __init__(self, wizard: ImportWizard, title: str, subtitle: str = "") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)


class SourcePage(WizardStep):
    """The file or folder to import, and what it holds (detected from its name)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            self.tr("What to import"),
            self.tr(
                "A news page (Markdown, HTML or text, or a folder of al-folio _news files), a "
                "BibTeX file, or a CSV or JSON table. Nothing changes until you confirm."
            ),
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("A file or folder; or drop one on the window"))
        self.path.setClearButtonEnabled(True)
        self.path.textChanged.connect(self._path_changed)
        self.file_button = button(
            self.tr("Choose a fi&le…"),
            self.tr("A news page, a .bib file, a .csv or .json table"),
            self._choose_file,
        )
        self.folder_button = button(
            self.tr("Choose a f&older…"), self.tr("An al-folio _news folder"), self._choose_folder
        )
        self.kind = ChoiceBox(
            (
                (self.tr("a news page"), "news"),
                (self.tr("BibTeX"), "bibtex"),
                (self.tr("a CSV or JSON table"), "table"),
            )
        )
        self.kind.setToolTip(self.tr("Found from the file's name; change it if it is wrong"))
        self.kind.currentIndexChanged.connect(self.completeChanged)
        self.problem = wrapped_label(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(f"color: {error_color(self.palette()).name()};")
        self.problem.setVisible(False)
        path_label = QLabel(self.tr("&File or folder:"))
        path_label.setBuddy(self.path)
        kind_label = QLabel(self.tr("&Read it as:"))
        kind_label.setBuddy(self.kind)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.folder_button)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(path_label)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(kind_label)
        layout.addLayout(kind_row)
        layout.addSpacing(8)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def chosen_path(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def chosen_kind(self) -> ImportKind | None:
        value = self.kind.value()
        return import_kind(value) if isinstance(value, str) else None

    def _path_changed(self) -> None:
        self.problem.setVisible(False)
        path = self.chosen_path()
        if path is not None:
            kind = detect_kind(path)
            if kind is not None:
                self.kind.set_value(kind)
        self.completeChanged.emit()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a file"),
            str(self.chosen_path() or Path.home()),
            self.tr(
                "Lab records (*.md *.markdown *.html *.htm *.txt *.bib *.csv *.json);;All files (*)"
            ),
        )
        if path:
            self.path.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder of news files"), str(self.chosen_path() or Path.home())
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        path = self.chosen_path()
        return path is not None and path.exists() and self.chosen_kind() is not None

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)

    def validatePage(self) -> bool:
        return self._wizard.make_plan()


class ReviewPage(WizardStep):
    """The plan: what would be created, matched, skipped, warned about; each row can change."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(
            wizard,
            self.tr("What the import would do"),
            self.tr(
                "Untick what should not come in; double-click a venue or a member's match to "
                "change it. The database changes only when you press Import."
            ),
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.summary = wrapped_label(Qt.TextFormat.RichText)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.models: list[PlanRowsModel[object]] = []

    def isComplete(self) -> bool:
        counts = self._wizard.counts()
        return not counts["errors"] and any(
            counts[k] for k in ("papers", "members", "venues", "achievements", "pins", "labels")
        )


class ApplyPage(WizardStep):
    """The import running: a progress bar and Cancel; then what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Importing"))
        self.status = wrapped_label(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.result = wrapped_label(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addSpacing(10)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._wizard.start_import()

    def isComplete(self) -> bool:
        return self._wizard.outcome is not None
