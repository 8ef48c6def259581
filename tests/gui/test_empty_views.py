"""An empty lab's views say what belongs in them and offer the buttons that put it there."""

from __future__ import annotations

from typing import Any, cast

import pytest
from pytestqt.qtbot import QtBot

from labnews.gui.dialogs.member import MemberDialog
from labnews.gui.main_window import MainWindow
from labnews.gui.views.records import RecordsView
from tests.gui.conftest import ModalAnswers

FILLING = {
    "papers": ["New acceptance…", "Import…", "Open the demo lab"],
    "members": ["New member…", "Import…", "Open the demo lab"],
    "achievements": ["New achievement…", "Import…", "Open the demo lab"],
}


def records(window: MainWindow, name: str) -> RecordsView[Any]:
    return cast("RecordsView[Any]", window.view(name))


@pytest.mark.parametrize("name", sorted(FILLING))
def test_an_empty_table_shows_a_hint_and_the_buttons_that_fill_it(
    empty_window: MainWindow, name: str
) -> None:
    empty_window.show_view(name)
    view = records(empty_window, name)
    assert view.empty_hint.isVisible()
    assert not view.table.isVisible()
    assert view.empty_hint.label.text().startswith("No ")
    assert [b.text() for b in view.empty_hint.buttons] == FILLING[name]
    assert all(b.isVisible() and b.isEnabled() for b in view.empty_hint.buttons)


def test_open_the_demo_lab_from_the_empty_papers_view_fills_it(
    empty_window: MainWindow, qtbot: QtBot
) -> None:
    empty_window.show_view("papers")
    papers = empty_window.papers
    papers.empty_hint.actions_row.button("Open the demo lab").click()
    assert papers.model.rowCount() == 41
    assert papers.table.isVisible()
    assert not papers.empty_hint.isVisible()
    assert empty_window.windowTitle().endswith("demo-lab.sqlite")


def test_new_member_from_the_empty_members_view_opens_the_member_dialog(
    empty_window: MainWindow, modal: ModalAnswers
) -> None:
    empty_window.show_view("members")
    seen: list[str] = []
    modal.expect(MemberDialog, lambda dialog: seen.append(dialog.windowTitle()))
    empty_window.members.empty_hint.actions_row.button("New member…").click()
    modal.check()
    assert seen == ["New member"]


def test_the_empty_overview_offers_the_ways_to_start(empty_window: MainWindow) -> None:
    empty_window.show_view("overview")
    overview = empty_window.overview
    assert overview.sentence_text().startswith("No papers yet")
    buttons = overview.empty_actions.buttons
    assert [b.text() for b in buttons] == FILLING["papers"]
    assert all(b.isVisible() for b in buttons)
    overview.empty_actions.button("Open the demo lab").click()
    assert overview.lines()[0].startswith("2024: 19 papers")
    assert not overview.empty_actions.isVisible()


@pytest.mark.parametrize("name", sorted(FILLING))
def test_the_demo_lab_shows_its_tables_without_hints(window: MainWindow, name: str) -> None:
    window.show_view(name)
    view = records(window, name)
    assert view.table.isVisible()
    assert not view.empty_hint.isVisible()


def test_the_demo_overview_has_no_starting_buttons(window: MainWindow) -> None:
    window.show_view("overview")
    assert not window.overview.empty_actions.isVisible()


def test_a_search_that_matches_nothing_keeps_the_table(window: MainWindow) -> None:
    window.show_view("papers")
    window.papers.search.setText("no paper is called this")
    window.papers.apply_search()
    assert window.papers.model.rowCount() == 0
    assert window.papers.table.isVisible()
    assert not window.papers.empty_hint.isVisible()
