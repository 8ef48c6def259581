"""A large lab's papers table: the newest papers at once, the rest read on a worker thread.

The demo lab stands in for a large one by lowering the view's threshold: the path is the same.
"""

from __future__ import annotations

import contextlib
import sqlite3

from pytestqt.qtbot import QtBot

from labnews.gui.main_window import MainWindow
from labnews.gui.views.papers import PapersView
from labnews.store.database import Database


def _reload_as_large(window: MainWindow) -> PapersView:
    view = window.papers
    view.background_from = 10
    view.first_rows = 5
    window.load()
    return view


def _member_added_elsewhere(database: Database) -> int:
    """A member written by another program (the window has not seen it); its id."""
    assert database.path is not None
    with contextlib.closing(sqlite3.connect(database.path)) as raw, raw:
        raw.execute(
            "INSERT INTO member (name, role, in_news, version) VALUES (?, ?, 1, 1)",
            ("Joined Elsewhere", "other"),
        )
        return int(raw.execute("SELECT max(id) FROM member").fetchone()[0])


def _authors_taken_away(database: Database) -> None:
    """The table every paper read joins, renamed away: the next read of all papers fails."""
    assert database.path is not None
    with contextlib.closing(sqlite3.connect(database.path)) as raw, raw:
        raw.execute("ALTER TABLE authorship RENAME TO authorship_gone")


def test_the_newest_papers_show_first_and_the_rest_arrive(qtbot: QtBot, window: MainWindow) -> None:
    every = window.papers.model.records
    newest = sorted(every, key=lambda p: (p.news, p.position, p.id))[-5:]
    view = _reload_as_large(window)
    assert view.loading
    assert [p.id for p in view.model.records] == [p.id for p in newest]
    assert view.count_label.text() == f"5 of {len(every)} papers, reading the rest…"
    with qtbot.waitSignal(view.records_loaded, timeout=20_000):
        pass
    assert not view.loading
    assert view.model.rowCount() == len(every)
    assert {p.id for p in view.model.records} == {p.id for p in every}
    assert view.count_label.text() == f"{len(every)} papers"
    # The overview's lists are made from the whole table again.
    assert len(window.overview.snapshot.papers) == len(every)


def test_a_search_typed_while_loading_finds_a_paper_read_late(
    qtbot: QtBot, window: MainWindow
) -> None:
    oldest = min(
        (p for p in window.papers.model.records if p.title), key=lambda p: (p.news, p.position)
    )
    view = _reload_as_large(window)
    view.search.setText(oldest.title)
    view.apply_search()
    assert view.model.rowCount() == 0  # not read yet
    with qtbot.waitSignal(view.records_loaded, timeout=20_000):
        pass
    assert view.model.rowCount() == 1
    assert view.model.record_at(0).id == oldest.id


def test_the_chosen_row_stays_chosen_when_the_rest_arrive(qtbot: QtBot, window: MainWindow) -> None:
    view = _reload_as_large(window)
    chosen = view.model.records[2]
    view.select_ids([chosen.id])
    with qtbot.waitSignal(view.records_loaded, timeout=20_000):
        pass
    assert [p.id for p in view.selected_records()] == [chosen.id]
    assert view.detail.editors["title"].text() == chosen.title


def test_a_change_made_while_loading_is_not_lost_when_the_rest_arrive(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = _reload_as_large(window)
    paper = view.model.records[-1]
    view.select_ids([paper.id])
    editor = view.detail.editors["title"]
    editor.setText("Renamed While the Table Was Loading")
    assert view.detail.apply_field("title")
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    titles = {p.id: p.title for p in view.model.records}
    assert titles[paper.id] == "Renamed While the Table Was Loading"
    assert len(titles) == len(window.papers.model.records)


def test_a_read_that_fails_says_so_and_keeps_the_newest_papers(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    view = _reload_as_large(window)
    # The reader starts a moment after the window answered: take the papers away before it.
    _authors_taken_away(demo_database)
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    assert view.model.rowCount() == 5
    assert view.count_label.text() == "5 papers"
    assert window.statusBar().currentMessage().startswith("Only the newest papers could be read:")


def test_a_read_that_fails_still_gives_the_member_filter_this_labs_members(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    """The members were to come with the background read: when it fails they are read alone."""
    view = window.papers  # built (and its members read) before the member below is added
    _member_added_elsewhere(demo_database)
    view = _reload_as_large(window)
    assert "Joined Elsewhere" not in _member_names(view)
    _authors_taken_away(demo_database)
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    assert window.statusBar().currentMessage().startswith("Only the newest papers could be read:")
    assert "Joined Elsewhere" in _member_names(view)


def _member_names(view: PapersView) -> list[str]:
    return [view.member_filter.itemText(i) for i in range(view.member_filter.count())]


def test_a_large_labs_members_arrive_with_the_rest_of_its_papers(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    """The first rows do not wait for the members (a large lab has thousands): the member
    filter keeps the members it had until the background read brings them afresh."""
    view = window.papers
    new_id = _member_added_elsewhere(demo_database)
    view = _reload_as_large(window)
    assert view.loading
    assert "Joined Elsewhere" not in _member_names(view)
    # Asked for before the members arrive (the overview's member links do this): kept.
    view.show_member(new_id)
    assert view.member_filter.value() is None
    with qtbot.waitSignal(view.records_loaded, timeout=20_000):
        pass
    assert "Joined Elsewhere" in _member_names(view)
    assert view.member_filter.value() == new_id
    assert view.model.rowCount() == 0  # the new member wrote no papers


def test_a_later_choice_overrules_a_member_asked_for_before_the_members_arrived(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    known = next(m for m in window.members.model.records if m.name)
    new_id = _member_added_elsewhere(demo_database)
    view = _reload_as_large(window)
    view.show_member(new_id)
    view.show_member(known.id)
    with qtbot.waitSignal(view.records_loaded, timeout=20_000):
        pass
    assert view.member_filter.value() == known.id


def test_a_member_chosen_while_loading_stays_chosen_when_the_members_arrive(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.papers
    member = next(m for m in window.members.model.records if m.name)
    view = _reload_as_large(window)
    view.show_member(member.id)
    assert view.member_filter.value() == member.id
    with qtbot.waitSignal(view.records_loaded, timeout=20_000):
        pass
    assert view.member_filter.value() == member.id
