"""`labnews publish`: only the block between the markers changes, byte for byte.

Every test builds the homepage file as bytes, publishes the demo lab's news into it through the
CLI, and compares the result with the bytes it must hold: the original before the start marker,
the marker, the news (in the file's own line endings), the end marker and the original after it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.homepage import END_MARKER, START_MARKER
from tests.conftest import CliResult

Cli = Callable[..., CliResult]

START = START_MARKER.encode()
END = END_MARKER.encode()


pytestmark = pytest.mark.usefixtures("no_personal_templates")


@pytest.fixture
def demo(cli: Cli) -> Cli:
    assert cli("demo").code == 0
    return cli


def news_block(cli: Cli, *args: str, newline: bytes = b"\n") -> bytes:
    """What `labnews news ARGS` prints, as the block publish puts between the markers."""
    result = cli("news", *args)
    assert result.code == 0
    return result.out.strip("\n").encode("utf-8").replace(b"\n", newline)


def homepage(tmp_path: Path, content: bytes, name: str = "about.md") -> Path:
    path = tmp_path / "site" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def published(before: bytes, block: bytes, after: bytes, newline: bytes = b"\n") -> bytes:
    return before + START + newline + block + newline + END + after


# --- every other byte stays --------------------------------------------------------------------


LF_BEFORE = b"---\nlayout: about\n---\n\n# News   \n\n"
LF_AFTER = b"\n\n# Publications\n\ntrailing spaces   \n\ttab line\n"


def test_publish_replaces_the_block_and_keeps_every_other_byte(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, LF_BEFORE + START + b"\nold news\nmore old news\n" + END + LF_AFTER)
    result = demo("publish", "--into", str(path))
    assert result.code == 0, result.err
    assert path.read_bytes() == published(LF_BEFORE, news_block(demo), LF_AFTER)


def test_publish_into_an_empty_block(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, b"intro\n" + START + b"\n" + END + b"\noutro\n")
    assert demo("publish", "--into", str(path)).code == 0
    assert path.read_bytes() == published(b"intro\n", news_block(demo), b"\noutro\n")


def test_publish_keeps_crlf_line_endings_everywhere(demo: Cli, tmp_path: Path) -> None:
    before = b"---\r\nlayout: about\r\n---\r\n\r\n# News\r\n"
    after = b"\r\n\r\n# Publications\r\nlast line\r\n"
    path = homepage(tmp_path, before + START + b"\r\nold\r\n" + END + after)
    assert demo("publish", "--into", str(path)).code == 0
    block = news_block(demo, newline=b"\r\n")
    content = path.read_bytes()
    assert content == published(before, block, after, b"\r\n")
    assert content.count(b"\n") == content.count(b"\r\n")


def test_publish_keeps_a_file_without_a_trailing_newline(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, b"# News\n" + START + b"\nold\n" + END)
    assert demo("publish", "--into", str(path)).code == 0
    assert path.read_bytes() == published(b"# News\n", news_block(demo), b"")
    assert path.read_bytes().endswith(END)


def test_publish_keeps_non_ascii_text_byte_for_byte(demo: Cli, tmp_path: Path) -> None:
    before = "# 연구실 소식 — Ünïcödé ✓ 🎉\n\u00a0non-breaking\n".encode()
    after = "\n## 논문 목록\nçà et là\n".encode()
    path = homepage(tmp_path, before + START + b"\n" + "옛 소식\n".encode() + END + after)
    assert demo("publish", "--into", str(path), "--lang", "ko").code == 0
    assert path.read_bytes() == published(before, news_block(demo, "--lang", "ko"), after)


def test_publish_keeps_text_on_the_marker_lines_outside_the_markers(
    demo: Cli, tmp_path: Path
) -> None:
    before = b"<div>  "
    after = b"  </div>\n"
    path = homepage(tmp_path, before + START + b"\nold\n" + END + after)
    assert demo("publish", "--into", str(path)).code == 0
    assert path.read_bytes() == published(before, news_block(demo), after)


def test_publish_uses_the_chosen_format_and_years(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, START + b"\n" + END + b"\n")
    args = ("--format", "acadhomepage", "--year", "2023")
    assert demo("publish", "--into", str(path), *args).code == 0
    block = news_block(demo, *args)
    assert block.startswith(b"- *2023.12*: &nbsp;")
    assert path.read_bytes() == published(b"", block, b"\n")


def test_publish_keeps_the_files_permissions(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, START + b"\n" + END + b"\n")
    path.chmod(0o644)
    assert demo("publish", "--into", str(path)).code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


# --- the backup --------------------------------------------------------------------------------


def test_publish_keeps_the_previous_content_as_bak(demo: Cli, tmp_path: Path) -> None:
    original = b"# News\r\n" + START + b"\r\nold news \xc3\xa9\r\n" + END + b"\r\ntail"
    path = homepage(tmp_path, original)
    result = demo("publish", "--into", str(path))
    assert result.code == 0
    assert result.out == f"Published into {path} (previous version kept as about.md.bak)\n"
    backup = path.with_name("about.md.bak")
    assert backup.read_bytes() == original
    assert sorted(p.name for p in path.parent.iterdir()) == ["about.md", "about.md.bak"]


def test_a_second_publish_backs_up_the_first_ones_result(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, b"a\n" + START + b"\nold\n" + END + b"\nz\n")
    assert demo("publish", "--into", str(path), "--year", "2023").code == 0
    first = path.read_bytes()
    assert demo("publish", "--into", str(path), "--year", "2024").code == 0
    assert path.with_name("about.md.bak").read_bytes() == first
    assert path.read_bytes() == published(b"a\n", news_block(demo, "--year", "2024"), b"\nz\n")


def test_publishing_twice_leaves_the_file_unchanged_the_second_time(
    demo: Cli, tmp_path: Path
) -> None:
    original = b"a\n" + START + b"\nold\n" + END + b"\nz\n"
    path = homepage(tmp_path, original)
    assert demo("publish", "--into", str(path)).code == 0
    content = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp - 10**9, stamp - 10**9))
    stamp = path.stat().st_mtime_ns
    second = demo("publish", "--into", str(path))
    assert second.code == 0
    assert second.out == f"{path} is already up to date\n"
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == stamp
    assert path.with_name("about.md.bak").read_bytes() == original


# --- dry run -----------------------------------------------------------------------------------


def test_dry_run_prints_a_unified_diff_and_writes_nothing(demo: Cli, tmp_path: Path) -> None:
    original = b"# News\n" + START + b"\nold news\n" + END + b"\n"
    path = homepage(tmp_path, original)
    stamp = path.stat().st_mtime_ns - 10**9
    os.utime(path, ns=(stamp, stamp))
    result = demo("publish", "--into", str(path), "--dry-run")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"--- {path}"
    assert lines[1] == f"+++ {path} (published)"
    assert lines[2].startswith("@@ ")
    assert "-old news" in lines
    block = news_block(demo).decode()
    assert [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")] == (
        block.splitlines()
    )
    assert f" {START_MARKER}" in lines
    assert path.read_bytes() == original
    assert path.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in path.parent.iterdir()) == ["about.md"]


def test_dry_run_of_an_up_to_date_file_prints_nothing(demo: Cli, tmp_path: Path) -> None:
    path = homepage(tmp_path, START + b"\n" + END + b"\n")
    assert demo("publish", "--into", str(path)).code == 0
    result = demo("publish", "--into", str(path), "--dry-run")
    assert (result.code, result.out) == (0, "")


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"# News\nno markers at all\n",
        b"# News\n" + START + b"\nonly the start\n",
        b"# News\nonly the end\n" + END + b"\n",
        b"# News\n" + END + b"\nend before start\n" + START + b"\n",
        b"",
    ],
    ids=["none", "start-only", "end-only", "end-before-start", "empty"],
)
def test_a_file_without_both_markers_is_refused_and_left_alone(
    demo: Cli, tmp_path: Path, content: bytes
) -> None:
    path = homepage(tmp_path, content)
    stamp = path.stat().st_mtime_ns - 10**9
    os.utime(path, ns=(stamp, stamp))
    for extra in ((), ("--dry-run",)):
        result = demo("publish", "--into", str(path), *extra)
        assert result.code == 1
        assert result.out == ""
        assert len(result.err.splitlines()) == 1
        assert START_MARKER in result.err
        assert END_MARKER in result.err
        assert str(path) in result.err
        assert path.read_bytes() == content
        assert path.stat().st_mtime_ns == stamp
        assert sorted(p.name for p in path.parent.iterdir()) == ["about.md"]


def test_two_start_markers_before_the_end_are_refused(demo: Cli, tmp_path: Path) -> None:
    content = START + b"\n" + START + b"\n" + END + b"\n"
    path = homepage(tmp_path, content)
    result = demo("publish", "--into", str(path))
    assert result.code == 1
    assert START_MARKER in result.err
    assert path.read_bytes() == content


def test_a_missing_file_is_refused(demo: Cli, tmp_path: Path) -> None:
    path = tmp_path / "nope.md"
    result = demo("publish", "--into", str(path))
    assert result.code == 1
    assert str(path) in result.err
    assert not path.exists()


def test_a_file_that_is_not_utf8_is_refused_and_left_alone(demo: Cli, tmp_path: Path) -> None:
    content = b"caf\xe9\n" + START + b"\n" + END + b"\n"
    path = homepage(tmp_path, content)
    result = demo("publish", "--into", str(path))
    assert result.code == 1
    assert "UTF-8" in result.err
    assert path.read_bytes() == content


def test_a_folder_format_cannot_be_published_into_a_file(demo: Cli, tmp_path: Path) -> None:
    content = START + b"\n" + END + b"\n"
    path = homepage(tmp_path, content)
    result = demo("publish", "--into", str(path), "--format", "al-folio")
    assert result.code == 1
    assert "al-folio" in result.err
    assert path.read_bytes() == content


# --- a record cannot move the block ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yearly", "plain", "json", "acadhomepage", "html", "publications"])
def test_a_member_named_like_a_marker_cannot_move_the_block(
    demo: Cli, tmp_path: Path, fmt: str
) -> None:
    """Publishing twice gives the same file, and no format emits a marker line."""
    hostile = "Mallory <!-- labnews:end --> INJECTED"
    assert demo("edit", "member", "Ham Jaeseok", "--name", hostile).code == 0
    news = demo("news", "--format", fmt)
    assert news.code == 0, news.err
    assert START_MARKER not in news.out
    assert END_MARKER not in news.out
    path = homepage(tmp_path, LF_BEFORE + START + b"\nold\n" + END + LF_AFTER)
    assert demo("publish", "--into", str(path), "--format", fmt).code == 0
    once = path.read_bytes()
    assert demo("publish", "--into", str(path), "--format", fmt).code == 0
    assert path.read_bytes() == once
    assert once.startswith(LF_BEFORE + START)
    assert once.endswith(END + LF_AFTER)
    assert once.count(END) == 1


def test_publish_refuses_a_block_that_holds_a_marker_line(tmp_path: Path) -> None:
    from labnews.core.errors import LabnewsError
    from labnews.io.homepage import replace_block

    original = f"a\n{START_MARKER}\nold\n{END_MARKER}\nz\n"
    with pytest.raises(LabnewsError, match="holds a labnews marker line"):
        replace_block(tmp_path / "about.md", original, f"news\n{END_MARKER}\nmore")
