"""Opening a lab database: create or upgrade it (after a backup); refuse one too new or foreign."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from labnews.core.errors import DatabaseError
from labnews.resources import migrations_dir
from labnews.store import HEAD_REVISION
from labnews.store.database import (
    Database,
    create_database_engine,
    describe,
    raw_file_access,
    to_url,
)
from labnews.store.location import default_database_path
from labnews.store.sqlitefile import (
    file_uri,
    immutable_is_safe,
    io_problem,
    is_damage,
    read_facts,
    read_steadily,
)

if TYPE_CHECKING:
    from alembic.config import Config

_SQLITE_HEADER = b"SQLite format 3\x00"
QUICK_CHECK_LIMIT = 64 * 1024 * 1024
"""Files up to this size get a full quick_check when opened."""
_CHANGES_AT_BEGIN = "labnews_changes_at_begin"
_CHANGED_ROWS = "labnews_changed_rows"
_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_COUNT_A_CHANGE = "UPDATE lab_state SET change_count = change_count + 1 WHERE id = 1"


class DiskError(DatabaseError):
    """The disk or the folder is at fault (full, read-only, unreadable), not the file's bytes.

    Never answered with "restore a backup": the file is not damaged, and a restore onto a
    full or read-only disk cannot finish.
    """


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for labnews's migrations, optionally bound to a connection."""
    from alembic.config import Config

    # Alembic's default stdout is whatever sys.stdout was when Alembic was first imported,
    # which may be long closed (a captured stream): pass the current one.
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """Alembic's head revision, read from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def is_known_revision(revision: str) -> bool:
    """Whether this labnews knows a schema revision (one it does not was made by a newer one)."""
    return revision == HEAD_REVISION or revision in _known_revisions()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_sqlite_file(path: Path, *, full: bool = False, hint: bool = True) -> None:
    """Refuse, before anything writes to it or beside it, a file labnews must not open as a lab.

    An empty file, one that is not SQLite, a truncated or damaged one, one made by a newer
    labnews, another application's database, or a lone ``-wal`` whose database is gone: each is
    refused with the newest good backup to restore (``hint``), and no byte is written to or
    beside it (the look is read-only and, when the file alone is the database, immutable). An
    I/O error (a full disk, a read-only or vanished folder) is reported as what it is, never as
    damage. ``full`` runs integrity_check, which also compares every index with its table.
    """
    wal = Path(f"{path}-wal")
    if not path.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseError(
                f"{wal} exists but {path} does not: the -wal file may hold your data; "
                "move it away, or restore a backup" + _backup_hint(path, hint)
            )
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    size = path.stat().st_size
    if size == 0:
        raise DatabaseError(
            f"{path} is empty (0 bytes): it is not a labnews database" + _backup_hint(path, hint)
        )
    # A plain open() and close() of the file would drop the SQLite locks of every connection
    # this process has on it (see store/database.py, _OpenFiles); raw_file_access rules it out.
    try:
        with raw_file_access(path), open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DiskError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not header.startswith(_SQLITE_HEADER):
        raise DatabaseError(
            f"{path} is not a SQLite database (it may be another kind of file)"
            + _backup_hint(path, hint)
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        raise DatabaseError(f"{path} is truncated or damaged" + _backup_hint(path, hint))

    def look(conn: sqlite3.Connection) -> str | None:
        facts = read_facts(conn)
        if facts.revision is not None and not is_known_revision(facts.revision):
            raise DatabaseError(
                f"{path} was made by a newer labnews (schema {facts.revision}); "
                "upgrade labnews to open it"
            )
        if facts.revision is None and facts.tables:
            raise DatabaseError(
                f"{path} holds tables that labnews did not make "
                f"({', '.join(sorted(facts.tables)[:5])}); choose another file"
            )
        # A whole-file check costs a read of every page: worth it up to a large lab's size;
        # beyond, damage deeper in the file is reported when a query reaches it.
        if full:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        elif size <= QUICK_CHECK_LIMIT:
            rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        else:
            rows = [("ok",)]
        if rows != [("ok",)]:
            return integrity_report(rows)
        return None

    try:
        failed = read_steadily(path, look)
    except sqlite3.Error as exc:
        if not is_damage(exc):
            raise DiskError(f"cannot read {path}: {_io_reason(path, exc)}") from exc
        raise DatabaseError(f"{path} is damaged ({exc})" + _backup_hint(path, hint)) from exc
    if failed is not None:
        if full and index_damage_only(failed):
            raise DatabaseError(
                f"{path} has indexes that disagree with their tables ({failed}); "
                "`labnews check --fix` rebuilds them"
            )
        raise DatabaseError(f"{path} is damaged ({failed})" + _backup_hint(path, hint))


def integrity_report(rows: list[tuple[object, ...]], *, lines: int = 3) -> str:
    """The first lines of an integrity_check, on one line (SQLite's rows hold line breaks)."""
    return "; ".join(" ".join(str(row[0]).split()) for row in rows[:lines])


def index_damage_only(report: str) -> bool:
    """Whether every line of an integrity_check report is about an index, not about the data.

    Such damage loses nothing: REINDEX builds the indexes again from their tables.
    """
    lines = [line.strip() for line in report.split(";") if line.strip()]
    return bool(lines) and all(
        ("missing from index" in line)
        or line.startswith("wrong # of entries in index")
        or ("non-unique entry in" in line and " index " in line)
        for line in lines
    )


def _io_reason(path: Path, exc: sqlite3.Error) -> str:
    """A disk's trouble in a person's words, SQLite's own words when there is nothing better."""
    return io_problem(path) or str(exc)


def _backup_hint(path: Path, wanted: bool = True) -> str:
    if not wanted:
        return ""
    from labnews.store.backup import newest_good_backup

    good = newest_good_backup(path)
    return f"; the newest good backup is {good} (labnews restore {good})" if good else ""


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None for one labnews has not made yet), read directly."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _pragma(connection: Connection, statement: str) -> list[tuple[object, ...]]:
    """Run a PRAGMA on the driver connection itself, outside SQLAlchemy's transaction."""
    raw = connection.connection.driver_connection
    assert raw is not None
    return list(raw.execute(statement).fetchall())


