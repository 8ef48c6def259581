"""Tools menu and scheduled backups: check and repair from the window, backups while working."""

from __future__ import annotations

import sqlite3

from pytestqt.qtbot import QtBot

from labnews.core.inputs import MemberInput
from labnews.core.snapshots import paper_input
from labnews.gui.dialogs.check import CheckDialog
from labnews.gui.main_window import MainWindow
from labnews.store import commands, queries
from labnews.store.backup import list_backups


def test_the_check_dialog_finds_and_repairs_an_orphan_workshop(
    qtbot: QtBot, window: MainWindow
) -> None:
    database = window.database
    assert database is not None
    assert database.path is not None
    with sqlite3.connect(database.path) as conn:
        conn.execute("UPDATE venue SET parent_id = NULL WHERE short = 'CVPR Workshop'")
    dialog = CheckDialog(database, window)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "1 problems found."
    assert "workshop CVPR Workshop has no parent conference" in dialog.details.toPlainText()
    assert dialog.repair_button.isEnabled()
    dialog.repair_button.click()
    assert dialog.summary.text() == "No problems found."
    assert "fixed: workshop CVPR Workshop" in dialog.details.toPlainText()
    assert not dialog.repair_button.isEnabled()
    assert [b.reason for b in list_backups(database.path)] == ["pre-fix"]


def test_the_tools_menu_offers_check_and_backup(window: MainWindow) -> None:
    titles = [action.text() for action in window.menus.tools_menu.actions()]
    assert titles == ["&Check the database…", "&Back up now"]
    assert window.menus.check_action.isEnabled()
    assert window.menus.backup_action.isEnabled()


def test_a_scheduled_backup_follows_a_change_and_is_skipped_when_nothing_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    database = window.database
    assert database is not None
    assert database.path is not None
    first = window.scheduled_backup()
    assert first is not None
    assert first.exists()
    assert window.scheduled_backup() is None  # nothing changed since
    with database.session(write=True) as session:
        commands.add_member(session, MemberInput(name="Kim Backup"))
    assert window.scheduled_backup() is not None
    assert window.idle_backup.interval() == 5 * 60 * 1000


def test_closing_the_window_takes_the_on_quit_backup(qtbot: QtBot, window: MainWindow) -> None:
    database = window.database
    assert database is not None
    assert database.path is not None
    path = database.path
    window.close()
    assert [b.reason for b in list_backups(path)] == ["auto"]


def test_the_check_dialog_merges_a_paper_recorded_twice(qtbot: QtBot, window: MainWindow) -> None:
    database = window.database
    assert database is not None
    assert database.path is not None
    with database.session(write=True) as session:
        ham = next(
            p
            for p in queries.papers_in(session, [2024])
            if p.venue_short == "NeurIPS" and p.featured_name == "Ham Jaeseok"
        )
        copy = commands.add_paper(session, paper_input(ham)).ids[0]
    dialog = CheckDialog(database, window)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "1 problems found."
    assert (
        f"probable duplicate: paper #{copy} (untitled) is probably paper #{ham.id} (untitled) "
        "(NeurIPS 2024, news 2024-12, Ham Jaeseok)"
    ) in dialog.details.toPlainText()
    dialog.repair_button.click()
    assert dialog.summary.text() == "No problems found."
    assert f"fixed: merged paper #{copy} into paper #{ham.id}" in dialog.details.toPlainText()
    assert [b.reason for b in list_backups(database.path)] == ["pre-fix"]
    with database.session() as session:
        assert queries.paper_count(session) == 41
        assert queries.paper_by_id(session, ham.id).authors == ham.authors
