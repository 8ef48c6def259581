"""Revision 0004 carries a lab's achievements over into the page fields, and back again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from labnews.store.migrate import alembic_config

pytestmark = pytest.mark.sqlite_only


def _migrate(path: Path, revision: str, *, down: bool = False) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config = alembic_config(connection)
            if down:
                command.downgrade(config, revision)
            else:
                command.upgrade(config, revision)
    finally:
        engine.dispose()


def test_an_award_of_revision_0002_keeps_its_values_and_is_announced_as_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lab.db"
    _migrate(path, "0002")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO achievement (id, kind, title, year, month, day, organisation, url,"
            " sentence, version) VALUES (1, 'award', 'Best Paper', 2024, 3, 5, 'CVPR',"
            " 'https://cvpr.example/award', 'We won', 2)"
        )
    _migrate(path, "0004")
    with sqlite3.connect(path) as db:
        row = db.execute(
            "SELECT kind, title, year, month, day, organisation, url, sentence, version,"
            " year_only, end_year, role, description, rank, teams, in_news FROM achievement"
        ).fetchone()
        assert row == (
            "award", "Best Paper", 2024, 3, 5, "CVPR", "https://cvpr.example/award", "We won", 2,
            0, None, None, None, None, None, 1,
        )  # fmt: skip
        assert db.execute("SELECT count(*) FROM achievement_link").fetchone() == (0,)
        # The new kind is accepted, and the check still refuses a kind nobody knows.
        db.execute("INSERT INTO achievement (kind, title, year, month, version) "
                   "VALUES ('project', 'CLARA', 2022, 1, 1)")  # fmt: skip
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO achievement (kind, title, year, month, version) "
                       "VALUES ('party', 'x', 2022, 1, 1)")  # fmt: skip
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO achievement_link (achievement_id, position, kind, url) "
                       "VALUES (1, 0, 'gif', 'https://x.example')")  # fmt: skip


def test_downgrading_0004_makes_a_project_a_grant_and_drops_its_links(tmp_path: Path) -> None:
    path = tmp_path / "lab.db"
    _migrate(path, "0004")
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO achievement (id, kind, title, year, month, version, year_only,"
                   " in_news) VALUES (1, 'project', 'CLARA', 2022, 1, 1, 1, 0)")  # fmt: skip
        db.execute("INSERT INTO achievement_link (achievement_id, position, kind, url) "
                   "VALUES (1, 0, 'link', 'https://clara.example')")  # fmt: skip
    _migrate(path, "0002", down=True)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT kind, title FROM achievement").fetchall() == [("grant", "CLARA")]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "achievement_link" not in tables
