"""`labnews adopt PAGE`: the demo lab's own page, embedded in a homepage, adopted into an empty lab.

Each test writes the page as real bytes in tmp_path and runs the CLI in-process on a real lab
database, then compares the page, its backup and the lab with what adopting must give.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.homepage import END_MARKER, START_MARKER
from tests.conftest import CliResult

Cli = Callable[..., CliResult]

FIXTURE = Path(__file__).parents[1] / "fixtures" / "seed_news_2022_2024.md"
BEFORE = "---\nlayout: about\n---\n\n# About the lab\n\nWe study vision.\n\n## News\n\n"
AFTER = "\n## Contact\n\nMail us at lab@example.org.\n"


pytestmark = pytest.mark.usefixtures("no_personal_templates")


def normalised(text: str) -> str:
    """FORMATS' comparison: runs of spaces folded to one, every `<br>` written as ` <br>`."""
    return re.sub(r" +", " ", re.sub(r" *<br>", " <br>", text)).strip()


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "about.md"
    path.write_bytes((BEFORE + FIXTURE.read_text(encoding="utf-8") + AFTER).encode())
    return path


def block_of(text: str) -> str:
    start = text.index(START_MARKER) + len(START_MARKER)
    return text[start : text.index(END_MARKER)]


def test_adopting_the_demo_page_imports_it_and_wraps_exactly_its_news_block(
    cli: Cli, page: Path
) -> None:
    original = page.read_bytes()
    news = FIXTURE.read_text(encoding="utf-8")

    result = cli("adopt", str(page))

    assert result.code == 0, result
    assert "Imported 34 papers" in result.out
    assert len(json.loads(cli("export", "json").out)["papers"]) == 34
    # The markers sit around exactly the old block; every byte outside it is as it was.
    adopted = page.read_text(encoding="utf-8")
    assert adopted == f"{BEFORE}{START_MARKER}\n{news}{END_MARKER}\n{AFTER}"
    assert (page.parent / "about.md.bak").read_bytes() == original
    # Publishing the adopted lab's yearly news gives back the page's block, as FORMATS compares.
    assert cli("publish", "--into", str(page), "--format", "yearly").code == 0
    published = page.read_text(encoding="utf-8")
    assert normalised(block_of(published)) == normalised(news)
    assert published.startswith(BEFORE + START_MARKER)
    assert published.endswith(END_MARKER + "\n" + AFTER)


def test_the_publish_diff_it_prints_is_whitespace_only(cli: Cli, page: Path) -> None:
    result = cli("adopt", str(page))
    assert result.code == 0, result
    removed = [line[1:] for line in result.out.splitlines() if line.startswith("- ")]
    added = [line[1:] for line in result.out.splitlines() if line.startswith("+ ")]
    assert removed, "the fixture's hand-kept spacing differs from the format's"
    assert [normalised(line) for line in removed] == [normalised(line) for line in added]


def test_a_second_adopt_changes_nothing(cli: Cli, page: Path) -> None:
    assert cli("adopt", str(page)).code == 0
    adopted = page.read_bytes()
    backup = (page.parent / "about.md.bak").read_bytes()
    papers = cli("list", "papers").out

    again = cli("adopt", str(page))

    assert again.code == 0, again
    assert "Nothing to import: 34 papers already in the lab" in again.out
    assert "already has the labnews markers; not wrapped again" in again.out
    assert page.read_bytes() == adopted
    assert (page.parent / "about.md.bak").read_bytes() == backup
    assert cli("list", "papers").out == papers


def test_a_page_with_no_news_lines_is_refused_in_one_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "about.md"
    path.write_bytes(b"# About\n\nWe study vision.\n")

    line = cli("adopt", str(path)).one_error_line()

    assert "has no news lines labnews can read; nothing to adopt" in line
    assert path.read_bytes() == b"# About\n\nWe study vision.\n"
    assert not (tmp_path / "about.md.bak").exists()


def test_a_news_data_file_is_refused_with_the_import_command_to_use(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "news.yml"
    data = b"- date: 2024-09-26\n  headline: Three papers accepted to NeurIPS 2024\n"
    path.write_bytes(data)

    line = cli("adopt", str(path)).one_error_line()

    assert f"{path} is a news data file, not a page; import it with `labnews import news" in line
    assert path.read_bytes() == data
    assert not (tmp_path / "news.yml.bak").exists()


def test_dry_run_prints_the_plan_and_the_wrapping_and_writes_nothing(
    cli: Cli, page: Path, tmp_path: Path
) -> None:
    assert cli("db", "upgrade").code == 0  # an empty lab to adopt into
    original = page.read_bytes()

    result = cli("adopt", "--dry-run", str(page))

    assert result.code == 0, result
    assert "to create: 34 papers" in result.out
    assert "Would wrap lines 11-28" in result.out
    assert f"+{START_MARKER}" in result.out
    assert f"+{END_MARKER}" in result.out
    assert page.read_bytes() == original
    assert not (tmp_path / "about.md.bak").exists()
    assert json.loads(cli("export", "json").out)["papers"] == []
