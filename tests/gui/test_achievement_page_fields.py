"""The achievement dialog and the Achievements view edit what a page's sections show: a
project's period and role, a challenge's placement, description lines, and links as a table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from labnews.core.inputs import AchievementInput
from labnews.core.records import AchievementLink, MemberRecord, YearMonth
from labnews.gui.dialogs.achievement import AchievementDialog
from labnews.gui.models.achievements import AchievementsModel, Column, LinksModel
from labnews.store import queries
from labnews.store.database import Database

MEMBERS = (MemberRecord(1, "Yong-Ju Lee"), MemberRecord(2, "Youngwan Lee"))

PROJECT = AchievementInput(
    kind="project",
    title="Development of AI Autonomy",
    date=YearMonth(2022, 1),
    members=(1,),
    year_only=True,
    end_year=2026,
    role="Project Investigator",
    description="Agents that see.\nAnd speak.",
    in_news=False,
    links=(
        AchievementLink("link", "https://etri-visualintelligence.github.io/clara/", "Homepage"),
        AchievementLink("image", "images//clara-motivation.png", "image description"),
        AchievementLink("video", "https://youtu.be/4DJ-0Z70E0E?t=30"),
    ),
)


def test_the_dialog_round_trips_every_page_field(qtbot: QtBot) -> None:
    dialog = AchievementDialog(None, PROJECT, members=MEMBERS, editing=True)
    qtbot.addWidget(dialog)
    assert dialog.read() == PROJECT
    assert dialog.links.model.rowCount() == 3


def test_a_challenge_is_entered_with_its_placement_and_a_link_added_in_the_table(
    qtbot: QtBot,
) -> None:
    dialog = AchievementDialog(None, None, members=MEMBERS)
    qtbot.addWidget(dialog)
    dialog.kind.set_value("challenge")
    dialog.title.setText("YouTube-8M Video Understanding Challenge")
    dialog.date.setDate(dialog.date.date().fromString("2017-07-01", "yyyy-MM-dd"))
    dialog.rank.setValue(9)
    dialog.teams.setValue(8)
    assert "1 to 8" in dialog.form.message("rank")
    assert not dialog.save_button.isEnabled()
    dialog.teams.setValue(655)
    assert dialog.form.message("rank") == ""
    # A link is added with the table's own button and typed into its cells.
    qtbot.mouseClick(dialog.links.add_button, Qt.MouseButton.LeftButton)
    model = dialog.links.model
    model.setData(model.index(0, LinksModel.URL), "javascript:alert(1)", Qt.ItemDataRole.EditRole)
    assert "link 1 URL must be an http or https link" in dialog.form.message("links")
    assert not dialog.save_button.isEnabled()
    model.setData(
        model.index(0, LinksModel.URL), "https://kaggle.com/c/yt8m", Qt.ItemDataRole.EditRole
    )
    model.setData(model.index(0, LinksModel.LABEL), "leaderboard", Qt.ItemDataRole.EditRole)
    assert dialog.form.message("links") == ""
    dialog.description.setPlainText("CVPR 2017 Workshop\n\n  on video  ")
    dialog.in_news.setChecked(False)
    dialog.save_button.click()
    assert dialog.value == AchievementInput(
        kind="challenge",
        title="YouTube-8M Video Understanding Challenge",
        date=YearMonth(2017, 7),
        rank=9,
        teams=655,
        description="CVPR 2017 Workshop\non video",
        in_news=False,
        links=(AchievementLink("link", "https://kaggle.com/c/yt8m", "leaderboard"),),
    )


def test_removing_a_link_and_a_year_with_a_day_are_handled_at_the_field(qtbot: QtBot) -> None:
    dialog = AchievementDialog(None, PROJECT, members=MEMBERS, editing=True)
    qtbot.addWidget(dialog)
    dialog.links.table.setCurrentIndex(dialog.links.model.index(1, LinksModel.KIND))
    qtbot.mouseClick(dialog.links.remove_button, Qt.MouseButton.LeftButton)
    assert [link.kind for link in dialog.read().links] == ["link", "video"]
    dialog.day.setValue(3)
    assert "year only" in dialog.form.message("day")
    dialog.year_only.setChecked(False)
    assert dialog.form.message("day") == ""
    dialog.end_year.setValue(2021)
    assert dialog.form.message("end_year") != ""


def test_the_links_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = LinksModel(PROJECT.links)
    qtmodeltester.check(model, force_py=True)
    model.add_link("embed", "https://www.etri.re.kr/webzine/202404/sub02.html")
    model.remove_link(0)
    assert [link.kind for link in model.links()] == ["image", "video", "embed"]


def test_the_achievements_view_shows_projects_and_year_only_talks(demo_database: Database) -> None:
    model = AchievementsModel()
    with demo_database.session() as session:
        model.set_records(queries.achievements_in(session))
    model.set_search("project overview")
    assert model.rowCount() == 1
    assert model.index(0, Column.DATE).data() == "2023"
    model.set_search("project investigator")  # the role is searched too
    assert model.rowCount() == 4
    assert {model.index(r, Column.KIND).data() for r in range(4)} == {"project"}
