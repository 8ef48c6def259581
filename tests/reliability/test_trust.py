"""Nothing lost, nothing doubled: backups that know their lab, verify what they claim, and
restores that ask before anything is lost."""

from __future__ import annotations

import contextlib
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from labnews.core.errors import DatabaseError
from labnews.store import backup
from labnews.store.migrate import open_database
from tests.reliability.labfiles import (
    ROOT,
    corrupt_an_index,
    digest,
    execute,
    labnews,
    settle,
)

# These tests are about SQLite files: their bytes, names and backups.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def lab(cli, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The demo lab in a file of its own, settled (no -wal beside it)."""
    assert cli("demo").code == 0
    settle(db_path)
    return db_path


# --- 1. "nothing changed" is read from the database ------------------------------------------


def test_a_change_by_another_process_that_keeps_every_count_is_still_backed_up(lab: Path) -> None:
    """A paper removed and another added by a second process leaves the same number of papers
    and the same versions (the new paper's id is new: ids are never given twice); the lab's
    change count still moves."""
    assert backup.scheduled_backup(lab) is not None
    assert backup.scheduled_backup(lab) is None  # nothing changed since
    with contextlib.closing(sqlite3.connect(lab)) as conn:
        (last, authors) = conn.execute(
            "SELECT max(paper_id), count(*) FROM authorship "
            "WHERE paper_id = (SELECT max(id) FROM paper)"
        ).fetchone()
    assert labnews("--db", str(lab), "remove", "paper", str(last)).returncode == 0
    names = [arg for i in range(authors) for arg in ("--author", f"Someone Else {i}")]
    added = labnews("--db", str(lab), "add", "paper", "--venue", "ECCV", "--year", "2024", *names)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == str(last + 1)  # not the removed paper's id (migration 0005)
    taken = backup.scheduled_backup(lab)
    assert taken is not None
    assert backup.facts(taken).change_count == backup.facts(lab).change_count


def test_the_lab_id_is_made_once_and_travels_with_backups_and_restores(cli, lab: Path) -> None:  # type: ignore[no-untyped-def]
    lab_id = backup.facts(lab).lab_id
    assert lab_id is not None
    assert uuid.UUID(lab_id)
    saved = backup.backup_before(lab, "manual")
    assert backup.facts(saved).lab_id == lab_id
    assert cli("add", "paper", "--venue", "CVPR", "--year", "2025").code == 0
    assert cli("restore", str(saved), "--yes").code == 0
    restored = backup.facts(lab)
    assert restored.lab_id == lab_id
    # Past the backup's count: the restored lab is backed up again when it next changes.
    assert restored.change_count is not None
    assert restored.change_count > (backup.facts(saved).change_count or 0)
    assert backup.scheduled_backup(lab) is not None


# --- 3. a backup's owner is unambiguous ----------------------------------------------------------


def _legacy_copy(source: Path, name: str) -> Path:
    target = source.parent / name
    shutil.copyfile(source, target)
    return target


def test_rotation_and_the_restore_hint_never_touch_a_lab_whose_name_starts_alike(
    tmp_path: Path,
) -> None:
    lab, archive = tmp_path / "lab.sqlite", tmp_path / "lab-archive.sqlite"
    for path in (lab, archive):
        assert labnews("--db", str(path), "demo").returncode == 0
    start = datetime(2025, 1, 1)
    # Older than the lab's own (rotation would age them out) and one newer (the hint's pick).
    archive_backups = [
        backup.backup_before(archive, "manual", when=datetime(2024, 12, 1) + timedelta(days=day))
        for day in range(3)
    ]
    archive_backups.append(backup.backup_before(archive, "manual", when=datetime(2025, 6, 1)))
    # What labnews before this change named them: "lab-archive-manual-..." begins "lab-".
    legacy_archive = _legacy_copy(
        archive_backups[0], "lab-archive-manual-20241130-000000-000000.sqlite"
    )
    legacy_lab = _legacy_copy(
        backup.backup_before(lab, "manual", when=start), "lab-manual-20241231-000000-000000.sqlite"
    )
    for day in range(60):
        backup.backup_before(lab, "auto", when=start + timedelta(days=day))
    assert all(path.exists() for path in [*archive_backups, legacy_archive])
    mine = {info.path for info in backup.list_backups(lab)}
    assert legacy_lab in mine
    assert not mine & {*archive_backups, legacy_archive}
    assert legacy_archive in {info.path for info in backup.list_backups(archive)}

    lab.write_bytes(lab.read_bytes()[:-1])  # one byte short: refused, with a hint
    result = labnews("--db", str(lab), "summary")
    assert result.returncode == 1
    assert "the newest good backup is" in result.stderr
    hinted = Path(result.stderr.split("the newest good backup is ")[1].split(" (labnews")[0])
    assert hinted.name.startswith("lab.sqlite~")
    assert hinted in mine


