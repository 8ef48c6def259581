"""ids never reused: SQLite AUTOINCREMENT on the tables whose ids people see

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 22:40:00.000000

Without AUTOINCREMENT SQLite gives a new row the largest id plus one, so after an undo removed
paper #35 the next paper was #35 again, and a command line or a note that said "#35" now meant
another paper. With it, SQLite keeps the largest id ever given (in sqlite_sequence) and never
gives it again. The column constraint can only be written when a table is made, so each table
is made again from its own stored definition (the SQLite manual's twelve steps: foreign keys are
off during labnews's upgrades), which keeps every column, constraint and index it has, whichever
migrations added them. PostgreSQL's id sequences never go back: nothing to do there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alembic import op
from sqlalchemy.engine import Connection

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("member", "venue", "paper", "achievement")
"""The tables whose ids the window, the command line and the news's JSON show."""


def _stored(connection: Connection, table: str) -> tuple[str, list[str]]:
    """A table's CREATE TABLE statement and those of its indexes, as SQLite keeps them."""
    rows = connection.exec_driver_sql(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL",
        (table,),
    ).fetchall()
    created = next(str(sql) for kind, sql in rows if kind == "table")
    return created, [str(sql) for kind, sql in rows if kind == "index"]


def _with_autoincrement(created: str, table: str) -> str:
    """The table's statement with its id an INTEGER PRIMARY KEY AUTOINCREMENT column."""
    if "AUTOINCREMENT" in created:
        return created
    key = re.compile(rf",\s*CONSTRAINT pk_{table} PRIMARY KEY \(id\)")
    column = re.compile(r"\bid INTEGER NOT NULL,")
    if not key.search(created) or not column.search(created):
        raise RuntimeError(f"unexpected definition of the {table} table: {created}")
    created = key.sub("", created, count=1)
    return column.sub(
        f"id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,", created, count=1
    )


def _without_autoincrement(created: str, table: str) -> str:
    """The statement as the earlier revisions wrote it: a table constraint names the key."""
    column = f"id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,"
    if column not in created:
        return created
    created = created.replace(column, "id INTEGER NOT NULL,", 1)
    # The key goes back after the last column, before the first table constraint.
    first = re.search(r",\s*CONSTRAINT ", created)
    at = first.start() if first else created.rstrip().rfind(")")
    return f"{created[:at]}, \n\tCONSTRAINT pk_{table} PRIMARY KEY (id){created[at:]}"


def _remake(connection: Connection, table: str, rewrite: str) -> None:
    created, indexes = _stored(connection, table)
    new = _with_autoincrement(created, table) if rewrite == "up" else None
    if new is None:
        new = _without_autoincrement(created, table)
    if new == created:
        return
    temporary = f"_labnews_new_{table}"
    statement = re.sub(rf"^CREATE TABLE \"?{table}\"? ", f"CREATE TABLE {temporary} ", new)
    columns = ", ".join(
        f'"{row[1]}"' for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')
    )
    connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f'INSERT INTO {temporary} ({columns}) SELECT {columns} FROM "{table}"'
    )
    connection.exec_driver_sql(f'DROP TABLE "{table}"')
    connection.exec_driver_sql(f'ALTER TABLE {temporary} RENAME TO "{table}"')
    for index in indexes:
        connection.exec_driver_sql(index)


def _check_foreign_keys_off(connection: Connection) -> None:
    # With foreign keys on, dropping the old table would cascade: aliases deleted, featured
    # members cleared. labnews's upgrades turn them off; anyone else running this must too.
    if connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("migration 0005 makes tables again: turn foreign keys off first")


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    _check_foreign_keys_off(connection)
    for table in TABLES:
        _remake(connection, table, "up")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    _check_foreign_keys_off(connection)
    for table in TABLES:
        _remake(connection, table, "down")
