"""Every page field of an achievement (period, role, placement, description, links, year-only
dates, in_news) survives a CSV and a JSON export imported into a new lab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from labnews.core.inputs import AchievementInput
from labnews.core.records import AchievementLink, AchievementRecord, YearMonth
from labnews.io import tableexport, tableimport
from labnews.io.plan import apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.migrate import open_database


def _comparable(item: AchievementRecord) -> tuple[Any, ...]:
    """An achievement without what a new lab numbers afresh (ids, versions)."""
    return (
        item.kind,
        item.title,
        item.date,
        item.day,
        tuple(m.name for m in item.members),
        item.organisation,
        item.url,
        item.sentence,
        item.year_only,
        item.end_year,
        item.role,
        item.description,
        item.rank,
        item.teams,
        item.in_news,
        item.links,
    )


def _achievements(database: Database) -> list[tuple[Any, ...]]:
    with database.session() as session:
        return sorted(map(_comparable, queries.achievements_in(session)), key=repr)


@pytest.fixture
def rich_lab(demo_database: Database) -> Database:
    """The demo lab (projects, talks with videos and images, an award) and a challenge with
    a placement, description lines and a link label holding spaces."""
    with demo_database.session(write=True) as session:
        pi = queries.member_directory(session).find("Yong-Ju Lee")
        assert pi is not None
        commands.add_achievement(
            session,
            AchievementInput(
                kind="challenge",
                title="Google Cloud & YouTube-8M Video Understanding Challenge",
                date=YearMonth(2017, 7),
                day=26,
                members=(pi.member.id,),
                organisation="CVPR Workshop",
                url="https://www.kaggle.com/c/youtube8m/leaderboard",
                description="CVPR 2017 Workshop\nOn YouTube-8M; large-scale, video",
                rank=8,
                teams=655,
                links=(AchievementLink("link", "https://example.org/a;b", "code & slides"),),
            ),
        )
    return demo_database


def _fresh(tmp_path: Path) -> Database:
    return open_database(str(tmp_path / "fresh.sqlite"))


def _import(database: Database, path: Path) -> None:
    with database.session(write=True) as session:
        plan = tableimport.plan_table(session, path)
        assert not plan.of_kind("error"), plan.of_kind("error")
        apply_plan(session, plan)


def test_a_json_export_brings_every_achievement_field_into_a_new_lab(
    rich_lab: Database, tmp_path: Path
) -> None:
    path = tmp_path / "lab.json"
    with rich_lab.session() as session:
        path.write_text(tableexport.export_json(session, None), encoding="utf-8")
    fresh = _fresh(tmp_path)
    try:
        _import(fresh, path)
        assert _achievements(fresh) == _achievements(rich_lab)
        assert len(_achievements(fresh)) == 17
    finally:
        fresh.dispose()


def test_csv_tables_bring_every_achievement_field_into_a_new_lab(
    rich_lab: Database, tmp_path: Path
) -> None:
    with rich_lab.session() as session:
        for table in ("members", "achievements"):
            text = tableexport.export_csv(session, table, None)
            (tmp_path / f"{table}.csv").write_text(text, encoding="utf-8")
    fresh = _fresh(tmp_path)
    try:
        _import(fresh, tmp_path / "members.csv")
        _import(fresh, tmp_path / "achievements.csv")
        assert _achievements(fresh) == _achievements(rich_lab)
    finally:
        fresh.dispose()


def test_a_year_only_date_is_written_as_the_year(rich_lab: Database) -> None:
    with rich_lab.session() as session:
        text = tableexport.export_csv(session, "achievements", None)
    overview = next(line for line in text.splitlines() if "Project Overview" in line)
    assert ",2023,," in overview
    assert "video https://www.youtube.com/watch?v=kdz_EpIPEt8" in overview


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ("challenge,X,2020-01,,,,,,,,,5,3,,", "rank 5 is beyond the 3 teams"),
        ("talk,X,2020-01,,,,,,,,,,,,video javascript:alert(1)", "link 1 URL must be an http"),
        ("talk,X,2020-01,,,,,,,,,,,,gif https://x.example/a.gif", "link 1 kind must be one of"),
        ("project,X,2020,,,,,,1999,,,,,,", "end_year 1999 is before the start year 2020"),
    ],
)
def test_bad_page_fields_in_a_table_are_reported_naming_the_field(
    database: Database, tmp_path: Path, cells: str, message: str
) -> None:
    header = (
        "kind,title,date,day,members,organisation,url,sentence,end_year,role,description,"
        "rank,teams,in_news,links"
    )
    path = tmp_path / "achievements.csv"
    path.write_text(f"{header}\n{cells}\n", encoding="utf-8")
    with database.session() as session:
        plan = tableimport.plan_table(session, path)
    errors = [f.message for f in plan.of_kind("error")]
    assert plan.achievements == []
    assert any(message in error for error in errors), errors
