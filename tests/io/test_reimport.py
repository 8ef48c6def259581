"""Nothing doubled: importing what the lab already holds adds nothing, for every import kind.

Each test imports real files into real SQLite databases through the command line (in-process,
and once as a real process) and compares what the lab holds before and after.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.newspage import read_page
from labnews.io.newsplan import plan_page
from labnews.io.plan import apply_plan
from labnews.store.database import Database
from labnews.store.migrate import open_database
from tests.conftest import FIXTURES, CliResult

Cli = Callable[..., CliResult]
Runner = Callable[[Database], Cli]

SEED = FIXTURES / "seed_news_2022_2024.md"
PAGES = FIXTURES / "newspages"
DEMO_SUMMARY = (
    "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)\n"
    "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J.)\n"
    "2022: 6 papers (1 ETRI J., 2 CVPR, 2 ECCV, 1 BMVC)\n"
)
ALL_HELD = "Nothing to import: all 34 papers are already in the lab"
DEMO_HELD = "Nothing to import: all 41 papers are already in the lab"  # with the older papers


def _papers(cli: Cli) -> list[dict[str, object]]:
    listed = cli("list", "papers", "--json")
    assert listed.code == 0, listed.err
    papers: list[dict[str, object]] = json.loads(listed.out)
    return papers


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- news pages --------------------------------------------------------------------------------


def test_the_labs_page_imported_twice_changes_nothing_and_says_so(cli: Cli) -> None:
    first = cli("import", "news", str(SEED))
    assert first.code == 0, first.err
    assert "  2024: already in the lab: 0, new: 19\n" in first.out
    assert "Imported 34 papers from seed_news_2022_2024.md" in first.out
    papers = _papers(cli)
    assert len(papers) == 34

    for args in (("--dry-run",), ()):
        again = cli("import", "news", str(SEED), *args)
        assert again.code == 0, again.err
        lines = again.out.splitlines()
        assert lines[1:5] == [
            "  to create: 0 papers",
            "  2024: already in the lab: 19, new: 0",
            "  2023: already in the lab: 9, new: 0",
            "  2022: already in the lab: 6, new: 0",
        ]
        assert "  duplicate: line 2: 3 papers at NeurIPS 2024 already in the lab " in again.out
        assert lines[-1] == ALL_HELD
        assert "to pin" not in again.out  # the page's 2023 order is pinned already
    assert _papers(cli) == papers
    assert cli("summary").out == DEMO_SUMMARY


def test_the_labs_page_imported_twice_by_real_processes_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "lab.sqlite"
    run = [sys.executable, "-m", "labnews", "--db", str(db)]

    def labnews(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*run, *args], capture_output=True, text=True, check=False)

    first = labnews("import", "news", str(SEED))
    assert first.returncode == 0, first.stderr
    assert first.stdout.endswith("Imported 34 papers from seed_news_2022_2024.md\n")
    before = labnews("list", "papers", "--json").stdout
    second = labnews("import", "news", str(SEED))
    assert second.returncode == 0, second.stderr
    assert second.stdout.endswith(f"{ALL_HELD}\n")
    assert labnews("list", "papers", "--json").stdout == before
    assert labnews("summary").stdout == DEMO_SUMMARY


def test_the_labs_page_adds_nothing_to_the_demo_lab(cli: Cli) -> None:
    assert cli("demo").code == 0
    papers = _papers(cli)
    result = cli("import", "news", str(SEED))
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == ALL_HELD
    assert "to create: 0 papers" in result.out
    assert "members (" not in result.out  # every name is a demo member
    # Untitled lines match the demo's titled papers too: five CVPR 2024 lines, one titled paper.
    assert (
        "line 6: 5 papers at CVPR 2024 already in the lab (Kwanyong Park, Youngwan Lee, "
        "Bae Kangmin, Jo Youngjoo, no member named); left out" in result.out
    )
    assert _papers(cli) == papers
    assert cli("summary", "--from", "2022").out == DEMO_SUMMARY


def _revision(number: int) -> str:
    """The lab's page with ``number`` - 1 later news lines on top (2025/01, 2025/02, ...)."""
    seed = SEED.read_text(encoding="utf-8")
    venues = ("AAAI", "ICLR", "CVPR", "ICML", "ECCV", "NeurIPS")
    later = [
        f" -- **(2025/{month:02d})**: Two papers accepted to {venues[month - 1]} 2025 "
        "(Ham Jaeseok, Moon Jinyoung) <br>\n"
        for month in range(number - 1, 0, -1)
    ]
    return "".join(later) + seed


