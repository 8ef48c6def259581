"""The detail pane beside the tables and the undo bar after a delete, on the demo lab."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from labnews.core.inputs import AchievementInput, MemberInput, PaperInput, VenueInput
from labnews.core.records import PaperRecord
from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.gui.views.detail import PANE_SETTING, pane_spec
from labnews.store import queries
from labnews.store.database import Database


def _paper_with_doi(window: MainWindow) -> PaperRecord:
    return next(p for p in window.papers.model.records if p.doi and p.title)


def _choose(window: MainWindow, paper: PaperRecord) -> None:
    window.show_view("papers")
    window.papers.select_ids([paper.id])


def _stored(database: Database, paper_id: int) -> PaperRecord:
    with database.session() as session:
        return queries.paper_by_id(session, paper_id)


def _type(qtbot: QtBot, window: MainWindow, field: str, text: str) -> None:
    editor = window.papers.detail.editors[field]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_choosing_a_paper_shows_its_fields_and_links(window: MainWindow) -> None:
    paper = _paper_with_doi(window)
    _choose(window, paper)
    pane = window.papers.detail
    assert pane.isVisibleTo(window.papers)
    assert pane.editors["title"].text() == paper.title
    assert pane.editors["year"].text() == str(paper.year)
    assert pane.editors["doi"].text() == paper.doi
    assert f'href="https://doi.org/{paper.doi}"' in pane.links.text()
    # What the pane does not edit, it shows as the table does: the authors, the news month.
    assert f"<b>Authors</b>: {', '.join(a.name for a in paper.authors)}" in pane.facts.text()
    assert f"<b>News month</b>: {paper.news}" in pane.facts.text()
    assert "<b>Title</b>" not in pane.facts.text()


def test_a_clicked_link_is_passed_on_with_its_address(qtbot: QtBot, window: MainWindow) -> None:
    paper = _paper_with_doi(window)
    _choose(window, paper)
    pane = window.papers.detail
    with qtbot.waitSignal(pane.link_activated) as clicked:
        pane.links.linkActivated.emit(f"https://doi.org/{paper.doi}")
    assert clicked.args == [f"https://doi.org/{paper.doi}"]


def test_editing_the_title_in_the_pane_saves_it_and_ctrl_z_puts_it_back(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    paper = _paper_with_doi(window)
    _choose(window, paper)
    steps = window.undo_stack.count()
    _type(qtbot, window, "title", "A Title Typed in the Pane")
    assert _stored(demo_database, paper.id).title == "A Title Typed in the Pane"
    assert window.undo_stack.count() == steps + 1
    # The pane follows the saved record, and leaving the field saves nothing more.
    title = window.papers.detail.editors["title"]
    assert title.text() == "A Title Typed in the Pane"
    assert title.hasFocus()
    window.papers.table.setFocus()
    assert window.undo_stack.count() == steps + 1
    # Ctrl+Z typed in the pane's field reaches the window's history.
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(demo_database, paper.id).title == paper.title
    assert title.text() == paper.title


def test_tab_after_an_edit_saves_it_and_moves_on_to_the_next_field(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    paper = _paper_with_doi(window)
    _choose(window, paper)
    pane = window.papers.detail
    title = pane.editors["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "A Title Left with Tab")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert _stored(demo_database, paper.id).title == "A Title Left with Tab"
    # Leaving the field saved it; the focus is where Tab sent it, not pulled back.
    assert not title.hasFocus()
    assert pane.editors["venue"].hasFocus()


def test_a_bad_year_is_shown_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    paper = _paper_with_doi(window)
    _choose(window, paper)
    pane = window.papers.detail
    steps = window.undo_stack.count()
    _type(qtbot, window, "year", "twenty")
    assert pane.error_at("year") == "Type a number, such as 2025"
    assert pane.editors["year"].text() == "twenty"  # kept as typed
    _type(qtbot, window, "year", "1800")
    message = pane.error_at("year")
    assert message is not None
    assert "1800" in message
    assert _stored(demo_database, paper.id).year == paper.year
    assert window.undo_stack.count() == steps
    _type(qtbot, window, "year", str(paper.year))
    assert pane.error_at("year") is None


def test_deleting_shows_an_undo_bar_whose_undo_brings_the_paper_back(
    window: MainWindow, demo_database: Database
) -> None:
    paper = _paper_with_doi(window)
    _choose(window, paper)
    before = len(window.papers.model.records)
    window.delete_selected()
    view = window.papers
    assert len(view.model.records) == before - 1
    assert view.undo_bar.isVisibleTo(view)
    assert view.undo_bar.label.text() == f"Deleted “{paper.title}”."
    view.undo_bar.undo_button.click()
    assert not view.undo_bar.isVisibleTo(view)
    assert len(view.model.records) == before
    back = [p for p in view.model.records if p.title == paper.title and p.doi == paper.doi]
    assert len(back) == 1


def test_the_undo_bar_goes_away_at_the_next_change(window: MainWindow) -> None:
    papers = [p for p in window.papers.model.records if p.title][:2]
    _choose(window, papers[0])
    window.delete_selected()
    view = window.papers
    assert view.undo_bar.isVisibleTo(view)
    view.select_ids([papers[1].id])
    window.delete_selected()
    assert view.undo_bar.label.text() == f"Deleted “{papers[1].title}”."
    window.undo()  # the Edit menu's undo: the bar's offer is used up
    assert not view.undo_bar.isVisibleTo(view)


def test_the_pane_shows_for_members_too_and_edits_a_name(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    member = window.members.model.records[0]
    window.show_view("members")
    window.members.select_ids([member.id])
    pane = window.members.detail
    assert pane.editors["name"].text() == member.name
    editor = pane.editors["name"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, member.name + " Jr")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    with demo_database.session() as session:
        assert queries.member_by_id(session, member.id).name == member.name + " Jr"


def test_the_view_menu_hides_the_panes_and_the_choice_is_remembered(
    window: MainWindow, preferences: Preferences
) -> None:
    window.show_view("papers")
    action = window.findChild(QAction, "detail_pane_action")
    assert action in window.menus.view_menu.actions()
    assert isinstance(action, QAction)
    assert action.isChecked()
    action.trigger()
    assert not window.papers.detail.isVisibleTo(window.papers)
    assert not window.members.detail.isVisibleTo(window.members)
    assert str(preferences.settings.value(PANE_SETTING)).lower() == "false"


def test_each_pane_edits_fields_its_input_has_and_reads_them_as_declared() -> None:
    inputs = {
        "papers": PaperInput,
        "members": MemberInput,
        "venues": VenueInput,
        "achievements": AchievementInput,
    }
    for kind, input_type in inputs.items():
        spec = pane_spec(kind)
        attributes = {f.name for f in fields(input_type)}
        assert [f.name for f in spec.fields if f.name not in attributes] == [], kind
    papers = {f.name: (f.label, f.parse) for f in pane_spec("papers").fields}
    assert list(papers) == ["title", "venue", "year", "doi", "arxiv", "note"]
    assert papers["year"] == ("Year", "int")
    assert papers["title"] == ("Title", "text")
    assert papers["doi"] == ("DOI", "optional")
    venues = [(f.name, f.label) for f in pane_spec("venues").fields]
    assert venues == [
        ("short", "Short name"),
        ("full", "Full name"),
        ("label", "Counted as"),
        ("homepage", "Homepage"),
    ]
