"""The import wizard with BibTeX that is not all importable: fix a left-out paper in place,
and a summary whose words and counts agree with its tabs, in English and Korean."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWizard
from pytestqt.qtbot import QtBot

from labnews.gui.app import install_translations, interface_locale, remove_translations
from labnews.gui.dialogs.import_wizard import REVIEW, ImportWizard
from labnews.gui.main_window import MainWindow
from labnews.gui.models.plan import CHOICES_ROLE
from labnews.store import queries
from labnews.store.database import Database

MIXED = """\
@inproceedings{good, title = {Good}, booktitle = {CVPR}, year = 2024, author = {Ann Lee}}
@article{DBLP:journals/corr/abs-2312-04005, title = {Preprint}, journal = {CoRR},
  volume = {abs/2312.04005}, year = {2024}}
@article{journal, title = {Journal Paper}, journal = {ETRI J.}, year = {2024}}
"""


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    """The interface in Korean for one test (the translators are taken out afterwards)."""
    translators = install_translations(qapp, interface_locale("ko"))
    yield
    remove_translations(qapp, translators)


def reviewed(qtbot: QtBot, window: MainWindow, path: Path) -> ImportWizard:
    wizard = window.open_import(path)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW)
    return wizard


def column(wizard: ImportWizard, header: str) -> int:
    return next(i for i, c in enumerate(wizard.papers_model.columns) if c.header == header)


def cell(
    wizard: ImportWizard, row: int, header: str, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    model = wizard.papers_model
    return model.index(row, column(wizard, header)).data(role)


def test_a_left_out_paper_is_given_its_venue_and_month_in_place_and_imported(
    qtbot: QtBot, empty_window: MainWindow, database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.bib"
    path.write_text(MIXED, encoding="utf-8")
    wizard = reviewed(qtbot, empty_window, path)
    model = wizard.papers_model
    rows = {row.paper.bibkey: n for n, row in enumerate(model.rows)}
    preprint, journal = rows["DBLP:journals/corr/abs-2312-04005"], rows["journal"]
    # The two waiting papers say what they lack, and the summary counts only the good one.
    assert (cell(wizard, preprint, "Venue"), cell(wizard, preprint, "News month")) == ("", "")
    tip = str(cell(wizard, preprint, "Venue", Qt.ItemDataRole.ToolTipRole))
    assert "a preprint (arXiv 2312.04005): give its venue; left out" in tip
    assert cell(wizard, journal, "Venue") == "ETRI J."
    assert cell(wizard, journal, "News month") == "no usual month: set the news month"
    tip = str(cell(wizard, journal, "News month", Qt.ItemDataRole.ToolTipRole))
    assert "no month, and venue ETRI J. has no typical month" in tip
    assert "<b>1 paper</b> to create" in wizard.review_page.summary.text()
    assert wizard.review_page.tabs.tabText(0) == "&Papers (1)"

    # Ticking a paper that still lacks its venue does nothing.
    model.setData(model.index(preprint, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert not model.rows[preprint].include

    # The venue chosen from the list (as the combo box sets it) brings the preprint in.
    venue = model.index(preprint, column(wizard, "Venue"))
    assert ("ICLR", "ICLR") in venue.data(CHOICES_ROLE)
    assert model.setData(venue, "ICLR", Qt.ItemDataRole.EditRole)
    assert model.rows[preprint].include
    assert cell(wizard, preprint, "Venue") == "ICLR"
    tip = str(cell(wizard, preprint, "Venue", Qt.ItemDataRole.ToolTipRole))
    assert tip == "Double-click (or F2) to choose another venue"
    # The journal paper's news month, chosen from its year's months, brings it in too.
    month = model.index(journal, column(wizard, "News month"))
    assert ("2024-03", "2024-03") in month.data(CHOICES_ROLE)
    assert model.setData(month, "2024-03", Qt.ItemDataRole.EditRole)
    assert model.rows[journal].include
    assert "<b>3 papers</b> to create" in wizard.review_page.summary.text()
    assert wizard.review_page.tabs.tabText(0) == "&Papers (3)"
    assert "0 skipped" in wizard.review_page.summary.text()

    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled()
    commit.click()
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=30_000)
    assert wizard.outcome is not None
    assert wizard.outcome.status == "done"
    with database.session() as session:
        papers = {p.title: p for p in queries.papers_in(session)}
    assert {t: (p.venue_short, str(p.news), p.arxiv) for t, p in papers.items()} == {
        "Good": ("CVPR", "2024-06", None),
        "Preprint": ("ICLR", "2024-05", "2312.04005"),
        "Journal Paper": ("ETRI J.", "2024-03", None),
    }


UNKNOWN_VENUE = (
    "@inproceedings{a, title = {A}, booktitle = {Symposium on Lab Things}, year = 2024, "
    "month = 5}\n"
)


def test_one_warning_is_one_warning_and_the_venues_tab_counts_as_the_summary(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "one.bib"
    path.write_text(UNKNOWN_VENUE, encoding="utf-8")
    wizard = reviewed(qtbot, empty_window, path)
    summary = wizard.review_page.summary.text()
    assert "0 matched, 0 skipped, 1 warning" in summary
    assert "1 warnings" not in summary
    assert "1 new venue" in summary
    assert wizard.review_page.tabs.tabText(2) == "&Venues (1)"
    # Leaving the paper out leaves its new venue unneeded: the summary and the tab say 0.
    model = wizard.papers_model
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    summary = wizard.review_page.summary.text()
    assert "0 new venues" in summary
    assert wizard.review_page.tabs.tabText(2) == "&Venues (0)"


def test_the_korean_summary_counts_one_warning_in_korean(
    qtbot: QtBot, korean: None, empty_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "one.bib"
    path.write_text(UNKNOWN_VENUE, encoding="utf-8")
    wizard = reviewed(qtbot, empty_window, path)
    summary = wizard.review_page.summary.text()
    assert "일치 0, 건너뜀 0, 경고 1" in summary
    assert "warning" not in summary


def test_a_long_report_line_is_wrapped_in_its_tooltip_not_clipped_at_the_edge(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    long_name = "Symposium on " + " ".join(["Lab Things"] * 6)
    path = tmp_path / "long.bib"
    path.write_text(
        f"@inproceedings{{a, title = {{A}}, booktitle = {{{long_name}}}, year = 2024, "
        "month = 5}\n",
        encoding="utf-8",
    )
    wizard = reviewed(qtbot, empty_window, path)
    model = wizard.findings_model
    what = next(i for i, c in enumerate(model.columns) if c.header == "What")
    row = next(r for r in range(model.rowCount()) if long_name in str(model.index(r, what).data()))
    message = str(model.index(row, what).data())
    tip = str(model.index(row, what).data(Qt.ItemDataRole.ToolTipRole))
    # Shown at the right edge of the report, the whole line is there, wrapped to a readable
    # width (a one-line tooltip this long runs past the window's edge), and on the screen.
    table = wizard.findings_table
    edge = table.mapToGlobal(QPoint(table.width() - 5, 10))
    QToolTip.showText(edge, tip, table)
    labels = [w for w in QApplication.topLevelWidgets() if w.inherits("QLabel") and w.isVisible()]
    assert len(labels) == 1, "the tooltip is shown"
    shown = labels[0]
    assert isinstance(shown, QLabel)
    assert html.unescape(shown.text().removeprefix("<p>").removesuffix("</p>")) == message
    metrics = shown.fontMetrics()
    assert metrics.horizontalAdvance(message) > shown.width()
    assert shown.height() > 2 * metrics.height()
    assert table.screen().availableGeometry().contains(shown.frameGeometry())
    QToolTip.hideText()
