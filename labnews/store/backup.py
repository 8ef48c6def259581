"""Verified copies of a SQLite lab database: taken, rotated, listed and restored.

Every backup is made with SQLite's online backup API (safe while others write), checked with
``integrity_check`` (which also compares each index with its table) and only then renamed into
place, so a file with a backup's name is a good database. A backup is never taken from a file
that any other command would refuse (empty, truncated, foreign, damaged).

A backup is named ``<database file name>~<reason>~<stamp>.sqlite``: the ``~`` cannot be part of a
reason, so the name says whose backup it is even when another lab's name starts like this
one's. The lab's identity (``lab_state.lab_id``) travels inside every copy as a second witness.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from labnews.core.errors import DatabaseError
from labnews.core.litter import is_stale
from labnews.store import HEAD_REVISION
from labnews.store.database import copy_database, raw_file_access
from labnews.store.migrate import (
    DiskError,
    check_sqlite_file,
    index_damage_only,
    integrity_report,
    is_known_revision,
    upgrade_copy,
)
from labnews.store.sqlitefile import (
    LOW_SPACE,
    FileFacts,
    amount,
    connect_readonly,
    free_space,
    io_problem,
    is_damage,
    read_facts,
    read_steadily,
)

_NAME = re.compile(r"^(?P<reason>[a-z][a-z0-9-]*)~(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$")
_LEGACY_REASONS = ("auto", "manual", "pre-import", "pre-delete", "pre-fix", "pre-upgrade")
_LEGACY_NAME = re.compile(
    rf"^(?P<reason>{'|'.join(_LEGACY_REASONS)})-(?P<stamp>\d{{8}}-\d{{6}}-\d{{6}})\.sqlite$"
)
"""Names before 0.2 (``<stem>-<reason>-<stamp>``) had only these reasons; with them the owner of
``lab-archive-manual-...`` is ``lab-archive`` (``archive-manual`` was never a reason)."""
_PARTIAL = re.compile(r"^(?P<base>.+?)(?:\.(?P<pid>\d+))?\.partial(?:-journal|-wal|-shm)?$")
_STAMP = "%Y%m%d-%H%M%S-%f"
COUNTED_TABLES = ("paper", "member", "venue", "achievement", "setting")
_INDEX_REASON = "pre-fix"
"""The one backup taken of a lab whose indexes disagree with their tables: the one before the
repair that rebuilds them. It keeps every record; it is never offered as a good backup."""

"""A half-written file older than this (or whose writer is gone) was left by a killed run."""
KEEP_NEWEST = 10
KEEP_DAILY = 7
KEEP_WEEKLY = 5
KEEP_MONTHLY = 12


def backups_dir(database: Path) -> Path:
    """The ``backups`` folder beside a database file."""
    return database.parent / "backups"


def backup_name(database: Path, reason: str, when: datetime) -> str:
    """The file name of a backup of ``database``: the lab's own file name, ``~``, reason, time."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
        raise ValueError(f"a backup reason is lowercase letters, digits and '-', not {reason!r}")
    return f"{database.name}~{reason}~{when.strftime(_STAMP)}.sqlite"


