"""Promises 1 and 3: all-or-nothing under kill -9, and writers that never fail or lose updates."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from labnews.core.errors import ConflictError, DuplicateError
from labnews.core.inputs import PaperInput
from labnews.store import commands, queries
from labnews.store.database import Database

ROOT = Path(__file__).resolve().parents[2]
BATCH = 4000


def _worker(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.workers", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _papers(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return int(conn.execute("SELECT count(*) FROM paper").fetchone()[0])


@pytest.mark.sqlite_only
def test_an_import_killed_at_random_moments_lands_whole_or_not_at_all(
    demo_database: Database,
) -> None:
    path = demo_database.path
    assert path is not None
    demo_database.dispose()
    base = _papers(path)
    rng = random.Random(20261121)
    outcomes = []
    for _ in range(22):
        child = _worker("import", str(path), str(BATCH))
        time.sleep(rng.uniform(0.2, 2.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        count = _papers(path)
        assert count in {base, base + BATCH}, count
        outcomes.append(count)
        if count != base:
            # Put the database back to its start so every kill tests the same batch.
            with sqlite3.connect(path) as conn:
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("DELETE FROM paper WHERE title LIKE 'Batch paper %'")
            assert _papers(path) == base
    # The moments must have caught the import both before and after its commit at least once.
    assert base in outcomes


@pytest.mark.sqlite_only
def test_three_writers_count_to_exactly_900_without_a_locked_error(
    database: Database,
) -> None:
    path = database.path
    assert path is not None
    workers = [_worker("count", str(path), "300") for _ in range(3)]
    for worker in workers:
        _out, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err
        assert "locked" not in err
    with database.session() as session:
        assert json.loads(queries.setting(session, "test_counter") or "0") == 900


def test_two_people_editing_one_paper_the_second_is_refused(demo_database: Database) -> None:
    with demo_database.session() as session:
        mine = queries.paper_by_id(session, 5)
    with demo_database.session() as session:
        theirs = queries.paper_by_id(session, 5)
    base = PaperInput(venue=mine.venue_short, year=mine.year, news=mine.news)
    with demo_database.session(write=True) as session:
        commands.update_paper(
            session,
            5,
            PaperInput(venue=base.venue, year=base.year, news=base.news, title="Theirs"),
            expected_version=theirs.version,
        )
    with (
        pytest.raises(ConflictError, match="changed by someone else"),
        demo_database.session(write=True) as session,
    ):
        commands.update_paper(
            session,
            5,
            PaperInput(venue=base.venue, year=base.year, news=base.news, title="Mine"),
            expected_version=mine.version,
        )


def test_the_same_doi_saved_twice_at_once_gives_one_row_and_already_exists(
    database: Database,
) -> None:
    """Two writers race to add the same DOI: one row lands, the other hears "already exists"."""
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def add(venue: str, doi: str) -> None:
        barrier.wait()
        try:
            with database.session(write=True) as session:
                commands.add_paper(session, PaperInput(venue=venue, year=2024, doi=doi))
            outcomes.append("added")
        except DuplicateError as exc:
            outcomes.append(str(exc))

    threads = [
        threading.Thread(target=add, args=("CVPR", "10.1000/race")),
        threading.Thread(target=add, args=("ICCV", "10.1000/RACE")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("added") == 1
    (refused,) = [o for o in outcomes if o != "added"]
    assert "already exists" in refused
    with database.session() as session:
        assert sum(1 for p in queries.papers_in(session) if p.doi) == 1


def test_a_deadlocked_writer_is_retried_and_both_changes_land(database: Database) -> None:
    """Two writers lock two rows in opposite orders. On PostgreSQL the server breaks the
    deadlock by failing one; ``transact`` runs it again. On SQLite, BEGIN IMMEDIATE queues the
    second writer, so there is no deadlock at all. Either way both changes land."""
    with database.session(write=True) as session:
        commands.set_setting(session, "left", "0")
        commands.set_setting(session, "right", "0")
    barrier = threading.Barrier(2, timeout=30)
    attempts: list[str] = []

    def writer(first: str, second: str) -> None:
        def action(session) -> None:  # type: ignore[no-untyped-def]
            attempts.append(first)
            commands.set_setting(session, first, json.dumps(first))
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=2)
            commands.set_setting(session, second, json.dumps(first))

        database.transact(action)

    threads = [
        threading.Thread(target=writer, args=("left", "right")),
        threading.Thread(target=writer, args=("right", "left")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    with database.session() as session:
        values = {queries.setting(session, "left"), queries.setting(session, "right")}
    assert values <= {'"left"', '"right"'}
    if database.url.get_backend_name() == "postgresql":
        assert len(attempts) == 3  # one writer ran twice
