"""The "New acceptance" dialog, driven through its widgets: what it returns and what it refuses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from labnews.core.errors import LabnewsError
from labnews.core.inputs import AUTO, AuthorInput, PaperInput, VenueInput
from labnews.core.names import MemberDirectory
from labnews.core.records import MemberRecord, VenueRecord, YearMonth
from labnews.core.snapshots import paper_input
from labnews.gui.dialogs.paper import PaperDialog, VenueSpellings
from labnews.gui.dialogs.people import PeopleEditor
from labnews.gui.undo import trial_run
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers, message_text


def build(
    qtbot: QtBot, database: Database, initial: PaperInput | None = None, **options: object
) -> PaperDialog:
    dialog = PaperDialog(None, initial, database=database, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def answer(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
    """A handler that clicks ``button`` of a question box, as the user would."""

    def click(box: QMessageBox) -> None:
        found = box.button(button)
        assert found is not None
        found.click()

    return click


def member_id(database: Database, name: str) -> int:
    with database.session() as session:
        return queries.find_member(session, name).id


def test_a_filled_dialog_returns_the_paper_as_entered(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    assert not dialog.save_button.isEnabled()  # no venue yet
    dialog.venue.setText("cvpr")
    dialog.year.setValue(2025)
    dialog.title.setText("  A  Brand New   Paper ")
    assert dialog.authors.add_text("Jaeseok Ham")
    assert dialog.authors.add_text("Jane Outsider")
    assert dialog.authors.add_text("Youngwan Lee")
    dialog.presentation.set_value("oral")
    dialog.tabs.setCurrentIndex(1)
    dialog.arxiv.setText("2501.00001")
    dialog.code.setText("https://github.com/lab/code")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()

    assert dialog.result() == PaperDialog.DialogCode.Accepted
    ham, lee = member_id(demo_database, "Ham Jaeseok"), member_id(demo_database, "Youngwan Lee")
    assert dialog.value == PaperInput(
        venue="CVPR",
        year=2025,
        news=YearMonth(2025, 6),  # CVPR's usual month
        title="A Brand New Paper",
        authors=(
            AuthorInput("Jaeseok Ham", ham),  # the paper's own spelling of member Ham Jaeseok
            AuthorInput("Jane Outsider"),
            AuthorInput("", lee),
        ),
        featured=AUTO,
        presentation="oral",
        arxiv="2501.00001",
        code="https://github.com/lab/code",
    )


def test_venue_completion_finds_cvpr_by_short_full_name_and_alias(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    for typed in ("cvpr", "Computer Vision and Pattern", "CVPR (1)"):
        assert "CVPR" in dialog.venue_completions(typed), typed
    assert dialog.venue_completions("CVPR (1)") == ["CVPR"]
    # Whatever spelling is chosen or typed in full, the paper goes to CVPR.
    for spelling in ("cvpr", "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
                     "CVPR (1)"):  # fmt: skip
        dialog.venue.setText(spelling)
        assert dialog.resolved_venue is not None
        assert dialog.resolved_venue.short == "CVPR"
        assert dialog.read().venue == "CVPR"


def test_typing_in_the_venue_field_pops_up_completions(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.venue, "neurip")
    completer = dialog.venue.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    model = completer.completionModel()
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(text.startswith("NeurIPS") for text in shown)


def test_the_news_month_follows_the_venue_until_the_user_sets_it(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    dialog.year.setValue(2024)
    dialog.venue.setText("NeurIPS")
    assert dialog.read().news == YearMonth(2024, 12)
    dialog.venue.setText("CVPR Workshop")  # a workshop has its own month, else its parent's
    assert dialog.read().news == YearMonth(2024, 6)
    dialog.year.setValue(2023)
    assert dialog.read().news == YearMonth(2023, 6)
    dialog.news.selectAll()
    qtbot.keyClicks(dialog.news, "2023-07")  # the user sets the month: it no longer follows
    dialog.venue.setText("NeurIPS")
    assert dialog.read().news == YearMonth(2023, 7)


def test_an_unknown_venue_disables_save_and_says_so_at_the_field(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    dialog.venue.setText("CVRP")
    assert not dialog.save_button.isEnabled()
    message = dialog.form.message("venue")
    assert "No venue is called “CVRP”" in message
    assert "CVPR" in message  # the closest names are suggested
    dialog.venue.setText("CVPR")
    assert dialog.form.message("venue") == ""
    assert dialog.save_button.isEnabled()


def test_a_link_that_is_not_http_disables_save(qtbot: QtBot, demo_database: Database) -> None:
    dialog = build(qtbot, demo_database)
    dialog.venue.setText("CVPR")
    dialog.url.setText("javascript:alert(1)")
    assert not dialog.save_button.isEnabled()
    assert "http" in dialog.form.message("url")
    dialog.url.setText("https://example.org/paper")
    assert dialog.save_button.isEnabled()


def test_a_duplicate_paper_is_named_before_saving(qtbot: QtBot, demo_database: Database) -> None:
    with demo_database.session() as session:
        koala = next(
            p for p in queries.papers_in(session, [2024]) if p.title.startswith("KOALA: Fast")
        )
    dialog = build(qtbot, demo_database)
    dialog.venue.setText("CVPR Workshop")
    dialog.year.setValue(2024)
    dialog.title.setText(koala.title.upper())
    assert not dialog.save_button.isEnabled()
    assert f"#{koala.id}" in dialog.form.message("title")
    assert "KOALA: Fast" in dialog.form.message("title")
    assert dialog.duplicate is not None
    dialog.year.setValue(2025)
    assert dialog.form.message("title") == ""


def test_editing_a_paper_does_not_call_it_a_duplicate_of_itself(
    qtbot: QtBot, demo_database: Database
) -> None:
    with demo_database.session() as session:
        paper = next(p for p in queries.papers_in(session) if p.title)
    dialog = build(qtbot, demo_database, paper_input(paper), paper_id=paper.id)
    assert dialog.windowTitle() == "Edit paper"
    assert dialog.save_button.isEnabled()
    assert dialog.read() == paper_input(paper)  # unchanged fields come back unchanged


def test_a_store_error_is_shown_at_its_field_and_the_dialog_stays_open(
    qtbot: QtBot, demo_database: Database, modal: ModalAnswers
) -> None:
    def check(data: PaperInput) -> LabnewsError | None:
        return trial_run(demo_database, lambda s: commands.add_paper(s, data))

    dialog = build(qtbot, demo_database, check=check)
    dialog.venue.setText("CVPR")
    dialog.doi.setText("not a doi")
    dialog.accept()
    assert dialog.result() != PaperDialog.DialogCode.Accepted
    assert "doi must look like" in dialog.form.message("doi")
    assert dialog.tabs.currentIndex() == 1  # the links tab, where the field is
    dialog.doi.setText("10.1234/abc")
    assert dialog.form.message("doi") == ""
    modal.expect(QMessageBox, answer(QMessageBox.StandardButton.Yes))  # it names no member
    dialog.accept()
    modal.check()
    assert dialog.result() == PaperDialog.DialogCode.Accepted
    with demo_database.session() as session:
        assert queries.paper_count(session) == 41  # a trial writes nothing


def test_the_featured_member_is_automatic_and_can_be_changed(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    dialog.venue.setText("ICCV")
    dialog.authors.add_text("Yong-Ju Lee")  # the PI: never in the news
    assert dialog.featured.currentText() == ("Nobody yet (no author is a member shown in the news)")
    dialog.authors.add_text("Kwanyong Park")
    dialog.authors.add_text("Ham Jaeseok")
    assert dialog.featured.currentText() == (
        "Kwanyong Park (the first author who is a member shown in the news)"
    )
    ham = member_id(demo_database, "Ham Jaeseok")
    assert dialog.choose_featured(ham)
    assert dialog.read().featured == ham
    dialog.authors.list.setCurrentRow(2)
    dialog.authors.remove_selected()  # Ham is gone, so is the choice of Ham
    assert dialog.read().featured == AUTO
    assert dialog.choose_featured(None)
    assert dialog.read().featured is None


def test_authors_can_be_reordered_and_removed(qtbot: QtBot, demo_database: Database) -> None:
    dialog = build(qtbot, demo_database)
    for name in ("Ham Jaeseok", "Outside Person", "Youngwan Lee"):
        dialog.authors.add_text(name)
    editor = dialog.authors
    editor.list.setCurrentRow(2)
    editor.move_selected(-1)
    editor.move_selected(-1)
    assert editor.people()[0].member_id == member_id(demo_database, "Youngwan Lee")
    editor.list.setCurrentRow(1)
    editor.remove_selected()
    assert [p.name for p in editor.people()] == ["", "Outside Person"]
    assert not editor.add_text("Youngwan Lee")  # already listed
    assert "already listed" in editor.message.text()


def test_enter_in_the_author_field_adds_the_name_and_does_not_save(
    qtbot: QtBot, demo_database: Database
) -> None:
    dialog = build(qtbot, demo_database)
    dialog.venue.setText("CVPR")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.authors.entry.setFocus()
    qtbot.keyClicks(dialog.authors.entry, "Lee Seongwon")
    qtbot.keyClick(dialog.authors.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.authors.people()) == 1)
    assert dialog.isVisible()
    assert dialog.authors.people()[0].member_id == member_id(demo_database, "Lee Seongwon")
    assert dialog.authors.entry.text() == ""


def test_an_ambiguous_name_asks_for_more(qtbot: QtBot) -> None:
    directory = MemberDirectory(
        [
            MemberRecord(1, "Kim Minsu", aliases=("M. Kim",)),
            MemberRecord(2, "Kim Minji", aliases=("M. Kim",)),
        ]
    )
    editor = PeopleEditor(directory, outsiders=True)
    qtbot.addWidget(editor)
    assert not editor.add_text("M. Kim")
    assert "Kim Minji, Kim Minsu" in editor.message.text()
    assert editor.add_text("Minsu Kim")
    assert editor.people() == (AuthorInput("Minsu Kim", 1),)


def test_members_only_lists_refuse_outsiders(qtbot: QtBot) -> None:
    editor = PeopleEditor(MemberDirectory([MemberRecord(1, "Ham Jaeseok")]), outsiders=False)
    qtbot.addWidget(editor)
    assert not editor.add_text("Ham Jaeseak")
    assert "No member is called" in editor.message.text()
    assert "Ham Jaeseok" in editor.message.text()  # did you mean


def test_a_venue_can_be_created_on_the_spot(qtbot: QtBot, demo_database: Database) -> None:
    asked: list[str] = []

    def create(_parent: object, text: str) -> VenueRecord | None:
        asked.append(text)
        with demo_database.session(write=True) as session:
            commands.add_venue(session, VenueInput(short=text, kind="conference", month=9))
        with demo_database.session() as session:
            return queries.find_venue(session, text)

    dialog = build(qtbot, demo_database, create_venue=create)
    dialog.venue.setText("LabConf")
    assert not dialog.save_button.isEnabled()
    assert "New venue" in dialog.form.message("venue")
    dialog.new_venue_button.click()
    assert asked == ["LabConf"]
    assert dialog.resolved_venue is not None
    assert dialog.resolved_venue.short == "LabConf"
    news = dialog.read().news
    assert news is not None
    assert news.month == 9
    assert dialog.save_button.isEnabled()


@pytest.mark.parametrize("status", ["published", "withdrawn"])
def test_status_round_trips(qtbot: QtBot, demo_database: Database, status: str) -> None:
    initial = PaperInput(venue="ECCV", year=2024, news=YearMonth(2024, 9), status=status)
    dialog = build(qtbot, demo_database, replace(initial, title="Status test"))
    assert dialog.read() == replace(initial, title="Status test")


def test_the_venue_spellings_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, database: Database
) -> None:
    with database.session() as session:
        model = VenueSpellings(queries.venues(session))
    qtmodeltester.check(model, force_py=True)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    alias = next(i for i in rows if i.data(Qt.ItemDataRole.EditRole) == "CVPR (1)")
    assert alias.data() == "CVPR (1)  —  CVPR"


# --- a paper that names no member --------------------------------------------------------------


def _fill_without_members(dialog: PaperDialog) -> None:
    dialog.venue.setText("CVPR")
    dialog.year.setValue(2025)
    dialog.title.setText("Work of Our Friends")
    assert dialog.authors.add_text("Jane Outsider")
    assert dialog.authors.add_text("Ham Jaeseak")  # a misspelt member is an outside name
    assert dialog.save_button.isEnabled()


def test_a_paper_without_a_member_asks_first_and_no_returns_to_the_form(
    qtbot: QtBot, demo_database: Database, modal: ModalAnswers
) -> None:
    dialog = build(qtbot, demo_database)
    _fill_without_members(dialog)
    asked: list[str] = []

    def decline(box: QMessageBox) -> None:
        asked.append(message_text(box))
        answer(QMessageBox.StandardButton.No)(box)

    modal.expect(QMessageBox, decline)
    dialog.save_button.click()
    modal.check()
    assert asked[0].startswith(
        "None of the authors is a lab member; the paper will count in the tally but no news "
        "line will name anyone. Save it anyway?"
    )
    assert dialog.result() != PaperDialog.DialogCode.Accepted
    assert dialog.value is None
    # Back in the form: the missing member is added, and it saves without another question.
    assert dialog.authors.add_text("Ham Jaeseok")
    dialog.save_button.click()
    assert dialog.result() == PaperDialog.DialogCode.Accepted
    assert dialog.value is not None
    assert [a.member_id for a in dialog.value.authors] == [
        None,
        None,
        member_id(demo_database, "Ham Jaeseok"),
    ]


def test_a_paper_without_a_member_is_saved_when_the_answer_is_yes(
    qtbot: QtBot, demo_database: Database, modal: ModalAnswers
) -> None:
    dialog = build(qtbot, demo_database)
    _fill_without_members(dialog)
    modal.expect(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    dialog.save_button.click()
    modal.check()
    assert dialog.result() == PaperDialog.DialogCode.Accepted
    assert dialog.value is not None
    assert [a.name for a in dialog.value.authors] == ["Jane Outsider", "Ham Jaeseak"]
    assert all(a.member_id is None for a in dialog.value.authors)


def test_editing_away_the_last_member_asks_but_an_edit_of_a_memberless_paper_does_not(
    qtbot: QtBot, demo_database: Database, modal: ModalAnswers
) -> None:
    with demo_database.session() as session:
        paper = next(p for p in queries.papers_in(session, [2022]) if p.venue_short == "BMVC")
    dialog = build(qtbot, demo_database, paper_input(paper), paper_id=paper.id)
    while dialog.authors.people():
        dialog.authors.list.setCurrentRow(0)
        dialog.authors.remove_selected()
    modal.expect(QMessageBox, answer(QMessageBox.StandardButton.No))
    dialog.save_button.click()
    modal.check()
    assert dialog.result() != PaperDialog.DialogCode.Accepted
    # A paper that named no member before is edited without the question.
    memberless = PaperInput(venue="CVPR", year=2024, news=YearMonth(2024, 6))
    again = build(qtbot, demo_database, memberless, paper_id=paper.id)
    again.title.setText("Now with a title")
    again.save_button.click()
    assert again.result() == PaperDialog.DialogCode.Accepted


def test_links_equal_marks_presentation_also_and_acceptance_are_edited_in_the_dialog(
    qtbot: QtBot, demo_database: Database
) -> None:
    """The paper form edits a paper's details: a links table in the list's order that the
    paper, code and project fields follow, equal-contribution marks on the authors, a long
    talk, the also-presented-at lines and the day of acceptance."""
    from datetime import date

    from labnews.core.records import PaperLink

    with demo_database.session() as session:
        park = queries.find_member(session, "Kwanyong Park")
    start = PaperInput(
        venue="ICML",
        year=2021,
        news=YearMonth(2021, 5),
        title="Unsupervised Representation Learning via Neural Activation Coding",
        authors=(AuthorInput("Yookoon Park"), AuthorInput("", park.id)),
        links=(PaperLink("paper", "http://proceedings.mlr.press/v139/park21b.html"),),
    )
    dialog = build(qtbot, demo_database, start)
    assert dialog.links.links() == start.links
    assert dialog.url.text() == "http://proceedings.mlr.press/v139/park21b.html"
    # A row typed into the table, and a code link typed into its own field, join the list.
    dialog.links.add_row("poster", "assets/poster/icml21_park_poster.png")
    qtbot.keyClicks(dialog.code, "https://github.com/yookoon/nac")
    assert [link.label for link in dialog.links.links()] == ["paper", "poster", "code"]
    # Editing the paper row in the table moves the paper field with it.
    dialog.links.table.item(0, 1).setText("https://example.org/nac")
    assert dialog.url.text() == "https://example.org/nac"
    dialog.authors.list.setCurrentRow(0)
    dialog.equal_button.click()
    dialog.authors.list.setCurrentRow(1)
    dialog.equal_button.click()
    assert "equal contribution" in dialog.authors.list.item(0).text()
    assert dialog.presentation.set_value("long talk")
    dialog.also_presented.setPlainText("ICML 2021 Workshop\n\n  CVPR 2021:  Another Workshop ")
    dialog.accepted_on.setText("2021-05-08")
    saved = dialog.read()
    assert saved.links == (
        PaperLink("paper", "https://example.org/nac"),
        PaperLink("poster", "assets/poster/icml21_park_poster.png"),
        PaperLink("code", "https://github.com/yookoon/nac"),
    )
    assert [a.equal for a in saved.authors] == [True, True]
    assert saved.presentation == "long talk"
    assert saved.also_presented == ("ICML 2021 Workshop", "CVPR 2021: Another Workshop")
    assert saved.accepted == date(2021, 5, 8)
    assert dialog.save_button.isEnabled()
    # A day that is not one is said at its field, and the paper cannot be saved.
    dialog.accepted_on.setText("soon")
    assert not dialog.save_button.isEnabled()
    assert "YYYY-MM-DD" in dialog.form.message("accepted")
