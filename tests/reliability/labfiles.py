"""Helpers for the reliability tests: damage a lab file the ways disks and people do, and run
labnews as a real process."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def labnews(
    *args: str, stdin: int | None = subprocess.DEVNULL, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m labnews ARGS...`` as a real process (no terminal: questions are refused);
    ``env`` adds to (or overrides) this process's environment."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "labnews", *args],
        cwd=ROOT,
        env=env,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settle(path: Path) -> None:
    """Fold the -wal into the file and remove it, as the last connection closing does."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    """The -wal, -shm and -journal that exist beside a database file."""
    return [s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()]


def corrupt_an_index(path: Path) -> None:
    """Leave ``ix_paper_venue_id`` disagreeing with the paper table, the records whole.

    The index is declared on another column while three papers move venue, then declared back:
    its entries no longer match those rows, as after a torn write to an index page. SQLite's
    quick_check does not compare indexes with their tables, so it still says "ok".
    """

    def declare(before: str, after: str) -> None:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute(
                "UPDATE sqlite_master SET sql = replace(sql, ?, ?) "
                "WHERE name = 'ix_paper_venue_id'",
                (before, after),
            )
            conn.commit()

    declare("(venue_id)", "(year)")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "UPDATE paper SET venue_id = (SELECT id FROM venue WHERE short = 'ICML') "
            "WHERE id IN (1, 2, 3)"
        )
        conn.commit()
    declare("(year)", "(venue_id)")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]


def execute(path: Path, *statements: str) -> None:
    """Run statements on a file with foreign keys off, as another tool would."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
