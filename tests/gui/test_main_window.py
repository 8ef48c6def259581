"""The main window end to end: add, edit, delete, undo and redo through real dialogs and menus."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QRect, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from labnews.core.inputs import MemberInput
from labnews.core.records import PaperRecord, YearMonth
from labnews.core.snapshots import paper_input, venue_input
from labnews.gui.dialogs.conflict import ConflictDialog
from labnews.gui.dialogs.paper import PaperDialog
from labnews.gui.dialogs.venue import VenueDialog
from labnews.gui.main_window import MainWindow
from labnews.gui.models.papers import Column
from labnews.gui.preferences import Preferences
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.migrate import open_database
from tests.conftest import POSTGRES_URL, _reset_postgres
from tests.gui.conftest import ModalAnswers, message_text


def paper_count(database: Database, year: int | None = None) -> int:
    with database.session() as session:
        return queries.paper_count(session, year)


def fill_new_paper(dialog: PaperDialog) -> None:
    dialog.venue.setText("cvpr")
    dialog.year.setValue(2024)
    dialog.title.setText("Seeing Through the Lab Window")
    dialog.authors.add_text("Jaeseok Ham")
    dialog.authors.add_text("Outside Author")
    assert dialog.save_button.isEnabled(), dialog.form.message("title")
    dialog.save_button.click()


def test_the_title_names_the_database(window: MainWindow, demo_database: Database) -> None:
    # Qt adds " — labnews" itself: the title is the database's name alone.
    assert window.windowTitle() == demo_database.name
    assert window.papers.model.rowCount() == 41
    assert window.overview.lines()[0] == (
        "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)"
    )


def test_without_a_database_the_title_is_the_application_alone(
    qtbot: QtBot, preferences: Preferences
) -> None:
    main = MainWindow(preferences=preferences)
    qtbot.addWidget(main)
    # Not "labnews — labnews": Qt leaves a title that already ends with the display name alone.
    assert main.windowTitle() == "labnews"


def test_adding_a_paper_through_the_dialog_shows_it_and_undo_redo_work(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    modal.expect(PaperDialog, fill_new_paper)
    window.menus.new_paper_action.trigger()
    modal.check()

    assert window.statusBar().currentMessage() == (
        "Added a paper to CVPR 2024: 2024 now has 20 papers"
    )
    model = window.papers.model
    assert model.rowCount() == 42
    new = window.papers.current_record()
    assert new is not None
    assert new.title == "Seeing Through the Lab Window"
    assert [a.name for a in new.authors] == ["Ham Jaeseok", "Outside Author"]
    assert new.featured_name == "Ham Jaeseok"
    assert window.overview.lines()[0].startswith("2024: 20 papers (2 ETRI J., 6 CVPR,")
    assert paper_count(demo_database, 2024) == 20

    assert window.menus.undo_action.text() == "&Undo Add paper"
    window.menus.undo_action.trigger()
    assert model.rowCount() == 41
    assert paper_count(demo_database, 2024) == 19
    assert window.overview.lines()[0].startswith("2024: 19 papers")

    window.menus.redo_action.trigger()
    assert model.rowCount() == 42
    assert paper_count(demo_database, 2024) == 20
    titles = [p.title for p in model.records]
    assert "Seeing Through the Lab Window" in titles
    # And undo again works on the re-added paper, whatever id it got.
    window.menus.undo_action.trigger()
    assert paper_count(demo_database, 2024) == 19


def test_invalid_input_shows_a_message_and_writes_nothing(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    seen: dict[str, object] = {}

    def try_bad_input(dialog: PaperDialog) -> None:
        dialog.venue.setText("No Such Venue")
        seen["save enabled"] = dialog.save_button.isEnabled()
        seen["message"] = dialog.form.message("venue")
        dialog.venue.setText("ECCV")
        dialog.doi.setText("doi-that-is-not")
        dialog.save_button.click()  # the store's own check refuses it at the field
        seen["doi message"] = dialog.form.message("doi")
        seen["still open"] = dialog.isVisible()
        dialog.reject()

    modal.expect(PaperDialog, try_bad_input)
    window.new_record("papers")
    modal.check()
    assert seen["save enabled"] is False
    assert "No venue is called" in str(seen["message"])
    assert "doi must look like" in str(seen["doi message"])
    assert seen["still open"] is True
    assert paper_count(demo_database) == 41
    assert window.undo_stack.count() == 0


def test_the_search_box_narrows_the_table_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view("papers")
    window.focus_search()
    qtbot.keyClicks(window.papers.search, "koala")
    qtbot.waitUntil(lambda: window.papers.model.rowCount() == 2)
    assert window.papers.count_label.text() == "2 of 41 papers"
    window.papers.show_year(2024)
    window.papers.search.clear()
    qtbot.waitUntil(lambda: window.papers.model.rowCount() == 19)


def test_deleting_several_papers_at_once_and_undo_restores_them_all(
    window: MainWindow, demo_database: Database
) -> None:
    window.show_view("papers")
    view = window.papers
    chosen = [p for p in view.model.records if p.news.year == 2022]
    before = {p.id: p for p in chosen}
    view.select_ids(before)
    assert len(view.selected_records()) == 6
    assert window.menus.delete_action.text() == "&Delete 6 papers"
    window.menus.delete_action.trigger()
    assert window.statusBar().currentMessage() == "Removed 6 papers"
    assert paper_count(demo_database, 2022) == 0
    assert view.model.rowCount() == 35
    assert not [line for line in window.overview.lines() if line.startswith("2022")]

    window.menus.undo_action.trigger()
    assert paper_count(demo_database, 2022) == 6
    restored = [p for p in view.model.records if p.news.year == 2022]
    assert sorted((p.venue_short, p.featured_name, p.news) for p in restored) == sorted(
        (p.venue_short, p.featured_name, p.news) for p in before.values()
    )
    assert "2022: 6 papers (1 ETRI J., 2 CVPR, 2 ECCV, 1 BMVC)" in window.overview.lines()
    assert len(view.selected_records()) == 6  # the restored papers are selected again

    window.menus.redo_action.trigger()
    assert paper_count(demo_database, 2022) == 0
    window.menus.undo_action.trigger()
    assert paper_count(demo_database, 2022) == 6


def test_editing_a_paper_then_undo_puts_the_old_fields_back(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    paper = next(p for p in window.papers.model.records if p.title.startswith("KOALA: Fast"))

    def retitle(dialog: PaperDialog) -> None:
        assert dialog.windowTitle() == "Edit paper"
        dialog.title.setText("KOALA, retitled")
        dialog.save_button.click()

    modal.expect(PaperDialog, retitle)
    window.edit_record(paper)
    modal.check()
    with demo_database.session() as session:
        assert queries.paper_by_id(session, paper.id).title == "KOALA, retitled"
    assert window.statusBar().currentMessage().startswith("Updated a paper at CVPR Workshop 2024")
    window.menus.undo_action.trigger()
    with demo_database.session() as session:
        assert queries.paper_by_id(session, paper.id).title == paper.title
    window.menus.redo_action.trigger()
    with demo_database.session() as session:
        assert queries.paper_by_id(session, paper.id).title == "KOALA, retitled"


def test_double_click_opens_the_editor_and_cancel_changes_nothing(
    qtbot: QtBot, window: MainWindow, modal: ModalAnswers
) -> None:
    window.show_view("papers")
    table = window.papers.table
    index = window.papers.model.index(0, Column.TITLE)
    seen: list[str] = []
    modal.expect(PaperDialog, lambda dialog: seen.append(dialog.windowTitle()))
    center = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    modal.check()
    assert seen == ["Edit paper"]
    assert window.undo_stack.count() == 0


def test_duplicate_opens_a_new_acceptance_with_the_same_venue_and_authors(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    window.show_view("papers")
    paper = next(p for p in window.papers.model.records if p.title.startswith("KOALA: Fast"))
    window.papers.select_ids([paper.id])
    seen: dict[str, object] = {}

    def look_then_save(dialog: PaperDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["input"] = dialog.read()
        dialog.title.setText("KOALA's sibling")
        dialog.save_button.click()

    modal.expect(PaperDialog, look_then_save)
    window.menus.duplicate_action.trigger()
    modal.check()
    assert seen["title"] == "New acceptance"
    assert seen["input"] == replace(
        paper_input(paper), title="", doi=None, arxiv=None, url=None, code=None, project=None
    )
    assert paper_count(demo_database, 2024) == 20


def test_the_context_menu_edits_duplicates_and_deletes_the_selection(
    window: MainWindow, demo_database: Database
) -> None:
    window.show_view("papers")
    view = window.papers
    view.select_ids([p.id for p in view.model.records if p.venue_short == "AVSS"])
    menu = view.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Edit…", "Dupli&cate…", "&Delete 2 papers", "&New acceptance…"]
    next(a for a in menu.actions() if a.text().startswith("&Delete")).trigger()
    assert paper_count(demo_database, 2024) == 17
    window.menus.undo_action.trigger()
    assert paper_count(demo_database, 2024) == 19


def test_a_version_conflict_shows_the_dialog_and_offers_to_reload(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    paper = next(p for p in window.papers.model.records if p.title.startswith("KOALA: Fast"))
    message: list[str] = []

    def edit_while_someone_else_does(dialog: PaperDialog) -> None:
        # Another admin saves the same paper between our load and our save.
        with demo_database.session(write=True) as session:
            commands.update_paper(
                session, paper.id, replace(paper_input(paper), title="Their title")
            )
        dialog.title.setText("Our title")
        modal.expect(ConflictDialog, reload_and_remember)
        dialog.save_button.click()

    def reload_and_remember(box: ConflictDialog) -> None:
        message.append(message_text(box))
        box.reload_button.click()

    modal.expect(PaperDialog, edit_while_someone_else_does)
    window.edit_record(paper)
    modal.check()
    assert "changed by someone else" in message[0]
    assert window.undo_stack.count() == 0  # the refused edit is not in the history
    shown = next(p for p in window.papers.model.records if p.id == paper.id)
    assert shown.title == "Their title"  # reloaded
    with demo_database.session() as session:
        assert queries.paper_by_id(session, paper.id).title == "Their title"


def test_an_undo_that_the_database_refuses_is_reported_and_leaves_the_history(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    paper = next(p for p in window.papers.model.records if p.title.startswith("KOALA: Fast"))
    other = next(p for p in window.papers.model.records if p.news.year == 2022)
    window.remove_records([paper])
    window.remove_records([other])
    window.menus.undo_action.trigger()  # brings `other` back: fine
    assert window.undo_stack.canRedo()
    # Someone else records the same paper meanwhile: undoing our delete would duplicate it.
    with demo_database.session(write=True) as session:
        commands.add_paper(session, paper_input(paper))
    seen: list[str] = []
    modal.expect(QMessageBox, lambda box: seen.append(message_text(box)))
    window.menus.undo_action.trigger()
    modal.check()
    assert "already recorded" in seen[0]
    assert paper_count(demo_database) == 41  # theirs, not a second copy
    # The refused step and everything after it are gone: nothing left to undo or redo.
    assert window.undo_stack.count() == 0
    assert not window.undo_stack.canRedo()
    assert not window.menus.undo_action.isEnabled()


def test_a_member_still_on_papers_cannot_be_deleted_and_the_window_says_why(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    member = next(m for m in window.members.model.records if m.name == "Ham Jaeseok")
    seen: list[str] = []
    modal.expect(QMessageBox, lambda box: seen.append(message_text(box)))
    window.remove_records([member])
    modal.check()
    assert "still an author of 4 papers" in seen[0]
    assert window.undo_stack.count() == 0
    assert len(window.members.model.records) == 20


def test_editing_a_venue_label_changes_the_tally(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    etri = next(v for v in window.venues.model.records if v.short == "ETRI J.")

    def relabel(dialog: VenueDialog) -> None:
        assert dialog.read() == venue_input(etri)
        dialog.label.setText("SCI-E")
        dialog.save_button.click()

    modal.expect(VenueDialog, relabel)
    window.edit_record(etri)
    modal.check()
    assert window.overview.lines()[0] == (
        "2024: 19 papers (2 SCI-E, 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)"
    )
    row = window.venues.model.row_of(etri.id)
    assert row is not None
    assert window.venues.model.index(row, 4).data() == "SCI-E"
    papers: list[PaperRecord] = [p for p in window.papers.model.records if p.venue_id == etri.id]
    assert all(p.venue_label == "SCI-E" for p in papers)
    window.menus.undo_action.trigger()
    assert "2 ETRI J." in window.overview.lines()[0]


def test_adding_a_member_a_venue_and_an_achievement_can_all_be_undone(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    from labnews.gui.dialogs.achievement import AchievementDialog
    from labnews.gui.dialogs.member import MemberDialog

    def new_member(dialog: MemberDialog) -> None:
        dialog.name.setText("Park Newcomer")
        dialog.save_button.click()

    def new_venue(dialog: VenueDialog) -> None:
        dialog.short.setText("LabConf")
        dialog.save_button.click()

    def new_award(dialog: AchievementDialog) -> None:
        dialog.title.setText("Best Demo Award")
        dialog.members.add_text("Park Newcomer")
        dialog.save_button.click()

    modal.expect(MemberDialog, new_member)
    window.menus.new_member_action.trigger()
    modal.check()
    modal.expect(VenueDialog, new_venue)
    window.menus.new_venue_action.trigger()
    modal.check()
    modal.expect(AchievementDialog, new_award)
    window.menus.new_achievement_action.trigger()
    modal.check()
    assert len(window.members.model.records) == 21
    assert any(v.short == "LabConf" for v in window.venues.model.records)
    assert any(a.title == "Best Demo Award" for a in window.achievements.model.records)
    assert window.undo_stack.count() == 3
    for _ in range(3):
        window.menus.undo_action.trigger()
    assert len(window.members.model.records) == 20
    assert not any(v.short == "LabConf" for v in window.venues.model.records)
    assert not any(a.title == "Best Demo Award" for a in window.achievements.model.records)
    for _ in range(3):
        window.menus.redo_action.trigger()
    award = next(a for a in window.achievements.model.records if a.title == "Best Demo Award")
    assert [m.name for m in award.members] == ["Park Newcomer"]


def _save_anyway(box: QMessageBox) -> None:
    """Say Yes to saving a paper that names no member."""
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    yes.click()


def _paper_at_a_venue_made_on_the_spot(
    window: MainWindow,
    modal: ModalAnswers,
    typed: str,
    make_the_venue: Callable[[VenueDialog], None],
    title: str,
    news: YearMonth | None = None,
) -> list[str]:
    """Record a paper whose venue New venue… makes from the paper dialog; what the venue field
    said before the venue was made and after."""
    said: list[str] = []

    def create_then_save(dialog: PaperDialog) -> None:
        dialog.venue.setText(typed)
        said.append(dialog.form.message("venue"))
        modal.expect(VenueDialog, make_the_venue)
        dialog.new_venue_button.click()
        said.append(dialog.form.message("venue"))
        dialog.title.setText(title)
        if news is not None:
            dialog.news.setValue(news)
        modal.expect(QMessageBox, _save_anyway)  # the paper names no member: asked first
        dialog.save_button.click()

    modal.expect(PaperDialog, create_then_save)
    window.new_record("papers")
    modal.check()
    return said


def test_a_venue_created_from_the_paper_dialog_is_an_undoable_change(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    def name_the_venue(dialog: VenueDialog) -> None:
        assert dialog.short.text() == "LabConf"
        dialog.month.set_value(9)
        dialog.save_button.click()

    _paper_at_a_venue_made_on_the_spot(window, modal, "LabConf", name_the_venue, "At a new venue")
    added = next(p for p in window.papers.model.records if p.title == "At a new venue")
    assert added.venue_short == "LabConf"
    assert added.news.month == 9
    assert window.undo_stack.count() == 2  # the venue, then the paper


def test_a_venue_the_catalog_gained_later_comes_filled_in_from_the_paper_dialog(
    window: MainWindow, demo_database: Database, modal: ModalAnswers
) -> None:
    with demo_database.session(write=True) as session:
        # The demo lab as one made before the catalog had TGRS.
        commands.remove_venue(session, queries.find_venue(session, "TGRS").id)

    def check_the_venue(dialog: VenueDialog) -> None:
        made = dialog.read()
        assert (made.short, made.full, made.kind) == (
            "TGRS",
            "IEEE Transactions on Geoscience and Remote Sensing",
            "journal",
        )
        assert "IEEE TGRS" in made.aliases
        dialog.save_button.click()

    said = _paper_at_a_venue_made_on_the_spot(
        window, modal, "IEEE TGRS", check_the_venue, "Maps from orbit", YearMonth(2025, 3)
    )
    assert said == [
        "TGRS (IEEE Transactions on Geoscience and Remote Sensing) is not in this lab yet; the "
        "venue catalog has it. Add it with the New venue button.",
        "",  # the field now names the new venue
    ]
    added = next(p for p in window.papers.model.records if p.title == "Maps from orbit")
    assert added.venue_short == "TGRS"
    assert window.undo_stack.count() == 2  # the venue, then the paper


def test_a_database_that_cannot_be_opened_shows_a_dialog(
    window: MainWindow, tmp_path: Path, modal: ModalAnswers, demo_database: Database
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database at all")
    seen: list[str] = []
    modal.expect(QMessageBox, lambda box: seen.append(f"{box.windowTitle()}: {box.text()}"))
    assert not window.open_target(str(broken))
    modal.check()
    assert seen[0].startswith("Cannot open the database: ")
    assert "is not a SQLite database" in seen[0]
    assert window.database is demo_database  # still on the database it had


def test_the_demo_lab_opens_from_the_file_menu(
    window: MainWindow, tmp_path: Path, preferences: Preferences
) -> None:
    window.menus.demo_action.trigger()
    assert window.database is not None
    assert window.database.path == tmp_path / "demo-lab.sqlite"
    assert window.papers.model.rowCount() == 41
    assert str(tmp_path / "demo-lab.sqlite") in window.windowTitle()
    assert preferences.recent_databases()[0] == str(tmp_path / "demo-lab.sqlite")
    window.menus.demo_action.trigger()  # opened again: loaded once, not twice
    assert window.papers.model.rowCount() == 41


def test_recent_databases_are_remembered_newest_first_up_to_eight(
    window: MainWindow, tmp_path: Path, preferences: Preferences
) -> None:
    for number in range(10):
        assert window.open_target(str(tmp_path / f"lab{number}.sqlite"))
    recent = preferences.recent_databases()
    assert recent[0] == str(tmp_path / "lab9.sqlite")
    assert len(recent) == 8
    assert preferences.last_database() == str(tmp_path / "lab9.sqlite")
    window.menus.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.menus.recent_menu.actions() if a.text()]
    assert labels[0] == f"&1 {tmp_path / 'lab9.sqlite'}"
    assert window.papers.model.rowCount() == 0  # a new database: the catalog, no papers


def test_server_urls_are_remembered_without_their_password(preferences: Preferences) -> None:
    preferences.remember_database("postgresql+psycopg://admin:secret@db.lab/news")
    assert preferences.recent_databases() == ["postgresql+psycopg://admin@db.lab/news"]


def test_window_geometry_columns_and_view_are_restored(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    first = MainWindow(preferences=preferences, demo_path=tmp_path / "demo.sqlite")
    qtbot.addWidget(first)
    first.set_database(demo_database)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(QRect(40, 50, 700, 480))
    first.papers.table.horizontalHeader().resizeSection(Column.VENUE, 222)
    first.show_view("venues")
    geometry = first.geometry()
    first.close()

    second = MainWindow(preferences=preferences, demo_path=tmp_path / "demo.sqlite")
    qtbot.addWidget(second)
    assert second.size() == geometry.size()
    assert second.papers.table.horizontalHeader().sectionSize(Column.VENUE) == 222
    assert second.current_view() == "venues"
    saved = preferences.window_geometry()
    assert isinstance(saved, QByteArray)
    second.close()


def test_views_are_reachable_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "papers"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "achievements"
    window.focus_search()
    assert window.achievements.search.hasFocus()
    assert window.menus.new_paper_action.shortcut().toString() == "Ctrl+N"
    assert window.menus.undo_action.shortcut().toString() == "Ctrl+Z"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "Data&base", "&Help"]


@pytest.mark.postgres
def test_a_window_on_a_shared_server_lab_sees_another_admins_change_when_it_comes_to_the_front(
    qtbot: QtBot, preferences: Preferences, tmp_path: Path, modal: ModalAnswers
) -> None:
    from labnews.gui.dialogs.member import MemberDialog

    if not POSTGRES_URL:
        pytest.skip("LABNEWS_TEST_POSTGRES_URL is not set: the PostgreSQL run is skipped")
    _reset_postgres()
    mine, theirs = open_database(POSTGRES_URL), open_database(POSTGRES_URL)
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    try:
        main.set_database(mine)
        main.show()
        qtbot.waitExposed(main)
        assert main.members.model.records == ()
        assert not main.lab_file.reload_if_changed_elsewhere()
        with theirs.session(write=True) as session:
            commands.add_member(session, MemberInput(name="Kim Elsewhere"))
        main.activateWindow()
        qtbot.waitUntil(main.isActiveWindow)
        main.changeEvent(QEvent(QEvent.Type.ActivationChange))  # what Qt sends on activation
        assert [m.name for m in main.members.model.records] == ["Kim Elsewhere"]
        assert "another program" in main.statusBar().currentMessage()
        assert not main.lab_file.reload_if_changed_elsewhere()

        def new_member(dialog: MemberDialog) -> None:
            dialog.name.setText("Kim Here")
            dialog.save_button.click()

        # The window's own change is not news from elsewhere.
        modal.expect(MemberDialog, new_member)
        main.menus.new_member_action.trigger()
        modal.check()
        assert {m.name for m in main.members.model.records} == {"Kim Elsewhere", "Kim Here"}
        assert not main.lab_file.reload_if_changed_elsewhere()

        def meanwhile(_change: object) -> None:
            main.changed.disconnect(meanwhile)
            with theirs.session(write=True) as session:
                commands.add_member(session, MemberInput(name="Kim Meanwhile"))

        # A change committed while the window's views read is not taken as seen.
        main.changed.connect(meanwhile)  # after the views: it runs once they have read
        main.load()
        assert "Kim Meanwhile" not in {m.name for m in main.members.model.records}
        assert main.lab_file.reload_if_changed_elsewhere()
        assert "Kim Meanwhile" in {m.name for m in main.members.model.records}
    finally:
        main.close()
        mine.dispose()
        theirs.dispose()


def test_the_window_reloads_what_another_program_wrote_when_it_comes_to_the_front(
    window: MainWindow, demo_database: Database, tmp_path: Path
) -> None:
    """Another program's write (here a command-line process on the same file) is shown when the
    window is next activated; the window's own changes do not count as news from elsewhere."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    assert demo_database.path is not None
    assert not window.lab_file.reload_if_changed_elsewhere()
    # The members' table built (and read) now: a table first built later reads the lab as it is.
    assert window.members.model.records
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "labnews.cli",
            "--db",
            str(demo_database.path),
            "add",
            "member",
            "Elsewhere Added",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr
    names = {m.name for m in window.members.model.records}
    assert "Elsewhere Added" not in names
    window.activateWindow()
    assert window.isActiveWindow()
    window.changeEvent(QEvent(QEvent.Type.ActivationChange))  # what Qt sends on activation
    assert "Elsewhere Added" in {m.name for m in window.members.model.records}
    assert "another program" in window.statusBar().currentMessage()
    assert not window.lab_file.reload_if_changed_elsewhere()
