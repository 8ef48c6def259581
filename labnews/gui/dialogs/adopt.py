"""File > Adopt a homepage page: import a hand-kept page's news and wrap its block in the markers.

The window's way to do what ``labnews adopt PAGE`` does: the page is planned as the news importer
reads it, the dialog shows what would come in and the diff of the wrapping, and only Adopt
imports the plan and writes the page (the page as it was kept as PAGE.bak).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from labnews.core.errors import LabnewsError
from labnews.gui.dialogs.publish import DiffDialog
from labnews.gui.lab_file import busy

if TYPE_CHECKING:
    from labnews.core.records import Change
    from labnews.gui.main_window import MainWindow
    from labnews.io.adopt import Adoption
    from labnews.io.plan import ImportPlan
    from labnews.store.database import Database

# The flow's strings keep the window's translation context ("MainWindow"), as the menus do.
translate = QCoreApplication.translate


class AdoptDialog(DiffDialog):
    """What adopting a page would do (the papers it imports, the lines it wraps), and its diff."""

    def __init__(self, parent: QWidget | None, adoption: Adoption, plan: ImportPlan) -> None:
        path = adoption.path
        super().__init__(
            parent,
            self.tr("Adopt a homepage page"),
            self.tr("Adopt <b>{0}</b>?").format(html.escape(path.name)),
            str(path),
            self._summary(adoption, plan),
            adoption.diff(),
            (
                self.tr("&Adopt"),
                self.tr("Import the news and write the page (the previous one becomes .bak)"),
            ),
        )
        self.summary = self.note
        self.adopt_button = self.go_button
        self.finish()

    def _summary(self, adoption: Adoption, plan: ImportPlan) -> str:
        papers = len(plan.included_papers)
        if plan.is_empty:
            parts = [
                self.tr("Every news line of the page is in the lab already: nothing to import.")
            ]
        else:
            parts = [self.tr("Imports {0} papers from the page's news.").format(papers)]
        parts += [
            self.tr("{0}: already in the lab: {1}, new: {2}").format(year, present, new)
            for year, present, new in plan.by_year()
        ]
        if adoption.already_adopted:
            parts.append(self.tr("The page has the labnews markers already; it stays as it is."))
        else:
            parts.append(
                self.tr(
                    "Wraps lines {0}-{1}, the news block, in the labnews markers; nothing else in "
                    "the page changes, and the page as it is now is kept as {2}."
                ).format(adoption.first, adoption.last, adoption.path.name + ".bak")
            )
        return "\n".join(parts)

    @classmethod
    def ask(cls, parent: QWidget | None, adoption: Adoption, plan: ImportPlan) -> bool:
        """Show what adopting would do; True when the user chose to adopt."""
        dialog = cls(parent, adoption, plan)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def choose_page(window: MainWindow) -> Path | None:
    """Ask for the hand-kept page whose news labnews should take over."""
    path, _filter = QFileDialog.getOpenFileName(
        window,
        translate("MainWindow", "Adopt a homepage page"),
        str(Path.home()),
        translate("MainWindow", "Homepage pages (*.md *.markdown *.html *.htm);;All files (*)"),
    )
    return Path(path) if path else None


def plan_page(database: Database, path: Path) -> tuple[Adoption, ImportPlan]:
    """The page's news as an import plan, and the page wrapped; LabnewsError when it cannot be."""
    from labnews.io import adopt, newspage, newsplan

    if not path.is_file():
        raise LabnewsError(f"{path} is not a file; adopt takes the page with the news")
    text = adopt.read_page_text(path)
    page = newspage.read_page(text, path.name)
    with database.session() as session:
        # As `labnews adopt`: a name that may not be a person is left out (the window's import
        # wizard shows such names unticked; this dialog has no rows to tick).
        plan = newsplan.leave_out_maybe_people(newsplan.plan_page(session, page))
    errors = plan.of_kind("error")
    if errors:
        raise LabnewsError(
            f"{path} has {len(errors)} errors to fix before adopting it; first: {errors[0]}"
        )
    return adopt.plan_adoption(path, text, page, plan), plan


def import_plan(database: Database, plan: ImportPlan) -> Change | None:
    """Import the page's plan in one transaction, after a backup of a SQLite lab."""
    from labnews.io.plan import apply_plan
    from labnews.store.backup import backup_before

    if plan.is_empty:
        return None
    if database.path is not None:
        backup_before(database.path, "pre-import")
    with database.session(write=True) as session:
        return apply_plan(session, plan)


def write_page(adoption: Adoption) -> None:
    """Write the wrapped page (its previous version kept as PAGE.bak)."""
    from labnews.io import adopt

    try:
        adopt.write_adoption(adoption)
    except OSError as error:
        raise LabnewsError(f"cannot write {adoption.path}: {error.strerror or error}") from None


def adopt_page(window: MainWindow, path: Path | None = None) -> bool:
    """Adopt a page (chosen here when not given) after the user saw the plan; True if adopted."""
    database = window.require_database()
    if database is None:
        return False
    path = path or choose_page(window)
    if path is None:
        return False
    title = translate("MainWindow", "Cannot adopt the page")
    try:
        with busy():
            adoption, plan = plan_page(database, path)
    except LabnewsError as error:
        window.report(error, title=title)
        return False
    if plan.is_empty and adoption.already_adopted:
        window.statusBar().showMessage(
            translate("MainWindow", "{0} is adopted already; nothing to import").format(path.name)
        )
        return False
    if not AdoptDialog.ask(window, adoption, plan):
        return False
    # The import comes first: when it fails, the page is left as it was.
    try:
        with busy():
            change = import_plan(database, plan)
    except LabnewsError as error:
        window.report(error, title=title)
        return False
    if change is not None:
        window.refresh(change)
    try:
        write_page(adoption)
    except LabnewsError as error:
        window.report(error, title=translate("MainWindow", "Imported, but the page is not written"))
        return False
    window.statusBar().showMessage(
        translate("MainWindow", "Adopted {0}: {1} papers imported").format(
            path.name, len(plan.included_papers) if change is not None else 0
        )
    )
    return True
