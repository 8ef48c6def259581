"""Exact guards for speed: statements per operation stay constant as a lab grows, and the
tally query is answered from an index. Counts, not timings: they hold on a busy machine too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from labnews.core.inputs import PaperInput
from labnews.core.records import YearMonth
from labnews.io.newsfile import NewsRequest, render_news
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.synthetic import SyntheticSpec, build_synthetic_lab


@contextmanager
def counting(database: Database) -> Iterator[list[tuple[str, object]]]:
    """Collect every SQL statement (and its parameters) sent while the block runs."""
    statements: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, params, _context, _many):  # type: ignore[no-untyped-def]
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "COMMIT", "ROLLBACK")):
            statements.append((statement, params))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def _lab(database: Database, papers: int) -> Database:
    with database.session(write=True) as session:
        build_synthetic_lab(session, SyntheticSpec(papers, seed=7))
    return database


def _statements_for(database: Database, action) -> int:  # type: ignore[no-untyped-def]
    with counting(database) as statements, database.session() as session:
        action(session)
    return len(statements)


@pytest.mark.sqlite_only
def test_the_tally_takes_the_same_few_statements_at_any_size(database: Database) -> None:
    small = _statements_for(_lab(database, 200), queries.tallies)
    with database.session(write=True) as session:
        inputs = [PaperInput(venue="CVPR", year=2020, news=YearMonth(2020, 6))] * 3000
        commands.add_papers(session, inputs)
    large = _statements_for(database, queries.tallies)
    assert small == large
    assert large <= 4


@pytest.mark.sqlite_only
def test_rendering_a_years_news_takes_the_same_statements_at_any_size(
    database: Database,
) -> None:
    def render(session) -> None:  # type: ignore[no-untyped-def]
        render_news(session, NewsRequest(years=(2020,)))

    small = _statements_for(_lab(database, 300), render)
    with database.session(write=True) as session:
        inputs = [PaperInput(venue="ICCV", year=2020, news=YearMonth(2020, 10))] * 2000
        commands.add_papers(session, inputs)
    large = _statements_for(database, render)
    assert small == large
    assert large <= 12


@pytest.mark.sqlite_only
def test_an_import_of_n_papers_is_batched_not_per_row(database: Database) -> None:
    def add(count: int) -> int:
        inputs = [
            PaperInput(venue="ECCV", year=2022, news=YearMonth(2022, 10), title=f"P{count}-{i}")
            for i in range(count)
        ]
        with counting(database) as statements, database.session(write=True) as session:
            commands.add_papers(session, inputs)
        return len(statements)

    assert add(50) == add(5000)


@pytest.mark.sqlite_only
def test_the_tally_query_is_answered_from_a_covering_index(database: Database) -> None:
    _lab(database, 100)
    with counting(database) as statements, database.session() as session:
        queries.venue_year_counts(session)
    ((tally_sql, params),) = [(s, p) for s, p in statements if "GROUP BY" in s]
    with database.session() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        plan = " ".join(
            str(row[-1])
            for row in raw.execute("EXPLAIN QUERY PLAN " + tally_sql, params).fetchall()
        )
    assert "USING COVERING INDEX ix_paper_tally" in plan
    assert "TEMP B-TREE" not in plan


def test_papers_of_one_year_are_read_in_two_statements(demo_database: Database) -> None:
    with counting(demo_database) as statements, demo_database.session() as session:
        queries.papers_in(session, [2024])
    assert len(statements) <= 3


def test_a_write_that_finds_the_version_moved_is_a_conflict_not_a_stale_data_error(
    demo_database: Database,
) -> None:
    """On PostgreSQL two editors can both pass the version check and race to the UPDATE; the
    loser's UPDATE matches no row. That is "changed by someone else", as on SQLite."""
    from sqlalchemy import select, update

    from labnews.core.errors import ConflictError
    from labnews.store.models import Member

    with (  # noqa: PT012 - the race is the whole block
        pytest.raises(ConflictError, match="changed by someone else"),
        demo_database.session(write=True) as session,
    ):
        member = session.scalars(select(Member).limit(1)).one()
        # The other editor's commit, as the loser's UPDATE finds it.
        session.execute(
            update(Member)
            .where(Member.id == member.id)
            .values(version=Member.version + 1)
            .execution_options(synchronize_session=False)
        )
        member.name = member.name + " Changed"
        session.flush()
