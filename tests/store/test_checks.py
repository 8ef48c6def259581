"""``labnews check``: papers recorded twice are found and merged; papers naming no member noted.

Every test works on a real SQLite lab through the command line, as a user would run it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from labnews.core.inputs import AuthorInput, MemberInput, PaperInput
from labnews.core.records import YearMonth
from labnews.io.newspage import read_source
from labnews.io.newsplan import plan_page
from labnews.io.plan import apply_plan
from labnews.store import backup, checks, commands, queries
from labnews.store.database import Database
from tests.conftest import FIXTURES, CliResult

Runner = Callable[..., CliResult]

SEED = FIXTURES / "seed_news_2022_2024.md"


def _papers(cli: Runner, year: int = 2024) -> list[dict[str, Any]]:
    papers: list[dict[str, Any]] = json.loads(cli("list", "papers", "--json").out)
    return [p for p in papers if p["month"].startswith(str(year))]


def _import_seed(database: Database, times: int) -> None:
    """The lab's page applied ``times`` times with no duplicate check, as imports used to."""
    with database.session() as session:
        plan = plan_page(session, read_source(SEED))
    for time in range(times):
        with database.session(write=True) as session:
            # The members and the pinned order were made the first time.
            apply_plan(session, plan if time == 0 else replace(plan, members=[], pins={}))


def _add(database: Database, paper: PaperInput) -> int:
    with database.session(write=True) as session:
        return commands.add_paper(session, paper).ids[0]


def _neurips(title: str, *members: int, doi: str | None = None) -> PaperInput:
    """A NeurIPS 2024 paper of the news month the lab's page gives it."""
    authors = tuple(AuthorInput("", member) for member in members)
    return PaperInput(
        "NeurIPS", 2024, news=YearMonth(2024, 12), title=title, authors=authors, doi=doi
    )


def _member(database: Database, name: str) -> int:
    with database.session() as session:
        return queries.find_member(session, name).id


