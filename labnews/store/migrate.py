"""Opening a lab database: create or upgrade it (after a backup); refuse one too new or foreign."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from labnews.core.errors import DatabaseError
from labnews.resources import migrations_dir
from labnews.store.backup import backup_before
from labnews.store.database import (
    Database,
    create_database_engine,
    describe,
    raw_file_access,
    to_url,
)

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0001"
"""The newest migration in db/versions; a test keeps it equal to Alembic's own head.

Opening a database that is already at this revision needs no Alembic at all: its import costs
a tenth of a second and ten megabytes, paid only when there is something to migrate.
"""

_SQLITE_HEADER = b"SQLite format 3\x00"
QUICK_CHECK_LIMIT = 64 * 1024 * 1024
"""Files up to this size get a full quick_check when opened."""


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


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_sqlite_file(path: Path) -> None:
    """Refuse, before anything writes to it, a file labnews must not open as a database.

    An empty file, one that is not SQLite, a damaged one, or a lone ``-wal`` whose database is
    gone: each is reported with the newest good backup to restore, and no byte is written.
    """
    wal = Path(f"{path}-wal")
    if not path.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseError(
                f"{wal} exists but {path} does not: the -wal file may hold your data; "
                "move it away, or restore a backup" + _backup_hint(path)
            )
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    size = path.stat().st_size
    if size == 0:
        raise DatabaseError(
            f"{path} is empty (0 bytes): it is not a labnews database" + _backup_hint(path)
        )
    # A plain open() and close() of the file would drop the SQLite locks of every connection
    # this process has on it (see store/database.py, _OpenFiles); raw_file_access rules it out.
    with raw_file_access(path), open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(_SQLITE_HEADER):
        raise DatabaseError(
            f"{path} is not a SQLite database (it may be another kind of file)" + _backup_hint(path)
        )
    page_size = int.from_bytes(header[16:18], "big") or 65536
    if size % page_size:
        raise DatabaseError(f"{path} is truncated or damaged" + _backup_hint(path))
    try:
        # Read-only: a damaged file is detected without SQLite writing to it.
        with contextlib.closing(
            sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        ) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if row is not None and row[0] != HEAD_REVISION and row[0] not in _known_revisions():
                    raise DatabaseError(
                        f"{path} was made by a newer labnews (schema {row[0]}); "
                        "upgrade labnews to open it"
                    )
            # A whole-file check costs a read of every page: worth it up to a large lab's size;
            # beyond, damage deeper in the file is reported when a query reaches it.
            if size <= QUICK_CHECK_LIMIT and conn.execute("PRAGMA quick_check(1)").fetchone() != (
                "ok",
            ):
                raise sqlite3.DatabaseError("quick_check failed")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is damaged ({exc})" + _backup_hint(path)) from exc


def _backup_hint(path: Path) -> str:
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


def _upgrade(connection: Connection, is_sqlite: bool) -> None:
    """Run every pending migration in one transaction; all of it applies, or none."""
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
    newer labnews, or one that holds tables labnews did not make, is refused untouched.
    """
    url = to_url(target)
    is_sqlite = url.get_backend_name() == "sqlite"
    path = Path(url.database) if is_sqlite and url.database else None
    if path is not None:
        check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_database_engine(url)
    database = Database(url, engine)
    try:
        _prepare(database, path, upgrade=upgrade)
    except BaseException:
        engine.dispose()
        raise
    return database


def _prepare(database: Database, path: Path | None, *, upgrade: bool) -> None:
    name = describe(database.url)
    try:
        with database.engine.connect() as connection:
            current = current_revision(connection)
            connection.rollback()
            if current == HEAD_REVISION:
                return
            if current is not None and current not in _known_revisions():
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
            if not upgrade:
                raise DatabaseError(f"{name} needs an upgrade: run `labnews db upgrade`")
            fresh = current is None
            if path is not None and not fresh:
                backup_before(path, "pre-upgrade")
            _upgrade(connection, database.is_sqlite)
        if fresh:
            from labnews.store.catalog import seed_catalog

            with database.session(write=True) as session:
                seed_catalog(session)
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


def describe_schema(target: str) -> tuple[str, str | None, str]:
    """A database's name, its schema revision (None when new) and the newest one, read only."""
    url = to_url(target)
    if url.get_backend_name() == "sqlite" and url.database:
        check_sqlite_file(Path(url.database))
        if not Path(url.database).exists():
            return describe(url), None, head_revision()
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
