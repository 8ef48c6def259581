"""What every command shares: argument types, opening the lab database, its sessions and notes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from labnews.core.errors import NotFoundError, ValidationError
from labnews.core.records import (
    Change,
    YearMonth,
    check_year,
)

PROG = "labnews"

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command line argparse refuses: exit 2 with argparse's own message."""


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` stays a plain function."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


def year_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"year must be a number, not {text!r}") from None
    try:
        return check_year(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def month_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"month must be a number, not {text!r}") from None
    if not 1 <= value <= 12:
        raise argparse.ArgumentTypeError(f"month must be between 1 and 12, not {value}")
    return value


def year_month_arg(text: str) -> YearMonth:
    try:
        return YearMonth.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_arg(text: str) -> tuple[YearMonth, int | None]:
    parts = text.strip().split("-")
    if len(parts) == 3:
        try:
            return YearMonth.parse(f"{parts[0]}-{parts[1]}", field="date"), int(parts[2])
        except (ValidationError, ValueError):
            pass
    elif len(parts) == 2:
        try:
            return YearMonth.parse(text, field="date"), None
        except ValidationError:
            pass
    raise argparse.ArgumentTypeError(f"date must look like YYYY-MM or YYYY-MM-DD, not {text!r}")


_MAKES_A_LAB = frozenset({"demo", "add"})
"""Commands that may make a new lab where there is none (``import``, ``rules`` and ``db
upgrade`` too, when they write): a command that only reads, or changes records that must
exist, never does."""

"""Commands that may make a new lab where there is none (``import``, ``rules`` and ``db
upgrade`` too, when they write): a command that only reads, or changes records that must
exist, never does."""


def _makes_a_lab(args: argparse.Namespace) -> bool:
    command = getattr(args, "command", None)
    if command in ("import", "adopt"):
        return not args.dry_run
    if command == "rules":
        return any(getattr(args, key) is not None for key in ("workshops", "order", "lines"))
    if command == "db":
        return bool(args.action == "upgrade")
    return command in _MAKES_A_LAB


_NEW_LABS: dict[int, Path] = {}
"""Labs this command made, by id of their Database, until ``close_lab`` keeps or discards them."""

"""Labs this command made, by id of their Database, until ``close_lab`` keeps or discards them."""


def open_lab(args: argparse.Namespace, *, upgrade: bool = True, until_done: bool = False) -> Any:
    """The database the arguments name, opened; a risky SQLite location is warned about.

    A missing SQLite file is made only by a command that writes, which says so on stderr: a
    typo in ``--db`` must not quietly split a lab in two. A command that reads refuses it.
    With ``until_done`` the new lab is said (or, when the command fails, deleted) by ``close_lab``.
    """
    from labnews.store.database import sharing_warning, to_url
    from labnews.store.location import resolve_target
    from labnews.store.migrate import check_sqlite_file, open_database

    say_waits()

    target = resolve_target(args.db)
    url = to_url(target)
    created = None
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if not path.exists():
            check_sqlite_file(path)  # a lone -wal beside the missing file is said first
            if not _makes_a_lab(args):
                raise NotFoundError(f"there is no lab database at {path}", field="db")
            created = path
    database = open_database(target, upgrade=upgrade)
    if created is not None:
        if until_done:
            _NEW_LABS[id(database)] = created
        else:
            say(f"{PROG}: created a new lab database at {created}")
    if database.path is not None:
        warning = sharing_warning(database.path)
        if warning:
            say(f"{PROG}: warning: {warning}")
    return database


def close_lab(database: Any, *, succeeded: bool) -> None:
    """Close the database; a lab the command made is kept (and said) only if it succeeded.

    A first command that fails (a refused link, an unknown venue) leaves no empty lab behind.
    """
    created = _NEW_LABS.pop(id(database), None)
    database.dispose()
    if created is None:
        return
    if succeeded:
        say(f"{PROG}: created a new lab database at {created}")
        return
    from labnews.store.backup import discard_new_lab

    discard_new_lab(created)


@contextmanager
def lab_session(args: argparse.Namespace, *, write: bool = False) -> Iterator[Any]:
    """One session for one command, on the database the arguments name."""
    database = open_lab(args, until_done=True)
    succeeded = False
    try:
        with database.session(write=write) as session:
            yield session
        succeeded = True
    finally:
        close_lab(database, succeeded=succeeded)


def write_change(args: argparse.Namespace, action: Callable[[Any], Change]) -> Change:
    """Run one write action in its own transaction, retried if PostgreSQL reports a deadlock
    or a serialization failure (the other writer won; running again is safe)."""
    database = open_lab(args, until_done=True)
    succeeded = False
    try:
        change: Change = database.transact(action)
        succeeded = True
        return change
    finally:
        close_lab(database, succeeded=succeeded)


def say_waits() -> None:
    """Say on stderr when a write waits for another program (see store.database.WriteWaits).

    Set where a command first reaches the store, not in ``main``: the window must not load
    the database layer before its first paint.
    """
    from labnews.store.database import WriteWaits

    WriteWaits.listener = lambda message: say(f"{PROG}: {message}")


def is_stdout(output: Path) -> bool:
    """``--output -`` is standard output, as for most Unix tools (a file named "-" is ./-)."""
    return str(output) == "-"


def say(message: str) -> None:
    print(message, file=sys.stderr)


def year_range(args: argparse.Namespace) -> list[int] | None:
    if getattr(args, "year", None) is not None:
        return [args.year]
    start, end = getattr(args, "from_year", None), getattr(args, "to_year", None)
    if start is None and end is None:
        return None
    start = start if start is not None else 1900
    end = end if end is not None else 2100
    if start > end:
        raise ValidationError(f"--from {start} comes after --to {end}", field="from")
    return list(range(start, end + 1))


def say_no_papers(years: list[int] | None) -> None:
    """An empty answer is said on stderr, so that stdout stays what scripts read."""
    say(f"{PROG}: no papers yet" if years is None else f"{PROG}: no papers in those years")