def check_file(path: Path, *, quick: bool = True) -> None:
    """Raise DatabaseError unless ``path`` passes SQLite's quick (or full) integrity check."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = read_steadily(path, lambda conn: conn.execute(f"PRAGMA {pragma}").fetchall())
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} is damaged: {exc}") from exc
    if rows != [("ok",)]:
        raise DatabaseError(f"{path} fails its integrity check: {integrity_report(rows)}")


def facts(path: Path) -> FileFacts:
    """The schema revision and lab identity a database file records (read-only, no side files)."""
    try:
        return read_steadily(path, read_facts)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot read {path}: {exc}") from exc


def counts(path: Path) -> dict[str, int]:
    """How many records of each kind (papers, members, venues, achievements, settings) it holds."""

    def count(conn: sqlite3.Connection) -> dict[str, int]:
        return {
            table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in COUNTED_TABLES
        }

    try:
        return read_steadily(path, count)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} is not a labnews database: {exc}") from exc


def verify(path: Path) -> None:
    """Raise DatabaseError unless ``path`` is a whole lab file that passes integrity_check."""
    check_sqlite_file(path, full=True, hint=False)


def backup_to(database: Path, destination: Path, *, index_damage_ok: bool = False) -> Path:
    """Copy ``database`` to ``destination``: online backup API, integrity_check, atomic rename.

    The source must pass every check that opening it would (so an empty, truncated or damaged
    file never replaces a good backup); the copy must pass integrity_check (``index_damage_ok``
    lets a copy whose only fault is an index through: see ``_INDEX_REASON``). A partial copy
    never carries the final name, so a crash mid-way leaves no bad backup behind.
    """
    check_sqlite_file(database, hint=False)
    folder = destination.parent
    if not folder.is_dir():
        if folder != backups_dir(database):
            raise DatabaseError(f"cannot back up to {destination}: there is no folder {folder}")
        try:
            folder.mkdir()
        except OSError as exc:
            raise DiskError(
                f"could not back up {database}: {io_problem(folder) or exc.strerror}"
            ) from exc
    needed = _size(database) + _size(Path(f"{database}-wal")) + LOW_SPACE
    problem = io_problem(destination, needed=needed)
    if problem is not None:
        raise DiskError(f"could not back up {database}: {problem}")
    partial = destination.with_name(f"{destination.name}.{os.getpid()}.partial")
    _remove_copy(partial)
    try:
        with (
            contextlib.closing(_source(database)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            copy_database(src, dst, str(database))
            # A backup is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        _verify_copy(partial, index_damage_ok=index_damage_ok)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
        _sync_folder(folder)
    except sqlite3.Error as exc:
        # The disk's state is read before the partial copy goes: deleting it frees the room
        # whose lack made the copy fail.
        reason = _reason(destination, exc)
        _remove_copy(partial)
        if is_damage(exc):
            raise DatabaseError(f"could not back up {database}: {reason}") from exc
        raise DiskError(f"could not back up {database}: {reason}") from exc
    except OSError as exc:
        reason = io_problem(destination) or exc.strerror or str(exc)
        _remove_copy(partial)
        raise DiskError(f"could not back up {database}: {reason}") from exc
    except DatabaseError as exc:
        _remove_copy(partial)
        raise DatabaseError(f"could not back up {database}: {exc}") from exc
    except BaseException:
        _remove_copy(partial)
        raise
    return destination


def _source(database: Path) -> sqlite3.Connection:
    """A connection to copy a lab from (it is known to be a lab by now).

    A normal reader locks like every other connection, so the backup API restarts when another
    process writes mid-copy; on a read-only or full disk, where such a reader cannot create its
    -shm, nobody can be writing, and the immutable look is exact.
    """
    if io_problem(database) is not None:
        return connect_readonly(database)
    return sqlite3.connect(database, timeout=10)


def _verify_copy(copy: Path, *, index_damage_ok: bool) -> None:
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    if rows == [("ok",)]:
        return
    detail = integrity_report(rows)
    if index_damage_only(integrity_report(rows, lines=len(rows))):
        if index_damage_ok:
            return
        raise DatabaseError(
            f"indexes disagree with their tables ({detail}); "
            "`labnews check --fix` rebuilds them (after its own backup)"
        )
    raise DatabaseError(f"the copy fails its integrity check ({detail})")


def _remove_copy(path: Path) -> None:
    """Delete a copy labnews was making, with the journal SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (where the platform allows it)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_before(database: Path, reason: str, *, when: datetime | None = None) -> Path:
    """A verified backup in the ``backups`` folder, named for the action that needs it."""
    moment = when or datetime.now()
    clean_litter(database)
    target = backups_dir(database) / backup_name(database, reason, moment)
    backup_to(database, target, index_damage_ok=reason == _INDEX_REASON)
    rotate(database, now=when)
    return target


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: when and why it was taken."""

    path: Path
    taken: datetime
    reason: str
    size: int


def _legacy_names_are_ours(database: Path) -> bool:
    """Whether ``<stem>-...`` backups can only be this database's: no other file shares its stem.

    ``lab.sqlite`` and ``lab.db`` in one folder both wrote ``lab-manual-...``: such a backup is
    listed for neither, so neither's rotation deletes it and neither offers it to restore.
    """
    stem = database.stem
    with contextlib.suppress(OSError):
        for other in database.parent.iterdir():
            if other.stem != stem or other.name.startswith(database.name):
                continue
            if _is_sqlite(other):
                return False
    return True


def _is_sqlite(path: Path) -> bool:
    """Whether a file starts like a SQLite database (read under ``raw_file_access``: it may be
    a lab this process has open)."""
    try:
        if not path.is_file():
            return False
        with raw_file_access(path), open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except (OSError, DatabaseError):
        return True  # cannot tell: count it, so that nothing is deleted on a guess


def _parse(database: Path, name: str, legacy_ok: bool) -> tuple[str, datetime] | None:
    prefix = f"{database.name}~"
    match = _NAME.match(name.removeprefix(prefix)) if name.startswith(prefix) else None
    if match is None and legacy_ok and name.startswith(f"{database.stem}-"):
        match = _LEGACY_NAME.match(name.removeprefix(f"{database.stem}-"))
    if match is None:
        return None
    try:
        return match["reason"], datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None


def list_backups(database: Path) -> list[BackupInfo]:
    """The database's backups, newest first (and only its own: see ``backup_name``)."""
    folder = backups_dir(database)
    if not folder.is_dir():
        return []
    legacy_ok = _legacy_names_are_ours(database)
    found = []
    for path in folder.iterdir():
        parsed = _parse(database, path.name, legacy_ok)
        if parsed is None:
            continue
        with contextlib.suppress(OSError):
            found.append(BackupInfo(path, parsed[1], parsed[0], path.stat().st_size))
    found.sort(key=lambda b: b.taken, reverse=True)
    return found


