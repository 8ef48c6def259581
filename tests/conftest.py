"""Shared fixtures: real databases (SQLite files in tmp_path, and PostgreSQL when a server is
given), the demo lab, and the CLI through main(argv).

The store, io, CLI and reliability suites run once per backend: tests that take ``database``,
``demo_database``, ``db_target`` or ``cli`` run on SQLite and again on the PostgreSQL server named
by ``LABNEWS_TEST_POSTGRES_URL``; without it the PostgreSQL runs are skipped with that reason.
Tests about files (pragmas, backups, damaged files) are marked ``sqlite_only``.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Qt renders offscreen in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from labnews.cli import main
from labnews.store.database import Database
from labnews.store.demo import load_demo
from labnews.store.migrate import open_database

# The local HTTP server that answers as the bibliographic services (tests/io, tests/cli).
from tests.lookup_server import online, server, services  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL = os.environ.get("LABNEWS_TEST_POSTGRES_URL", "")
_BACKEND_SUITES = ("store", "io", "cli", "reliability")
_DATABASE_FIXTURES = {"database", "demo_database", "db_target", "cli"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLite files; not run on PostgreSQL")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per distinct skip reason, with its count, instead of one line per skipped test.

    Without a PostgreSQL server hundreds of tests skip for the same reason; ``-rfE`` (in
    pyproject.toml) keeps them out of the short summary, and this says each reason once.
    """
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = getattr(report, "longrepr", None)
        if isinstance(longrepr, tuple) and len(longrepr) == 3:
            reasons[str(longrepr[2]).removeprefix("Skipped: ")] += 1
    if not reasons:
        return
    terminalreporter.section("skips", sep="-")
    for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
        terminalreporter.write_line(f"skipped {count}: {reason}")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the database tests of the store, io, CLI and reliability suites on both backends."""
    suite = Path(str(metafunc.definition.fspath)).parent.name
    if suite not in _BACKEND_SUITES or not _DATABASE_FIXTURES & set(metafunc.fixturenames):
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize(
        "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
    )


@pytest.fixture
def backend() -> str:
    """The database backend of a test that is not run on both."""
    return "sqlite"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's SQLite lab database file lives (not created yet)."""
    return tmp_path / "lab.sqlite"


@pytest.fixture(scope="session")
def _template_databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A new database and a demo one, made once per run; SQLite tests get copies of them."""
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


def _reset_postgres() -> None:
    """An empty public schema: each PostgreSQL test starts from a database labnews never saw."""
    from sqlalchemy import create_engine

    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()


@pytest.fixture
def db_target(
    backend: str, db_path: Path, _template_databases: dict[str, Path]
) -> Callable[[str], str]:
    """Prepares the test's database ("empty" or "demo") and returns its path or URL."""
    if backend == "postgres" and not POSTGRES_URL:
        pytest.skip("LABNEWS_TEST_POSTGRES_URL is not set: the PostgreSQL run is skipped")

    def prepare(kind: str = "empty") -> str:
        if backend == "sqlite":
            shutil.copyfile(_template_databases[kind], db_path)
            return str(db_path)
        _reset_postgres()
        if kind == "demo":
            db = open_database(POSTGRES_URL)
            with db.session(write=True) as session:
                load_demo(session)
            db.dispose()
        return POSTGRES_URL

    return prepare


@pytest.fixture
def database(db_target: Callable[[str], str]) -> Iterator[Database]:
    """A fresh lab database with the venue catalog and nothing else."""
    db = open_database(db_target("empty"))
    yield db
    db.dispose()


@pytest.fixture
def demo_database(db_target: Callable[[str], str]) -> Iterator[Database]:
    """The demo lab: 34 papers of 2022-2024 (and an award of 2025)."""
    db = open_database(db_target("demo"))
    yield db
    db.dispose()


@dataclass
class CliResult:
    """What one ``labnews`` run returned and printed."""

    code: int
    out: str
    err: str

    def one_error_line(self) -> str:
        """The run failed as a user error: exit 1 and one ``labnews: error:`` line, no traceback."""
        assert self.code == 1, self
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("labnews: error: ")
        assert "Traceback" not in self.err
        return lines[0]


@pytest.fixture
def cli(
    backend: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> Callable[..., CliResult]:
    """Run ``labnews --db <test database> ARGS...`` in-process and capture what it printed.

    The database starts empty (on PostgreSQL: an empty schema); tests load the demo with
    ``cli("demo")`` as a user would.
    """
    if backend == "postgres":
        if not POSTGRES_URL:
            pytest.skip("LABNEWS_TEST_POSTGRES_URL is not set: the PostgreSQL run is skipped")
        _reset_postgres()
        target = POSTGRES_URL
    else:
        target = str(db_path)

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(["--db", target, *args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


Runner = Callable[..., CliResult]


@pytest.fixture
def on(capsys: pytest.CaptureFixture[str]) -> Callable[[Database], Runner]:
    """``labnews --db <that database> ARGS...`` in-process, bound to a database the test holds.

    Unlike ``cli`` it does not start from an empty database (on PostgreSQL ``cli`` resets the
    schema), so a test can prepare ``database`` or ``demo_database`` first.
    """

    def bind(database: Database) -> Runner:
        path = database.path
        target = str(path) if path else database.url.render_as_string(hide_password=False)

        def run(*args: str) -> CliResult:
            capsys.readouterr()
            code = main(["--db", target, *args])
            captured = capsys.readouterr()
            return CliResult(code, captured.out, captured.err)

        return run

    return bind


@pytest.fixture
def no_personal_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user template folder, so a developer's own templates cannot change the output
    (modules that compare built-in formats use it: ``pytest.mark.usefixtures``)."""
    folder = tmp_path / "user-templates"
    folder.mkdir()
    monkeypatch.setenv("LABNEWS_TEMPLATES", str(folder))
    return folder
