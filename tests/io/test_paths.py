"""Paths stay what they are: links, hard links, modes, devices and folders as outputs."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.homepage import END_MARKER, START_MARKER
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def demo(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("LABNEWS_TEMPLATES", str(tmp_path / "no-templates"))
    assert cli("demo").code == 0
    return cli


def _page(path: Path) -> Path:
    path.write_text(f"# Lab\n{START_MARKER}\nold\n{END_MARKER}\n", encoding="utf-8")
    return path


def test_publish_into_a_symlink_writes_its_target_and_keeps_the_link(
    demo: Cli, tmp_path: Path
) -> None:
    real = _page(tmp_path / "real.md")
    link = tmp_path / "about.md"
    link.symlink_to(real)
    assert demo("publish", "--into", str(link)).code == 0
    assert link.is_symlink()
    assert "2024" in real.read_text(encoding="utf-8")


def test_publish_into_a_hard_linked_page_updates_every_name(demo: Cli, tmp_path: Path) -> None:
    page = _page(tmp_path / "about.md")
    other = tmp_path / "mirror.md"
    os.link(page, other)
    assert demo("publish", "--into", str(page)).code == 0
    assert page.stat().st_ino == other.stat().st_ino
    assert "2024" in other.read_text(encoding="utf-8")


def test_the_backup_of_a_private_page_is_as_private(demo: Cli, tmp_path: Path) -> None:
    page = _page(tmp_path / "about.md")
    page.chmod(0o640)
    assert demo("publish", "--into", str(page)).code == 0
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "about.md.bak").stat().st_mode) == 0o640


@pytest.mark.parametrize("command", [("news",), ("export", "csv")])
def test_a_device_is_refused_as_an_output_never_replaced(
    demo: Cli, command: tuple[str, ...]
) -> None:
    null = Path("/dev/null")
    before = null.stat()
    line = demo(*command, "--output", str(null)).one_error_line()
    reason = "it is not a regular file (a pipe, socket or device)"
    assert line == f"labnews: error: cannot write {null}: {reason}"
    after = null.stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.parametrize("command", [("news",), ("export", "json")])
def test_a_folder_as_output_names_the_folder_not_a_temp_file(
    demo: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    line = demo(*command, "--output", str(folder)).one_error_line()
    assert line == f"labnews: error: cannot write {folder}: it is a folder"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", [("news",), ("export", "json")])
def test_dash_as_output_is_standard_output(
    demo: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    result = demo(*command, "--output", "-")
    assert result.code == 0
    assert result.out == demo(*command).out
    assert not Path("-").exists()
