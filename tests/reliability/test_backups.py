"""Promise 4: verified backups before every risky action, rotated, and restores that round-trip."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from labnews.core.errors import DatabaseError
from labnews.store import backup
from tests.conftest import FIXTURES

# These tests are about SQLite files: their bytes, pragmas and backups.
pytestmark = pytest.mark.sqlite_only


def _state(path: Path) -> tuple[object, ...]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = [
            conn.execute(f"SELECT count(*), total(version) FROM {table}").fetchone()
            for table in ("paper", "member", "venue", "achievement")
        ]
        rows.append(conn.execute("SELECT count(*) FROM authorship").fetchone())
        return tuple(rows)


def _only_backup(db_path: Path, reason: str) -> Path:
    found = [b.path for b in backup.list_backups(db_path) if b.reason == reason]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        # A page the demo lab does not hold yet: its own page would import nothing now.
        (("import", "news", str(FIXTURES / "newspages" / "unknown_venues.md")), "pre-import"),
        (("remove", "paper", "1", "2", "3"), "pre-delete"),
        (("backup",), "manual"),
    ],
)
def test_each_trigger_leaves_a_verified_backup_of_the_state_before(
    cli,
    db_path: Path,
    args: tuple[str, ...],
    reason: str,  # type: ignore[no-untyped-def]
) -> None:
    assert cli("demo").code == 0
    before = _state(db_path)
    assert cli(*args).code == 0
    saved = _only_backup(db_path, reason)
    assert _state(saved) == before
    backup.check_file(saved, quick=False)


def test_check_fix_backs_up_first(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE venue SET parent_id = NULL WHERE short = 'CVPR Workshop'")
    before = _state(db_path)
    assert cli("check").code == 1
    fixed = cli("check", "--fix")
    assert fixed.code == 0
    assert "now under CVPR" in fixed.out
    assert _state(_only_backup(db_path, "pre-fix")) == before
    second = cli("check")
    assert second.code == 0
    assert "problem:" not in second.out


def test_restore_round_trips_and_keeps_the_current_file_aside(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    demo_state = _state(db_path)
    assert cli("backup").code == 0
    saved = _only_backup(db_path, "manual")
    assert cli("remove", "paper", "1").code == 0
    changed_state = _state(db_path)
    refused = cli("restore", str(saved))
    assert refused.code == 0  # the backup holds more papers, not fewer: no question asked
    assert _state(db_path) == demo_state
    assert _state(Path(f"{db_path}.pre-restore")) == changed_state


def test_restore_warns_and_refuses_a_backup_with_fewer_papers_without_yes(
    cli,
    db_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert cli("demo").code == 0
    assert cli("backup").code == 0
    saved = _only_backup(db_path, "manual")
    assert cli("add", "paper", "--venue", "CVPR", "--year", "2025").code == 0
    refused = cli("restore", str(saved))
    assert refused.code == 1
    assert "fewer papers (41) than the database (42)" in refused.err
    assert "papers              41        42" in refused.out
    assert cli("restore", str(saved), "--yes").code == 0
    assert cli("summary").out.startswith("2024: 19 papers")


def test_a_scheduled_backup_is_skipped_when_nothing_changed(demo_database) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    first = backup.scheduled_backup(path, when=datetime(2026, 1, 1, 9))
    assert first is not None
    assert backup.scheduled_backup(path, when=datetime(2026, 1, 1, 10)) is None
    from labnews.core.inputs import PaperInput
    from labnews.store import commands

    with demo_database.session(write=True) as session:
        commands.add_paper(session, PaperInput(venue="CVPR", year=2026))
    assert backup.scheduled_backup(path, when=datetime(2026, 1, 1, 11)) is not None


def test_rotation_keeps_daily_weekly_and_monthly_generations() -> None:
    now = datetime(2026, 11, 21, 12)
    hourly = [now - timedelta(hours=h) for h in range(0, 24 * 400, 6)]
    keep = backup.generations_to_keep(hourly, now)
    assert all(t in keep for t in hourly if now - t < timedelta(days=1))
    days = {t.date() for t in keep}
    assert len(days) >= backup.KEEP_DAILY
    months = {(t.year, t.month) for t in keep}
    assert len(months) == backup.KEEP_MONTHLY
    assert len(keep) < 40
    assert min(keep) > now - timedelta(days=366)


def test_rotation_deletes_what_it_does_not_keep(demo_database) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    start = datetime(2025, 1, 1)
    for day in range(60):
        backup.backup_before(path, "auto", when=start + timedelta(days=day))
    kept = backup.list_backups(path)
    assert 10 <= len(kept) < 30
    assert kept[0].taken == start + timedelta(days=59)


def test_no_backup_is_taken_from_a_damaged_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 4078)
    with pytest.raises(DatabaseError):
        backup.backup_before(bad, "manual")
    assert not list(tmp_path.rglob("bad-manual-*.sqlite"))


def test_a_backup_taken_while_another_process_writes_is_whole(demo_database) -> None:  # type: ignore[no-untyped-def]
    from tests.reliability.test_concurrency import _worker

    path = demo_database.path
    writer = _worker("count", str(path), "300")
    copies = []
    while writer.poll() is None and len(copies) < 8:
        copies.append(backup.backup_before(path, "manual"))
    writer.communicate(timeout=120)
    assert copies
    for copy in copies:
        backup.check_file(copy, quick=False)
