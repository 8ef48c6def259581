"""Speed goals measured on the database side: the all-years tally and one year's news block."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.newsfile import NewsRequest, render_news
from labnews.store import queries
from labnews.store.migrate import open_database
from tests.benchmarks.conftest import median_seconds, record, sizes

TALLY_GOAL_MS = {"S": 10, "M": 20, "L": 100, "XL": 500}
RENDER_GOAL_MS = {"S": 50, "M": 50, "L": 200, "XL": 1000}


@pytest.mark.parametrize("size", sizes("S", "M", "L", "XL"))
def test_all_years_tally(benchmark, lab_file: Callable[[str], Path], size: str) -> None:  # type: ignore[no-untyped-def]
    path = lab_file(size)
    database = open_database(str(path))

    def baseline() -> object:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return conn.execute(
                "SELECT news_year, venue_id, count(*) FROM paper "
                "WHERE status != 'withdrawn' GROUP BY news_year, venue_id"
            ).fetchall()

    def tally() -> object:
        with database.session() as session:
            return queries.tallies(session)

    base = median_seconds(baseline)
    benchmark.pedantic(tally, rounds=30, warmup_rounds=2)
    median = benchmark.stats.stats.median
    row = record(
        "all-years tally, SQL side", size, median * 1000, "ms", base * 1000, TALLY_GOAL_MS[size]
    )
    benchmark.extra_info.update(baseline_ms=base * 1000, ratio=median / base)
    database.dispose()
    assert row.value > 0


@pytest.mark.parametrize("size", sizes("S", "M", "L", "XL"))
def test_render_one_years_news(benchmark, lab_file: Callable[[str], Path], size: str) -> None:  # type: ignore[no-untyped-def]
    path = lab_file(size)
    database = open_database(str(path))
    with database.session() as session:
        year = queries.news_years(session)[1]  # the last full year

    def baseline() -> object:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return conn.execute(
                "SELECT p.*, a.* FROM paper p JOIN authorship a ON a.paper_id = p.id "
                "WHERE p.news_year = ?",
                (year,),
            ).fetchall()

    def render() -> str:
        with database.session() as session:
            return render_news(session, NewsRequest(years=(year,)))[1]

    base = median_seconds(baseline, rounds=15)
    benchmark.pedantic(render, rounds=15, warmup_rounds=1)
    median = benchmark.stats.stats.median
    record(
        "render one year's news block", size, median * 1000, "ms", base * 1000, RENDER_GOAL_MS[size]
    )
    benchmark.extra_info.update(baseline_ms=base * 1000, ratio=median / base)
    database.dispose()
