"""Hostile arguments meet one clear line: no traceback, no hang, no password printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from labnews.cli import main
from labnews.store.location import mask_secret

ROOT = Path(__file__).resolve().parents[2]
SECRET = "TOPSECRET"


def _run(*args: str | bytes, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "labnews.cli", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def test_an_argument_that_is_not_utf8_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "lab.sqlite"
    result = _run("--db", str(target), "add", "member", b"K\xffim")
    assert result.returncode == 1
    assert result.stderr == b"labnews: error: an argument is not UTF-8 text: K\\xffim\n"
    assert not target.exists()


@pytest.mark.parametrize("command", [("edit", "paper"), ("remove", "paper")])
def test_an_id_past_64_bits_is_not_found_not_an_overflow(cli, command: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    huge = "99999999999999999999"
    line = cli(*command, huge, *(["--title", "x"] if command[0] == "edit" else [])).one_error_line()
    assert line == f"labnews: error: there is no paper #{huge}"
    assert "paper id must be a number" in cli(*command, "1" * 5000).one_error_line()


def test_an_empty_db_option_is_refused_not_read_as_the_default_lab(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", "", "summary"]) == 1
    assert capsys.readouterr().err == "labnews: error: --db is empty: name a database file or URL\n"


MALFORMED_URLS = [
    f"postgresql-psycopg://lab_editor:{SECRET}@host/labnews",
    f"postgresql+psycopg://lab_editor:{SECRET}@127.0.0.1:notaport/labnews",
    f"postgresql+psycopg://lab_editor:{SECRET}@[::1/labnews",
    f"postgresql+nosuchdriver://lab_editor:{SECRET}@127.0.0.1/labnews",
    f"postgresql+psycopg://lab_editor:{SECRET}@with@at@127.0.0.1:notaport/labnews",
    f"postgresql+psycopg://lab_editor:p@{SECRET}@127.0.0.1:x/labnews",
    f"mysql+nodriver://root:{SECRET}@localhost/lab",
    f"postgres_ql://u:{SECRET}@h/d",
]


@pytest.mark.parametrize("url", MALFORMED_URLS)
def test_a_malformed_database_url_is_one_line_without_its_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", url, "summary"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("labnews: error: "), err
    assert err.count("\n") == 1, err
    assert SECRET not in err
    assert "***" in err
    assert not list(Path.cwd().glob("*:*")), "a URL was taken for a file path"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("postgresql+psycopg://u:pw@h/db", "postgresql+psycopg://u:***@h/db"),
        ("x://u:p@ss@h/db", "x://u:***@h/db"),
        (
            "cannot open postgresql://lab:s3cr3t@h:5432/lab now",
            "cannot open postgresql://lab:***@h:5432/lab now",
        ),
        ("postgresql://host/db", "postgresql://host/db"),
        ("/home/me/lab.sqlite", "/home/me/lab.sqlite"),
    ],
)
def test_mask_secret_hides_every_password_however_written(text: str, masked: str) -> None:
    assert mask_secret(text) == masked


@pytest.mark.parametrize("command", ["news", "bibtex", "csv", "publish"])
def test_a_fifo_is_refused_at_once_instead_of_blocking_forever(
    tmp_path: Path, command: str
) -> None:
    target = tmp_path / "lab.sqlite"
    assert _run("--db", str(target), "demo").returncode == 0
    fifo = tmp_path / "page.md"
    os.mkfifo(fifo)
    args = (
        ["publish", "--into", str(fifo)] if command == "publish" else ["import", command, str(fifo)]
    )
    result = _run("--db", str(target), *args, timeout=60)
    assert result.returncode == 1
    assert (
        result.stderr.decode()
        == f"labnews: error: {fifo} is not a regular file (a pipe, socket or device)\n"
    )


def test_a_tally_label_that_looks_like_mathtext_is_drawn_as_text(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    assert cli("edit", "venue", "CVPR", "--label", "$\\frac{1}{$").code == 0
    svg = tmp_path / "chart.svg"
    result = cli("chart", "--output", str(svg))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    # The label is in the legend as the characters the lab typed (SVG text is kept as glyphs,
    # so look for the label's id-free trace: matplotlib writes each text as a comment).
    assert svg.read_text(encoding="utf-8").count("frac") >= 1


def test_stored_terminal_sequences_and_bidi_overrides_never_reach_the_terminal_raw(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    title = "Evil \x1b]0;pwned\x07 \x1b[2J paper \u202egpj.exe"
    added = cli(
        "add",
        "paper",
        "--venue",
        "CVPR",
        "--year",
        "2024",
        "--author",
        "Ham Jaeseok",
        "--title",
        title,
    )
    assert added.code == 0, added.err
    listed = cli("list", "papers", "--year", "2024").out
    assert "\x1b" not in listed
    assert "\u202e" not in listed
    assert "Evil \\x1b]0;pwned\\x07 \\x1b[2J paper \\u202egpj.exe" in listed
    for fmt in ("yearly", "plain", "publications", "html", "json"):
        out = cli("news", "--year", "2024", "--format", fmt).out
        assert "\x1b" not in out, fmt
        assert "\u202e" not in out, fmt