def _lab_id(database: Path) -> str | None:
    """The lab's identity as its file records it, None when the file cannot tell."""
    try:
        return facts(database).lab_id if database.is_file() else None
    except DatabaseError:
        return None


def _good_backups(database: Path) -> Iterator[tuple[BackupInfo, FileFacts]]:
    """This lab's backups that pass every check, newest first, with what each records.

    A backup whose file names this lab but whose recorded identity is another lab's (a file
    copied in by hand) is passed over.
    """
    lab_id = _lab_id(database)
    for info in list_backups(database):
        try:
            verify(info.path)
            recorded = facts(info.path)
        except DatabaseError:
            continue
        if lab_id is not None and recorded.lab_id is not None and recorded.lab_id != lab_id:
            continue
        yield info, recorded


def newest_good_backup(database: Path) -> Path | None:
    """The newest backup of this lab that still passes its checks (offered when it is damaged)."""
    for info, _recorded in _good_backups(database):
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
    """The idle-time and on-quit backup: skipped (None) when nothing changed since the last one.

    "Nothing changed" is read from the database, never from files' sizes or times: the newest
    good backup of this lab records the same lab identity and the same change count (which
    every write transaction of every labnews process moves).
    """
    current = _lab_facts_or_none(database)
    if current is not None and current.lab_id is not None:
        for _info, recorded in _good_backups(database):
            if (recorded.lab_id, recorded.change_count) == (current.lab_id, current.change_count):
                return None
            break
    return backup_before(database, "auto", when=when)


def _lab_facts_or_none(database: Path) -> FileFacts | None:
    try:
        return facts(database)
    except DatabaseError:
        return None  # backup_before says what is wrong with it