def test_an_old_name_two_labs_could_own_is_listed_for_neither(tmp_path: Path) -> None:
    lab, other = tmp_path / "lab.sqlite", tmp_path / "lab.db"
    for path in (lab, other):
        assert labnews("--db", str(path), "demo").returncode == 0
    saved = backup.backup_before(lab, "manual", when=datetime(2020, 1, 1))
    ambiguous = _legacy_copy(saved, "lab-manual-20200101-000000-000000.sqlite")
    for day in range(40):
        backup.backup_before(lab, "auto", when=datetime(2025, 1, 1) + timedelta(days=day))
    assert ambiguous.exists()
    assert ambiguous not in {b.path for b in backup.list_backups(lab)}
    assert ambiguous not in {b.path for b in backup.list_backups(other)}


# --- 4. verified means integrity_check, and nothing is copied that opening would refuse ----------


def test_a_lab_with_a_corrupt_index_is_not_backed_up_and_check_fix_rebuilds_it(
    cli,
    lab: Path,  # type: ignore[no-untyped-def]
) -> None:
    corrupt_an_index(lab)
    refused = cli("backup")
    assert refused.code == 1
    assert "indexes disagree with their tables" in refused.err
    assert "labnews check --fix" in refused.err
    assert backup.list_backups(lab) == []
    checked = cli("check")
    assert checked.code == 1
    assert "problem: indexes: indexes disagree with their tables" in checked.out
    assert "(--fix repairs it)" in checked.out
    fixed = cli("check", "--fix")
    assert fixed.code == 0, fixed.out + fixed.err
    assert "fixed: indexes disagree with their tables; rebuilt them" in fixed.out
    assert [b.reason for b in backup.list_backups(lab)] == ["pre-fix"]
    assert cli("check").code == 0
    assert cli("backup").code == 0
    backup.check_file(lab, quick=False)
    # The repair's own backup keeps every record but is never offered as a good one.
    assert backup.newest_good_backup(lab) == backup.list_backups(lab)[0].path
    assert backup.list_backups(lab)[0].reason == "manual"


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _one_byte_short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-1])


@pytest.mark.parametrize("damage", [_empty, _one_byte_short])
def test_an_empty_or_cut_short_file_is_never_backed_up_nor_offered(lab: Path, damage) -> None:  # type: ignore[no-untyped-def]
    good = backup.backup_before(lab, "manual", when=datetime(2026, 1, 1))
    cut = lab.parent / "cut.sqlite"
    shutil.copyfile(lab, cut)
    damage(cut)
    with pytest.raises(DatabaseError):
        backup.backup_to(cut, backup.backups_dir(lab) / "any.sqlite")
    damage(lab)
    with pytest.raises(DatabaseError):
        backup.backup_before(lab, "manual")
    assert [b.path for b in backup.list_backups(lab)] == [good]
    # A backup file damaged the same way later is passed over by the restore hint.
    newer = backup.backups_dir(lab) / backup.backup_name(lab, "manual", datetime(2026, 2, 1))
    shutil.copyfile(good, newer)
    damage(newer)
    assert backup.newest_good_backup(lab) == good


# --- 5. restore compares what matters, and asks --------------------------------------------------


def test_restore_refuses_a_backup_from_a_newer_labnews(cli, lab: Path) -> None:  # type: ignore[no-untyped-def]
    saved = backup.backup_before(lab, "manual")
    execute(saved, "UPDATE alembic_version SET version_num = '9000_newer'")
    before = digest(lab)
    result = cli("restore", str(saved), "--yes")
    assert result.code == 1
    assert "newer labnews" in result.err
    assert digest(lab) == before
    assert cli("summary").code == 0


def test_restore_refuses_a_backup_with_a_corrupt_index(cli, lab: Path) -> None:  # type: ignore[no-untyped-def]
    copy = lab.parent / "copy.sqlite"
    shutil.copyfile(lab, copy)
    corrupt_an_index(copy)
    before = digest(lab)
    result = cli("restore", str(copy), "--yes")
    assert result.code == 1
    assert "cannot be restored" in result.err
    assert digest(lab) == before


