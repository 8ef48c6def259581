"""Benchmark labs (synthetic, cached between runs) and the results table with its baselines.

Run: ``pytest tests/benchmarks --benchmark-only`` (S, M, L; add ``LABNEWS_BENCH_XL=1`` for the
1M-paper runs of the SQL-side goals). Every labnews figure is a median of many rounds, set beside
a baseline measured in the same run on the same machine.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from labnews.store.migrate import open_database
from labnews.store.synthetic import SyntheticSpec, build_synthetic_lab

SIZES = {"S": 1_000, "M": 10_000, "L": 100_000, "XL": 1_000_000}


def sizes(*wanted: str) -> list[str]:
    """The sizes to run: XL only when asked for (it takes minutes to build)."""
    return [s for s in wanted if s != "XL" or os.environ.get("LABNEWS_BENCH_XL")]


def _cache_dir() -> Path:
    from platformdirs import user_cache_path

    folder = Path(os.environ.get("LABNEWS_BENCH_CACHE", user_cache_path("labnews") / "bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def lab_file() -> Callable[[str], Path]:
    """The synthetic lab database of a size, built once and kept for later runs."""

    def get(size: str) -> Path:
        path = _cache_dir() / f"lab-{size}-seed1-v1.sqlite"
        if not path.exists():
            partial = path.with_suffix(".building")
            for leftover in partial.parent.glob(partial.name + "*"):
                leftover.unlink()
            database = open_database(str(partial))
            with database.session(write=True) as session:
                build_synthetic_lab(session, SyntheticSpec(SIZES[size], seed=1))
            with database.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            database.dispose()
            partial.rename(path)
        return path

    return get


def median_seconds(action: Callable[[], object], *, rounds: int = 30, warmup: int = 2) -> float:
    """The median wall time of ``action`` over ``rounds`` runs (for baselines)."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class Measured:
    """One row of the results table."""

    goal: str
    size: str
    value: float
    unit: str
    baseline: float | None
    limit: str
    met: bool


RESULTS: list[Measured] = []


def record(
    goal: str,
    size: str,
    value: float,
    unit: str,
    baseline: float | None,
    limit: float,
    *,
    ratio_goal: bool = False,
) -> Measured:
    """Add a figure to the table; ``limit`` is a ratio to the baseline when ``ratio_goal``."""
    measured = value / baseline if ratio_goal and baseline else value
    row = Measured(
        goal,
        size,
        value,
        unit,
        baseline,
        f"<= {limit:g}x" if ratio_goal else f"<= {limit:g} {unit}",
        measured <= limit,
    )
    RESULTS.append(row)
    return row


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not RESULTS:
        return
    write = terminalreporter.write_line
    write("")
    write(
        f"labnews benchmarks on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    write("| goal | size | labnews | baseline | ratio | goal | met |")
    write("|---|---|---|---|---|---|---|")
    for row in RESULTS:
        base = f"{row.baseline:.4g} {row.unit}" if row.baseline is not None else "-"
        ratio = f"{row.value / row.baseline:.2f}x" if row.baseline else "-"
        write(
            f"| {row.goal} | {row.size} | {row.value:.4g} {row.unit} | {base} | {ratio} | "
            f"{row.limit} | {'yes' if row.met else 'NO'} |"
        )
