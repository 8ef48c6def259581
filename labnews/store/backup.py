"""Verified copies of a SQLite lab database, taken with SQLite's online backup API."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from labnews.core.errors import DatabaseError


def backups_dir(database: Path) -> Path:
    """The ``backups`` folder beside a database file."""
    return database.parent / "backups"


def check_file(path: Path, *, quick: bool = True) -> None:
    """Raise DatabaseError unless ``path`` passes SQLite's quick (or full) integrity check."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is damaged: {exc}") from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(row[0]) for row in rows[:3])
        raise DatabaseError(f"{path} fails its integrity check: {detail}")


def backup_to(database: Path, destination: Path) -> Path:
    """Copy ``database`` to ``destination``: online backup API, quick_check, then atomic rename.

    A partial copy never carries the final name, so a crash mid-way leaves no bad backup behind.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        check_file(partial)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"could not back up {database}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def backup_before(database: Path, reason: str, *, when: datetime | None = None) -> Path:
    """A verified backup in the ``backups`` folder, named for the action that needs it."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir(database) / f"{database.stem}-{reason}-{stamp}.sqlite"
    return backup_to(database, target)
