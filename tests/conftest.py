"""Shared fixtures: real SQLite files in tmp_path, the demo lab, and the CLI through main(argv)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Qt renders offscreen in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from labnews.cli import main
from labnews.store.database import Database
from labnews.store.demo import load_demo
from labnews.store.migrate import open_database

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's lab database file lives (not created yet)."""
    return tmp_path / "lab.sqlite"


@pytest.fixture(scope="session")
def _template_databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A new database and a demo one, made once per run; tests get copies of them."""
    folder = tmp_path_factory.mktemp("templates")
    empty, demo = folder / "empty.sqlite", folder / "demo.sqlite"
    for path, with_demo in ((empty, False), (demo, True)):
        db = open_database(str(path))
        if with_demo:
            with db.session(write=True) as session:
                load_demo(session)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
    return {"empty": empty, "demo": demo}


def _copy_database(source: Path, target: Path) -> Database:
    shutil.copyfile(source, target)
    return open_database(str(target))


@pytest.fixture
def database(db_path: Path, _template_databases: dict[str, Path]) -> Iterator[Database]:
    """A fresh lab database with the venue catalog and nothing else."""
    db = _copy_database(_template_databases["empty"], db_path)
    yield db
    db.dispose()


@pytest.fixture
def demo_database(db_path: Path, _template_databases: dict[str, Path]) -> Iterator[Database]:
    """The demo lab: 34 papers of 2022-2024 (and an award of 2025)."""
    db = _copy_database(_template_databases["demo"], db_path)
    yield db
    db.dispose()


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
