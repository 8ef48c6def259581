"""Migration 0003 carries a lab's paper links over: url, code and project become its first
labelled links, nothing is lost on the way up or down, and the unique DOI index survives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from labnews.store import HEAD_REVISION, queries
from labnews.store.migrate import alembic_config, open_database, schema_version

pytestmark = pytest.mark.sqlite_only


def _migrate(db_path: Path, revision: str, *, down: bool = False) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.begin() as connection:
            config = alembic_config(connection)
            if down:
                command.downgrade(config, revision)
            else:
                command.upgrade(config, revision)
    finally:
        engine.dispose()


def _lab_at_0002(db_path: Path) -> None:
    """A lab made by the previous labnews: one paper with all three old link columns."""
    _migrate(db_path, "0002")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO venue (id, short, kind, version) VALUES (1, 'CVPR', 'conference', 1)"
        )
        conn.execute(
            "INSERT INTO paper (id, title, venue_id, year, news_year, news_month, status, "
            "presentation, doi, url, code, project, position, version) VALUES (1, 'Old', 1, 2024, "
            "2024, 6, 'accepted', 'oral', '10.1/old', 'https://p.org', 'https://c.org', "
            "'https://proj.org', 0, 1)"
        )
        conn.execute(
            "INSERT INTO paper (id, title, venue_id, year, news_year, news_month, status, "
            "position, version) VALUES (2, 'No links', 1, 2024, 2024, 6, 'accepted', 1, 1)"
        )
        conn.execute("INSERT INTO authorship (paper_id, position, name) VALUES (1, 0, 'A. Author')")


def test_upgrading_turns_the_link_columns_into_the_first_links_in_order(db_path: Path) -> None:
    _lab_at_0002(db_path)
    database = open_database(str(db_path))
    try:
        assert schema_version(database) == HEAD_REVISION  # 0003 and every migration after it
        with database.session() as session:
            old, bare = queries.paper_by_id(session, 1), queries.paper_by_id(session, 2)
    finally:
        database.dispose()
    assert [(link.label, link.url) for link in old.links] == [
        ("paper", "https://p.org"),
        ("code", "https://c.org"),
        ("project", "https://proj.org"),
    ]
    assert (old.url, old.code, old.project) == (
        "https://p.org",
        "https://c.org",
        "https://proj.org",
    )
    assert (old.presentation, old.doi) == ("oral", "10.1/old")
    assert [(a.name, a.equal) for a in old.authors] == [("A. Author", False)]
    assert (bare.links, bare.also_presented, bare.accepted) == ((), (), None)
    with sqlite3.connect(db_path) as conn:
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(paper)")}
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE paper SET doi = '10.1/OLD' WHERE id = 2")
    # The recreated table keeps its indexes, the expression index on lower(doi) among them.
    assert {"uq_paper_doi_lower", "ix_paper_tally", "ix_paper_news"} <= indexes


def test_a_long_talk_is_allowed_after_the_upgrade_and_cleared_by_a_downgrade(
    db_path: Path,
) -> None:
    _lab_at_0002(db_path)
    _migrate(db_path, "0003")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE paper SET presentation = 'long talk' WHERE id = 1")
        conn.execute("INSERT INTO paper_link VALUES (2, 0, 'Project page', 'https://x.org')")
    _migrate(db_path, "0002", down=True)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT id, presentation, url, code, project FROM paper ORDER BY id"
        ).fetchall()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert rows == [
        (1, None, "https://p.org", "https://c.org", "https://proj.org"),
        (2, None, None, None, "https://x.org"),
    ]
    assert "paper_link" not in tables