def _upgrade(connection: Connection, is_sqlite: bool, *, seed: bool = False) -> None:
    """Run every pending migration in one transaction; all of it applies, or none.

    A new lab's venue catalog (``seed``) is written in that same transaction: a lab killed
    between its schema and its catalog would otherwise stay without venues for good.
    """
    if connection.in_transaction():
        connection.rollback()
    if is_sqlite:
        # Batch migrations copy tables; foreign keys must be off meanwhile, and this pragma is
        # a no-op inside a transaction, so it is set before BEGIN and checked after COMMIT.
        _pragma(connection, "PRAGMA foreign_keys = OFF")
    from alembic import command

    try:
        with connection.begin():
            command.upgrade(alembic_config(connection), "head")
            if seed:
                from labnews.store.catalog import seed_catalog

                # The session joins the connection's transaction and neither commits nor rolls
                # it back: the block above does, for the schema and the catalog together.
                with Session(bind=connection) as session:
                    seed_catalog(session)
                    session.flush()
        if is_sqlite:
            broken = _pragma(connection, "PRAGMA foreign_key_check")
            if broken:
                raise DatabaseError(
                    f"the upgrade left {len(broken)} broken references; restore the backup"
                )
    finally:
        if is_sqlite:
            _pragma(connection, "PRAGMA foreign_keys = ON")


