"""The lab's identity and change count in the file itself: made once and carried across upgrades
and restores (how the count moves, on every backend: tests/store/test_change_count.py)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from labnews.store import HEAD_REVISION, backup
from labnews.store.database import Database
from labnews.store.migrate import alembic_config, open_database

# These tests read the file itself, as a backup does.
pytestmark = pytest.mark.sqlite_only


def test_a_new_lab_has_an_identity_and_a_count(database: Database) -> None:
    assert database.path is not None
    recorded = backup.facts(database.path)
    assert recorded.revision == HEAD_REVISION
    assert recorded.lab_id is not None
    assert uuid.UUID(recorded.lab_id)
    assert recorded.change_count is not None


def _at_first_revision(path: Path) -> None:
    """A lab as labnews made it before the lab's identity existed (schema 0001)."""
    from alembic import command

    database = open_database(str(path))
    try:
        with database.engine.connect() as connection:
            # Foreign keys off, as for labnews's own upgrades: 0005 makes tables again.
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                command.downgrade(alembic_config(connection), "0001")
    finally:
        database.dispose()


def test_an_older_lab_gets_an_identity_when_upgraded_and_a_restore_of_its_old_backup_keeps_it(
    db_path: Path,
) -> None:
    _at_first_revision(db_path)
    assert backup.facts(db_path).lab_id is None
    open_database(str(db_path)).dispose()
    recorded = backup.facts(db_path)
    assert recorded.revision == HEAD_REVISION
    assert recorded.lab_id is not None
    (old,) = [b.path for b in backup.list_backups(db_path) if b.reason == "pre-upgrade"]
    assert old.name.startswith(f"{db_path.name}~pre-upgrade~")
    assert backup.facts(old).revision == "0001"
    plan = backup.plan_restore(db_path, old)
    assert plan.questions() == []  # an old backup of this lab is not another lab's
    backup.restore(plan)
    restored = backup.facts(db_path)
    assert restored.revision == HEAD_REVISION
    assert restored.lab_id == recorded.lab_id
    open_database(str(db_path)).dispose()
