"""The import wizard: choose a file, review and change the plan, apply it in a worker thread."""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QWidget,
    QWizard,
)

from labnews.core.errors import LabnewsError
from labnews.gui.deferred import deferred
from labnews.gui.dialogs.forms import error_color
from labnews.gui.dialogs.import_pages import ApplyPage, ReviewPage, SourcePage
from labnews.gui.dialogs.import_tables import ReviewTables, plan_table
from labnews.gui.import_choices import (
    ImportChoices,
)
from labnews.gui.import_worker import (
    BATCH_SIZE,
    ImportOutcome,
    ImportWorker,
    start_worker,
)
from labnews.gui.messages import capitalised, shown
from labnews.gui.models.plan import PlanRowsModel
from labnews.io.importers import plan_file
from labnews.io.plan import ImportPlan

if TYPE_CHECKING:
    from labnews.store import queries
    from labnews.store.database import Database
else:
    queries = deferred("labnews.store.queries")


SOURCE, REVIEW, APPLY = 0, 1, 2


class ImportWizard(ReviewTables):
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
            page.show_problem(capitalised(shown(error.message)))
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
            return ImportPlan(source="").counts()  # every kind, at 0
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
        self.tally_model = self._tally_model(choices)
        if choices.tally:
            tables.append((self.tally_model, 1))
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
        if choices.tally:
            titles.append(self.tr("&Tallies ({0})").format(counts["labels"] + counts["pins"]))
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
        parts += self._new_records(counts)
        if counts["labels"]:
            parts.append(
                self._count(
                    counts["labels"],
                    self.tr("1 tally label to set"),
                    self.tr("{0} tally labels to set"),
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

    def _new_records(self, counts: dict[str, int]) -> list[str]:
        """The members and venues an import creates (or would), and its achievements if any."""
        said = [
            self._count(
                counts.get("members", 0), self.tr("1 new member"), self.tr("{0} new members")
            ),
            self._count(counts.get("venues", 0), self.tr("1 new venue"), self.tr("{0} new venues")),
        ]
        if counts.get("achievements"):
            said.append(
                self._count(
                    counts["achievements"], self.tr("1 achievement"), self.tr("{0} achievements")
                )
            )
        return said

    @staticmethod
    def _count(count: int, one: str, many: str) -> str:
        """The sentence for ``count`` things: the singular one for 1, else the plural filled in."""
        return one if count == 1 else many.format(count)

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
                *self._new_records(counts),
            ]
            if counts.get("labels"):
                done.append(
                    self._count(
                        counts["labels"],
                        self.tr("1 tally label set"),
                        self.tr("{0} tally labels set"),
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
                    html.escape(shown(outcome.error))
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