def discard_new_lab(database: Path) -> bool:
    """Delete a lab that was made a moment ago and holds nothing yet (its first command failed).

    Only a lab with no record of its own (the venue catalog aside) goes, and only with no
    connection of this process on it; returns whether it went.
    """
    with raw_file_access(database):
        try:
            held = counts(database)
        except DatabaseError:
            return False
        if any(held[table] for table in COUNTED_TABLES if table != "venue"):
            return False
        for suffix in ("-wal", "-shm", "-journal", ""):
            with contextlib.suppress(OSError):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
    return True


# --- litter --------------------------------------------------------------------------------------


def clean_litter(database: Path) -> list[Path]:
    """Delete what killed runs left of this lab's copies: partial backups and restore copies.

    Only this lab's files (by name), and only stale ones: a copy another process is writing
    right now stays. Returns what was deleted.
    """
    removed: list[Path] = []
    legacy_ok = _legacy_names_are_ours(database)
    candidates: list[tuple[Path, bool]] = []
    with contextlib.suppress(OSError):
        candidates.extend((p, True) for p in backups_dir(database).iterdir())
    with contextlib.suppress(OSError):
        candidates.extend((p, False) for p in database.parent.iterdir())
    for path, in_backups in candidates:
        match = _PARTIAL.match(path.name)
        if match is not None:
            base, pid = match["base"], int(match["pid"]) if match["pid"] else None
            if in_backups:
                ours = _parse(database, base, legacy_ok) is not None
            else:
                ours = base in {f"{database.name}.pre-restore", f"{database.name}.restore"}
        else:
            # The restore copy of labnews before 0.2 had no .partial in its name.
            pid, ours = None, not in_backups and path.name == f"{database.name}.restoring"
        if ours and is_stale(path, pid):
            with contextlib.suppress(OSError):  # a read-only folder keeps its litter
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


# --- restore -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RestorePlan:
    """What restoring a backup would do: what each file holds, and what would be lost."""

    backup: Path
    database: Path
    backup_counts: dict[str, int]
    current_counts: dict[str, int] | None
    backup_facts: FileFacts
    current_facts: FileFacts | None = None
    current_problem: str | None = None
    current_is_newer: bool = False

    @property
    def loses_papers(self) -> bool:
        if self.current_counts is None:
            return False
        return self.backup_counts["paper"] < self.current_counts["paper"]

    @property
    def changes_identity(self) -> bool:
        """Whether the backup is another lab's (by the identity both files record)."""
        mine = self.current_facts.lab_id if self.current_facts else None
        theirs = self.backup_facts.lab_id
        return mine is not None and theirs is not None and mine != theirs

    def questions(self) -> list[str]:
        """What a person must agree to first: every kind of record fewer, another lab."""
        asked = []
        if self.current_counts is not None:
            for table in COUNTED_TABLES:
                backup_has, current_has = self.backup_counts[table], self.current_counts[table]
                if backup_has < current_has:
                    asked.append(
                        f"the backup holds fewer {table}s ({backup_has}) "
                        f"than the database ({current_has})"
                    )
        if self.changes_identity:
            asked.append("the backup is of another lab (its lab id differs from this one's)")
        if self.current_is_newer:
            asked.append("the database was made by a newer labnews, and its records would go")
        return asked

    def describe(self) -> str:
        lines = [f"{'':12}{'backup':>10}{'current':>10}"]
        for table in COUNTED_TABLES:
            current = "-" if self.current_counts is None else str(self.current_counts[table])
            lines.append(f"{table + 's':12}{self.backup_counts[table]:>10}{current:>10}")
        if self.current_problem is not None:
            lines.append(f"the current database cannot be used: {self.current_problem}")
        return "\n".join(lines)


