"""Migration 0005: ids of members, venues, papers and achievements are never given twice."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from labnews.store.database import Database
from labnews.store.migrate import alembic_config, open_database
from labnews.store.models import Base

pytestmark = pytest.mark.sqlite_only

TABLES = ("member", "venue", "paper", "achievement")
NEW_PAPER = (
    "INSERT INTO paper (title, venue_id, year, news_year, news_month, status, position, version)"
    " VALUES ('Another paper', (SELECT min(id) FROM venue), 2024, 2024, 6, 'accepted', 0, 1)"
)


def schema(path: Path) -> dict[str, str]:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return {str(name): str(sql) for name, sql in rows}


def id_after_removing_the_newest_paper(path: Path) -> tuple[int, int]:
    """Remove the paper with the largest id, add one: (the removed id, the new paper's id)."""
    with closing(sqlite3.connect(path)) as conn, conn:
        newest = int(conn.execute("SELECT max(id) FROM paper").fetchone()[0])
        conn.execute("DELETE FROM authorship WHERE paper_id = ?", (newest,))
        conn.execute("DELETE FROM paper WHERE id = ?", (newest,))
        added = conn.execute(NEW_PAPER).lastrowid
    assert added is not None
    return newest, added


def downgrade_to_0002(database: Database) -> None:
    with database.engine.connect() as connection:
        # As labnews's own upgrades do: foreign keys off (set outside a transaction) while
        # tables are made again.
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            command.downgrade(alembic_config(connection), "0002")


def test_a_new_lab_never_gives_an_id_twice(demo_database: Database) -> None:
    path = demo_database.path
    assert path is not None
    demo_database.dispose()
    for table in TABLES:
        assert "AUTOINCREMENT" in schema(path)[table]
    removed, added = id_after_removing_the_newest_paper(path)
    assert added == removed + 1


def test_a_lab_from_before_is_upgraded_keeping_every_row_constraint_and_index(
    demo_database: Database,
) -> None:
    path = demo_database.path
    assert path is not None
    before = schema(path)
    downgrade_to_0002(demo_database)
    demo_database.dispose()
    old = schema(path)
    assert not any("AUTOINCREMENT" in sql for sql in old.values())
    with closing(sqlite3.connect(path)) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        authors = conn.execute("SELECT count(*) FROM authorship").fetchone()[0]
    assert counts["paper"] == 41  # the 34 papers of the news, and the PI's 7 older ones

    open_database(str(path)).dispose()  # upgrades to the newest schema, after a backup

    after = schema(path)
    assert set(after) == set(before)  # every index, the sqlite_sequence table included
    for table in TABLES:
        assert "AUTOINCREMENT" in after[table]
        # Every check and foreign key is still there.
        assert after[table].count("CONSTRAINT") == before[table].count("CONSTRAINT")
    with closing(sqlite3.connect(path)) as conn:
        assert {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES
        } == counts
        assert conn.execute("SELECT count(*) FROM authorship").fetchone()[0] == authors
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    removed, added = id_after_removing_the_newest_paper(path)
    assert added == removed + 1


def test_before_0005_sqlite_gave_the_removed_id_again(demo_database: Database) -> None:
    """What the migration fixes, shown on the old schema: the removed paper's id came back."""
    path = demo_database.path
    assert path is not None
    downgrade_to_0002(demo_database)
    demo_database.dispose()
    removed, added = id_after_removing_the_newest_paper(path)
    assert added == removed


def test_the_models_ask_for_autoincrement_too() -> None:
    for table in TABLES:
        assert Base.metadata.tables[table].kwargs["sqlite_autoincrement"] is True
