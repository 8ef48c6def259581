"""Nothing lost: a window, command-line processes and plain file reads share one SQLite lab.

SQLite's locks are POSIX advisory locks, which belong to a process: when anything in the
process closes a descriptor of the database file that SQLite did not open, every connection of
that process silently loses its locks, and the next process to finish deletes the -wal the
first one is still writing into. These tests run the real window and the real command line as
separate processes on one file, in the orders that lost writes before, and then count every
write in a fresh process.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from labnews.core.inputs import MemberInput
from labnews.store import commands
from labnews.store.database import (
    open_connection_count,
    raw_file_access,
    read_file_bytes,
)
from labnews.store.migrate import open_database
from tests.reliability.labfiles import labnews

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_only


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path / "home"),
    }


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return labnews(*args, env=_env(tmp_path))


def _member_names(path: Path) -> set[str]:
    """Every member's name, read by a fresh connection that is closed at once.

    (A connection left open here would hold a lock that hides the very loss tested for.)
    """
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {row[0] for row in conn.execute("SELECT name FROM member")}


class Window:
    """The window child process (tests/reliability/window_child.py), one action at a time."""

    def __init__(self, tmp_path: Path, database: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.window_child", str(database)],
            cwd=ROOT,
            env=_env(tmp_path),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self._read() == "ready"

    def _read(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the window process ended: {self.process.stderr.read()}")  # type: ignore[union-attr]
        return line.strip()

    def do(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self._read()
        assert answer.startswith("ok"), (line, answer)
        return answer.removeprefix("ok").strip()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


@pytest.fixture
def lab(tmp_path: Path) -> Path:
    """A demo lab in a folder of its own (which the window's file dialog lists)."""
    folder = tmp_path / "lab"
    folder.mkdir()
    path = folder / "r.sqlite"
    result = _cli(tmp_path, "--db", str(path), "demo")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def window(tmp_path: Path, lab: Path) -> Iterator[Window]:
    child = Window(tmp_path, lab)
    yield child
    child.close()


def test_window_backups_file_dialogs_and_plain_reads_lose_no_write_of_either_side(
    tmp_path: Path, lab: Path, window: Window
) -> None:
    """The reproduction of the lost writes, step by step, and more of it in every order."""
    before = _member_names(lab)
    written: set[str] = set()

    def both_see(name: str) -> None:
        """Neither side's write is hidden from the other: each reads it at once."""
        assert window.do(f"has {name}") == "yes", f"the window does not see {name}"
        listed = _cli(tmp_path, "--db", str(lab), "list", "members")
        assert name in listed.stdout, f"the command line does not see {name}"

    def add_in_window(name: str) -> None:
        window.do(f"add {name}")
        written.add(name)
        both_see(name)

    def add_by_cli(name: str) -> None:
        result = _cli(tmp_path, "--db", str(lab), "add", "member", name)
        assert result.returncode == 0, result.stderr
        written.add(name)
        both_see(name)

    add_in_window("Window One")
    window.do("backup")
    window.do("dialog")
    window.do("rawopen")
    # The command that used to delete the -wal the window was still writing into.
    assert _cli(tmp_path, "--db", str(lab), "summary").returncode == 0
    add_in_window("Window Two")
    add_by_cli("Command Line One")
    window.do("scheduled")
    window.do("rawopen")
    add_by_cli("Command Line Two")
    add_in_window("Window Three")
    assert int(window.do("members")) == len(before) + len(written)

    # Command-line writers running while the window backs up, lists folders and adds members.
    stop = threading.Event()
    failures: list[str] = []

    def command_line_writer() -> None:
        number = 0
        while not stop.is_set() and number < 8:
            number += 1
            name = f"Concurrent Writer{number:02d}"
            result = _cli(tmp_path, "--db", str(lab), "add", "member", name)
            if result.returncode == 0:
                written.add(name)
            else:
                failures.append(result.stderr)

    writer = threading.Thread(target=command_line_writer)
    writer.start()
    for round_ in range(4):
        add_in_window(f"Window Round{round_}")
        window.do("backup")
        window.do("dialog")
        window.do("rawopen")
    stop.set()
    writer.join(timeout=300)
    assert not failures, failures

    window.do("quit")
    window.process.wait(timeout=60)
    assert window.process.returncode == 0, window.process.stderr.read()  # type: ignore[union-attr]
    assert _member_names(lab) == before | written


def test_the_close_time_backup_holds_the_command_lines_changes(
    tmp_path: Path, lab: Path, window: Window
) -> None:
    """A change made by another process while the window is open is a change to back up."""
    assert window.do("scheduled") in {"taken", "skipped"}
    assert _cli(tmp_path, "--db", str(lab), "add", "member", "Late Arrival").returncode == 0
    assert window.do("scheduled") == "taken"
    newest = max((lab.parent / "backups").glob("*.sqlite"), key=lambda p: p.stat().st_mtime)
    assert "Late Arrival" in _member_names(newest)


def test_plain_open_and_close_of_the_file_while_the_lab_is_open_loses_nothing(
    tmp_path: Path, lab: Path
) -> None:
    """In this process: a write, a plain open()/close(), another process's write, a write."""
    database = open_database(str(lab))
    try:
        with database.session(write=True) as session:
            commands.add_member(session, MemberInput("Before Plain Read"))
        # Not through raw_file_access: any library in the process may do this.
        with open(lab, "rb") as handle:
            handle.read(4096)
        if Path(f"{lab}-wal").exists():
            with open(f"{lab}-wal", "rb") as handle:
                handle.read(32)
        assert _cli(tmp_path, "--db", str(lab), "add", "member", "Other Process").returncode == 0
        with database.session(write=True) as session:
            commands.add_member(session, MemberInput("After Plain Read"))
        # Seen at once by another process, not only after this one closes.
        listed = _cli(tmp_path, "--db", str(lab), "list", "members").stdout
        assert "After Plain Read" in listed
    finally:
        database.dispose()
    names = _member_names(lab)
    assert {"Before Plain Read", "Other Process", "After Plain Read"} <= names


def test_no_connection_outlives_its_session(lab: Path) -> None:
    database = open_database(str(lab))
    try:
        with database.session() as session:
            session.connection()
            assert open_connection_count(lab) == 1
        assert open_connection_count(lab) == 0
        assert open_connection_count(f"{lab}-wal") == 0
    finally:
        database.dispose()


def test_a_plain_read_waits_for_another_threads_connection_and_holds_new_ones_off(
    lab: Path,
) -> None:
    database = open_database(str(lab))
    order: list[str] = []
    in_session = threading.Event()
    release = threading.Event()

    def hold_a_session() -> None:
        with database.session() as session:
            session.connection()
            in_session.set()
            release.wait(10)
            order.append("session closed")

    holder = threading.Thread(target=hold_a_session)
    holder.start()
    try:
        assert in_session.wait(10)
        threading.Timer(0.3, release.set).start()
        data = read_file_bytes(lab)
        order.append("file read")
        assert data.startswith(b"SQLite format 3\x00")
        assert order == ["session closed", "file read"]

        # While a plain read is under way, a new connection waits for it to end.
        with raw_file_access(lab):
            opened = threading.Event()

            def connect() -> None:
                with database.session() as session:
                    session.connection()
                    opened.set()

            late = threading.Thread(target=connect)
            late.start()
            assert not opened.wait(0.3)
        late.join(10)
        assert opened.is_set()
    finally:
        release.set()
        holder.join(10)
        database.dispose()


def test_a_plain_read_from_the_thread_that_holds_a_connection_is_refused(lab: Path) -> None:
    database = open_database(str(lab))
    try:
        with database.session() as session:
            session.connection()
            with pytest.raises(RuntimeError, match="read outside SQLite"):
                read_file_bytes(lab)
    finally:
        database.dispose()


def test_importing_the_lab_file_itself_is_refused_without_losing_locks(
    tmp_path: Path, lab: Path
) -> None:
    """A user who picks the database as the file to import gets an error, and no lost lock."""
    before = _member_names(lab)
    for kind in ("news", "bibtex", "csv"):
        result = _cli(tmp_path, "--db", str(lab), "import", kind, str(lab))
        assert result.returncode == 1, (kind, result.stdout)
        assert result.stderr.startswith("labnews: error:"), result.stderr
        assert "not a text file" in result.stderr
        assert "Traceback" not in result.stderr
    assert _member_names(lab) == before
