"""The overview: the year's tally sentence, the chart and its bars, members, unpublished lines."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from labnews.core.inputs import MemberInput
from labnews.core.records import YearMonth, YearTally
from labnews.gui.main_window import MainWindow
from labnews.gui.models.year_members import Column
from labnews.gui.preferences import Preferences
from labnews.io.chart import OTHER, chart_data_from_tallies
from labnews.store import commands
from labnews.store.database import Database


def chart_ready(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the chart's canvas, which is made only after the overview has shown."""
    qtbot.waitUntil(lambda: window.overview.chart.canvas is not None, timeout=20_000)


def test_the_overview_says_the_newest_year_in_the_lab_tally_words(window: MainWindow) -> None:
    overview = window.overview
    assert overview.lab.text() == "Visual Intelligence Lab"
    assert overview.year() == 2024
    assert overview.sentence_text() == (
        "We have 19 papers this year (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)."
    )
    assert "<b>19 papers</b>" in overview.sentence.text()


def test_choosing_another_year_changes_the_sentence_and_the_members(window: MainWindow) -> None:
    overview = window.overview
    assert overview.show_year(2023)
    assert overview.sentence_text().startswith("We have 9 papers this year (1 AAAI, 1 ICLR,")
    assert overview.members_title.text() == "Members in 2023"
    model = overview.members_model
    first = model.row_at(0)
    assert (first.name, first.papers) == ("Yong-Ju Lee", 9)
    names = [row.name for row in model.rows]
    assert "Youngwan Lee" in names
    assert not overview.show_year(1999)


def test_the_members_table_counts_each_member_once_per_paper(window: MainWindow) -> None:
    model = window.overview.members_model
    rows = {row.name: row for row in model.rows}
    assert rows["Youngwan Lee"].papers == 6
    # By venue as recorded: his CVPR, NeurIPS and ECCV workshop papers are workshops' own.
    assert dict(rows["Youngwan Lee"].venues) == {
        "CVPR": 1,
        "CVPR Workshop": 1,
        "NeurIPS": 1,
        "NeurIPS Workshop": 1,
        "ECCV Workshop": 1,
        "ICML": 1,
    }
    index = model.index(model.rows.index(rows["Youngwan Lee"]), Column.VENUES)
    assert model.data(index) == (
        "1 CVPR, 1 CVPR Workshop, 1 ECCV Workshop, 1 ICML, 1 NeurIPS, 1 NeurIPS Workshop"
    )