def test_restoring_another_labs_backup_with_as_many_papers_asks_first(
    cli,
    lab: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    other = tmp_path / "other" / "lab.sqlite"
    other.parent.mkdir()
    assert labnews("--db", str(other), "demo").returncode == 0
    theirs = backup.backup_before(other, "manual")
    assert backup.counts(theirs) == backup.counts(lab)
    before = digest(lab)
    asked = cli("restore", str(theirs))
    assert asked.code == 1
    assert "the backup is of another lab" in asked.err
    assert "--yes" in asked.err
    assert digest(lab) == before
    assert cli("restore", str(theirs), "--yes").code == 0
    assert backup.facts(lab).lab_id == backup.facts(other).lab_id


def test_a_backup_with_the_papers_but_no_members_or_achievements_asks_first(
    cli,
    lab: Path,  # type: ignore[no-untyped-def]
) -> None:
    thin = backup.backup_before(lab, "manual")
    execute(
        thin,
        "UPDATE paper SET featured_id = NULL",
        "UPDATE authorship SET name = 'Someone', member_id = NULL",
        "DELETE FROM achievement_member",
        "DELETE FROM achievement",
        "DELETE FROM member_alias",
        "DELETE FROM member",
    )
    assert backup.counts(thin)["paper"] == backup.counts(lab)["paper"]
    before = digest(lab)
    asked = cli("restore", str(thin))
    assert asked.code == 1
    assert "fewer members (0) than the database (20)" in asked.err
    assert "fewer achievements" in asked.err
    assert digest(lab) == before


def test_ctrl_d_at_the_restore_question_is_a_no(cli, lab: Path) -> None:  # type: ignore[no-untyped-def]
    saved = backup.backup_before(lab, "manual")
    assert cli("add", "paper", "--venue", "CVPR", "--year", "2025").code == 0
    settle(lab)
    before = digest(lab)
    controller, terminal = pty.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "labnews", "--db", str(lab), "restore", str(saved)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.write(controller, b"\x04")  # Ctrl-D: end of input, nothing typed
        out, err = child.communicate(timeout=120)
    finally:
        os.close(controller)
        os.close(terminal)
    assert "Restore anyway? [y/N]" in out
    assert "Nothing restored." in out
    assert child.returncode == 1
    assert "Traceback" not in err
    assert digest(lab) == before


# --- 6. a replacing or bulk operation takes a verified backup first -------------------------------


def test_demo_force_keeps_a_verified_backup_of_the_lab_it_replaces(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo", "--synthetic", "300").code == 0
    assert backup.list_backups(db_path) == []  # a new, empty lab: nothing to keep
    held = backup.counts(db_path)
    assert cli("demo", "--force").code == 0
    (saved,) = [b.path for b in backup.list_backups(db_path) if b.reason == "pre-demo"]
    backup.verify(saved)
    assert backup.counts(saved) == held
    assert backup.counts(db_path)["paper"] == 41


# --- 9. what a killed backup or restore left is cleaned up ---------------------------------------


_KILLED_BACKUP = """
import sys, time
from pathlib import Path
from labnews.store import backup

def stop(copy, **_options):
    print("copied", flush=True)
    time.sleep(600)

backup._verify_copy = stop  # the copy is made; the process is killed before it is renamed
backup.backup_before(Path(sys.argv[1]), "manual")
"""


def test_a_killed_backups_partial_copy_is_cleaned_when_backups_are_next_taken(lab: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_BACKUP, str(lab)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "copied"
    folder = backup.backups_dir(lab)
    (left,) = [p for p in folder.iterdir() if p.name.endswith(".partial")]
    # A copy another process is writing right now is not litter.
    assert backup.clean_litter(lab) == []
    child.kill()
    child.wait()
    old_style = folder / "lab-manual-20240101-000000-000000.sqlite.partial"
    shutil.copyfile(left, old_style)
    os.utime(old_style, (0, 0))
    aside = lab.with_name(f"{lab.name}.pre-restore.partial")
    shutil.copyfile(left, aside)
    os.utime(aside, (0, 0))
    fresh_foreign = folder / "lab-archive.sqlite~manual~20240101-000000-000000.sqlite.1.partial"
    shutil.copyfile(left, fresh_foreign)
    os.utime(fresh_foreign, (0, 0))
    assert labnews("--db", str(lab), "backup").returncode == 0
    assert not left.exists()
    assert not old_style.exists()
    assert not aside.exists()
    assert fresh_foreign.exists()  # another lab's, left for that lab to clean
    assert all(not p.name.endswith(".partial") or p == fresh_foreign for p in folder.iterdir())


def test_a_restore_partial_copy_is_cleaned_when_the_lab_is_next_opened(lab: Path) -> None:
    leftovers = [
        lab.with_name(f"{lab.name}.pre-restore.partial"),
        lab.with_name(f"{lab.name}.pre-restore.4194301.partial-journal"),
        lab.with_name(f"{lab.name}.restoring"),
    ]
    for path in leftovers:
        path.write_bytes(b"half a copy")
        os.utime(path, (0, 0))
    recent = lab.with_name(f"{lab.name}.restore.{os.getpid()}.partial")
    recent.write_bytes(b"being written")
    open_database(str(lab)).dispose()
    assert not any(path.exists() for path in leftovers)
    assert recent.exists()  # its writer (this process) is alive and it is a second old