def test_a_newer_revision_of_the_page_adds_just_its_new_line(
    database: Database, on: Runner, tmp_path: Path
) -> None:
    cli = on(database)
    assert cli("import", "news", str(_write(tmp_path / "v1.md", _revision(1)))).code == 0
    newer = read_page(_revision(2), "v2.md")
    with database.session() as session:
        plan = plan_page(session, newer)
    assert [(p.venue, str(p.news), p.featured, p.line) for p in plan.papers] == [
        ("AAAI", "2025-01", "Ham Jaeseok", 1),
        ("AAAI", "2025-01", "Moon Jinyoung", 1),
    ]
    assert plan.by_year() == [(2025, 0, 2), (2024, 19, 0), (2023, 9, 0), (2022, 6, 0)]
    assert plan.members == []


def test_six_revisions_imported_one_after_another_count_each_paper_once(
    cli: Cli, tmp_path: Path
) -> None:
    for number in range(1, 7):
        page = _write(tmp_path / f"news-{number}.md", _revision(number))
        result = cli("import", "news", str(page))
        assert result.code == 0, result.err
        if number > 1:
            assert "  2025: already in the lab: " + f"{2 * (number - 2)}, new: 2\n" in result.out
            assert result.out.endswith(f"Imported 2 papers from news-{number}.md\n")
    summary = cli("summary").out.splitlines()
    assert summary[0] == "2025: 10 papers (2 AAAI, 2 ICLR, 2 CVPR, 2 ICML, 2 ECCV)"
    assert "\n".join(summary[1:]) + "\n" == DEMO_SUMMARY


def test_a_page_listing_one_paper_more_than_the_lab_holds_adds_that_one(
    database: Database,
) -> None:
    """The lab holds two untitled NeurIPS 2024 papers of one member; the page lists three."""
    line = "- **(2024/12)**: One paper accepted to NeurIPS 2024 (Kim Minsu)\n"
    with database.session() as session:
        plan = plan_page(session, read_page(line * 2))
    with database.session(write=True) as session:
        apply_plan(session, plan)
    with database.session() as session:
        again = plan_page(session, read_page(line * 3))
    assert [(p.venue, str(p.news), p.featured) for p in again.papers] == [
        ("NeurIPS", "2024-12", "Kim Minsu")
    ]
    assert again.by_year() == [(2024, 2, 1)]
    assert again.members == []


def test_an_untitled_line_matches_a_titled_paper_of_its_member_but_not_of_another(
    demo_database: Database,
) -> None:
    """The demo's NeurIPS 2024 papers of Park and Lee are titled; Kim Hyungil has none there."""
    page = read_page(
        "- **(2024/12)**: Three papers accepted to NeurIPS 2024 "
        "(Kwanyong Park, Youngwan Lee, Kim Hyungil)\n"
    )
    with demo_database.session() as session:
        plan = plan_page(session, page)
    assert [(p.venue, p.featured) for p in plan.papers] == [("NeurIPS", "Kim Hyungil")]
    assert plan.by_year() == [(2024, 2, 1)]
    assert plan.report().splitlines()[-1] == (
        "  duplicate: line 1: 2 papers at NeurIPS 2024 already in the lab "
        "(Kwanyong Park, Youngwan Lee); left out"
    )


def test_a_line_naming_nobody_is_matched_after_the_named_ones(database: Database) -> None:
    """The nameless paper of a line takes what the named ones leave, whatever the order."""
    text = "- **(2024/06)**: Three papers accepted to CVPR 2024 (Kim A, Kim B)\n"
    with database.session() as session:
        plan = plan_page(session, read_page(text))
    with database.session(write=True) as session:
        apply_plan(session, plan)
    # The same papers, the nameless one first in the page this time.
    reordered = (
        "- **(2024/06)**: One paper accepted to CVPR 2024\n"
        "- **(2024/06)**: Two papers accepted to CVPR 2024 (Kim B, Kim A)\n"
    )
    with database.session() as session:
        again = plan_page(session, read_page(reordered))
    assert again.papers == []
    assert again.by_year() == [(2024, 3, 0)]


