"""Hidden tabs read the lab when first shown: opening a lab reads only what the window shows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from labnews.gui.main_window import VIEWS, MainWindow
from labnews.gui.preferences import Preferences
from labnews.store import queries
from labnews.store.database import Database


def test_a_hidden_tab_reads_the_lab_when_first_shown(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    main.show_view("papers")
    main.set_database(demo_database)
    main.show()
    qtbot.waitExposed(main)
    assert [name for name in VIEWS if main.built_view(name) is not None] == ["papers"]
    assert main.papers.model.records
    # Written after the lab was opened: the tab built later reads the lab as it is then.
    assert demo_database.path is not None
    raw = sqlite3.connect(demo_database.path)
    with raw:
        raw.execute(
            "UPDATE member SET name = 'Renamed Meanwhile' WHERE id = (SELECT min(id) FROM member)"
        )
    raw.close()
    with demo_database.session() as session:
        expected = {m.name for m in queries.members(session)}
    assert "Renamed Meanwhile" in expected
    main.show_view("members")
    assert main.members.isVisible()
    assert {m.name for m in main.members.model.records} == expected
    main.show_view("overview")
    assert main.overview.snapshot.papers == main.papers.model.records
    assert main.overview.year_box.value() in {p.news.year for p in main.papers.model.records}
    main.show_view("news")
    assert main.news.database is demo_database
    main.close()


def test_the_remembered_year_reaches_an_overview_built_later(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    with demo_database.session() as session:
        oldest_year = min(queries.news_years(session))
    assert demo_database.path is not None
    preferences.save_overview_year(str(demo_database.path.resolve()), oldest_year)
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    main.show_view("papers")
    main.set_database(demo_database)
    assert main.built_view("overview") is None
    main.show_view("overview")
    assert main.overview.year_box.value() == oldest_year
    main.close()


def test_a_tab_that_cannot_read_the_lab_says_why_and_fills_on_reload(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    main = MainWindow(preferences=preferences, demo_path=tmp_path / "demo-lab.sqlite")
    qtbot.addWidget(main)
    main.show_view("papers")
    main.set_database(demo_database)
    assert demo_database.path is not None
    raw = sqlite3.connect(demo_database.path)
    with raw:
        raw.execute("ALTER TABLE achievement RENAME TO achievement_gone")
    main.show_view("achievements")
    assert main.achievements.model.records == ()
    assert "achievement" in main.statusBar().currentMessage()
    with raw:
        raw.execute("ALTER TABLE achievement_gone RENAME TO achievement")
    raw.close()
    main.reload()
    assert main.achievements.model.records
    main.close()
