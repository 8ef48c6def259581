"""The first screen's glance reads the newest papers exactly as the store's query does, with the
standard library alone, and gives nothing (rather than wrong rows) for a file it should not read."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from labnews.core.inputs import AuthorInput, PaperInput
from labnews.core.records import PaperLink, YearMonth
from labnews.store import HEAD_REVISION, commands, glance, queries
from labnews.store.database import Database
from labnews.store.models import Paper

pytestmark = pytest.mark.sqlite_only


def _add_a_paper_with_every_field(database: Database) -> None:
    with database.session(write=True) as session:
        member = queries.member_directory(session).members[0]
        commands.add_paper(
            session,
            PaperInput(
                venue="CVPR Workshop",
                year=2025,
                news=YearMonth(2025, 6),
                title="Every field set",
                authors=(
                    AuthorInput(member.name, member.id, equal=True),
                    AuthorInput("Outside Author", equal=True),
                ),
                featured=member.id,
                status="withdrawn",
                presentation="poster",
                doi="10.5555/every.field",
                arxiv="2312.04005",
                links=(PaperLink("Project page", "https://example.org/project"),),
                bibkey="every2025",
                note="A note",
                also_presented=("ECCV 2024 Workshop", "ICCV 2025 Workshop"),
                accepted=date(2025, 2, 27),
            ),
        )


def _edited_by_hand(database: Database, *statements: str) -> Path:
    """The lab's file, closed by labnews and changed by these statements of plain SQLite."""
    assert database.path is not None
    database.dispose()
    with closing(sqlite3.connect(database.path)) as conn, conn:
        for statement in statements:
            conn.execute(statement)
    return database.path


@pytest.mark.parametrize("limit", [1, 5, 400])
def test_the_glance_reads_the_newest_papers_as_the_query_does(
    demo_database: Database, limit: int
) -> None:
    _add_a_paper_with_every_field(demo_database)
    assert demo_database.path is not None
    with demo_database.session() as session:
        expected = queries.newest_papers(session, limit)
        total = queries.all_papers_count(session)
    seen = glance.newest_papers(demo_database.path, limit)
    assert seen is not None
    assert seen.papers == expected
    assert seen.total == total
    assert len(expected) == min(limit, total)
    newest = expected[-1]
    assert (newest.title, newest.accepted, newest.parent_short) == (
        "Every field set",
        date(2025, 2, 27),
        "CVPR",
    )


def test_an_empty_lab_glances_no_papers(database: Database) -> None:
    assert database.path is not None
    assert glance.newest_papers(database.path, 400) == glance.Glance((), 0)


def test_a_file_at_another_schema_revision_is_left_to_the_real_opening(
    demo_database: Database,
) -> None:
    path = _edited_by_hand(demo_database, "UPDATE alembic_version SET version_num = '0004'")
    assert HEAD_REVISION != "0004"
    assert glance.newest_papers(path, 400) is None


def test_missing_foreign_and_damaged_files_give_no_rows(tmp_path: Path) -> None:
    assert glance.newest_papers(tmp_path / "missing.sqlite", 400) is None
    assert glance.newest_papers(tmp_path, 400) is None  # a folder
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    assert glance.newest_papers(text, 400) is None
    foreign = tmp_path / "foreign.sqlite"
    with closing(sqlite3.connect(foreign)) as conn, conn:
        conn.execute("CREATE TABLE paper (id INTEGER)")
    assert glance.newest_papers(foreign, 400) is None


def test_the_glance_imports_no_sqlalchemy() -> None:
    # Its whole point: rows on the screen before SQLAlchemy (a third of a second) is imported.
    probe = (
        "import sys, labnews.store.glance\n"
        "print(sorted(m for m in sys.modules if 'sqlalchemy' in m))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_a_value_no_record_can_hold_gives_no_rows_rather_than_an_error(
    demo_database: Database,
) -> None:
    # News month 13, written with the check constraint switched off.
    path = _edited_by_hand(
        demo_database,
        "PRAGMA ignore_check_constraints = 1",
        "UPDATE paper SET news_month = 13 WHERE id = (SELECT max(id) FROM paper)",
    )
    assert glance.newest_papers(path, 400) is None


def test_every_paper_column_comes_back_as_the_type_sqlalchemy_gives() -> None:
    # The driver gives text, numbers or None; any other column type needs its converter, or a
    # column added to the model would reach the glance's records as the wrong kind of value.
    for column in Paper.__table__.columns:
        python_type = column.type.python_type
        if python_type not in (int, str):
            assert str(column.type).upper() in glance.CONVERTERS, column.name
