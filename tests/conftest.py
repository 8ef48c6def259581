"""Shared fixtures: real SQLite files in tmp_path, the demo lab, and the CLI through main(argv)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Qt renders offscreen in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from labnews.cli import main  # noqa: E402
from labnews.store.database import Database  # noqa: E402
from labnews.store.demo import load_demo  # noqa: E402
from labnews.store.migrate import open_database  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's lab database file lives (not created yet)."""
    return tmp_path / "lab.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """A fresh lab database with the venue catalog and nothing else."""
    db = open_database(str(db_path))
    yield db
    db.dispose()


@pytest.fixture
def demo_database(database: Database) -> Database:
    """The demo lab: 34 papers of 2022-2024."""
    with database.session(write=True) as session:
        load_demo(session)
    return database


@dataclass
class CliResult:
    """What one ``labnews`` run returned and printed."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``labnews --db <test database> ARGS...`` in-process and capture what it printed."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