def test_opening_a_member_row_shows_their_papers_of_that_year(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.overview.members_table
    model = window.overview.members_model
    row = [r.name for r in model.rows].index("Youngwan Lee")
    table.setCurrentIndex(model.index(row, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.current_view() == "papers"
    papers = window.papers.model.visible_records()
    assert len(papers) == 6
    assert all(p.news.year == 2024 for p in papers)


def test_the_chart_is_drawn_after_the_window_shows_with_a_bar_piece_per_label(
    qtbot: QtBot, window: MainWindow
) -> None:
    chart_ready(qtbot, window)
    chart = window.overview.chart
    pieces = {(s.year, s.label): s.count for s in chart.segments.values()}
    assert pieces[(2024, "ECCV")] == 6
    assert pieces[(2022, "ECCV")] == 2
    assert sum(c for (year, _label), c in pieces.items() if year == 2024) == 19


def test_clicking_a_chart_bar_shows_the_papers_it_counts(qtbot: QtBot, window: MainWindow) -> None:
    chart_ready(qtbot, window)
    chart = window.overview.chart
    assert chart.canvas is not None
    where = chart.bar_center(2024, "CVPR")
    qtbot.mouseClick(chart.canvas, Qt.MouseButton.LeftButton, pos=where)
    assert window.current_view() == "papers"
    papers = window.papers.model.visible_records()
    assert len(papers) == 5
    # The CVPR bar holds the CVPR Workshop paper the tally folds into it.
    assert {(p.venue_short, p.news.year) for p in papers} == {
        ("CVPR", 2024),
        ("CVPR Workshop", 2024),
    }
    assert window.papers.label_button.isVisible()
    assert window.papers.label_button.text().startswith("Counted as CVPR")
    # The label button takes the label filter off again.
    window.papers.label_button.click()
    assert window.papers.model.rowCount() == 19


def test_hovering_a_bar_says_its_numbers(qtbot: QtBot, window: MainWindow) -> None:
    chart_ready(qtbot, window)
    chart = window.overview.chart
    assert chart.canvas is not None
    where = chart.bar_center(2024, "ECCV")
    # A mouse move as the window system delivers it (QTest's moves land off by the window's
    # frame on the offscreen platform).
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(where),
        QPointF(chart.canvas.mapToGlobal(where)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart.canvas, move)
    qtbot.waitUntil(lambda: QToolTip.text() != "")
    assert QToolTip.text().startswith("ECCV, 2024: 6 of 19 papers")
    QToolTip.hideText()


def test_a_label_filter_shows_workshop_papers_under_their_conference(window: MainWindow) -> None:
    model = window.papers.model
    model.set_filters(year=2023, label="CVPR")
    assert model.rowCount() == 4
    model.set_filters(label="NoSuchLabel")
    assert model.rowCount() == 0
    model.set_filters()
    assert model.rowCount() == 41


def test_never_published_means_every_news_line_is_new(window: MainWindow) -> None:
    overview = window.overview
    lines = overview.unpublished_lines()
    assert overview.unpublished_count() == 22
    assert len(lines) == 6  # the newest; the rest are counted
    assert lines[0] == (
        "2024/12 Three papers accepted to NeurIPS 2024 (Kwanyong Park, Youngwan Lee, Ham Jaeseok)"
    )
    assert "has not been published from labnews yet" in overview.unpublished_note.text()
    assert "and 16 more" in overview.unpublished.text()


def test_chart_data_gathers_labels_past_the_palette_into_other() -> None:
    tallies = [
        YearTally(2020, 13, tuple((f"V{i:02d}", 1) for i in range(13))),
        YearTally(2022, 3, (("V00", 3),)),
    ]
    data = chart_data_from_tallies(tallies, max_labels=12)
    assert data.years == (2020, 2021, 2022)
    assert data.labels[0] == "V00"
    assert data.labels[-1] == OTHER
    assert len(data.labels) == 12
    assert data.folded == ("V11", "V12")
    assert data.count(2020, OTHER) == 2
    assert data.total(2021) == 0
    assert data.total(2022) == 3


def test_an_empty_lab_has_no_chart_and_says_how_to_begin(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.overview.chart.canvas is None
    assert window.overview.sentence_text().startswith("No papers yet")
    assert window.overview.members_model.rowCount(QModelIndex()) == 0


def test_each_lab_keeps_its_own_overview_year(
    window: MainWindow, demo_database: Database, tmp_path: Path
) -> None:
    """The year chosen in one lab comes back with that lab, and does not carry to another."""
    first = demo_database.path
    assert first is not None
    second = tmp_path / "other-lab.sqlite"
    shutil.copyfile(first, second)
    assert window.overview.show_year(2023)
    assert window.open_target(str(second))
    assert window.overview.year() == 2024
    assert window.overview.show_year(2022)
    assert window.open_target(str(first))
    assert window.overview.year() == 2023
    assert window.overview.sentence_text().startswith("We have 9 papers this year")
    assert window.open_target(str(second))
    assert window.overview.year() == 2022


def test_an_empty_lab_shows_no_year_box(empty_window: MainWindow) -> None:
    empty_window.show_view("overview")
    assert not empty_window.overview.year_box.isVisible()
    assert not empty_window.overview.year_label.isVisible()
    empty_window.menus.demo_action.trigger()
    assert empty_window.overview.year_box.isVisible()
    assert empty_window.overview.year_box.currentText() == "2024"


def test_the_chart_says_drawing_while_it_draws_and_the_page_does_not_shift(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    main.resize(1240, 780)
    main.set_database(demo_database)
    main.show()
    qtbot.waitExposed(main)
    chart = main.overview.chart
    # Before the canvas is made (matplotlib loads after the first paint): the note, in its place.
    assert chart.canvas is None
    assert chart.placeholder.isVisible()
    assert chart.placeholder.text() == "Drawing the chart…"
    before = (chart.geometry(), main.overview.unpublished_title.geometry())
    chart_ready(qtbot, main)
    QApplication.processEvents()
    assert chart.canvas is not None
    assert chart.canvas.isVisible()
    assert not chart.placeholder.isVisible()
    # The chart takes the place the note had: nothing below it moves.
    assert (chart.geometry(), main.overview.unpublished_title.geometry()) == before
    main.close()


def test_members_of_the_year_include_those_who_joined_without_a_paper_yet(
    window: MainWindow, demo_database: Database
) -> None:
    with demo_database.session(write=True) as session:
        commands.add_member(session, MemberInput("Jung Hana", joined=YearMonth(2024, 3)))
    window.reload()
    assert window.overview.show_year(2024)
    model = window.overview.members_model
    rows = {row.name: row for row in model.rows}
    assert rows["Jung Hana"].papers == 0
    assert model.rows[-1].name == "Jung Hana"  # after everyone with papers
    index = model.index(model.rows.index(rows["Jung Hana"]), Column.VENUES)
    assert model.data(index) == "joined 2024-03, no paper yet"
    assert window.overview.show_year(2023)
    assert "Jung Hana" not in {row.name for row in model.rows}


def test_the_venues_column_has_its_whole_text_as_a_tooltip(window: MainWindow) -> None:
    model = window.overview.members_model
    for row in range(model.rowCount()):
        index = model.index(row, Column.VENUES)
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index)
        assert model.data(index)