def plan_restore(database: Path, backup: Path) -> RestorePlan:
    """Check a backup as strictly as a backup is made, and compare it with the database.

    Refused outright: a file that is not a whole, consistent lab (integrity_check, indexes
    included), one made by a newer labnews, the database itself.
    """
    if not backup.is_file():
        raise DatabaseError(f"{backup} is not a backup file")
    if database.exists() and backup.resolve() == database.resolve():
        raise DatabaseError(f"{backup} is the database itself, not a backup of it")
    try:
        verify(backup)
    except DatabaseError as exc:
        raise DatabaseError(f"{exc}; it cannot be restored") from exc
    recorded = facts(backup)
    if recorded.revision is None:
        raise DatabaseError(f"{backup} is not a labnews backup (it has no labnews schema)")
    backup_counts = counts(backup)
    current_counts: dict[str, int] | None = None
    current_facts: FileFacts | None = None
    problem: str | None = None
    newer = False
    if database.exists():
        try:
            check_sqlite_file(database, hint=False)
            current_facts = facts(database)
            current_counts = counts(database)
        except DiskError as exc:
            raise DiskError(f"{exc}; nothing restored") from exc
        except DatabaseError as exc:
            problem = str(exc)
            with contextlib.suppress(DatabaseError):
                revision = facts(database).revision
                newer = revision is not None and not is_known_revision(revision)
    return RestorePlan(
        backup, database, backup_counts, current_counts, recorded, current_facts, problem, newer
    )


def _space_needed(plan: RestorePlan) -> int:
    """Bytes a restore may need at once: the staged copy, the copy kept aside, the WAL."""
    backup_size = plan.backup.stat().st_size
    current_size = plan.database.stat().st_size if plan.database.exists() else 0
    return current_size + 3 * backup_size + 1024 * 1024


def _preflight(plan: RestorePlan) -> None:
    """Refuse, before anything moves, a restore that could not complete."""
    database = plan.database
    folder = database.parent
    if not folder.is_dir():
        raise DatabaseError(f"cannot restore to {database}: there is no folder {folder}")
    needed = _space_needed(plan)
    problem = io_problem(database, needed=needed)
    if problem is not None:
        free = free_space(folder)
        tail = f"; restoring needs {amount(needed)}" if free is not None else ""
        raise DiskError(f"cannot restore to {database}: {problem}{tail}; nothing was changed")


def restore(plan: RestorePlan) -> Path | None:
    """Replace the database with the backup, keeping the current file aside as ``*.pre-restore``.

    First it checks that it can finish (a writable folder, space for every copy); then it
    stages a verified copy of the backup beside the database (upgraded to this labnews's
    schema, with the lab's identity and a change count past both files'); only then is the
    current database kept aside and replaced. A step that fails puts back what was there.
    A readable database is replaced through the online backup API, so other connections see
    a whole database; a damaged one is moved aside (with its -wal and -shm) and the staged copy
    renamed into its place.
    """
    _preflight(plan)
    database = plan.database
    clean_litter(database)
    aside = database.with_name(database.name + ".pre-restore")
    staged = database.with_name(f"{database.name}.restore.{os.getpid()}.partial")
    try:
        _stage(plan, staged)
        if not database.exists():
            _replace_unreadable(database, staged, aside)
            return None
        kept = _keep_aside(database, aside) if plan.current_counts is not None else None
        if kept is None:
            _replace_unreadable(database, staged, aside)
        else:
            _copy_into(database, staged, kept, aside)
        return aside
    finally:
        _remove_copy(staged)


def _keep_aside(database: Path, aside: Path) -> Path | None:
    """A verified copy of a readable database beside the final aside name, or None when it
    cannot be copied whole (then the file itself is moved aside, as a damaged one is)."""
    fresh = aside.with_name(aside.name + ".new")
    try:
        # The copy kept aside is not a backup and is never offered as one: a lab whose only
        # fault is an index (what a restore may be meant to leave behind) is kept all the same.
        return backup_to(database, fresh, index_damage_ok=True)
    except DiskError:
        raise
    except DatabaseError:
        return None