def open_database(target: str, *, upgrade: bool = True) -> Database:
    """Open (creating or upgrading as needed) the lab database at a path or URL.

    An existing SQLite file is backed up before any migration touches it. A database made by a
    newer labnews, or one that holds tables labnews did not make, is refused untouched. A lab
    on a read-only file system or a full disk is opened for reading only: reads work, and a
    change is refused saying why. No folder is made, except labnews's own data folder.
    """
    url = to_url(target)
    is_sqlite = url.get_backend_name() == "sqlite"
    path = Path(url.database) if is_sqlite and url.database else None
    read_only = False
    if path is not None:
        check_sqlite_file(path)
        if not path.parent.is_dir():
            if not _is_default_folder(path.parent):
                raise DatabaseError(
                    f"there is no folder {path.parent}: labnews does not make folders; "
                    "check the path, or create the folder first"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        problem = io_problem(path)
        if problem is not None:
            if not path.exists():
                raise DiskError(f"cannot create a lab database at {path}: {problem}")
            read_only = True
    engine = create_database_engine(url)
    if path is not None:
        _watch_sqlite(engine, path, read_only=read_only)
    database = Database(url, engine)
    try:
        _prepare(database, path, upgrade=upgrade, read_only=read_only)
    except BaseException:
        engine.dispose()
        raise
    if path is None:
        # A server lab is at the newest schema now; counting starts after the upgrade, whose
        # migrations write before lab_state exists.
        _count_server_changes(engine)
    if path is not None and not read_only:
        from labnews.store.backup import clean_litter

        clean_litter(path)
    return database


def _count_server_changes(engine: Engine) -> None:
    """A database server's change counter, as SQLite's: every transaction of this program that
    changed a row moves ``lab_state.change_count`` once, in the same transaction.

    So a window on a lab that several admins share sees that another one changed it (its count
    moved by more than its own changes). The server has no ``total_changes``: the statements
    that changed rows say it.
    """

    @event.listens_for(engine, "after_cursor_execute")
    def executed(
        connection: Connection,
        cursor: Any,
        statement: str,
        parameters: object,
        context: object,
        executemany: bool,
    ) -> None:
        # rowcount is -1 where the driver cannot tell: counted, as a change may have happened.
        if _CHANGED_ROWS not in connection.info and _WRITES.match(statement) and cursor.rowcount:
            connection.info[_CHANGED_ROWS] = True

    @event.listens_for(engine, "commit")
    def committing(connection: Connection) -> None:
        if not connection.info.pop(_CHANGED_ROWS, False):
            return
        raw = connection.connection.driver_connection
        assert raw is not None
        driver_error: type[Exception] = engine.dialect.loaded_dbapi.Error
        cursor = raw.cursor()
        try:
            cursor.execute(_COUNT_A_CHANGE)
        except driver_error as exc:
            # Raised in the commit event, outside SQLAlchemy's own wrapping: wrapped here, so
            # the session says it as any refusal (a role without rights) and retries what can
            # be retried (a serialization failure), and nothing is committed.
            raise DBAPIError.instance(_COUNT_A_CHANGE, None, exc, driver_error) from exc
        finally:
            cursor.close()

    @event.listens_for(engine, "rollback")
    def rolled_back(connection: Connection) -> None:
        connection.info.pop(_CHANGED_ROWS, None)


def _is_default_folder(folder: Path) -> bool:
    """Whether ``folder`` is labnews's own data folder, the one folder labnews may make."""
    return folder.absolute() == default_database_path().parent.absolute()


def _watch_sqlite(engine: Engine, path: Path, *, read_only: bool) -> None:
    """A SQLite engine's lab-keeping: the change counter, honest I/O errors, read-only opening.

    Every write transaction that changed something moves ``lab_state.change_count`` in the same
    transaction (SQLite's ``total_changes`` tells, raw executemany inserts included), so a
    backup knows exactly whether anything changed since, whichever process changed it.
    """

    @event.listens_for(engine, "begin")
    def began(connection: Connection) -> None:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        connection.info[_CHANGES_AT_BEGIN] = raw.total_changes

    @event.listens_for(engine, "commit")
    def committing(connection: Connection) -> None:
        started = connection.info.pop(_CHANGES_AT_BEGIN, None)
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        if started is None or raw.total_changes == started:
            return
        try:
            raw.execute("UPDATE lab_state SET change_count = change_count + 1 WHERE id = 1")
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return  # a lab made before the counter, opened read-only: nothing to move
            raise _io_error(path, exc, read_only=read_only) or DatabaseError(
                f"{path}: {exc}"
            ) from exc

    @event.listens_for(engine, "rollback")
    def rolled_back(connection: Connection) -> None:
        connection.info.pop(_CHANGES_AT_BEGIN, None)

    @event.listens_for(engine, "handle_error")
    def honest(context: Any) -> Exception | None:
        original = context.original_exception
        if isinstance(original, sqlite3.Error):
            return _io_error(path, original, read_only=read_only)
        return None

    if read_only:
        # A reader that locks would need to create the -shm (and -wal) beside the file, which a
        # read-only or full disk refuses: read it as immutable while the file is the whole lab.
        def read_only_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> None:
            params = {"mode": "ro", "immutable": "1"} if immutable_is_safe(path) else {"mode": "ro"}
            cargs[0] = file_uri(path, **params)
            cparams["uri"] = True

        # It must run before the engine's own do_connect (which connects); SQLAlchemy ignores
        # insert=True for dialect events, so the others are taken off and put back after it.
        others = list(engine.dialect.dispatch.do_connect)
        for listener in others:
            event.remove(engine, "do_connect", listener)
        event.listen(engine, "do_connect", read_only_connect)
        for listener in others:
            event.listen(engine, "do_connect", listener)


def _io_error(path: Path, exc: sqlite3.Error, *, read_only: bool) -> DiskError | None:
    """The error to report for a disk's trouble (full, read-only, not allowed), or None."""
    if is_damage(exc):
        return None
    code = int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF
    if code not in {3, 8, 10, 13, 14}:  # PERM, READONLY, IOERR, FULL, CANTOPEN
        return None
    problem = io_problem(path)
    if problem is None and code == 13:
        problem = f"the disk holding {path.parent} is full"
    if problem is None and read_only:
        problem = "it was opened for reading only (its disk was full or read-only); open it again"
    if problem is None:
        return None
    if code in {8, 13}:  # READONLY, FULL: a write was refused, and nothing of it was kept
        return DiskError(f"cannot change {path}: {problem}; nothing was saved")
    return DiskError(f"cannot use {path}: {problem}")


def _prepare(database: Database, path: Path | None, *, upgrade: bool, read_only: bool) -> None:
    name = describe(database.url)
    try:
        with database.engine.connect() as connection:
            current = current_revision(connection)
            connection.rollback()
            if current == HEAD_REVISION:
                return
            if current is not None and not is_known_revision(current):
                raise DatabaseError(
                    f"{name} was made by a newer labnews (schema {current}); "
                    "upgrade labnews to open it"
                )
            tables = set(inspect(connection).get_table_names())
            connection.rollback()
        if current is None and tables:
            raise DatabaseError(
                f"{name} holds tables that labnews did not make "
                f"({', '.join(sorted(tables)[:5])}); choose another file"
            )
        if read_only and path is not None:
            if current is None:
                problem = io_problem(path) or "it cannot be written"
                raise DiskError(f"cannot create a lab database at {path}: {problem}")
            # An older schema is read as it is: upgrading needs a backup and a write.
            return
        if not upgrade:
            raise DatabaseError(f"{name} needs an upgrade: run `labnews db upgrade`")
        fresh = current is None
        if path is not None and not fresh:
            from labnews.store.backup import backup_before

            # Taken with no connection of this thread open: the backup reads the file's header.
            backup_before(path, "pre-upgrade")
        with database.engine.connect() as connection:
            _upgrade(connection, database.is_sqlite, seed=fresh)
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseError(f"cannot open {name}: {_reason(exc)}") from exc


def _reason(exc: DBAPIError) -> str:
    """The driver's own one-line reason, without SQLAlchemy's SQL echo and links."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)


def check_migrations() -> None:
    """Fail when models and migrations disagree (Alembic's ``check`` on a fresh database)."""
    import tempfile
    import warnings

    from alembic import command

    with tempfile.TemporaryDirectory() as folder:
        engine = create_database_engine(to_url(str(Path(folder) / "check.sqlite")))
        try:
            with engine.connect() as connection, warnings.catch_warnings():
                # The lower() expression indexes are written by hand in the migration; Alembic
                # cannot reflect them on SQLite and says so once per index.
                warnings.filterwarnings("ignore", message=".*expression-based index.*")
                _upgrade(connection, True)
                with connection.begin():
                    command.check(alembic_config(connection))
        finally:
            engine.dispose()


def upgrade_copy(path: Path) -> None:
    """Bring a copy of a lab (a staged restore) up to this labnews's schema, in one transaction.

    No backup is taken first: the file is itself a copy. The engine works in WAL; its last
    connection folds the -wal back in, and the file goes back to being one self-contained file.
    """
    engine = create_database_engine(to_url(str(path)))
    try:
        with engine.connect() as connection:
            _upgrade(connection, True)
    finally:
        engine.dispose()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")


def describe_schema(target: str) -> tuple[str, str | None, str]:
    """A database's name, its schema revision (None when new) and the newest one, read only."""
    url = to_url(target)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        check_sqlite_file(path)
        if not path.exists():
            return describe(url), None, head_revision()
        try:
            revision = read_steadily(path, read_facts).revision
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot open {describe(url)}: {exc}") from exc
        return describe(url), revision, head_revision()
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            return describe(url), current_revision(connection), head_revision()
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseError(f"cannot open {describe(url)}: {_reason(exc)}") from exc
    finally:
        engine.dispose()


def schema_version(database: Database) -> str | None:
    with database.engine.connect() as connection, contextlib.closing(connection):
        return current_revision(connection)


def ping(database: Database) -> None:
    with database.session() as session:
        session.execute(text("SELECT 1"))
