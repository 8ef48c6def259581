"""The lab's change count as the window reads it, on SQLite and on a database server alike:
moved once by each transaction that changed something, whoever's, and by nothing else."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import update

from labnews.core.errors import DatabaseError
from labnews.core.inputs import MemberInput, PaperInput
from labnews.core.records import YearMonth
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.migrate import open_database
from labnews.store.models import Member
from tests.conftest import POSTGRES_URL, _reset_postgres


def _count(database: Database) -> int:
    with database.session() as session:
        value = queries.change_count(session)
    assert value is not None
    return value


def test_each_transaction_that_changes_something_moves_the_count_once(database: Database) -> None:
    start = _count(database)
    with database.session() as session:
        queries.members(session)
    with database.session(write=True) as session:
        # A statement that changes no row changes nothing.
        session.execute(update(Member).where(Member.id == -1).values(name="Nobody"))
    assert _count(database) == start
    with database.session(write=True) as session:
        # The batched insert goes straight to the driver's executemany.
        commands.add_papers(
            session,
            [
                PaperInput(venue="CVPR", year=2020, news=YearMonth(2020, 6), title=f"P{i}")
                for i in range(50)
            ],
        )
    assert _count(database) == start + 1
    with database.session(write=True) as session:
        commands.add_member(session, MemberInput(name="Kim One"))
        commands.add_member(session, MemberInput(name="Kim Two"))
    assert _count(database) == start + 2

    def fails() -> None:
        with database.session(write=True) as session:
            commands.add_member(session, MemberInput(name="Kim Three"))
            raise RuntimeError("the action fails: nothing is committed")

    with pytest.raises(RuntimeError):
        fails()
    assert _count(database) == start + 2


def test_another_admins_change_moves_the_count_this_window_reads(
    db_target: Callable[[str], str],
) -> None:
    target = db_target("empty")
    mine, theirs = open_database(target), open_database(target)
    try:
        seen = _count(mine)
        with theirs.session(write=True) as session:
            commands.add_member(session, MemberInput(name="Kim Elsewhere"))
        assert _count(mine) == seen + 1
        with mine.session() as session:
            assert "Kim Elsewhere" in {m.name for m in queries.members(session)}
    finally:
        mine.dispose()
        theirs.dispose()


@pytest.mark.postgres
def test_a_server_role_that_may_not_move_the_count_is_refused_in_one_sentence() -> None:
    """The count moves in the commit itself; a refusal there is said as any refusal, and the
    change it would have counted is not committed."""
    if not POSTGRES_URL:
        pytest.skip("LABNEWS_TEST_POSTGRES_URL is not set: the PostgreSQL run is skipped")
    _reset_postgres()
    database = open_database(POSTGRES_URL)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("REVOKE UPDATE ON lab_state FROM CURRENT_USER")
        with pytest.raises(DatabaseError) as refused, database.session(write=True) as session:
            commands.add_member(session, MemberInput(name="Kim Uncounted"))
        assert "your database role may not do this" in refused.value.message
        with database.session() as session:
            assert queries.members(session) == ()
    finally:
        database.dispose()