def test_a_page_imported_twice_is_found_and_merged_back_into_one(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    _import_seed(database, times=2)
    assert cli("summary").out.splitlines()[0].startswith("2024: 38 papers")
    found = cli("check")
    assert found.code == 1
    duplicates = [line for line in found.out.splitlines() if "probable duplicate" in line]
    # Every paper a line names a member of, twice; the unnamed fifth CVPR 2024 paper names
    # nobody, so nothing tells whether the lab has two such papers or one.
    assert len(duplicates) == 33
    park = next(line for line in duplicates if "NeurIPS 2024, news 2024-12, Kwanyong Park" in line)
    assert park.startswith("problem: probable duplicate: paper #")
    assert park.endswith("(--fix repairs it)")

    fixed = cli("check", "--fix")
    assert fixed.code == 0, fixed.out
    assert sum(line.startswith("fixed: merged paper #") for line in fixed.out.splitlines()) == 33
    if database.path is not None:  # a SQLite lab: --fix took its backup first
        assert [b.reason for b in backup.list_backups(database.path)] == ["pre-fix"]
    summary = cli("summary").out.splitlines()
    assert summary[0] == "2024: 20 papers (2 ETRI J., 6 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)"
    assert summary[1:] == [
        "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J.)",
        "2022: 6 papers (1 ETRI J., 2 CVPR, 2 ECCV, 1 BMVC)",
    ]
    assert "probable duplicate" not in cli("check").out


def test_fix_merges_a_pair_keeping_every_field_either_has(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    _import_seed(database, times=1)
    ham, pi_name = _member(database, "Ham Jaeseok"), "Yong-Ju Lee"
    with database.session(write=True) as session:
        pi = commands.add_member(session, MemberInput(pi_name, role="pi", in_news=False)).ids[0]
    placeholder = next(
        p for p in _papers(cli) if p["venue"] == "NeurIPS" and p["featured_name"] == "Ham Jaeseok"
    )
    # The untitled record knows a project page, a presentation and the PI; the titled one
    # (entered by hand later) knows the rest, and an outside author first.
    with database.session(write=True) as session:
        commands.update_paper(
            session,
            placeholder["id"],
            PaperInput(
                venue="NeurIPS",
                year=2024,
                news=YearMonth(2024, 12),
                authors=(AuthorInput("Ham Jaeseok", ham), AuthorInput(pi_name, pi)),
                featured=ham,
                presentation="poster",
                project="https://lab.example/seeall",
            ),
        )
    titled = _add(
        database,
        PaperInput(
            venue="NeurIPS",
            year=2024,
            news=YearMonth(2024, 12),
            title="SeeAll: Seeing Everything",
            authors=(AuthorInput("Jane Outsider"), AuthorInput("Jaeseok Ham", ham)),
            doi="10.1234/seeall",
            arxiv="2412.00001",
            url="https://openreview.net/seeall",
            code="https://github.com/lab/seeall",
        ),
    )
    found = cli("check")
    assert found.code == 1
    assert (
        f"problem: probable duplicate: paper #{placeholder['id']} (untitled) is probably paper "
        f"#{titled} 'SeeAll: Seeing Everything' (NeurIPS 2024, news 2024-12, Ham Jaeseok) "
        "(--fix repairs it)"
    ) in found.out.splitlines()

    fixed = cli("check", "--fix")
    assert fixed.code == 0, fixed.out
    assert (
        f"fixed: merged paper #{placeholder['id']} into paper #{titled} "
        "(NeurIPS 2024, news 2024-12, Ham Jaeseok)"
    ) in fixed.out.splitlines()
    neurips = [p for p in _papers(cli) if p["venue"] == "NeurIPS"]
    assert len(neurips) == 3
    merged = next(p for p in neurips if p["id"] == titled)
    assert placeholder["id"] not in [p["id"] for p in neurips]
    assert [a["name"] for a in merged["authors"]] == ["Jane Outsider", "Ham Jaeseok", pi_name]
    assert merged["featured_name"] == "Ham Jaeseok"
    assert (merged["title"], merged["doi"], merged["arxiv"]) == (
        "SeeAll: Seeing Everything",
        "10.1234/seeall",
        "2412.00001",
    )
    assert (merged["url"], merged["code"], merged["project"], merged["presentation"]) == (
        "https://openreview.net/seeall",
        "https://github.com/lab/seeall",
        "https://lab.example/seeall",
        "poster",
    )
    assert cli("summary").out.splitlines()[0].endswith("3 NeurIPS)")


def test_records_a_differing_doi_or_another_member_tells_apart_are_left_alone(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    _import_seed(database, times=1)
    ham, lee = _member(database, "Ham Jaeseok"), _member(database, "Youngwan Lee")
    with database.session(write=True) as session:
        placeholder = next(
            p
            for p in queries.papers_in(session, [2024])
            if p.venue_short == "NeurIPS" and p.featured_name == "Ham Jaeseok"
        )
        commands.update_paper(
            session,
            placeholder.id,
            PaperInput(
                venue="NeurIPS",
                year=2024,
                news=YearMonth(2024, 12),
                authors=(AuthorInput("Ham Jaeseok", ham),),
                doi="10.1234/one",
            ),
        )
    # A titled paper of Ham with another DOI, and one of Ham with Lee: two other papers.
    _add(database, _neurips("Other", ham, doi="10.1234/two"))
    _add(database, _neurips("With Lee", ham, lee))
    result = cli("check")
    assert "probable duplicate" not in result.out
    assert result.code == 0


def test_an_untitled_record_two_titled_ones_could_be_is_listed_not_merged(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    _import_seed(database, times=1)
    ham = _member(database, "Ham Jaeseok")
    first = _add(database, _neurips("First of Ham", ham))
    second = _add(database, _neurips("Second of Ham", ham))
    placeholder = next(
        p["id"]
        for p in _papers(cli)
        if p["venue"] == "NeurIPS" and p["featured_name"] == "Ham Jaeseok" and not p["title"]
    )
    found = cli("check")
    assert found.code == 1
    assert (
        f"problem: probable duplicate: paper #{placeholder} (untitled) is probably one of "
        f"papers #{first}, #{second} (NeurIPS 2024, news 2024-12, Ham Jaeseok): merge it by hand"
    ) in found.out.splitlines()
    before = _papers(cli)
    fixed = cli("check", "--fix")
    assert fixed.code == 1
    assert _papers(cli) == before


def test_the_demo_lab_holds_no_probable_duplicates(demo_database: Database) -> None:
    """Its fifth CVPR 2024 paper is a second one of Youngwan Lee's, beside the titled KOALA:
    they name different members in the news (KOALA names Kwanyong Park too)."""
    with demo_database.session() as session:
        findings = checks.run_checks(session, is_sqlite=demo_database.is_sqlite)
    assert [f for f in findings if f.check == "probable duplicate"] == []
    assert [f for f in findings if not f.note] == []


def test_a_paper_naming_no_member_is_noted_and_not_repaired(
    demo_database: Database, on: Callable[[Database], Runner]
) -> None:
    cli = on(demo_database)
    added = cli("add", "paper", "--venue", "CVPR", "--year", "2025", "--author", "Jane Outsider")
    assert added.code == 0
    paper_id = int(added.out)
    found = cli("check")
    assert found.code == 0  # a note: a news line may name nobody on purpose
    assert (
        f"note: no member: paper #{paper_id} (CVPR 2025, news 2025-06) has no lab member among "
        "its authors: it counts in the tally but no news line names anyone"
    ) in found.out.splitlines()
    fixed = cli("check", "--fix")
    assert f"paper #{paper_id} (CVPR 2025" in fixed.out
    assert "fixed:" not in fixed.out
    assert cli("summary", "--year", "2025").out == "2025: 1 paper (1 CVPR)\n"


def test_many_papers_naming_no_member_are_listed_twenty_then_counted(
    cli: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "news.md"
    page.write_text("- **(2024/06)**: 25 papers accepted to CVPR 2024\n", encoding="utf-8")
    assert cli("import", "news", str(page)).code == 0
    notes = [line for line in cli("check").out.splitlines() if "no member" in line]
    assert len(notes) == 21
    assert notes[-1] == (
        "note: no member: and 5 more papers have no lab member among their authors"
    )
