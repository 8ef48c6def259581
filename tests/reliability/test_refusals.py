"""A file labnews refuses is left exactly as it was, with nothing beside it; a lab is made whole
or not at all."""

from __future__ import annotations

import contextlib
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from labnews.store import queries
from labnews.store.migrate import open_database
from tests.reliability.labfiles import digest, execute, labnews, settle, side_files
from tests.reliability.test_concurrency import _worker

# These tests are about SQLite files: their bytes, pragmas and side files.
pytestmark = pytest.mark.sqlite_only

_COMMANDS = (("summary",), ("add", "member", "New Person"), ("news",), ("check",))


def test_another_applications_database_is_refused_and_not_switched_to_wal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "invoices.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoice (total) VALUES (12.5)")
        conn.commit()
    before = digest(path)
    for args in _COMMANDS:
        result = labnews("--db", str(path), *args)
        assert result.returncode == 1, args
        assert "holds tables that labnews did not make (invoice)" in result.stderr
    assert digest(path) == before
    assert path.read_bytes()[18:20] == b"\x01\x01"  # still a rollback-journal database
    assert side_files(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["invoices.sqlite"]


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _scribble_on_the_paper_table(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)) as conn:
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'paper'").fetchone()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    start = page_size * (root - 1)
    data[start : start + 12] = b"\x42" * 12
    path.write_bytes(bytes(data))


def _from_a_newer_labnews(path: Path) -> None:
    execute(path, "UPDATE alembic_version SET version_num = '9000_newer'")
    settle(path)


@pytest.mark.parametrize("damage", [_truncate, _scribble_on_the_paper_table, _from_a_newer_labnews])
def test_a_refused_lab_file_gets_no_wal_or_shm_beside_it(cli, db_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    settle(db_path)
    assert db_path.read_bytes()[18:20] == b"\x02\x02"  # a WAL database: a careless reader
    damage(db_path)  # would make a -wal and a -shm beside it
    before = digest(db_path)
    for args in _COMMANDS:
        result = labnews("--db", str(db_path), *args)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
    assert digest(db_path) == before
    assert side_files(db_path) == []


# --- 7. a new lab's schema and catalog land together ---------------------------------------------


def _venues(path: Path) -> int:
    database = open_database(str(path))
    try:
        with database.session() as session:
            return len(queries.venues(session))
    finally:
        database.dispose()


def test_a_lab_killed_while_its_catalog_is_written_is_made_whole_next_time(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lab.sqlite"
    child = _worker("create", str(path), "0")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "seeding"  # the schema is written by now
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _venues(path) >= 80


def test_a_lab_killed_at_random_moments_while_it_is_made_has_its_venues(tmp_path: Path) -> None:
    rng = random.Random(20261203)
    for attempt in range(6):
        path = tmp_path / f"lab-{attempt}.sqlite"
        child = _worker("create", str(path), "1")
        time.sleep(rng.uniform(0.3, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if path.exists() and path.stat().st_size == 0:
            continue  # killed before SQLite wrote a byte: an empty file is refused, not a lab
        assert _venues(path) >= 80


def test_check_reports_a_lab_without_venues_and_fix_adds_the_catalog(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("db", "upgrade").code == 0
    execute(db_path, "DELETE FROM venue_alias", "DELETE FROM venue")
    checked = cli("check")
    assert checked.code == 1
    assert "problem: venue catalog: the lab has no venues at all (--fix repairs it)" in checked.out
    fixed = cli("check", "--fix")
    assert fixed.code == 0
    assert "fixed: the lab has no venues at all; added the built-in ones" in fixed.out
    assert _venues(db_path) >= 80