@pytest.mark.parametrize(
    "source",
    ["acadhomepage.md", "news.html", "al-folio_news", "unknown_venues.md", "titles.md"],
)
def test_every_kind_of_page_imported_twice_adds_nothing_the_second_time(
    cli: Cli, source: str
) -> None:
    assert cli("import", "news", str(PAGES / source)).code == 0
    papers = _papers(cli)
    achievements = cli("list", "achievements").out
    again = cli("import", "news", str(PAGES / source))
    assert again.code == 0, again.err
    assert again.out.splitlines()[-1].startswith("Nothing to import")
    assert "to create: 0 papers" in again.out
    assert _papers(cli) == papers
    assert cli("list", "achievements").out == achievements


# --- BibTeX ------------------------------------------------------------------------------------


def test_the_demo_labs_bibtex_export_adds_nothing_to_it_and_one_entry_more_adds_one(
    cli: Cli, tmp_path: Path
) -> None:
    assert cli("demo").code == 0
    bib = tmp_path / "lab.bib"
    assert cli("export", "bibtex", "--output", str(bib)).code == 0
    papers = _papers(cli)
    again = cli("import", "bibtex", str(bib))
    assert again.code == 0, again.err
    assert again.out.splitlines()[-1] == DEMO_HELD
    assert "  2024: already in the lab: 19, new: 0" in again.out
    assert _papers(cli) == papers

    # An untitled entry of a member the lab holds no such paper of is new; a copy of it is not.
    extra = (
        "@inproceedings{new2024,\n  author = {Ham, Jaeseok},\n  booktitle = {ICML},\n"
        "  year = {2024},\n  month = {7},\n}\n"
    )
    _write(bib, bib.read_text(encoding="utf-8") + "\n" + extra)
    more = cli("import", "bibtex", str(bib))
    assert more.code == 0, more.err
    assert "  2024: already in the lab: 19, new: 1" in more.out
    assert more.out.endswith("Imported 1 paper from lab.bib\n")
    assert cli("import", "bibtex", str(bib)).out.splitlines()[-1] == (
        "Nothing to import: all 42 papers are already in the lab"
    )
    assert len(_papers(cli)) == 42


# --- CSV and JSON ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_export_of_the_demo_lab_re_imported_adds_nothing(
    cli: Cli, tmp_path: Path, kind: str
) -> None:
    assert cli("demo").code == 0
    path = tmp_path / f"lab.{kind}"
    table = ("--table", "papers") if kind == "csv" else ()
    assert cli("export", kind, *table, "--output", str(path)).code == 0
    papers = _papers(cli)
    again = cli("import", "csv", str(path))  # a JSON document is told by its content
    assert again.code == 0, again.err
    assert again.out.splitlines()[-1] == DEMO_HELD
    assert "  2022: already in the lab: 6, new: 0" in again.out
    assert _papers(cli) == papers


def test_an_export_imported_twice_into_a_new_lab_adds_it_once(
    demo_database: Database, on: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "lab.json"
    assert on(demo_database)("export", "json", "--output", str(path)).code == 0
    fresh = open_database(str(tmp_path / "fresh.sqlite"))
    try:
        cli = on(fresh)
        first = cli("import", "csv", str(path))
        assert first.code == 0, first.err
        assert "Imported 41 papers from lab.json" in first.out
        papers = _papers(cli)
        second = cli("import", "csv", str(path))
        assert second.code == 0, second.err
        assert second.out.splitlines()[-1] == DEMO_HELD
        assert _papers(cli) == papers
        assert cli("summary", "--from", "2022").out == DEMO_SUMMARY
    finally:
        fresh.dispose()


def test_nothing_to_import_does_not_say_all_when_some_entries_are_left_out(
    cli: Cli, tmp_path: Path
) -> None:
    good = "@inproceedings{a,\n  title = {One},\n  booktitle = {CVPR},\n  year = {2024},\n}\n"
    bib = _write(tmp_path / "refs.bib", good)
    assert cli("import", "bibtex", str(bib)).code == 0
    again = cli("import", "bibtex", str(bib))
    assert again.out.splitlines()[-1] == "Nothing to import: its one paper is already in the lab"
    _write(bib, good + "@inproceedings{b,\n  title = {Two},\n  booktitle = {CVPR},\n}\n")
    with_error = cli("import", "bibtex", str(bib))
    # An entry without a year is left out with its reason, never blocking the others.
    assert "  skipped: line 6: entry 'b': year is missing: add year = {YYYY}" in with_error.out
    assert with_error.out.splitlines()[-1] == (
        "Nothing to import: 1 paper already in the lab, 1 left out above"
    )
