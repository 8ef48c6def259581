"""Promise 5: a damaged or foreign file is reported clearly, and no file is changed."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from labnews.store.backup import backup_before
from tests.conftest import CliResult

# These tests are about SQLite files: their bytes, pragmas and backups.
pytestmark = pytest.mark.sqlite_only


def _digests(folder: Path) -> dict[str, str]:
    """Every file's hash; SQLite's -shm index is left out: it is rebuilt, never data."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


@pytest.fixture
def demo_file(cli, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A demo database file with one good backup beside it, all writes settled."""
    assert cli("demo").code == 0
    backup_before(db_path, "manual")
    import contextlib
    import sqlite3

    # Closed here, not when garbage collected: a connection closing later would delete the
    # -wal that a test's own damage made, in the middle of the test.
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    Path(f"{db_path}-wal").unlink(missing_ok=True)
    Path(f"{db_path}-shm").unlink(missing_ok=True)
    return db_path


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _not_a_database(path: Path) -> None:
    path.write_text("name,venue\nKOALA,CVPR\n")


def _zero_length(path: Path) -> None:
    path.write_bytes(b"")


def _corrupt_a_page(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'paper'").fetchone()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the b-tree header of the paper table's root page.
    start = page_size * (root - 1)
    data[start : start + 12] = b"\x42" * 12
    path.write_bytes(bytes(data))


def _newer_schema(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9000_newer'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (_truncate, "truncated or damaged"),
        (_not_a_database, "not a SQLite database"),
        (_zero_length, "empty (0 bytes)"),
        (_corrupt_a_page, "damaged"),
        (_newer_schema, "newer labnews"),
    ],
)
def test_a_damaged_file_gets_a_clear_message_and_nothing_changes(
    cli,
    demo_file: Path,
    damage,
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    damage(demo_file)
    before = _digests(demo_file.parent)
    for args in (("summary",), ("add", "member", "New Person"), ("news",), ("check",)):
        result: CliResult = cli(*args)
        assert result.code == 1, args
        lines = result.err.strip().splitlines()
        assert len(lines) == 1
        assert words in lines[0]
        assert "Traceback" not in result.err
    assert _digests(demo_file.parent) == before


def test_the_message_offers_the_newest_good_backup(cli, demo_file: Path) -> None:  # type: ignore[no-untyped-def]
    _truncate(demo_file)
    result = cli("summary")
    assert "the newest good backup is" in result.err
    assert "labnews restore" in result.err


def test_a_stray_wal_without_its_database_is_not_overwritten(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "elsewhere.sqlite"
    assert cli("demo").code == 0
    wal = Path(f"{tmp_path / 'lab.sqlite'}-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 4000)
    (tmp_path / "lab.sqlite").rename(source)
    before = wal.read_bytes()
    result = cli("summary")
    assert result.code == 1
    assert "-wal file may hold your data" in result.err
    assert wal.read_bytes() == before
    assert not (tmp_path / "lab.sqlite").exists()


def test_a_restored_backup_opens_again(cli, demo_file: Path) -> None:  # type: ignore[no-untyped-def]
    good = sorted((demo_file.parent / "backups").glob("*.sqlite"))[0]
    kept = demo_file.parent / "kept.sqlite"
    shutil.copyfile(good, kept)
    _corrupt_a_page(demo_file)
    assert cli("summary").code == 1
    restored = cli("restore", str(kept), "--yes")
    assert restored.code == 0, restored.err
    assert cli("summary").out.startswith("2024: 19 papers")
    assert Path(f"{demo_file}.pre-restore").exists()
