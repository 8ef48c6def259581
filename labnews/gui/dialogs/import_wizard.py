"""The import wizard: choose a file, review and change the plan, apply it in a worker thread."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from labnews.core.errors import LabnewsError
from labnews.core.records import YearMonth
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.deferred import deferred
from labnews.gui.dialogs.forms import error_color
from labnews.gui.import_choices import (
    NOT_A_MEMBER,
    AchievementRow,
    ImportChoices,
    MemberRow,
    PaperRow,
    VenueRow,
)
from labnews.gui.import_worker import (
    BATCH_SIZE,
    ImportOutcome,
    ImportWorker,
    start_worker,
)
from labnews.gui.models.achievements import kind_text as achievement_kind_text
from labnews.gui.models.plan import ChoiceDelegate, PlanColumn, PlanRowsModel
from labnews.gui.models.venues import kind_text as venue_kind_text
from labnews.gui.widgets import button
from labnews.io.importers import ImportKind, detect_kind, import_kind, plan_file
from labnews.io.plan import Finding

if TYPE_CHECKING:
    from labnews.store import queries
    from labnews.store.database import Database
else:
    queries = deferred("labnews.store.queries")


SOURCE, REVIEW, APPLY = 0, 1, 2


def _wrapped_tip(text: str) -> str:
    """A tooltip Qt wraps to a readable width: a plain-text tooltip is one line however long
    (a report line names an entry, its spelling and the reason), and is cut at the edge."""
    return f"<p>{html.escape(text)}</p>"


def plan_table(model: PlanRowsModel[object], *, stretch: int = -1) -> QTableView:
    """A table over plan rows: whole-row selection, editing by a click or F2, fixed row height."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.SelectedClicked
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    delegate = ChoiceDelegate(table)
    for number, column in enumerate(model.columns):
        if column.set_value is not None:
            table.setItemDelegateForColumn(number, delegate)
    return table


