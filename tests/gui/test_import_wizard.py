"""The import wizard: plan, review, change, apply in a worker thread, cancel, fail, drop."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from labnews.core.inputs import MemberInput
from labnews.gui.dialogs.import_wizard import REVIEW, ImportWizard
from labnews.gui.import_choices import NOT_A_MEMBER
from labnews.gui.import_worker import ImportWorker, plan_batches
from labnews.gui.main_window import MainWindow
from labnews.io.importers import detect_kind
from labnews.io.plan import apply_plan
from labnews.store import commands, queries
from labnews.store.backup import list_backups
from labnews.store.database import Database
from labnews.store.models import Member, Paper, Setting, Venue
from tests.io.test_journals import LATER_PAGE

FIXTURE = Path(__file__).parents[1] / "fixtures" / "seed_news_2022_2024.md"


def contents(database: Database) -> tuple[object, ...]:
    """Everything an import could change, to compare before and after."""
    with database.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Paper)),
            session.scalar(select(func.count()).select_from(Member)),
            session.scalar(select(func.count()).select_from(Venue)),
            tuple(session.execute(select(Setting.key, Setting.value).order_by(Setting.key))),
        )


def reviewed(qtbot: QtBot, window: MainWindow, path: Path = FIXTURE) -> ImportWizard:
    """The wizard opened on a file, on its review page."""
    wizard = window.open_import(path)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW)
    return wizard


def page_file(folder: Path, text: str) -> Path:
    """A news page holding ``text``, as a lab keeps it."""
    page = folder / "news.md"
    page.write_text(text, encoding="utf-8")
    return page


def run_import(qtbot: QtBot, wizard: ImportWizard) -> None:
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    commit.click()
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=30_000)


def test_importing_the_lab_page_through_the_wizard_fills_the_overview(
    qtbot: QtBot, empty_window: MainWindow, database: Database
) -> None:
    window = empty_window
    assert window.overview.sentence_text().startswith("No papers yet")
    wizard = reviewed(qtbot, window)
    summary = wizard.review_page.summary.text()
    assert "<b>34 papers</b> to create (2024: 19, 2023: 9, 2022: 6)" in summary
    assert "19 new members" in summary
    assert "1 tally order to pin" in summary
    assert wizard.review_page.tabs.tabText(0) == "&Papers (34)"
    run_import(qtbot, wizard)

    assert wizard.outcome is not None
    assert wizard.outcome.status == "done"
    assert "Imported: 34 papers, 19 new members" in wizard.apply_page.result.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert window.overview.year() == 2024
    assert window.overview.sentence_text() == (
        "We have 19 papers this year (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)."
    )
    assert window.papers.model.rowCount() == 34
    assert window.statusBar().currentMessage() == "Imported 34 papers"
    # A backup was taken first, and the page's 2023 order was pinned.
    assert database.path is not None
    assert [b.reason for b in list_backups(database.path)] == ["pre-import"]
    with database.session() as session:
        assert queries.tally_rules(session).pinned[2023][-1] == "ETRI J."


def test_the_tally_rules_a_page_implies_are_listed_and_can_be_left_out(
    qtbot: QtBot, empty_window: MainWindow, database: Database, tmp_path: Path
) -> None:
    wizard = reviewed(qtbot, empty_window, page_file(tmp_path, LATER_PAGE))
    tabs = wizard.review_page.tabs
    assert tabs.tabText(3) == "&Tallies (2)"
    model = wizard.tally_model
    rules = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert sorted(rules) == [
        "Count ETRI J. as SCI-E in the tallies",
        "Count IEEE Access as SCI-E in the tallies",
    ]
    assert "2 tally labels to set" in wizard.review_page.summary.text()
    # The lab does not count ETRI J. under an index label: that rule is left out.
    etri = rules.index("Count ETRI J. as SCI-E in the tallies")
    assert model.setData(
        model.index(etri, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert tabs.tabText(3) == "&Tallies (1)"
    assert "1 tally label to set" in wizard.review_page.summary.text()
    run_import(qtbot, wizard)
    assert wizard.outcome is not None
    assert wizard.outcome.status == "done"
    assert "1 tally label set" in wizard.apply_page.result.text()
    with database.session() as session:
        assert queries.find_venue(session, "ETRI J.").label is None
        assert queries.find_venue(session, "IEEE Access").label == "SCI-E"


NEW_JOURNAL_PAGE = (
    " - **(2024)** : We have **2 papers** this year(1 KCI, 1 CVPR). <br>\n"
    " -- **(2024/06)**: One paper accepted to CVPR 2024 (Kim Minsu) <br>\n"
    " -- **(2024/02)**: One paper accepted to Journal of Foo Studies (Lee Jiwon) <br><br>\n"
)


def test_the_label_of_a_journal_the_import_creates_can_be_left_out(
    qtbot: QtBot, empty_window: MainWindow, database: Database, tmp_path: Path
) -> None:
    wizard = reviewed(qtbot, empty_window, page_file(tmp_path, NEW_JOURNAL_PAGE))
    model = wizard.tally_model
    assert model.index(0, 1).data() == "Count Journal of Foo Studies as KCI in the tallies"
    assert "1 tally label to set" in wizard.review_page.summary.text()
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert "tally label" not in wizard.review_page.summary.text()
    run_import(qtbot, wizard)
    with database.session() as session:
        (journal,) = queries.venues_by_short(session, ["Journal of Foo Studies"])
    assert journal.label is None  # created, without the label left out


def test_a_new_journals_label_follows_its_papers_to_the_venue_they_are_moved_to(
    qtbot: QtBot, empty_window: MainWindow, database: Database, tmp_path: Path
) -> None:
    wizard = reviewed(qtbot, empty_window, page_file(tmp_path, NEW_JOURNAL_PAGE))
    venues = wizard.venues_model
    becomes = next(i for i, c in enumerate(venues.columns) if c.header == "Becomes")
    assert venues.setData(venues.index(0, becomes), "ETRI J.", Qt.ItemDataRole.EditRole)
    assert wizard.tally_model.index(0, 1).data() == "Count ETRI J. as KCI in the tallies"
    assert wizard.choices is not None
    revised = wizard.choices.revised()
    assert revised.venues == []
    assert revised.labels == {"ETRI J.": "KCI"}
    run_import(qtbot, wizard)
    with database.session() as session:
        assert queries.find_venue(session, "ETRI J.").label == "KCI"
        assert queries.venues_by_short(session, ["Journal of Foo Studies"]) == ()


def test_a_pinned_order_the_page_implies_can_be_left_out(
    qtbot: QtBot, empty_window: MainWindow, database: Database
) -> None:
    wizard = reviewed(qtbot, empty_window)  # the demo lab's page: its 2023 order, no labels
    assert wizard.review_page.tabs.tabText(3) == "&Tallies (1)"
    model = wizard.tally_model
    assert model.index(0, 1).data() == (
        "Pin the 2023 tally order: AAAI, ICLR, CVPR, ICCV, NeurIPS, ETRI J."
    )
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert "tally order to pin" not in wizard.review_page.summary.text()
    run_import(qtbot, wizard)
    assert wizard.outcome is not None
    assert wizard.outcome.status == "done"
    with database.session() as session:
        assert 2023 not in queries.tally_rules(session).pinned


def test_unticked_papers_and_a_changed_venue_are_imported_as_chosen(
    qtbot: QtBot, empty_window: MainWindow, database: Database
) -> None:
    wizard = reviewed(qtbot, empty_window)
    model = wizard.papers_model
    venue_column = next(i for i, c in enumerate(model.columns) if c.header == "Venue")
    first_icml = next(i for i, row in enumerate(model.rows) if row.venue == "ICML")
    # The include box of the first paper, and the venue of the ICML paper, as a view edits them.
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    choices = model.index(first_icml, venue_column).data(Qt.ItemDataRole.UserRole + 10)
    assert ("ICLR", "ICLR") in choices
    assert model.setData(model.index(first_icml, venue_column), "ICLR", Qt.ItemDataRole.EditRole)
    assert "<b>33 papers</b> to create" in wizard.review_page.summary.text()
    run_import(qtbot, wizard)
    with database.session() as session:
        assert queries.paper_count(session) == 33
        venues = [p.venue_short for p in queries.papers_in(session, [2024])]
    assert "ICML" not in venues
    assert venues.count("ICLR") == 1


def test_a_name_can_stay_a_plain_author_or_become_an_existing_member(
    qtbot: QtBot, empty_window: MainWindow, database: Database
) -> None:
    with database.session(write=True) as session:
        commands.add_member(session, MemberInput(name="Alice Kim"))
    empty_window.reload()
    wizard = reviewed(qtbot, empty_window)
    model = wizard.members_model
    rows = {row.name: number for number, row in enumerate(model.rows)}
    becomes = next(i for i, c in enumerate(model.columns) if c.header == "Becomes")
    merge = model.index(rows["Moon Jinyoung"], becomes)
    offered = [value for _label, value in merge.data(Qt.ItemDataRole.UserRole + 10)]
    assert offered == ["Moon Jinyoung", "Alice Kim", NOT_A_MEMBER]
    # "Moon Jinyoung" is matched to the member Alice Kim; "Chunhee Lee" stays a plain name.
    assert model.setData(merge, "Alice Kim", Qt.ItemDataRole.EditRole)
    assert model.data(merge) == "Alice Kim"
    unticked = model.setData(
        model.index(rows["Chunhee Lee"], 0),
        Qt.CheckState.Unchecked,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert unticked
    assert "17 new members" in wizard.review_page.summary.text()
    run_import(qtbot, wizard)
    with database.session() as session:
        names = {m.name for m in queries.members(session)}
        papers_2022 = queries.papers_in(session, [2022])
    assert "Chunhee Lee" not in names
    assert "Moon Jinyoung" not in names
    assert len(names) == 18
    etri = next(p for p in papers_2022 if p.venue_short == "ETRI J.")
    assert (etri.authors[0].name, etri.authors[0].member_id) == ("Chunhee Lee", None)
    cvpr = [p for p in papers_2022 if p.venue_short == "CVPR"]
    assert "Alice Kim" in {p.featured_name for p in cvpr}


def test_cancelling_an_import_half_way_leaves_the_database_unchanged(
    qtbot: QtBot, empty_window: MainWindow, database: Database
) -> None:
    before = contents(database)
    wizard = reviewed(qtbot, empty_window)
    wizard.batch_size = 5  # 34 papers: eight batches between the venues and the pins
    reached, proceed = threading.Event(), threading.Event()

    def after_a_batch(done: int, _total: int) -> None:
        # Runs in the worker's thread, inside its transaction: papers are written, not committed.
        if done == 2:
            reached.set()
            proceed.wait(10)

    def hook(worker: ImportWorker) -> None:
        worker.batch_applied.connect(after_a_batch, Qt.ConnectionType.DirectConnection)

    wizard.worker_started.connect(hook)
    run_button = wizard.button(QWizard.WizardButton.CommitButton)
    run_button.click()
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    assert cancel.isEnabled()
    cancel.click()
    assert wizard.isVisible()  # Cancel asks the worker to stop; the wizard waits for it
    proceed.set()
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=20_000)

    assert wizard.outcome is not None
    assert wizard.outcome.status == "cancelled"
    assert "nothing was imported" in wizard.apply_page.status.text()
    assert contents(database) == before
    assert empty_window.papers.model.rowCount() == 0
    assert empty_window.statusBar().currentMessage() == "The import was cancelled; nothing changed"


def test_a_failed_import_leaves_the_database_unchanged_and_says_why(
    qtbot: QtBot, empty_window: MainWindow, database: Database
) -> None:
    before = contents(database)
    wizard = reviewed(qtbot, empty_window)
    model = wizard.papers_model
    venue_column = next(i for i, c in enumerate(model.columns) if c.header == "Venue")
    last = model.rowCount() - 1
    assert model.setData(model.index(last, venue_column), "No Such Venue", Qt.ItemDataRole.EditRole)
    run_import(qtbot, wizard)
    assert wizard.outcome is not None
    assert wizard.outcome.status == "failed"
    assert "No Such Venue" in wizard.outcome.error
    assert "nothing was imported" in wizard.apply_page.status.text()
    assert contents(database) == before


def test_an_unreadable_file_is_reported_on_the_first_page(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.bib"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    wizard = empty_window.open_import()
    assert wizard is not None
    wizard.source_page.path.setText(str(bad))
    assert wizard.source_page.chosen_kind() == "bibtex"
    wizard.next()
    assert wizard.currentId() == 0
    assert wizard.source_page.problem.isVisibleTo(wizard)
    assert wizard.source_page.problem.text()
    wizard.reject()


def test_dropping_a_file_on_the_window_opens_the_wizard_on_its_plan(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(FIXTURE))])
    center = QPoint(empty_window.width() // 2, empty_window.height() // 2)
    enter = QDragEnterEvent(
        center,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(empty_window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        center,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(empty_window, drop)
    wizard = empty_window.import_wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW)
    assert wizard.source_page.path.text() == str(FIXTURE)
    wizard.reject()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("news.md", "news"),
        ("about.markdown", "news"),
        ("news.html", "news"),
        ("news.txt", "news"),
        ("lab.bib", "bibtex"),
        ("papers.csv", "table"),
        ("lab.json", "table"),
        ("photo.jpg", None),
    ],
)
def test_the_kind_of_file_is_found_from_its_name(name: str, kind: str | None) -> None:
    assert detect_kind(Path(name)) == kind


def test_a_folder_is_read_as_al_folio_news(tmp_path: Path) -> None:
    assert detect_kind(tmp_path) == "news"


def test_applying_in_batches_gives_what_applying_whole_gives(tmp_path: Path) -> None:
    from labnews.io import newspage, newsplan
    from labnews.store.migrate import open_database

    results = []
    for name, size in (("whole", 1000), ("batched", 7)):
        database = open_database(str(tmp_path / f"{name}.sqlite"))
        try:
            with database.session() as session:
                plan = newsplan.plan_page(session, newspage.read_source(FIXTURE))
            batches = plan_batches(plan, size)
            with database.session(write=True) as session:
                for batch in batches:
                    apply_plan(session, batch)
            with database.session() as session:
                papers = [
                    (p.venue_short, p.news, p.position, p.featured_name)
                    for p in queries.papers_in(session)
                ]
                results.append((len(batches), papers, queries.tallies(session)))
        finally:
            database.dispose()
    (whole_batches, whole, whole_tallies), (batched_batches, batched, batched_tallies) = results
    assert (whole_batches, batched_batches) == (3, 2 + 5)
    assert len(batched) == 34
    assert batched == whole
    assert batched_tallies == whole_tallies


def test_the_lab_page_into_the_lab_that_holds_it_plans_nothing_and_says_why(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    before = contents(demo_database)
    wizard = reviewed(qtbot, window)
    summary = wizard.review_page.summary.text()
    assert "<b>0 papers</b> to create" in summary
    assert (
        "2024: already in the lab: 19, new: 0; 2023: already in the lab: 9, new: 0; "
        "2022: already in the lab: 6, new: 0"
    ) in summary
    assert wizard.review_page.tabs.tabText(0) == "&Papers (0)"
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.reject()
    assert contents(demo_database) == before


def test_the_summary_counts_what_the_lab_holds_and_what_is_new_per_year(
    qtbot: QtBot, empty_window: MainWindow, database: Database, tmp_path: Path
) -> None:
    first = tmp_path / "old.md"
    first.write_text(
        "- **(2024/06)**: One paper accepted to CVPR 2024 (Kim Minsu)\n", encoding="utf-8"
    )
    wizard = reviewed(qtbot, empty_window, first)
    assert "2024: already in the lab: 0, new: 1" in wizard.review_page.summary.text()
    run_import(qtbot, wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    newer = tmp_path / "new.md"
    newer.write_text(
        "- **(2025/06)**: One paper accepted to CVPR 2025 (Kim Minsu)\n"
        + first.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    again = reviewed(qtbot, empty_window, newer)
    assert (
        "2025: already in the lab: 0, new: 1; 2024: already in the lab: 1, new: 0"
        in again.review_page.summary.text()
    )
    run_import(qtbot, again)
    with database.session() as session:
        assert queries.paper_count(session) == 2