def _clear_aside(aside: Path) -> None:
    """Remove the -wal and -shm of an older ``*.pre-restore``: SQLite would read a stale -wal
    into the copy that takes its place."""
    for suffix in ("-wal", "-shm"):
        Path(f"{aside}{suffix}").unlink(missing_ok=True)


def _stage(plan: RestorePlan, staged: Path) -> None:
    """A verified copy of the backup, at this labnews's schema, keeping the lab's identity."""
    try:
        with (
            contextlib.closing(connect_readonly(plan.backup)) as src,
            contextlib.closing(sqlite3.connect(staged)) as dst,
        ):
            copy_database(src, dst, str(plan.backup))
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        error = DatabaseError if is_damage(exc) else DiskError
        raise error(f"could not copy {plan.backup}: {_reason(staged, exc)}") from exc
    revision = plan.backup_facts.revision
    if revision != HEAD_REVISION and revision is not None and is_known_revision(revision):
        upgrade_copy(staged)
    current = plan.current_facts
    counts_seen = [plan.backup_facts.change_count or 0]
    if current is not None:
        counts_seen.append(current.change_count or 0)
    with contextlib.closing(sqlite3.connect(staged)) as conn:
        if current is not None and current.lab_id is not None and plan.backup_facts.lab_id is None:
            # A backup from before lab ids is this lab's own (its name said so): it keeps the
            # identity its backups and their checks know.
            conn.execute("UPDATE lab_state SET lab_id = ? WHERE id = 1", (current.lab_id,))
        # Past both files' counts: the restored lab never matches an older backup by chance.
        conn.execute("UPDATE lab_state SET change_count = ? WHERE id = 1", (max(counts_seen) + 1,))
        conn.commit()
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        raise DatabaseError(
            f"the copy of {plan.backup} fails its integrity check; nothing restored"
        )
    with open(staged, "rb") as handle:
        os.fsync(handle.fileno())


def _copy_into(database: Path, staged: Path, kept: Path, aside: Path) -> None:
    """Copy the staged lab into the live file (other connections see a whole database); only
    then does the copy of the previous lab take the ``*.pre-restore`` name."""
    try:
        with (
            contextlib.closing(sqlite3.connect(staged)) as src,
            contextlib.closing(sqlite3.connect(database, timeout=10)) as dst,
        ):
            # One transaction in the destination: on failure it rolls back to the lab as it was.
            copy_database(src, dst, str(database))
    except sqlite3.Error as exc:
        _remove_copy(kept)
        error = DatabaseError if is_damage(exc) else DiskError
        raise error(
            f"could not restore into {database}: {_reason(database, exc)}; it is as it was"
        ) from exc
    except BaseException:
        _remove_copy(kept)
        raise
    _clear_aside(aside)
    os.replace(kept, aside)
    check_file(database, quick=False)


def _replace_unreadable(database: Path, staged: Path, aside: Path) -> None:
    moved: list[tuple[Path, Path]] = []
    # Moving the files of a database under this process's own connections would lose their
    # locks and writes (see store/database.py, _OpenFiles): hold them off meanwhile.
    with raw_file_access(database):
        _clear_aside(aside)
        try:
            for suffix in ("", "-wal", "-shm"):
                source = Path(f"{database}{suffix}")
                if source.exists():
                    target = Path(f"{aside}{suffix}")
                    os.replace(source, target)
                    moved.append((target, source))
            os.replace(staged, database)
        except OSError as exc:
            for target, source in reversed(moved):
                with contextlib.suppress(OSError):
                    os.replace(target, source)
            raise DiskError(
                f"could not restore into {database}: {io_problem(database) or exc.strerror}; "
                "everything was put back"
            ) from exc
        _sync_folder(database.parent)
    check_file(database, quick=False)


def _reason(path: Path, exc: sqlite3.Error) -> str:
    return str(exc) if is_damage(exc) else (io_problem(path) or str(exc))
