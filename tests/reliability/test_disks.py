"""A full disk is full and read-only media is read-only: neither is called damage, reading goes
on, and a restore that cannot finish changes nothing. Real file systems: a small tmpfs and a
read-only bind mount (the tests need root and mount(8), and are skipped, saying so, without)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from labnews.store import backup
from tests.reliability.labfiles import digest, labnews, settle

# These tests are about SQLite files on real file systems.
pytestmark = pytest.mark.sqlite_only


def _mount(*args: str) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a file system for this test needs root and mount(8)")
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"mount is not permitted here ({result.stderr.strip()})")


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], capture_output=True, check=False).returncode:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs of its own, unmounted afterwards."""
    folder = tmp_path / "disk"
    folder.mkdir()
    _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _unmount(folder)


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder, and the same folder seen through a read-only bind mount."""
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    _mount("--bind", str(source), str(view))
    try:
        result = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(view)], capture_output=True, check=False
        )
        if result.returncode:
            pytest.skip("a read-only bind mount is not permitted here")
        yield source, view
    finally:
        _unmount(view)


def _fill(folder: Path) -> Path:
    """Take every free byte of the folder's disk; returns the file that holds them."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    assert shutil.disk_usage(folder).free < 4096
    return filler


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _demo_lab(folder: Path) -> tuple[Path, Path, str]:
    """The demo lab with one more paper than its manual backup; returns lab, backup, summary."""
    lab = folder / "lab.sqlite"
    assert labnews("--db", str(lab), "demo").returncode == 0
    saved = backup.backup_before(lab, "manual")
    assert (
        labnews("--db", str(lab), "add", "paper", "--venue", "CVPR", "--year", "2025").returncode
        == 0
    )
    settle(lab)
    summary = labnews("--db", str(lab), "summary")
    assert summary.returncode == 0
    assert summary.stdout.startswith("2025: 1 papers") or summary.stdout.startswith("2025: 1 paper")
    return lab, saved, summary.stdout


def test_a_full_disk_is_called_full_reads_go_on_and_restore_changes_nothing(
    small_disk: Path,
) -> None:
    lab, saved, summary = _demo_lab(small_disk)
    filler = _fill(small_disk)
    before = _snapshot(small_disk)
    reading = labnews("--db", str(lab), "summary")
    assert reading.returncode == 0, reading.stderr
    assert reading.stdout == summary
    for args in (("add", "member", "New Person"), ("backup",), ("restore", str(saved), "--yes")):
        result = labnews("--db", str(lab), *args)
        assert result.returncode == 1, args
        assert "full" in result.stderr, result.stderr
        assert "damaged" not in result.stderr
        assert "newest good backup" not in result.stderr
        assert "Traceback" not in result.stderr
    assert _snapshot(small_disk) == before  # nothing moved aside, nothing half-copied
    filler.unlink()
    assert labnews("--db", str(lab), "summary").stdout == summary


@pytest.mark.parametrize("spare_files", [1, 2, 6])
def test_a_restore_that_runs_out_of_room_midway_puts_everything_back(
    small_disk: Path, spare_files: int
) -> None:
    """Room for a few more files only (tmpfs ``nr_inodes``): the restore fails at a different
    step each time, after its space check passed, and the lab stays as it was."""
    lab, saved, summary = _demo_lab(small_disk)
    before = digest(lab)
    stats = os.statvfs(small_disk)
    used = stats.f_files - stats.f_ffree
    _mount("-o", f"remount,nr_inodes={used + spare_files}", str(small_disk))
    result = labnews("--db", str(lab), "restore", str(saved), "--yes")
    _mount("-o", "remount,nr_inodes=10000", str(small_disk))
    assert "Traceback" not in result.stderr
    assert "damaged" not in result.stderr
    left = sorted(p.name for p in small_disk.iterdir() if "partial" in p.name)
    assert left == []
    if result.returncode == 0:
        assert labnews("--db", str(lab), "summary").stdout.startswith("2024: 19 papers")
    else:
        assert result.returncode == 1
        assert lab.exists()
        assert digest(lab) == before or labnews("--db", str(lab), "summary").stdout == summary
        assert labnews("--db", str(lab), "summary").stdout == summary


def test_a_lab_on_read_only_media_is_read_and_never_called_damaged(
    read_only_view: tuple[Path, Path],
) -> None:
    source, view = read_only_view
    _lab, _saved, summary = _demo_lab(source)
    before = _snapshot(source)
    lab = view / "lab.sqlite"
    assert labnews("--db", str(lab), "summary").stdout == summary
    for args in (("news",), ("list", "papers"), ("check",), ("backups",), ("db", "current")):
        result = labnews("--db", str(lab), *args)
        assert result.returncode == 0, (args, result.stderr)
    (kept,) = [b.path for b in backup.list_backups(lab)]
    for args in (
        ("add", "member", "New Person"),
        ("backup",),
        ("restore", str(kept), "--yes"),
        ("demo", "--force"),
    ):
        result = labnews("--db", str(lab), *args)
        assert result.returncode == 1, args
        assert "read-only" in result.stderr, result.stderr
        assert "damaged" not in result.stderr
        assert "Traceback" not in result.stderr
    assert _snapshot(source) == before
