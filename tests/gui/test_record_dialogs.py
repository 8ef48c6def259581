"""The member, venue and achievement dialogs: each returns its Input, and refuses bad fields."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from labnews.core.inputs import AchievementInput, MemberInput, VenueInput
from labnews.core.records import DEFAULT_ROLE, ROLE_WORDS, ROLES, MemberRecord, YearMonth
from labnews.gui.dialogs.achievement import AchievementDialog
from labnews.gui.dialogs.member import MemberDialog
from labnews.gui.dialogs.venue import VenueDialog
from labnews.store import queries
from labnews.store.database import Database

MEMBER = MemberInput(
    name="Ham Jaeseok",
    native="함재석",
    aliases=("Jaeseok Ham", "J. Ham"),
    role="phd",
    in_news=True,
    joined=YearMonth(2021, 3),
    left=YearMonth(2025, 2),
    homepage="https://example.org/ham",
    orcid="0000-0001-2345-6789",
    note="Works on\nvideo understanding",
)


def test_member_dialog_round_trips_its_input(qtbot: QtBot) -> None:
    dialog = MemberDialog(None, MEMBER, editing=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit member"
    assert dialog.read() == MEMBER
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value == MEMBER


def test_member_dialog_builds_a_new_member_from_its_fields(qtbot: QtBot) -> None:
    dialog = MemberDialog(None, None)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no name yet
    dialog.name.setText("  Yong-Ju   Lee ")
    dialog.native.setText("이용주")
    dialog.aliases.setPlainText("Yongju Lee\n\n  Y.-J. Lee  \n")
    dialog.role.set_value("pi")
    dialog.in_news.setChecked(False)
    assert dialog.save_button.isEnabled()
    assert dialog.read() == MemberInput(
        name="Yong-Ju Lee",
        native="이용주",
        aliases=("Yongju Lee", "Y.-J. Lee"),
        role="pi",
        in_news=False,
    )


def test_member_dialog_shows_bad_dates_at_their_fields(qtbot: QtBot) -> None:
    dialog = MemberDialog(None, MemberInput(name="Someone"))
    qtbot.addWidget(dialog)
    dialog.joined.setText("2024/13")
    assert not dialog.save_button.isEnabled()
    assert "YYYY-MM" in dialog.form.message("joined")
    dialog.joined.setText("2024-05")
    dialog.left.setText("2023-01")
    assert "before joining" in dialog.form.message("left")
    assert not dialog.save_button.isEnabled()
    dialog.left.setText("2025-01")
    assert dialog.form.message("left") == ""
    assert dialog.save_button.isEnabled()


def test_member_and_achievement_links_must_be_web_links(qtbot: QtBot) -> None:
    member = MemberDialog(None, MemberInput(name="Someone"))
    award = AchievementDialog(None, None, members=())
    for dialog, edit, key in ((member, member.homepage, "homepage"), (award, award.url, "url")):
        qtbot.addWidget(dialog)
        if dialog is award:
            award.title.setText("Best Paper Award")
        edit.setText("example.org/page")
        assert dialog.form.message(key) == "This must be an http:// or https:// link."
        assert not dialog.save_button.isEnabled()
        edit.setText("https://example.org/page")
        assert dialog.form.message(key) == ""
        assert dialog.save_button.isEnabled()


VENUE = VenueInput(
    short="LabW",
    full="The Lab's Workshop on Things",
    kind="workshop",
    parent="CVPR",
    label="CVPR",
    month=6,
    aliases=("LABW", "Lab Workshop"),
    homepage="https://example.org/labw",
)


def test_venue_dialog_round_trips_its_input(qtbot: QtBot, database: Database) -> None:
    with database.session() as session:
        venues = queries.venues(session)
    dialog = VenueDialog(None, VENUE, venues=venues)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    assert dialog.read() == VENUE


def test_venue_dialog_refuses_an_unknown_parent_and_a_bad_homepage(
    qtbot: QtBot, database: Database
) -> None:
    with database.session() as session:
        venues = queries.venues(session)
    dialog = VenueDialog(None, VenueInput(short="NewConf"), venues=venues)
    qtbot.addWidget(dialog)
    assert dialog.read() == VenueInput(short="NewConf")
    dialog.parent_venue.setText("CVRP")
    assert "No other venue" in dialog.form.message("parent")
    assert not dialog.save_button.isEnabled()
    dialog.parent_venue.setText("cvpr")
    dialog.homepage.setText("ftp://example.org")
    assert "http" in dialog.form.message("homepage")
    dialog.homepage.setText("")
    dialog.month.set_value(None)
    assert dialog.save_button.isEnabled()
    assert dialog.read().month is None
    assert dialog.read().parent == "cvpr"


def test_a_venue_cannot_be_its_own_parent(qtbot: QtBot, database: Database) -> None:
    with database.session() as session:
        venues = queries.venues(session)
        cvpr = queries.find_venue(session, "CVPR")
    dialog = VenueDialog(None, VenueInput(short="CVPR"), venues=venues, venue_id=cvpr.id)
    qtbot.addWidget(dialog)
    dialog.parent_venue.setText("CVPR")
    assert dialog.form.message("parent") != ""


MEMBERS = (
    MemberRecord(1, "Ham Jaeseok", aliases=("Jaeseok Ham",)),
    MemberRecord(2, "Youngwan Lee"),
)


def test_achievement_dialog_round_trips_its_input(qtbot: QtBot) -> None:
    initial = AchievementInput(
        kind="talk",
        title="Invited talk on efficient diffusion",
        date=YearMonth(2024, 11),
        day=14,
        members=(2, 1),
        organisation="KAIST",
        url="https://example.org/talk",
        sentence="Youngwan Lee gave an invited talk at KAIST.",
    )
    dialog = AchievementDialog(None, initial, members=MEMBERS, editing=True)
    qtbot.addWidget(dialog)
    assert dialog.read() == initial


def test_achievement_dialog_builds_an_award_from_its_fields(qtbot: QtBot) -> None:
    dialog = AchievementDialog(None, None, members=MEMBERS)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no title yet
    dialog.kind.set_value("award")
    dialog.title.setText("Best Paper Award")
    dialog.date.setDate(dialog.date.date().fromString("2024-02-01", "yyyy-MM-dd"))
    dialog.day.setValue(30)
    assert "has 29 days" in dialog.form.message("day")  # 2024 is a leap year
    dialog.day.setValue(29)
    assert dialog.members.add_text("Jaeseok Ham")
    assert not dialog.members.add_text("Someone Else")  # members only
    dialog.save_button.click()
    assert dialog.value == AchievementInput(
        kind="award", title="Best Paper Award", date=YearMonth(2024, 2), day=29, members=(1,)
    )


@pytest.mark.parametrize(
    "dialog_type",
    [MemberDialog, VenueDialog],
)
def test_record_dialogs_start_empty_with_save_disabled(
    qtbot: QtBot, dialog_type: type[MemberDialog] | type[VenueDialog]
) -> None:
    dialog = dialog_type(None, None)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.reject()
    assert dialog.value is None


def test_a_new_member_starts_as_a_researcher_and_each_role_reads_as_the_cli_says(
    qtbot: QtBot,
) -> None:
    """The window's role words are core.records.ROLE_WORDS, and its default is DEFAULT_ROLE."""
    dialog = MemberDialog(None, None)
    qtbot.addWidget(dialog)
    assert dialog.role.value() == DEFAULT_ROLE == "researcher"
    assert dialog.role.currentText() == "researcher"
    shown = [dialog.role.itemText(i) for i in range(dialog.role.count())]
    assert shown == [ROLE_WORDS[role] for role in ROLES]
