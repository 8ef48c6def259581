"""The members, venues and achievements models: qtmodeltester, search, sort, what they show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from labnews.core.rules import TallyRules
from labnews.gui.models.achievements import AchievementsModel
from labnews.gui.models.achievements import Column as AchievementColumn
from labnews.gui.models.members import Column as MemberColumn
from labnews.gui.models.members import MembersModel
from labnews.gui.models.venues import Column as VenueColumn
from labnews.gui.models.venues import VenuesModel
from labnews.store import queries
from labnews.store.database import Database


def test_members_model_passes_qtmodeltester_and_finds_any_spelling(
    qtmodeltester: ModelTester, demo_database: Database
) -> None:
    model = MembersModel()
    with demo_database.session() as session:
        model.set_records(queries.members(session))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 20
    model.set_search("함재석")
    assert [model.record_at(r).name for r in range(model.rowCount())] == ["Ham Jaeseok"]
    model.set_search("j. ham")
    assert model.rowCount() == 1
    model.set_search("")
    model.sort(MemberColumn.NAME, Qt.SortOrder.DescendingOrder)
    names = [model.index(r, MemberColumn.NAME).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)
    pi = model.row_of(next(m.id for m in model.records if m.role == "pi"))
    assert pi is not None
    assert model.index(pi, MemberColumn.IN_NEWS).data() == "no"
    assert model.index(pi, MemberColumn.ROLE).data() == "PI"


def test_venues_model_shows_what_each_venue_counts_as(
    qtmodeltester: ModelTester, database: Database
) -> None:
    model = VenuesModel()
    with database.session() as session:
        model.set_venues(queries.venues(session), TallyRules())
    qtmodeltester.check(model, force_py=True)
    model.set_search("cvprw")
    assert model.rowCount() == 1
    assert model.index(0, VenueColumn.SHORT).data() == "CVPR Workshop"
    assert model.index(0, VenueColumn.PARENT).data() == "CVPR"
    assert model.index(0, VenueColumn.LABEL).data() == "CVPR"
    assert model.index(0, VenueColumn.MONTH).data() == "June"
    with database.session() as session:
        model.set_venues(queries.venues(session), TallyRules(workshops="separate"))
    assert model.index(0, VenueColumn.LABEL).data() == "CVPR Workshop"


def test_achievements_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, demo_database: Database
) -> None:
    model = AchievementsModel()
    with demo_database.session() as session:
        model.set_records(queries.achievements_in(session))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() >= 1
    model.set_search("commendation")
    assert model.rowCount() == 1
    assert model.index(0, AchievementColumn.DATE).data() == "2025-04"
    assert model.index(0, AchievementColumn.MEMBERS).data() == "Yong-Ju Lee"
