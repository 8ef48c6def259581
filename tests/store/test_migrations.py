"""Opening a database creates or upgrades it; foreign, damaged and newer ones are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from labnews.core.errors import DatabaseError
from labnews.store import HEAD_REVISION, queries
from labnews.store.backup import backups_dir
from labnews.store.migrate import (
    check_migrations,
    head_revision,
    open_database,
    schema_version,
)

# These tests are about SQLite files: their bytes, pragmas and backups.
pytestmark = pytest.mark.sqlite_only

NEXT_REVISION = f"{int(HEAD_REVISION) + 1:04d}"


def test_a_new_database_is_created_at_the_newest_schema_with_the_venue_catalog(
    db_path: Path,
) -> None:
    database = open_database(str(db_path))
    try:
        assert schema_version(database) == head_revision()
        with database.session() as session:
            shorts = {v.short for v in queries.venues(session)}
        assert {"CVPR", "NeurIPS", "ETRI J.", "CVPR Workshop", "AVSS", "BMVC"} <= shorts
        assert len(shorts) >= 80
    finally:
        database.dispose()


def test_reopening_an_up_to_date_database_takes_no_backup(db_path: Path) -> None:
    open_database(str(db_path)).dispose()
    open_database(str(db_path)).dispose()
    assert not backups_dir(db_path).exists()


def test_models_and_migrations_agree() -> None:
    check_migrations()


def test_the_head_revision_constant_is_alembics_head() -> None:
    """Opening a current database skips Alembic by trusting this constant: keep it true."""
    from labnews.store import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


_NEXT_MIGRATION = """
from alembic import op
import sqlalchemy as sa

revision = "NEXT"
down_revision = "HEAD"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("probe", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("venue") as batch:
        batch.add_column(sa.Column("probe_note", sa.Text, nullable=True))
    FAIL_HERE


def downgrade():
    op.drop_table("probe")
"""


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A copy of db/ with one more migration, so an existing database needs an upgrade."""
    import shutil

    from labnews.resources import migrations_dir
    from labnews.store import migrate

    folder = tmp_path / "db"
    shutil.copytree(migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))

    def install(*, fail: bool) -> None:
        body = (
            _NEXT_MIGRATION.replace(
                "FAIL_HERE", "raise RuntimeError('power cut')" if fail else "pass"
            )
            .replace("NEXT", NEXT_REVISION)
            .replace("HEAD", HEAD_REVISION)
        )
        (folder / "versions" / f"{NEXT_REVISION}_probe.py").write_text(body)
        monkeypatch.setattr(migrate, "migrations_dir", lambda: folder)
        monkeypatch.setattr(migrate, "HEAD_REVISION", NEXT_REVISION)

    return install


def test_an_older_schema_is_upgraded_after_a_verified_backup(
    db_path: Path,
    newer_migrations,  # type: ignore[no-untyped-def]
) -> None:
    open_database(str(db_path)).dispose()
    newer_migrations(fail=False)
    database = open_database(str(db_path))
    try:
        assert schema_version(database) == NEXT_REVISION
    finally:
        database.dispose()
    backups = list(backups_dir(db_path).glob("*pre-upgrade*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_failing_migration_leaves_nothing_half_applied(
    db_path: Path,
    newer_migrations,  # type: ignore[no-untyped-def]
) -> None:
    """DDL runs inside labnews's own BEGIN, so a migration failing midway rolls back whole."""
    open_database(str(db_path)).dispose()
    newer_migrations(fail=True)
    with pytest.raises(RuntimeError, match="power cut"):
        open_database(str(db_path))
    with sqlite3.connect(db_path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(venue)")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "probe" not in tables
    assert "probe_note" not in columns
    assert version == (HEAD_REVISION,)


def test_a_database_from_a_newer_labnews_is_refused_untouched(db_path: Path) -> None:
    open_database(str(db_path)).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer labnews"):
        open_database(str(db_path))
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        open_database(str(path))
    assert path.read_text() == "these are my notes, not a database\n"


def test_a_zero_length_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    with pytest.raises(DatabaseError, match="empty"):
        open_database(str(path))
    assert path.stat().st_size == 0


def test_a_sqlite_file_with_foreign_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="did not make"):
        open_database(str(path))


def test_every_connection_is_safe_for_saved_data(database) -> None:  # type: ignore[no-untyped-def]
    """Promise 2: WAL, synchronous=FULL, foreign keys on, a busy timeout of seconds."""
    for _ in range(3):
        with database.session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
