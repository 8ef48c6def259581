"""A writer that finds another program writing waits for it, says so, and never fails early."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.labfiles import labnews

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_only

_HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE member SET note = 'held' WHERE id = (SELECT min(id) FROM member)")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def _labnews(
    tmp_path: Path, *args: str, wait: str | None = None
) -> subprocess.CompletedProcess[str]:
    extra = {"HOME": str(tmp_path)} | ({"LABNEWS_WRITE_WAIT": wait} if wait else {})
    return labnews(*args, env=extra)


def _hold(lab: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(lab), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


@pytest.fixture
def lab(tmp_path: Path) -> Path:
    path = tmp_path / "lab.sqlite"
    assert _labnews(tmp_path, "--db", str(path), "demo").returncode == 0
    return path


def test_a_writer_waits_past_the_busy_timeout_and_says_what_for(tmp_path: Path, lab: Path) -> None:
    """Held for 12 s, longer than SQLite's 10 s busy timeout that used to fail the writer."""
    holder = _hold(lab, 12)
    started = time.monotonic()
    result = _labnews(tmp_path, "--db", str(lab), "add", "member", "Patient Writer")
    waited = time.monotonic() - started
    holder.wait(30)
    assert result.returncode == 0, result.stderr
    assert f"labnews: waiting for another program that is writing to {lab}..." in result.stderr
    assert waited > 5
    with contextlib.closing(sqlite3.connect(lab)) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM member")}
        notes = {row[0] for row in conn.execute("SELECT note FROM member")}
    assert "Patient Writer" in names
    assert "held" in notes


def test_a_writer_that_waits_too_long_gives_up_with_one_line_naming_why(
    tmp_path: Path, lab: Path
) -> None:
    holder = _hold(lab, 6)
    result = _labnews(tmp_path, "--db", str(lab), "add", "member", "Impatient", wait="2")
    holder.wait(30)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"labnews: error: {lab}: another program has been writing to it for 2 s; "
        "try again when it has finished"
    )
    assert "Traceback" not in result.stderr
    with contextlib.closing(sqlite3.connect(lab)) as conn:
        assert conn.execute("SELECT count(*) FROM member WHERE name = 'Impatient'").fetchone() == (
            0,
        )


def test_restore_behind_a_long_writer_waits_says_so_and_gives_up_at_the_limit(
    tmp_path: Path, lab: Path
) -> None:
    """Python's backup() retried a busy destination forever: restore hung behind a writer."""
    taken = _labnews(tmp_path, "--db", str(lab), "backup")
    assert taken.returncode == 0, taken.stderr
    backup = next((lab.parent / "backups").glob("*.sqlite"))

    holder = _hold(lab, 8)
    started = time.monotonic()
    refused = _labnews(tmp_path, "--db", str(lab), "restore", "--yes", str(backup), wait="2")
    assert time.monotonic() - started < 7
    holder.wait(30)
    assert refused.returncode == 1, refused.stdout
    assert "another program has been writing to it for 2 s" in refused.stderr
    assert "Traceback" not in refused.stderr

    holder = _hold(lab, 3)
    restored = _labnews(tmp_path, "--db", str(lab), "restore", "--yes", str(backup))
    holder.wait(30)
    assert restored.returncode == 0, restored.stderr
    assert "waiting for another program that is writing to" in restored.stderr
