"""Which file a command works on: a typo in --db never makes a second lab, and an empty lab
says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from labnews.cli import main
from tests.reliability.labfiles import labnews

ROOT = Path(__file__).resolve().parents[2]


def test_a_typo_in_the_folder_makes_no_folder_and_no_lab(tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "lab.sqlite"
    result = labnews("--db", str(target), "add", "member", "X Y")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("labnews: error: there is no folder ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("summary",),
        ("news",),
        ("list", "papers"),
        ("check",),
        ("export", "json"),
        ("edit", "member", "X Y", "--role", "phd"),
        ("remove", "paper", "1"),
        (
            "import",
            "news",
            "--dry-run",
            str(ROOT / "tests" / "fixtures" / "seed_news_2022_2024.md"),
        ),
    ],
)
def test_a_command_that_only_reads_refuses_a_missing_lab_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    target = tmp_path / "lab.sqlite"
    assert main(["--db", str(target), *args]) == 1
    err = capsys.readouterr().err
    assert err == f"labnews: error: there is no lab database at {target}\n"
    assert list(tmp_path.iterdir()) == []


def test_a_command_that_writes_makes_the_lab_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "lab.sqlite"
    made = labnews("--db", str(target), "add", "member", "X Y")
    assert made.returncode == 0
    assert made.stdout == "Added member X Y\n"
    assert made.stderr == f"labnews: created a new lab database at {target}\n"
    again = labnews("--db", str(target), "add", "member", "Z W")
    assert again.returncode == 0
    assert again.stderr == ""
    assert labnews("--db", str(target), "list", "members").stdout.count("\n") == 2


@pytest.mark.parametrize("command", ["summary", "news"])
def test_an_empty_lab_says_it_has_no_papers_yet(tmp_path: Path, command: str) -> None:
    target = tmp_path / "lab.sqlite"
    assert labnews("--db", str(target), "add", "member", "X Y").returncode == 0
    result = labnews("--db", str(target), command)
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == "labnews: no papers yet\n"


def test_a_year_without_papers_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "lab.sqlite"
    assert main(["--db", str(target), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(target), "summary", "--year", "2010"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "labnews: no papers in those years\n"


def test_a_first_command_that_fails_leaves_no_lab_behind(tmp_path: Path) -> None:
    target = tmp_path / "lab.sqlite"
    result = labnews("--db", str(target), "add", "paper", "--venue", "CVRP", "--year", "2024")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "closest: CVPR" in result.stderr
    assert list(tmp_path.iterdir()) == []
