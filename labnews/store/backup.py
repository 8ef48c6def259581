"""Verified copies of a SQLite lab database: taken, rotated, listed and restored.

Every backup is made with SQLite's online backup API (safe while others write), checked with
``quick_check`` and only then renamed into place, so a file with a backup's name is always a
good database. A backup is never taken from a database that fails its own check.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from labnews.core.errors import DatabaseError

_NAME = re.compile(r"^(?P<reason>[a-z][a-z0-9-]*)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"
_COUNTED_TABLES = ("paper", "member", "venue", "achievement")

KEEP_NEWEST = 10
KEEP_DAILY = 7
KEEP_WEEKLY = 5
KEEP_MONTHLY = 12


def backups_dir(database: Path) -> Path:
    """The ``backups`` folder beside a database file."""
    return database.parent / "backups"


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def check_file(path: Path, *, quick: bool = True) -> None:
    """Raise DatabaseError unless ``path`` passes SQLite's quick (or full) integrity check."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with contextlib.closing(_connect_ro(path)) as conn:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is damaged: {exc}") from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(row[0]) for row in rows[:3])
        raise DatabaseError(f"{path} fails its integrity check: {detail}")


def fingerprint(path: Path) -> tuple[object, ...]:
    """A cheap summary of a database's content: equal fingerprints mean nothing changed.

    Every edit moves a row's version counter and every insert or delete moves a count or a
    maximum id, so (count, max id, sum of versions) per table notices any change.
    """
    parts: list[object] = []
    with contextlib.closing(_connect_ro(path)) as conn:
        for table in (*_COUNTED_TABLES, "setting"):
            row = conn.execute(
                f"SELECT count(*), max(rowid), total(version) FROM {table}"
            ).fetchone()
            parts.extend(row)
        parts.append(conn.execute("SELECT count(*) FROM authorship").fetchone()[0])
        parts.append(conn.execute("SELECT count(*) FROM venue_alias").fetchone()[0])
        parts.append(conn.execute("SELECT count(*) FROM member_alias").fetchone()[0])
    return tuple(parts)


def counts(path: Path) -> dict[str, int]:
    """How many papers, members, venues and achievements a database file holds."""
    with contextlib.closing(_connect_ro(path)) as conn:
        return {
            table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in _COUNTED_TABLES
        }


def backup_to(database: Path, destination: Path) -> Path:
    """Copy ``database`` to ``destination``: online backup API, quick_check, then atomic rename.

    The source is checked first, so a damaged database never replaces a good backup; a partial
    copy never carries the final name, so a crash mid-way leaves no bad backup behind.
    """
    check_file(database)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(_connect_ro(database)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it.
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
    stamp = (when or datetime.now()).strftime(_STAMP)
    target = backups_dir(database) / f"{database.stem}-{reason}-{stamp}.sqlite"
    backup_to(database, target)
    rotate(database, now=when)
    return target


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: when and why it was taken."""

    path: Path
    taken: datetime
    reason: str
    size: int


def list_backups(database: Path) -> list[BackupInfo]:
    """The database's backups, newest first."""
    folder = backups_dir(database)
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{database.stem}-"
    for path in folder.iterdir():
        if not path.name.startswith(prefix):
            continue
        match = _NAME.match(path.name.removeprefix(prefix))
        if match is None:
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, match["reason"], path.stat().st_size))
    found.sort(key=lambda b: b.taken, reverse=True)
    return found


def newest_good_backup(database: Path) -> Path | None:
    """The newest backup that still passes its check (to offer when the database is damaged)."""
    for info in list_backups(database):
        try:
            check_file(info.path)
        except DatabaseError:
            continue
        return info.path
    return None


def generations_to_keep(taken: Sequence[datetime], now: datetime) -> set[datetime]:
    """Which backup times rotation keeps: the newest few, then one a day, a week, a month.

    Each generation keeps the newest backup of each of its last N periods (days, ISO weeks,
    months), so a lab can go back a day, a week or a year without the folder growing forever.
    """
    ordered = sorted(taken, reverse=True)
    keep = set(ordered[:KEEP_NEWEST])
    for periods, key in (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: tuple(t.isocalendar())[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for when in ordered:
            period = key(when)
            if period in seen:
                continue
            seen.append(period)
            if len(seen) > periods:
                break
            keep.add(when)
    # Never age anything out that is younger than a day: a burst of imports keeps its backups.
    keep.update(t for t in ordered if now - t < timedelta(days=1))
    return keep


def rotate(database: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the backups rotation no longer keeps; returns what was deleted."""
    backups = list_backups(database)
    keep = generations_to_keep([b.taken for b in backups], now or datetime.now())
    removed = []
    for info in backups:
        if info.taken not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def scheduled_backup(database: Path, *, when: datetime | None = None) -> Path | None:
    """The idle-time and on-quit backup: skipped (None) when nothing changed since the last one."""
    newest = next(iter(list_backups(database)), None)
    if newest is not None:
        try:
            if fingerprint(newest.path) == fingerprint(database):
                return None
        except sqlite3.DatabaseError:
            pass  # an unreadable old backup: take a fresh one
    return backup_before(database, "auto", when=when)


@dataclass(frozen=True, slots=True)
class RestorePlan:
    """What restoring a backup would do: the counts before and after."""

    backup: Path
    database: Path
    backup_counts: dict[str, int]
    current_counts: dict[str, int] | None

    @property
    def loses_papers(self) -> bool:
        if self.current_counts is None:
            return False
        return self.backup_counts["paper"] < self.current_counts["paper"]

    def describe(self) -> str:
        lines = [f"{'':12}{'backup':>10}{'current':>10}"]
        for table in _COUNTED_TABLES:
            current = "-" if self.current_counts is None else str(self.current_counts[table])
            lines.append(f"{table + 's':12}{self.backup_counts[table]:>10}{current:>10}")
        return "\n".join(lines)


def plan_restore(database: Path, backup: Path) -> RestorePlan:
    """Check a backup and compare it with the database it would replace."""
    if not backup.is_file():
        raise DatabaseError(f"{backup} is not a backup file")
    check_file(backup)
    try:
        backup_counts = counts(backup)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{backup} is not a labnews backup: {exc}") from exc
    current = None
    if database.exists():
        with contextlib.suppress(sqlite3.DatabaseError):
            current = counts(database)
    return RestorePlan(backup, database, backup_counts, current)


def restore(plan: RestorePlan) -> Path | None:
    """Replace the database with the backup, keeping the current file aside as ``*.pre-restore``.

    A readable current database gets a verified copy aside, and the backup is copied in with the
    online backup API, so other connections see a whole database. A damaged one is moved aside
    as it is (with its -wal and -shm), and the backup file copied into its place.
    """
    database = plan.database
    aside = database.with_name(database.name + ".pre-restore")
    if database.exists():
        try:
            backup_to(database, aside)
        except DatabaseError:
            for suffix in ("", "-wal", "-shm"):
                source = Path(f"{database}{suffix}")
                if source.exists():
                    os.replace(source, Path(f"{aside}{suffix}"))
        else:
            with (
                contextlib.closing(_connect_ro(plan.backup)) as src,
                contextlib.closing(sqlite3.connect(database, timeout=10)) as dst,
            ):
                src.backup(dst)
            check_file(database)
            return aside
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(database.name + ".restoring")
    shutil.copyfile(plan.backup, partial)
    os.replace(partial, database)
    check_file(database)
    return aside if aside.exists() else None
