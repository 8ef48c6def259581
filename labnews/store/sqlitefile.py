"""Reading a SQLite file without changing it; telling a disk's trouble from a file's damage."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

T = TypeVar("T")

LOW_SPACE = 1024 * 1024
"""Below this many free bytes a disk counts as full: a lab on it is opened for reading only."""

READ_ATTEMPTS = 3
_NOT_DAMAGE = frozenset(
    {
        3,  # SQLITE_PERM
        5,  # SQLITE_BUSY
        6,  # SQLITE_LOCKED
        7,  # SQLITE_NOMEM
        8,  # SQLITE_READONLY
        10,  # SQLITE_IOERR
        13,  # SQLITE_FULL
        14,  # SQLITE_CANTOPEN
        15,  # SQLITE_PROTOCOL
        23,  # SQLITE_AUTH
    }
)
"""SQLite's primary result codes that speak of the disk, the folder or other users, never of
the file's own bytes: a file that fails with one of these is not damaged."""


def file_uri(path: Path, **params: str) -> str:
    """A SQLite ``file:`` URI for ``path``, every character that means something in a URI quoted."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"file:{quote(str(path.absolute()))}" + (f"?{query}" if query else "")


def _has_bytes(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def immutable_is_safe(path: Path) -> bool:
    """Whether the database file alone holds the whole database: no -wal, no hot -journal.

    Then it can be read as ``immutable``, which takes no lock and creates no -wal or -shm beside
    it; with a -wal there, committed data may live in it, and only a real reader sees that.
    """
    return not Path(f"{path}-wal").exists() and not _has_bytes(Path(f"{path}-journal"))


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that writes nothing to the file and creates nothing beside it.

    A plain ``mode=ro`` reader of a file in WAL mode creates the -wal and -shm it needs and
    cannot delete them when it closes: a foreign or damaged file would be left changed.
    """
    params = {"mode": "ro", "immutable": "1"} if immutable_is_safe(path) else {"mode": "ro"}
    return sqlite3.connect(file_uri(path, **params), uri=True, timeout=10)


def _signature(path: Path) -> tuple[object, ...]:
    try:
        stat = path.stat()
    except OSError:
        return (None,)
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, Path(f"{path}-wal").exists())


def read_steadily(path: Path, action: Callable[[sqlite3.Connection], T]) -> T:
    """``action`` on a read-only look at ``path``, looked at again if the file changed meanwhile.

    An immutable reader takes no lock: another process checkpointing into the file while it
    reads could show it a torn page and a healthy lab would be called damaged. The file's
    identity, size and time are compared around the read, and a read that overlapped a change
    is done again.
    """
    for attempt in range(READ_ATTEMPTS):
        before = _signature(path)
        last = attempt == READ_ATTEMPTS - 1
        try:
            with contextlib.closing(connect_readonly(path)) as conn:
                result = action(conn)
        except sqlite3.Error:
            if last or _signature(path) == before:
                raise
            continue
        if last or _signature(path) == before:
            return result
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What a lab file says about itself: its tables, schema revision and identity."""

    tables: frozenset[str]
    revision: str | None
    lab_id: str | None
    change_count: int | None


def read_facts(conn: sqlite3.Connection) -> FileFacts:
    """The facts of the database ``conn`` is open on (a file from before lab_state has none)."""
    tables = frozenset(
        str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    )
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = None if row is None else str(row[0])
    lab_id: str | None = None
    change_count: int | None = None
    if "lab_state" in tables:
        row = conn.execute("SELECT lab_id, change_count FROM lab_state WHERE id = 1").fetchone()
        if row is not None:
            lab_id, change_count = str(row[0]), int(row[1])
    return FileFacts(tables, revision, lab_id, change_count)


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite's error speaks of the file's bytes (not of the disk, the folder, a lock)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return True
    return (int(code) & 0xFF) not in _NOT_DAMAGE


def amount(size: int) -> str:
    """A byte count as a person reads it: 512 bytes, 12 KB, 3.4 MB."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = float(size), "bytes"
    for unit in ("KB", "MB", "GB", "TB"):  # noqa: B007 (the unit reached is the one shown)
        value /= 1024
        if value < 1024:
            break
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"


def free_space(folder: Path) -> int | None:
    """How many bytes the folder's disk can still take, or None when it cannot be told."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _file_system(folder: Path) -> os.statvfs_result | None:
    """The folder's file system figures, or None where they cannot be told (Windows, errors)."""
    if not hasattr(os, "statvfs"):
        return None
    try:
        return os.statvfs(folder)
    except OSError:
        return None


def read_only_media(folder: Path) -> bool:
    """Whether the folder is on a file system mounted read-only."""
    stats = _file_system(folder)
    return stats is not None and bool(stats.f_flag & getattr(os, "ST_RDONLY", 1))


def no_room_for_a_file(folder: Path) -> bool:
    """Whether the folder's file system can make no more files (its inodes are all taken)."""
    stats = _file_system(folder)
    return stats is not None and bool(stats.f_files) and stats.f_favail == 0


def io_problem(path: Path, *, needed: int = LOW_SPACE) -> str | None:
    """Why ``path`` (a file, maybe not there yet) cannot be written right now, or None.

    The reasons a person can act on, in their words: the file system is read-only, the disk is
    full, the folder or file may not be written.
    """
    folder = path.parent
    if read_only_media(folder):
        return f"the file system holding {folder} is read-only"
    free = free_space(folder)
    if free is not None and free < needed:
        return f"the disk holding {folder} is full ({amount(free)} free)"
    if no_room_for_a_file(folder):
        return f"the disk holding {folder} is full (it can make no more files)"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"{path if path.exists() else folder} may not be written (its permissions)"
    return None