class SourcePage(QWizardPage):
    """The file or folder to import, and what it holds (detected from its name)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("What to import"))
        self.setSubTitle(
            self.tr(
                "A news page (Markdown, HTML or text, or a folder of al-folio _news files), a "
                "BibTeX file, or a CSV or JSON table. Nothing changes until you confirm."
            )
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
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
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


class ReviewPage(QWizardPage):
    """The plan: what would be created, matched, skipped, warned about; each row can change."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("What the import would do"))
        self.setSubTitle(
            self.tr(
                "Untick what should not come in; double-click a venue or a member's match to "
                "change it. The database changes only when you press Import."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.models: list[PlanRowsModel[object]] = []

    def isComplete(self) -> bool:
        counts = self._wizard.counts()
        return not counts["errors"] and any(
            counts[k] for k in ("papers", "members", "venues", "achievements", "pins")
        )


class ApplyPage(QWizardPage):
    """The import running: a progress bar and Cancel; then what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Importing"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
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


class ImportWizard(QWizard):
    """File > Import: reads a news page, BibTeX or a table into a plan, shows it, applies it.

    The plan is applied in a worker thread in one transaction, after a backup of a SQLite file;
    Cancel (or a failure) rolls the whole transaction back, so the database stays as it was.
    """

    imported = Signal(object)
    """The import ended (an ImportOutcome: done, cancelled or failed)."""
    worker_started = Signal(object)
    """An ImportWorker was made and is about to start (tests and progress hooks use it)."""

    def __init__(
        self,
        parent: QWidget | None,
        database: Database,
        path: Path | None = None,
        *,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.database = database
        self.batch_size = batch_size
        self.choices: ImportChoices | None = None
        self.worker: ImportWorker | None = None
        self.thread_: QThread | None = None
        self.outcome: ImportOutcome | None = None
        self.source_page = SourcePage(self)
        self.review_page = ReviewPage(self)
        self.apply_page = ApplyPage(self)
        self.setPage(SOURCE, self.source_page)
        self.setPage(REVIEW, self.review_page)
        self.setPage(APPLY, self.apply_page)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 130, metrics.height() * 36)
        if path is not None:
            self.source_page.path.setText(str(path))

    # --- planning -------------------------------------------------------------------------------

    def make_plan(self) -> bool:
        """Read the chosen file into a plan and fill the review page; False (and why) if not."""
        page = self.source_page
        path, kind = page.chosen_path(), page.chosen_kind()
        if path is None or kind is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.database.session() as session:
                plan = plan_file(session, kind, path)
                members = tuple(m.name for m in queries.members(session))
                records = queries.venues(session)
                venues = tuple(v.short for v in records)
                by_id = {v.id: v for v in records}
                # A workshop without a typical month of its own is dated by its conference's.
                months = {
                    v.short: v.month
                    if v.month is not None or v.parent_id not in by_id
                    else by_id[v.parent_id].month
                    for v in records
                }
        except LabnewsError as error:
            page.show_problem(error.message[:1].upper() + error.message[1:])
            return False
        except OSError as error:
            page.show_problem(self.tr("Cannot read {0}: {1}").format(path, error.strerror))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.choices = ImportChoices.of(plan, members, venues, months)
        self._fill_review()
        return True

    def counts(self) -> dict[str, int]:
        if self.choices is None:
            return dict.fromkeys(
                ("papers", "members", "venues", "achievements", "pins", "errors"), 0
            )
        return self.choices.summary()

    def _fill_review(self) -> None:
        choices = self.choices
        assert choices is not None
        page = self.review_page
        page.tabs.clear()
        page.models = []
        self.papers_model = self._papers_model(choices)
        self.members_model = self._members_model(choices)
        self.venues_model = self._venues_model(choices)
        self.achievements_model = self._achievements_model(choices)
        tables: list[tuple[PlanRowsModel[object], int]] = [
            (self.papers_model, 5),
            (self.members_model, -1),
            (self.venues_model, -1),
        ]
        if choices.achievements:
            tables.append((self.achievements_model, 3))
        for model, stretch in tables:
            model.edited.connect(self._edited)
            page.models.append(model)
            page.tabs.addTab(plan_table(model, stretch=stretch), "")
        findings = self._findings_table(choices.plan.findings)
        page.tabs.addTab(findings, self.tr("&Report ({0})").format(len(choices.plan.findings)))
        self.findings_table = findings
        self._show_summary()

    def _edited(self) -> None:
        for model in self.review_page.models:
            model.refresh()
        self._show_summary()
        self.review_page.completeChanged.emit()

    def _retitle_tabs(self, counts: dict[str, int]) -> None:
        """Tab counts that agree with the summary: what the import would create, as it stands.

        Papers counts the papers to import (a left-out one the user completes adds one);
        Venues the new venues (a venue matched to one the lab has, or no longer needed, is not
        one); Members every name, as its table lists them.
        """
        choices = self.choices
        assert choices is not None
        titles = [
            self.tr("&Papers ({0})").format(counts["papers"]),
            self.tr("&Members ({0})").format(len(choices.members)),
            self.tr("&Venues ({0})").format(counts["venues"]),
        ]
        if choices.achievements:
            titles.append(self.tr("&Achievements ({0})").format(len(choices.achievements)))
        for index, title in enumerate(titles):
            self.review_page.tabs.setTabText(index, title)

    def _show_summary(self) -> None:
        choices = self.choices
        assert choices is not None
        plan = choices.revised()
        counts = choices.summary()
        self._retitle_tabs(counts)
        years = Counter(p.news.year if p.news else p.year for p in plan.included_papers)
        by_year = ", ".join(f"{y}: {n}" for y, n in sorted(years.items(), reverse=True))
        parts = [
            self._count(
                counts["papers"],
                self.tr("<b>1 paper</b> to create"),
                self.tr("<b>{0} papers</b> to create"),
            )
            + (f" ({html.escape(by_year)})" if by_year else ""),
        ]
        # What of the source the lab holds already, so a second import says it adds nothing.
        held = [
            self.tr("{0}: already in the lab: {1}, new: {2}").format(year, present, new)
            for year, present, new in plan.by_year()
        ]
        if held:
            parts.append("; ".join(held))
        parts += [
            self._count(counts["members"], self.tr("1 new member"), self.tr("{0} new members")),
            self._count(counts["venues"], self.tr("1 new venue"), self.tr("{0} new venues")),
        ]
        if counts["achievements"]:
            parts.append(
                self._count(
                    counts["achievements"], self.tr("1 achievement"), self.tr("{0} achievements")
                )
            )
        if counts["pins"]:
            parts.append(
                self._count(
                    counts["pins"],
                    self.tr("1 tally order to pin"),
                    self.tr("{0} tally orders to pin"),
                )
            )
        warnings = len(plan.of_kind("warning", "mismatch", "duplicate"))
        skipped = len(plan.of_kind("skipped"))
        matched = len(plan.of_kind("matched"))
        parts.append(self._findings_counts(matched, skipped, warnings))
        text = (
            self.tr("From <b>{0}</b>:").format(html.escape(plan.source)) + " " + " · ".join(parts)
        )
        if counts["errors"]:
            red = error_color(self.palette()).name()
            text += "<br>" + (
                f'<span style="color: {red};">'
                + html.escape(
                    self.tr(
                        "The file has {0} errors (see the Report): fix them, then import again."
                    ).format(counts["errors"])
                )
                + "</span>"
            )
        self.review_page.summary.setText(text)

    def _findings_counts(self, matched: int, skipped: int, warnings: int) -> str:
        """ "3 matched, 0 skipped, 1 warning": English says one warning in the singular.

        The translated line is used as it is: Korean counts without number agreement
        ("경고 {2}" reads right for one). Only the untranslated English line, for one warning,
        takes its singular (a line of its own would need a translation in every language).
        """
        source = "{0} matched, {1} skipped, {2} warnings"
        text = self.tr("{0} matched, {1} skipped, {2} warnings")
        if warnings == 1 and text == source:
            text = "{0} matched, {1} skipped, {2} warning"
        return text.format(matched, skipped, warnings)

    @staticmethod
    def _count(count: int, one: str, many: str) -> str:
        """The sentence for ``count`` things: the singular one for 1, else the plural filled in."""
        return one if count == 1 else many.format(count)

    # --- the review tables ----------------------------------------------------------------------

    def _papers_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def venue_choices(_row: PaperRow) -> list[tuple[str, str]]:
            return [(short, short) for short in choices.venue_choices()]

        def set_include(row: PaperRow, value: bool) -> None:
            choices.set_paper_included(row, value)

        def set_venue(row: PaperRow, value: str) -> None:
            choices.set_paper_venue(row, value)

        def month_choices(row: PaperRow) -> list[tuple[str, str]]:
            # The edition's year and the years either side: a paper's news can come the year
            # before (accepted in autumn for a winter conference) or after (a journal).
            year = row.paper.year
            months = [
                str(YearMonth(y, m)) for y in (year - 1, year, year + 1) for m in range(1, 13)
            ]
            return [(month, month) for month in months]

        def set_month(row: PaperRow, value: str) -> None:
            choices.set_paper_news(row, YearMonth.parse(value, field="news month"))

        # The paper dialog's words for a paper without a news month, already translated.
        no_month = QCoreApplication.translate("PaperDialog", "no usual month: set the news month")
        month_tip = QCoreApplication.translate(
            "PaperDialog", "The month of the news line; filled in from the venue's usual month"
        )
        venue_tip = self.tr("Double-click (or F2) to choose another venue")

        def month_text(row: PaperRow) -> str:
            if row.news is not None:
                return str(row.news)
            return no_month if choices.lacks(row) == "month" else ""

        def venue_text(row: PaperRow) -> str:
            return "" if choices.lacks(row) == "venue" else row.venue

        def why_left_out(row: PaperRow, otherwise: str) -> str:
            """A left-out paper's reason (as the Report gives it), else the column's tip."""
            if row.problem and choices.lacks(row):
                return _wrapped_tip(row.problem)
            return otherwise

        def authors(row: PaperRow) -> str:
            return ", ".join(a.written for a in row.paper.authors)

        columns: list[PlanColumn[PaperRow]] = [
            PlanColumn(
                self.tr("Import"),
                lambda _row: "",
                checked=lambda row: row.include,
                set_checked=set_include,
                tooltip=lambda row: why_left_out(row, self.tr("Untick to leave this paper out")),
            ),
            PlanColumn(self.tr("Line"), lambda row: str(row.paper.line or "")),
            PlanColumn(
                self.tr("News month"),
                month_text,
                choices=month_choices,
                value=lambda row: str(row.news) if row.news else "",
                set_value=set_month,
                tooltip=lambda row: why_left_out(row, month_tip),
            ),
            PlanColumn(
                self.tr("Venue"),
                venue_text,
                choices=venue_choices,
                value=lambda row: row.venue,
                set_value=set_venue,
                tooltip=lambda row: why_left_out(row, venue_tip),
            ),
            PlanColumn(self.tr("Year"), lambda row: str(row.paper.year)),
            PlanColumn(
                self.tr("Title"),
                lambda row: row.paper.title or self.tr("(title unknown)"),
                tooltip=lambda row: row.paper.title or None,
            ),
            PlanColumn(self.tr("Authors"), authors, tooltip=authors),
        ]
        return self._model(columns, choices.papers, active=lambda row: row.include)

    def _member_choice_label(self, kind: str, value: str) -> str:
        if kind == "new":
            return self.tr("a new member “{0}”").format(value)
        if kind == "none":
            return self.tr("not a member (a plain name)")
        return value

    def _members_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def member_choices(row: MemberRow) -> list[tuple[str, str]]:
            return [
                (self._member_choice_label(kind, value), value)
                for kind, value in choices.member_choices(row)
            ]

        def becomes(row: MemberRow) -> str:
            if row.target == NOT_A_MEMBER and row.maybe:
                return self.tr("maybe a person: tick to make a member")
            if row.target == NOT_A_MEMBER:
                return self._member_choice_label("none", "")
            if row.is_new and row.target == row.name:
                return self._member_choice_label("new", row.name)
            return row.target

        def set_target(row: MemberRow, value: str) -> None:
            row.target = value

        def set_member(row: MemberRow, value: bool) -> None:
            row.target = (row.name if row.is_new else row.target or row.name) if value else ""

        columns: list[PlanColumn[MemberRow]] = [
            PlanColumn(
                self.tr("Member"),
                lambda _row: "",
                checked=lambda row: row.target != NOT_A_MEMBER,
                set_checked=set_member,
                tooltip=lambda _row: self.tr("Untick to keep this name as a plain author name"),
            ),
            PlanColumn(self.tr("Name"), lambda row: row.name),
            PlanColumn(self.tr("Written as"), lambda row: ", ".join(row.written)),
            PlanColumn(self.tr("Papers"), lambda row: str(row.papers)),
            PlanColumn(
                self.tr("Becomes"),
                becomes,
                choices=member_choices,
                value=lambda row: row.target,
                set_value=set_target,
                tooltip=lambda _row: self.tr(
                    "Double-click (or F2) to match this name to another member"
                ),
            ),
        ]
        return self._model(columns, choices.members, active=lambda row: row.target != NOT_A_MEMBER)

    def _venues_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def venue_choices(row: VenueRow) -> list[tuple[str, str]]:
            return [(self.tr("a new venue “{0}”").format(row.short), row.short)] + [
                (short, short) for short in choices.existing_venues
            ]

        def becomes(row: VenueRow) -> str:
            if row.target == row.short:
                return self.tr("a new venue “{0}”").format(row.short)
            return row.target

        def set_target(row: VenueRow, value: str) -> None:
            row.target = value

        columns: list[PlanColumn[VenueRow]] = [
            PlanColumn(self.tr("Short name"), lambda row: row.short),
            PlanColumn(self.tr("Kind"), lambda row: venue_kind_text(row.kind)),
            PlanColumn(self.tr("Part of"), lambda row: row.parent or ""),
            PlanColumn(self.tr("Papers"), lambda row: str(row.papers)),
            PlanColumn(
                self.tr("Becomes"),
                becomes,
                choices=venue_choices,
                value=lambda row: row.target,
                set_value=set_target,
                tooltip=lambda _row: self.tr(
                    "Double-click (or F2) to put these papers under a venue you already have"
                ),
            ),
        ]
        return self._model(columns, choices.venues)

    def _achievements_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def set_include(row: AchievementRow, value: bool) -> None:
            row.include = value

        columns: list[PlanColumn[AchievementRow]] = [
            PlanColumn(
                self.tr("Import"),
                lambda _row: "",
                checked=lambda row: row.include,
                set_checked=set_include,
            ),
            PlanColumn(self.tr("Date"), lambda row: str(row.achievement.date)),
            PlanColumn(self.tr("Kind"), lambda row: achievement_kind_text(row.achievement.kind)),
            PlanColumn(self.tr("Title"), lambda row: row.achievement.title),
            PlanColumn(self.tr("Members"), lambda row: ", ".join(row.achievement.members)),
        ]
        return self._model(columns, choices.achievements, active=lambda row: row.include)

    def _model(
        self,
        columns: list[PlanColumn[PaperRow]]
        | list[PlanColumn[MemberRow]]
        | list[PlanColumn[VenueRow]]
        | list[PlanColumn[AchievementRow]],
        rows: list[PaperRow] | list[MemberRow] | list[VenueRow] | list[AchievementRow],
        *,
        active: Callable[..., bool] = lambda _row: True,
    ) -> PlanRowsModel[object]:
        # The row types differ per table; the model only hands each row back to its columns.
        return PlanRowsModel(columns, rows, active=active, parent=self)  # type: ignore[arg-type]

    def _findings_table(self, findings: list[Finding]) -> QTableView:
        kinds = {
            "error": self.tr("error"),
            "mismatch": self.tr("arithmetic"),
            "warning": self.tr("warning"),
            "duplicate": self.tr("duplicate"),
            "skipped": self.tr("skipped"),
            "matched": self.tr("matched"),
        }
        order = list(kinds)
        rows = sorted(findings, key=lambda f: (order.index(f.kind), f.line or 0))
        columns: list[PlanColumn[Finding]] = [
            PlanColumn(self.tr("Kind"), lambda f: kinds.get(f.kind, f.kind)),
            PlanColumn(self.tr("Line"), lambda f: str(f.line) if f.line is not None else ""),
            PlanColumn(
                self.tr("What"), lambda f: f.message, tooltip=lambda f: _wrapped_tip(f.message)
            ),
        ]
        model: PlanRowsModel[object] = PlanRowsModel(columns, rows, parent=self)  # type: ignore[arg-type]
        self.findings_model = model
        return plan_table(model)

    # --- applying -------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Apply the revised plan in a worker thread (the apply page shows its progress)."""
        choices = self.choices
        if choices is None or self.worker is not None:
            return
        plan = choices.revised()
        page = self.apply_page
        page.status.setText(
            self.tr("Importing {0} papers from <b>{1}</b>…").format(
                len(plan.included_papers), html.escape(plan.source)
            )
        )
        page.progress.setRange(0, max(len(plan.included_papers), 1))
        page.progress.setValue(0)
        worker = ImportWorker(self.database, plan, batch_size=self.batch_size)
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        self.worker = worker
        self.worker_started.emit(worker)
        self.thread_ = start_worker(worker)

    def is_running(self) -> bool:
        return self.worker is not None and self.outcome is None

    def _progressed(self, done: int, total: int) -> None:
        self.apply_page.progress.setRange(0, max(total, 1))
        self.apply_page.progress.setValue(done)

    def cancel_import(self) -> None:
        """Ask the worker to stop; it rolls back, and the page says so."""
        if self.worker is not None and self.is_running():
            self.worker.cancel()
            self.apply_page.status.setText(self.tr("Cancelling: undoing what was imported…"))
            self._cancel_button().setEnabled(False)

    def _cancel_button(self) -> QPushButton:
        button = self.button(QWizard.WizardButton.CancelButton)
        assert isinstance(button, QPushButton)
        return button

    def _finished(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        if self.thread_ is not None:
            # The thread's own quit may still wait in this thread's queue: ask it here.
            self.thread_.quit()
            self.thread_.wait()
            self.thread_ = None
        page = self.apply_page
        page.progress.setRange(0, 1)
        page.progress.setValue(1 if outcome.status == "done" else 0)
        backup = (
            self.tr("A backup of the database was taken first: {0}").format(
                html.escape(str(outcome.backup))
            )
            if outcome.backup is not None
            else ""
        )
        counts = outcome.counts
        if outcome.status == "done":
            page.setTitle(self.tr("Imported"))
            page.status.setText(self.tr("The import is done."))
            done = [
                self._count(counts.get("papers", 0), self.tr("1 paper"), self.tr("{0} papers")),
                self._count(
                    counts.get("members", 0), self.tr("1 new member"), self.tr("{0} new members")
                ),
                self._count(
                    counts.get("venues", 0), self.tr("1 new venue"), self.tr("{0} new venues")
                ),
            ]
            if counts.get("achievements"):
                done.append(
                    self._count(
                        counts["achievements"],
                        self.tr("1 achievement"),
                        self.tr("{0} achievements"),
                    )
                )
            if counts.get("pins"):
                done.append(
                    self._count(
                        counts["pins"],
                        self.tr("1 tally order pinned"),
                        self.tr("{0} tally orders pinned"),
                    )
                )
            page.result.setText(
                self.tr("Imported: {0}.").format(html.escape(", ".join(done)))
                + (f"<br><br>{backup}" if backup else "")
            )
        elif outcome.status == "cancelled":
            page.setTitle(self.tr("Cancelled"))
            page.status.setText(
                self.tr(
                    "The import was cancelled: nothing was imported, the database is as it was."
                )
            )
            page.result.setText(backup)
        else:
            page.setTitle(self.tr("Not imported"))
            page.status.setText(
                self.tr("The import failed, and nothing was imported: {0}").format(
                    html.escape(outcome.error)
                )
            )
            page.result.setText(backup)
        self._cancel_button().setEnabled(False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        page.completeChanged.emit()
        self.imported.emit(outcome)

    def wait_for_import(self) -> None:
        """Block until the worker's thread is done (closing while it runs)."""
        if self.thread_ is not None:
            self.thread_.wait()

    def reject(self) -> None:
        if self.is_running():
            self.cancel_import()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            self.cancel_import()
            event.ignore()
            return
        super().closeEvent(event)
