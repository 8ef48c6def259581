"""Every command and importer meets hostile text with exit 0, 1 or 2 and no traceback.

Hypothesis drives each command's arguments and each importer's file content with hostile
text (controls, bidi overrides, markup, huge numbers, odd dates, option-like words). For every
input: the exit code is 0, 1 or 2; a failure says one ``labnews: error:`` line (warnings
before it aside); nothing raises out of ``main``; and a failed command leaves the lab exactly
as it was. A child process runs the worst inputs under a memory cap and reports its peak.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labnews.cli import main

ROOT = Path(__file__).resolve().parents[2]

HOSTILE_WORDS = [
    "",
    " ",
    "-",
    "--",
    "--help-me",
    "0",
    "-1",
    "#1",
    "99999999999999999999",
    "1" * 5000,
    "2024",
    "2024-13",
    "2024-02-30",
    "0000-00",
    "CVPR",
    "cvpr'24",
    "ECCV Workshop",
    "Ham Jaeseok",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<!-- labnews:end -->",
    "{{ 7 * 7 }}",
    "{% for x in range(10**9) %}",
    "=cmd|' /C calc'!A0",
    "@evil",
    "\x1b]0;pwned\x07",
    "\u202egpj.exe",
    "a\tb\nc",
    "함재석",
    "../../etc/passwd",
    "$\\frac{1}{$",
    "none",
]

_TEXT = st.one_of(
    st.sampled_from(HOSTILE_WORDS),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=40,
    ),
)

# Each command with the places its values go; None is filled by hostile text.
COMMANDS: list[list[str | None]] = [
    ["summary", "--year", None],
    ["summary", "--from", None, "--to", None],
    ["add", "member", None],
    ["add", "member", None, "--role", None, "--native", None, "--alias", None],
    ["add", "venue", None, "--full", None, "--kind", None, "--parent", None],
    ["add", "paper", "--venue", None, "--year", None, "--author", None, "--title", None],
    ["add", "paper", "--venue", "CVPR", "--year", "2024", "--doi", None, "--url", None],
    ["add", "paper", "--venue", "CVPR", "--year", "2024", "--month", None, "--arxiv", None],
    ["add", "achievement", "--kind", None, "--title", None, "--date", None, "--member", None],
    ["edit", "paper", None, "--title", None],
    ["edit", "paper", "1", "--venue", None, "--featured", None],
    ["edit", "member", None, "--name", None],
    ["edit", "venue", None, "--label", None],
    ["remove", "paper", None],
    ["remove", "member", None],
    ["remove", "venue", None],
    ["list", None],
    ["list", "papers", "--year", None],
    ["order", None, None, None],
    ["rules", "--workshops", None, "--order", None],
    ["news", "--format", None, "--lang", None],
    ["news", "--year", None, "--lang", "ko"],
    ["export", None, "--table", None],
    ["chart", "--output", None],
    ["check", None],
]


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _state(path: Path) -> str:
    """The lab's whole content, as a digest: equal digests mean nothing changed."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "lab.sqlite"
    with _captured():
        assert main(["--db", str(path), "demo"]) == 0
    return path


def _run(lab: Path, args: list[str], folder: Path) -> None:
    before = _state(lab)
    cwd = Path.cwd()
    os.chdir(folder)  # a hostile --output lands here, never in the checkout
    try:
        with _captured() as (_out, err):
            code = main(["--db", str(lab), *args])
    finally:
        os.chdir(cwd)
    text = err.getvalue()
    assert code in (0, 1, 2), (args, code, text)
    assert "Traceback" not in text, (args, text)
    if code == 1:
        lines = [line for line in text.splitlines() if not line.startswith("labnews: warning")]
        assert len(lines) == 1, (args, text)
        assert lines[0].startswith("labnews: error: "), (args, text)
    if code != 0:
        assert _state(lab) == before, ("a failed command changed the lab", args)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(COMMANDS), data=st.data())
def test_every_command_answers_hostile_arguments_cleanly(
    lab: Path, tmp_path: Path, command: list[str | None], data: st.DataObject
) -> None:
    args = [word if word is not None else data.draw(_TEXT) for word in command]
    _run(lab, args, tmp_path)


_PAGE_LINES = st.one_of(
    st.sampled_from(
        [
            " - **(2024)** : We have **19 papers** this year(2 ETRI J., 5 CVPR). <br>",
            " -- **(2024/12)**: Three papers accepted to NeurIPS 2024 (A B, C D, E F) <br>",
            "- *2023.12*: One paper accepted to CVPR 2024",
            "@article{k, title={T}, author={A and B}, year={2024}, journal={CVPR}}",
            '@string{s = "x" # "y"}',
            "title,venue,year,authors\nT,CVPR,2024,A B",
            '{"papers": [{"title": "T", "venue": "CVPR", "year": 99999}]}',
            '{"papers": [{"year": ' + "9" * 5000 + "}]}",
            "\x00\x01\x02",
            "\ufeff",
        ]
    ),
    _TEXT,
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(["news", "bibtex", "csv"]),
    suffix=st.sampled_from([".md", ".bib", ".csv", ".json", ".txt"]),
    lines=st.lists(_PAGE_LINES, max_size=12),
    dry=st.booleans(),
)
def test_every_importer_answers_hostile_files_cleanly(
    lab: Path, tmp_path: Path, kind: str, suffix: str, lines: list[str], dry: bool
) -> None:
    source = tmp_path / f"input{suffix}"
    source.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    _run(lab, ["import", *(["--dry-run"] if dry else []), kind, str(source)], tmp_path)


_WORST = r"""
import contextlib, io, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
from labnews.cli import main
lab, folder = sys.argv[1], Path(sys.argv[2])
bomb = folder / "bomb.bib"
bomb.write_text("\n".join(['@string{s0 = "xxxxxxxxxxxxxxxx"}'] + [
    f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 42)] + ["@misc{a, title = s41}"]))
templates = folder / "templates"
templates.mkdir()
(templates / "bomb.md.j2").write_text(
    "{% set ns = namespace(s='x' * 100000) %}{% for i in range(40) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}")
big = folder / "big.json"
big.write_text('{"papers": [{"year": ' + "9" * 5000 + "}]}")
cases = [
    ["import", "bibtex", str(bomb)],
    ["news", "--format", "bomb"],
    ["import", "csv", str(big)],
    ["edit", "paper", "9" * 5000, "--title", "x"],
    ["add", "member", "x" * 1_000_000],
]
for args in cases:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--db", lab, *args])
    assert code in (0, 1, 2), (args, code)
    assert "Traceback" not in err.getvalue(), err.getvalue()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_the_worst_inputs_stay_within_bounded_memory(lab: Path, tmp_path: Path) -> None:
    """Bombs for BibTeX macros, templates, JSON numbers and ids, in a child under a 3 GB cap."""
    done = subprocess.run(
        [sys.executable, "-c", _WORST, str(lab), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "LABNEWS_TEMPLATES": str(tmp_path / "templates"),
        },
        check=False,
    )
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.strip().splitlines()[-1])
    assert peak_mb < 600, f"peak memory {peak_mb} MB"
