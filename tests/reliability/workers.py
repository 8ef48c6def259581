"""Child processes for the reliability tests: a big import, and read-modify-write counters.

Run as ``python -m tests.reliability.workers import|count|create DB [N]``.
"""

from __future__ import annotations

import json
import sys
import time

from labnews.core.inputs import PaperInput
from labnews.core.records import YearMonth
from labnews.store import commands, queries
from labnews.store.migrate import open_database

COUNTER_KEY = "test_counter"


def big_import(target: str, count: int) -> None:
    """Add ``count`` papers in one transaction (what an import does)."""
    database = open_database(target)
    inputs = [
        PaperInput(venue="CVPR", year=2020, news=YearMonth(2020, 6), title=f"Batch paper {i}")
        for i in range(count)
    ]
    with database.session(write=True) as session:
        commands.add_papers(session, inputs)
    print("done", flush=True)


def count_up(target: str, rounds: int) -> None:
    """``rounds`` read-modify-write transactions on one shared counter."""
    database = open_database(target)
    for _ in range(rounds):
        with database.session(write=True) as session:
            value = int(json.loads(queries.setting(session, COUNTER_KEY) or "0"))
            commands.set_setting(session, COUNTER_KEY, json.dumps(value + 1))
    print("done", flush=True)


def create(target: str, free_running: int) -> None:
    """Make a new lab; unless ``free_running``, stop for the parent to kill it the moment the
    venue catalog starts being written (the schema is written by then)."""
    if not free_running:
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        @event.listens_for(Engine, "before_cursor_execute")
        def pause(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith("INSERT INTO VENUE"):
                print("seeding", flush=True)
                time.sleep(600)

    for _ in range(1 if not free_running else 50):
        open_database(target).dispose()
    print("done", flush=True)


if __name__ == "__main__":
    action, db, number = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"import": big_import, "count": count_up, "create": create}[action](db, number)
