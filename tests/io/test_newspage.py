"""Reading news pages: the lab's own format exactly, the common variants, and wrong pages.

Every test reads real text (inline or under tests/fixtures/newspages) and checks what the plan
would create: papers per venue and month, members, achievements, and each finding's line.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labnews.core.errors import LabnewsError
from labnews.io import newsclauses, newspage
from labnews.io.newspage import Page, read_page, read_source
from labnews.io.newsplan import plan_page
from labnews.io.plan import ImportPlan
from labnews.store.database import Database
from tests.conftest import FIXTURES, CliResult

Cli = Callable[..., CliResult]

SEED = FIXTURES / "seed_news_2022_2024.md"
PAGES = FIXTURES / "newspages"
DEMO_SUMMARY = (
    "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)\n"
    "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J.)\n"
    "2022: 6 papers (1 ETRI J., 2 CVPR, 2 ECCV, 1 BMVC)\n"
)


def _plan(database: Database, page: Page | str) -> ImportPlan:
    if isinstance(page, str):
        page = read_page(page)
    with database.session() as session:
        return plan_page(session, page)


def _papers(plan: ImportPlan) -> Counter[tuple[str, int, str]]:
    """Planned papers counted by (venue, edition year, news month)."""
    return Counter((p.venue, p.year, str(p.news)) for p in plan.papers)


def _found(plan: ImportPlan, kind: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in plan.findings if f.kind == kind]


def _normalise(text: str) -> str:
    """As FORMATS.md compares the hand-kept page: every <br> as " <br>", runs of spaces folded."""
    return re.sub(r" +", " ", re.sub(r" *<br>", " <br>", text)).strip()


# --- the lab's own format ----------------------------------------------------------------------


def test_the_labs_page_imports_into_an_empty_database_and_comes_back_exactly(cli: Cli) -> None:
    imported = cli("import", "news", str(SEED))
    assert imported.code == 0, imported.err
    assert "mismatch" not in imported.out
    # The lab's own page names four people for its five CVPR 2024 papers: said, not refused.
    warnings = [line for line in imported.out.splitlines() if "warning" in line]
    assert warnings == [
        "  warning: line 6: 5 papers at CVPR but 4 names: 1 paper has no member named"
    ]
    assert "to pin the 2023 tally order: AAAI, ICLR, CVPR, ICCV, NeurIPS, ETRI J." in imported.out
    assert "Imported 34 papers" in imported.out
    assert cli("summary").out == DEMO_SUMMARY
    news = cli("news", "--from", "2022", "--to", "2024")
    assert news.code == 0
    assert _normalise(news.out) == _normalise(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("source", "report", "summary"),
    [
        pytest.param(
            "acadhomepage.md",
            "skipped: line 24: not paper news: 'Welcome to our new members!'",
            "2024: 9 papers (1 ETRI J., 3 CVPR, 2 ECCV, 3 NeurIPS)\n",
            id="acadhomepage",
        ),
        pytest.param(
            "news.html",
            "skipped: line 1: no date: 'News'",
            "2024: 6 papers (1 CVPR, 2 ECCV, 3 NeurIPS)\n",
            id="html",
        ),
        pytest.param(
            "al-folio_news",
            "skipped: line 6: 2023-10-02-defense.md: not paper news: "
            "'Park Minho defended his PhD thesis. Congratulations, Dr. Park!'",
            "2024: 8 papers (5 CVPR, 3 NeurIPS)\n",
            id="al-folio",
        ),
        pytest.param(
            "unknown_venues.md",
            "warning: line 1: unknown venue 'FooConf': will create it (conference)",
            "2024: 3 papers (1 Journal of Foo Studies, 2 FooConf)\n",
            id="unknown-venues",
        ),
        pytest.param(
            "titles.md",
            "warning: line 1: the title 'Seeing the unseen' is given twice at CVPR 2024: "
            "the second paper is left without a title",
            "2024: 3 papers (3 CVPR)\n",
            id="titles",
        ),
        # A wrong page imports whole, each disagreement printed in the report.
        pytest.param(
            "wrong_tallies.md",
            "mismatch: line 4: 2024: the tally says 10 papers but the lines list 11; "
            "the published tally will say 11 papers",
            "2025: 5 papers (3 ICCV, 2 CVPR)\n"
            "2024: 11 papers (1 AAAI, 2 ETRI J., 5 CVPR, 3 NeurIPS)\n",
            id="wrong-tallies",
        ),
    ],
)
def test_pages_import_through_the_cli(cli: Cli, source: str, report: str, summary: str) -> None:
    imported = cli("import", "news", str(PAGES / source))
    assert imported.code == 0, imported.err
    assert f"  {report}" in imported.out.splitlines()
    assert cli("summary").out == summary


def test_the_labs_page_reads_as_tallies_month_lines_and_clauses() -> None:
    page = read_source(SEED)
    assert page.undated == []
    tallies = [(i.line, i.year, i.tally_total) for i in page.items if i.month is None]
    assert tallies == [(1, 2024, 19), (8, 2023, 9), (14, 2022, 6)]
    (year_2023,) = [i for i in page.items if i.line == 8]
    assert year_2023.tally_items == [
        ("AAAI", 1),
        ("ICLR", 1),
        ("CVPR", 4),
        ("ICCV", 1),
        ("NeurIPS", 1),
        ("ETRI J.", 1),
    ]
    # Two clauses on one line, the second a journal without a year.
    (october,) = [i for i in page.items if (i.year, i.month) == (2023, 10)]
    assert [(c.count, c.venue, c.names) for c in october.clauses] == [
        (1, "ICCV 2023", ("Park Minho",)),
        (1, "ETRI J.", ("Yun Kimin",)),
    ]
    months = [(i.line, i.year, i.month) for i in page.items if i.month is not None]
    assert len(months) == 15
    assert months[0] == (2, 2024, 12)
    assert months[-1] == (18, 2022, 4)


def test_the_labs_page_plans_every_paper_member_and_the_2023_pin(database: Database) -> None:
    plan = _plan(database, read_source(SEED))
    assert len(plan.papers) == 34
    assert all(p.title == "" for p in plan.papers)
    papers = _papers(plan)
    assert papers[("ECCV", 2024, "2024-09")] == 6
    assert papers[("CVPR", 2024, "2024-06")] == 5
    assert papers[("ETRI J.", 2023, "2023-10")] == 1
    assert papers[("ICCV", 2023, "2023-10")] == 1
    assert papers[("BMVC", 2022, "2022-11")] == 1
    assert len(plan.members) == 19
    assert plan.venues == []
    assert plan.pins == {2023: ("AAAI", "ICLR", "CVPR", "ICCV", "NeurIPS", "ETRI J.")}
    assert _found(plan, "mismatch") == []
    assert _found(plan, "warning") == [
        (6, "5 papers at CVPR but 4 names: 1 paper has no member named")
    ]
    assert _found(plan, "skipped") == []
    # "Five papers ... (4 names)": one member has two papers; the fifth names nobody.
    cvpr = [p.featured for p in plan.papers if str(p.news) == "2024-06"]
    assert cvpr == ["Kwanyong Park", "Youngwan Lee", "Bae Kangmin", "Jo Youngjoo", None]


# --- date forms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("- *2024.06*: &nbsp;🎉🎉 Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- [2024-06] Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- 2024/06 -- Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- Jun 2024: Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- Jun 2024 Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- Jun. 2024: Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- Jun. 2024 Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- June 2024 — Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("- June 18, 2024: Two papers accepted to CVPR 2024 (A, B)", (2024, 6, 18)),
        ("- 18 June 2024: Two papers accepted to CVPR 2024 (A, B)", (2024, 6, 18)),
        ("- **2024-06-18** Two papers accepted to CVPR 2024 (A, B)", (2024, 6, 18)),
        ("- **[2024.06.18]** Two papers accepted to CVPR 2024 (A, B)", (2024, 6, 18)),
        ("- (06/2024) Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        (" -- **(2024/06)**: Two papers accepted to CVPR 2024 (A, B) <br>", (2024, 6, None)),
        ("* 2024년 6월: Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        ("1. *2024.06*: Two papers accepted to CVPR 2024 (A, B)", (2024, 6, None)),
        (
            "<ul><li><strong>[Jun. 2024]</strong> Two papers accepted to CVPR 2024 (A, B)</li>",
            (2024, 6, None),
        ),
        # A day the month does not have is dropped, the month kept.
        ("- **2024-02-30** Two papers accepted to CVPR 2024 (A, B)", (2024, 2, None)),
    ],
)
def test_each_date_form_dates_its_line(line: str, date: tuple[int, int, int | None]) -> None:
    (item,) = read_page(line).items
    assert (item.year, item.month, item.day) == date
    assert item.text.startswith("Two papers accepted to CVPR 2024")
    assert [(c.count, c.venue, c.names) for c in item.clauses] == [(2, "CVPR 2024", ("A", "B"))]


@pytest.mark.parametrize(
    "line",
    ["- 2024-13: One paper accepted to CVPR 2024", "- 1850.06: One paper accepted to CVPR 2024"],
)
def test_a_date_that_is_no_date_leaves_the_line_undated_and_reported(
    database: Database, line: str
) -> None:
    page = read_page(line)
    assert page.items == []
    assert page.undated == [(1, line[2:])]
    plan = _plan(database, page)
    assert plan.papers == []
    assert _found(plan, "skipped") == [(1, f"no date: {line[2:]!r}")]


def test_month_lines_under_a_year_heading_take_its_year(database: Database) -> None:
    plan = _plan(
        database,
        "### 2023\n"
        "- Dec: One paper accepted to NeurIPS 2023 (Youngwan Lee)\n"
        "- Oct 15: One paper accepted to ICCV 2023 (Park Minho)\n",
    )
    assert _papers(plan) == {("NeurIPS", 2023, "2023-12"): 1, ("ICCV", 2023, "2023-10"): 1}
    assert [p.line for p in plan.papers] == [3, 2]
    assert plan.findings == []


# --- count forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "count", "warned"),
    [
        ("One paper accepted to ICML 2024", 1, False),
        ("A paper accepted to ICML 2024", 1, False),
        ("Our paper accepted to ICML 2024", 1, False),
        ("Paper accepted to ICML 2024", 1, False),
        ("The paper was accepted for publication in ICML 2024", 1, False),
        ("2 papers accepted to ICML 2024", 2, False),
        ("3x papers accepted to ICML 2024", 3, False),
        ("3 x papers accepted to ICML 2024", 3, False),
        ("Both papers accepted to ICML 2024", 2, False),
        ("Seven new papers are accepted at ICML 2024", 7, False),
        ("Twelve full papers were accepted by ICML 2024", 12, False),
        ("Twenty-one papers accepted to ICML 2024", 21, False),
        ("twenty one papers accepted to ICML 2024", 21, False),
        ("We have 4 papers accepted at ICML 2024", 4, False),
        ("Papers accepted to ICML 2024 (E, F, G)", 3, True),
        ("One papers accepted to ICML 2024", 1, True),
        ("Three paper accepted to ICML 2024", 3, True),
    ],
)
def test_each_count_form_makes_that_many_papers(
    database: Database, clause: str, count: int, warned: bool
) -> None:
    plan = _plan(database, f"- *2024.07*: {clause}")
    assert _papers(plan) == {("ICML", 2024, "2024-07"): count}
    assert bool(_found(plan, "warning")) is warned
    assert all(f.line == 1 for f in plan.findings)


@pytest.mark.parametrize(
    ("line", "paper"),
    [
        (
            "Our paper [SeeAll](https://arxiv.org/abs/2410.00001) is accepted by **NeurIPS 2024**!",
            ("NeurIPS", 2024, 1, [None], "", None),
        ),
        (
            # The people a paper line congratulates are its people when they read as names:
            # real pages credit their students so ("congrats to Yisong, Tangwen and all
            # coauthors!", tests/fixtures/pages/alfolio_congrats_names.md).
            "🔥 Two papers are accepted to ICML 2024. Congrats to Kim and Lee!",
            ("ICML", 2024, 2, ["Kim", "Lee"], "", None),
        ),
        (
            "1 paper accepted at ICLR 2024 as a spotlight (top 5%)!",
            ("ICLR", 2024, 1, [None], "", "spotlight"),
        ),
        (
            "Our paper 'XYZ: A Benchmark' got accepted to CVPR 2024 🎉",
            ("CVPR", 2024, 1, [None], "XYZ: A Benchmark", None),
        ),
        (
            'One paper accepted to CVPR 2024: "Seeing the Unseen" (Kim A)',
            ("CVPR", 2024, 1, ["Kim A"], "Seeing the Unseen", None),
        ),
        (
            "**Three** papers accepted at **NeurIPS 2024** (two main track and one D&B track).",
            ("NeurIPS", 2024, 3, [None, None, None], "", None),
        ),
        (
            "Two papers got accepted to CVPR 2024, one of them as highlight.",
            ("CVPR", 2024, 2, [None, None], "", None),
        ),
        (
            "Our paper on efficient ViTs is accepted to WACV 2024 (Prof. Kim A et al.)",
            ("WACV", 2024, 1, ["Kim A"], "", None),
        ),
        (
            "One paper was accepted to the Journal of Supercomputing.",
            ("J. Supercomput.", 2024, 1, [None], "", None),
        ),
        (
            "Congratulations! Our paper got accepted to NAACL 2024 (Kim A)",
            ("NAACL", 2024, 1, ["Kim A"], "", None),
        ),
    ],
)
def test_free_wordings_of_a_paper_line(
    database: Database, line: str, paper: tuple[str, int, int, list[str | None], str, str | None]
) -> None:
    venue, year, count, featured, title, presentation = paper
    plan = _plan(database, f"- *2024.07*: {line}")
    assert _papers(plan) == {(venue, year, "2024-07"): count}
    assert [p.featured for p in plan.papers] == featured
    assert {p.title for p in plan.papers} == {title}
    assert {p.presentation for p in plan.papers} == {presentation}
    assert plan.venues == []
    assert [m.name for m in plan.members] == [name for name in featured if name]
    assert plan.findings == []


def test_one_papers_is_imported_as_one_and_reported(database: Database) -> None:
    plan = _plan(database, "- *2024.02*: One papers accepted to ETRI J. (Jeong Junyoung)")
    assert _papers(plan) == {("ETRI J.", 2024, "2024-02"): 1}
    assert _found(plan, "warning") == [(1, "'One papers': one paper, written as plural")]


@pytest.mark.parametrize("count", ["0", "Zero", "201", "9999"])
def test_an_implausible_count_makes_no_paper_and_is_reported(
    database: Database, count: str
) -> None:
    plan = _plan(database, f"- *2024.07*: {count} papers accepted to ICML 2024")
    assert plan.papers == []
    assert [line for line, _ in _found(plan, "skipped")] == [1]
    assert "could not be read" in _found(plan, "skipped")[0][1]


# --- venue forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("venue", "short", "year"),
    [
        ("NeurIPS 2024", "NeurIPS", 2024),
        ("CVPR'24", "CVPR", 2024),
        ("CVPR '24", "CVPR", 2024),
        ("CVPR’24", "CVPR", 2024),
        ("CVPR-2024", "CVPR", 2024),
        ("CVPR2024", "CVPR", 2024),
        ("the CVPR 2024 main conference", "CVPR", 2024),
        ("IEEE/CVF CVPR 2024", "CVPR", 2024),
        ("ETRI J.", "ETRI J.", 2024),
        ("ETRI Journal", "ETRI J.", 2024),
        ("IEEE TIP", "TIP", 2024),
        ("IEEE Transactions on Image Processing (TIP)", "TIP", 2024),
        ("NIPS 2023", "NeurIPS", 2023),
        ("NeurIPS'99", "NeurIPS", 1999),
    ],
)
def test_each_venue_form_resolves_through_the_catalog(
    database: Database, venue: str, short: str, year: int
) -> None:
    plan = _plan(database, f"- *2024.07*: One paper accepted to {venue}")
    assert _papers(plan) == {(short, year, "2024-07"): 1}
    assert plan.venues == []
    assert [p.featured for p in plan.papers] == [None]
    assert plan.members == []


@pytest.mark.parametrize(
    ("clause", "short"),
    [
        ("One paper accepted to CVPR Workshop 2024", "CVPR Workshop"),
        ("One paper accepted to CVPRW 2024", "CVPR Workshop"),
        ("One paper accepted to CVPR 2024 Workshop", "CVPR Workshop"),
        ("One paper accepted to CVPR 2024 workshops", "CVPR Workshop"),
        ("One paper accepted to CVPR-W 2024", "CVPR Workshop"),
        ("One workshop paper accepted to CVPR 2024", "CVPR Workshop"),
        ("One paper accepted to CVPR 2024 Workshop on Efficient Vision", "CVPR Workshop"),
        ("One paper accepted to the XYZ Workshop at CVPR 2024", "CVPR Workshop"),
        ("One paper accepted to Findings of EMNLP 2024", "Findings of EMNLP"),
        ("One paper accepted to EMNLP 2024 Findings", "Findings of EMNLP"),
        ("One paper accepted to Findings of the ACL 2024", "Findings of ACL"),
        ("One paper accepted to ACL 2024 Findings", "Findings of ACL"),
    ],
)
def test_workshop_and_findings_forms_resolve_and_count_under_their_parent(
    database: Database, clause: str, short: str
) -> None:
    parent = short.removeprefix("Findings of ").removesuffix(" Workshop")
    plan = _plan(
        database,
        f" - **(2024)** : We have **1 paper** this year(1 {parent}). <br>\n"
        f" -- **(2024/07)**: {clause} <br><br>\n",
    )
    assert _papers(plan) == {(short, 2024, "2024-07"): 1}
    assert plan.venues == []
    assert _found(plan, "mismatch") == []


def test_a_workshop_of_a_known_conference_without_one_is_created_under_it(
    database: Database,
) -> None:
    plan = _plan(database, "- *2024.07*: One paper accepted to BMVC 2024 Workshop")
    assert _papers(plan) == {("BMVC Workshop", 2024, "2024-07"): 1}
    assert [(v.short, v.kind, v.parent) for v in plan.venues] == [
        ("BMVC Workshop", "workshop", "BMVC")
    ]
    assert _found(plan, "warning") == [
        (1, "unknown venue 'BMVC Workshop': will create it (workshop of BMVC)")
    ]


def test_an_unknown_venue_is_created_and_reported(database: Database) -> None:
    text = "- *2024.07*: Two papers accepted to FooConf 2024 (Kim A)\n"
    text += "- *2024.03*: One paper accepted to Journal of Foo Studies (Kim A)\n"
    plan = _plan(database, text)
    assert _papers(plan) == {
        ("FooConf", 2024, "2024-07"): 2,
        ("Journal of Foo Studies", 2024, "2024-03"): 1,
    }
    assert [(v.short, v.kind) for v in plan.venues] == [
        ("FooConf", "conference"),
        ("Journal of Foo Studies", "journal"),
    ]
    assert _found(plan, "warning")[1] == (
        1,
        "2 papers at FooConf but 1 name: 1 paper has no member named",
    )
    assert [line for line, _ in _found(plan, "warning")] == [1, 1, 2]
    assert [m.name for m in plan.members] == ["Kim A"]


def test_a_parenthesis_of_presentation_and_numbers_is_not_names(database: Database) -> None:
    plan = _plan(
        database,
        "- *2024.06*: One paper accepted to TIP (IF 8.3, Top 3%)\n"
        "- *2024.05*: One paper accepted to AAAI 2024 (Oral) (Prof. D Kim, Dr. E Lee)\n"
        '- *2024.04*: Our paper "Seeing the Unseen" was accepted to ICLR 2024 as a spotlight\n',
    )
    assert _papers(plan) == {
        ("TIP", 2024, "2024-06"): 1,
        ("AAAI", 2024, "2024-05"): 1,
        ("ICLR", 2024, "2024-04"): 1,
    }
    assert [m.name for m in plan.members] == ["D Kim", "E Lee"]
    assert _found(plan, "warning") == [(2, "2 names for 1 paper at AAAI")]
    by_venue = {p.venue: p for p in plan.papers}
    assert by_venue["AAAI"].presentation == "oral"
    assert by_venue["AAAI"].featured == "D Kim"
    assert by_venue["ICLR"].presentation == "spotlight"
    assert by_venue["ICLR"].title == "Seeing the Unseen"
    assert by_venue["TIP"].featured is None


# --- members -----------------------------------------------------------------------------------


def test_names_match_existing_members_in_either_order(demo_database: Database) -> None:
    plan = _plan(
        demo_database,
        "- *2025.06*: Two papers accepted to CVPR 2025 (Jaeseok Ham, Youngwan Lee), "
        "One paper accepted to ICCV 2025 (New Person)",
    )
    assert _papers(plan) == {("CVPR", 2025, "2025-06"): 2, ("ICCV", 2025, "2025-06"): 1}
    assert [p.featured for p in plan.papers] == ["Ham Jaeseok", "Youngwan Lee", "New Person"]
    assert [m.name for m in plan.members] == ["New Person"]
    assert _found(plan, "matched") == [(1, "'Jaeseok Ham' is member Ham Jaeseok")]


def test_a_name_written_twice_is_one_new_member(database: Database) -> None:
    # History stays as it was: the member keeps the earliest spelling (the page's newest line
    # does not rename them); the other spelling is kept as an alias.
    plan = _plan(
        database,
        "- *2024.06*: One paper accepted to CVPR 2024 (Jaeseok Ham)\n"
        "- *2024.05*: One paper accepted to ICML 2024 (Ham Jaeseok)\n",
    )
    assert [(m.name, m.aliases) for m in plan.members] == [("Ham Jaeseok", ("Jaeseok Ham",))]
    assert [p.featured for p in plan.papers] == ["Ham Jaeseok", "Ham Jaeseok"]


def test_the_most_frequent_spelling_names_a_new_member(database: Database) -> None:
    plan = _plan(
        database,
        "- *2024.06*: One paper accepted to CVPR 2024 (Minho Park)\n"
        "- *2024.05*: One paper accepted to ICML 2024 (Minho Park)\n"
        "- *2023.05*: One paper accepted to ICML 2023 (Park Minho)\n",
    )
    assert [(m.name, m.aliases) for m in plan.members] == [("Minho Park", ("Park Minho",))]
    assert _found(plan, "matched") == [
        (
            None,
            "'Park Minho' is member Minho Park (kept as an alias: the page writes the name "
            "so less often or later)",
        )
    ]


# --- common page layouts -----------------------------------------------------------------------


def test_an_acadhomepage_page(database: Database) -> None:
    page = read_source(PAGES / "acadhomepage.md")
    plan = _plan(database, page)
    assert _papers(plan) == {
        ("NeurIPS", 2024, "2024-12"): 3,
        ("ECCV", 2024, "2024-09"): 2,
        ("CVPR", 2024, "2024-06"): 2,
        ("CVPR Workshop", 2024, "2024-06"): 1,
        ("ETRI J.", 2024, "2024-02"): 1,  # its names are on a continuation line
    }
    assert [m.name for m in plan.members] == [
        "Kwanyong Park",
        "Youngwan Lee",
        "Jaeseok Ham",
        "Kim Hyungil",
        "Bae Kangmin",
        "Jo Youngjoo",
        "Jeong Junyoung",
    ]
    assert [(a.kind, str(a.date), a.line) for a in plan.achievements] == [
        ("challenge", "2024-07", 18),
        ("talk", "2023-12", 23),
    ]
    assert not any(str(p.news) == "2024-03" for p in plan.papers)  # commented out
    assert _found(plan, "skipped") == [
        (24, "not paper news: 'Welcome to our new members!'"),
        (15, "no date: 'News'"),
        (26, "no date: 'Publications'"),
    ]


def test_an_html_news_list(database: Database) -> None:
    plan = _plan(database, read_source(PAGES / "news.html"))
    assert _papers(plan) == {
        ("NeurIPS", 2024, "2024-12"): 3,
        ("ECCV", 2024, "2024-09"): 2,  # the <li> wraps onto a second line
        ("CVPR", 2024, "2024-06"): 1,
    }
    (cvpr,) = [p for p in plan.papers if p.venue == "CVPR"]
    assert (cvpr.title, cvpr.presentation, cvpr.line) == ("Seeing the Unseen", "oral", 6)
    assert [(a.kind, str(a.date), a.line) for a in plan.achievements] == [("award", "2024-03", 11)]
    assert _found(plan, "skipped") == [(1, "no date: 'News'")]


def test_an_al_folio_news_folder(database: Database) -> None:
    folder = PAGES / "al-folio_news"
    plan = _plan(database, read_source(folder))
    assert _papers(plan) == {("NeurIPS", 2024, "2024-12"): 3, ("CVPR", 2024, "2024-06"): 5}
    cvpr = [p.featured for p in plan.papers if p.venue == "CVPR"]
    assert cvpr == ["Kwanyong Park", "Youngwan Lee", "Bae Kangmin", "Jo Youngjoo", None]
    assert [(a.kind, str(a.date), a.day) for a in plan.achievements] == [("grant", "2024-03", 15)]
    # The date of a file without one in its front matter comes from its name.
    assert _found(plan, "skipped") == [
        (
            6,
            "2023-10-02-defense.md: not paper news: "
            "'Park Minho defended his PhD thesis. Congratulations, Dr. Park!'",
        )
    ]


def test_an_al_folio_file_alone_takes_the_date_of_its_front_matter(database: Database) -> None:
    page = read_page(
        "---\nlayout: post\ndate: 2023-06-01 10:00:00+0900\ninline: true\n---\n\n"
        "One paper accepted to CVPR 2023 (Kim Jonghee) :tada:\n"
    )
    assert [(i.year, i.month, i.day, i.line) for i in page.items] == [(2023, 6, 1, 7)]
    plan = _plan(database, page)
    assert _papers(plan) == {("CVPR", 2023, "2023-06"): 1}
    assert [p.featured for p in plan.papers] == ["Kim Jonghee"]


def test_a_page_with_front_matter_and_its_own_dates_is_read_line_by_line() -> None:
    page = read_page(
        "---\npermalink: /\ntitle: News\n---\n"
        "- *2024.06*: One paper accepted to CVPR 2024\n"
        "- *2024.05*: One paper accepted to ICML 2024\n"
    )
    assert [(i.line, i.year, i.month) for i in page.items] == [(5, 2024, 6), (6, 2024, 5)]


def test_commented_out_lines_are_skipped_single_and_multi_line(database: Database) -> None:
    plan = _plan(
        database,
        "- *2024.06*: One paper accepted to CVPR 2024 (A)\n"
        "<!-- - *2023.01*: One paper accepted to AAAI 2023 (B) -->\n"
        "<!--\n"
        "- *2023.02*: One paper accepted to AAAI 2023 (C)\n"
        "- *2023.03*: One paper accepted to AAAI 2023 (D)\n"
        "-->\n"
        "- *2023.04*: One paper accepted to ICLR 2023 (E) <!-- (F) -->\n"
        "- *2023.05*: One paper accepted to ICML 2023 (G) <!-- never closed\n"
        "- *2023.06*: One paper accepted to CVPR 2023 (H)\n",
    )
    assert _papers(plan) == {
        ("CVPR", 2024, "2024-06"): 1,
        ("ICLR", 2023, "2023-04"): 1,
        ("ICML", 2023, "2023-05"): 1,
    }
    assert [m.name for m in plan.members] == ["A", "E", "G"]
    assert plan.findings == []


def test_nested_lists_continuation_lines_and_titles(database: Database) -> None:
    plan = _plan(
        database,
        "- **2024.06**: Two papers accepted to CVPR 2024:\n"
        '  - "Paper Title A"\n'
        '  - "Paper Title B"\n'
        "- *2024.05*:\n"
        "  - One paper accepted to ICML 2024 (Youngwan Lee)\n"
        "  - Youngwan Lee gave a keynote talk at ICML\n"
        "- *2024.04*: One paper accepted to\n"
        "  TPAMI (Kim Hyungil)\n"
        "- *2024.03*: Two papers accepted to ECCV 2024 (Kim A,\n"
        "  Kim B)\n",
    )
    assert _papers(plan) == {
        ("CVPR", 2024, "2024-06"): 2,
        ("ICML", 2024, "2024-05"): 1,
        ("TPAMI", 2024, "2024-04"): 1,
        ("ECCV", 2024, "2024-03"): 2,
    }
    assert [p.title for p in plan.papers if p.venue == "CVPR"] == ["Paper Title A", "Paper Title B"]
    assert [(p.venue, p.featured, p.line) for p in plan.papers if p.venue != "CVPR"] == [
        ("ECCV", "Kim A", 9),
        ("ECCV", "Kim B", 9),
        ("TPAMI", "Kim Hyungil", 7),
        ("ICML", "Youngwan Lee", 5),
    ]
    assert [(a.kind, a.line) for a in plan.achievements] == [("talk", 6)]
    assert plan.findings == []


def test_a_title_given_twice_at_one_venue_is_kept_once(database: Database) -> None:
    plan = _plan(database, read_source(PAGES / "titles.md"))
    assert [(p.venue, p.title, p.featured, p.line) for p in plan.papers] == [
        ("CVPR", "Seeing the Unseen", "Kim A", 4),
        ("CVPR", "", None, 1),
        ("CVPR", "", None, 1),
    ]
    assert [line for line, _ in _found(plan, "warning")] == [1, 1]


def test_several_clauses_on_one_line(database: Database) -> None:
    plan = _plan(
        database,
        "- *2021.12*: We have 3 papers accepted at NeurIPS 2021 and one paper accepted to "
        "AAAI 2022; Two papers (A, B) accepted to ICCV 2021 & 1 paper accepted to TPAMI",
    )
    assert _papers(plan) == {
        ("NeurIPS", 2021, "2021-12"): 3,
        ("AAAI", 2022, "2021-12"): 1,
        ("ICCV", 2021, "2021-12"): 2,
        ("TPAMI", 2021, "2021-12"): 1,
    }
    assert [p.featured for p in plan.papers if p.venue == "ICCV"] == ["A", "B"]
    # AAAI 2022 announced in 2021/12 is the usual timing, not a mismatch to warn of.
    assert _found(plan, "warning") == []


def test_korean_lines(database: Database) -> None:
    plan = _plan(
        database,
        " - **(2024)** : 올해 논문 **3편** (CVPR 2편, ETRI J. 1편). <br>\n"
        " -- **(2024/06)**: CVPR 2024 논문 2편 채택 (함재석, 이영완) <br>\n"
        " -- **(2024/02)**: ETRI J. 논문 1편 채택 (정준영) <br><br>\n",
    )
    assert _papers(plan) == {("CVPR", 2024, "2024-06"): 2, ("ETRI J.", 2024, "2024-02"): 1}
    assert [m.name for m in plan.members] == ["함재석", "이영완", "정준영"]
    assert _found(plan, "mismatch") == []


# --- lines that are not paper news -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Our team won 1st place (among 300 teams) in the XYZ Challenge", "challenge"),
        ("Ranked 1st on the ABC leaderboard, ahead of 120 teams", "challenge"),
        ("Kim Hyungil received the Best Paper Award ($10,000) at ICCE 2024", "award"),
        ("Yong-Ju Lee received the Prime Minister's Commendation", "award"),
        ("Youngwan Lee gave an invited talk at KAIST", "talk"),
        ("Our lab was awarded a 5-year NRF grant (₩1,500,000,000)", "award"),
        ("New 3-year project funded by IITP", "grant"),
        ("Prof. Lee serves as an Area Chair for CVPR 2025", "service"),
        ("Our work was featured in 2 news articles by TechCrunch", "media"),
    ],
)
def test_a_line_of_another_kind_is_an_achievement_and_no_paper(
    database: Database, line: str, kind: str
) -> None:
    plan = _plan(database, f"- *2024.07*: {line}")
    assert plan.papers == []
    assert plan.members == []
    assert [(a.kind, str(a.date), a.line, a.title) for a in plan.achievements] == [
        (kind, "2024-07", 1, line)
    ]
    assert plan.findings == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Park Minho defended his PhD thesis", "not paper news"),
        ("Welcome our new members: Kim, Lee and Park!", "not paper news"),
        ("Kim graduated and joined Naver", "not paper news"),
        ("Top 3% paper accepted to CVPR 2024", "looks like paper news but could not be read"),
        (
            "Our paper was finally accepted!",
            "looks like paper news but could not be read",
        ),
    ],
)
def test_a_line_of_no_clear_kind_is_listed_as_skipped(
    database: Database, line: str, reason: str
) -> None:
    plan = _plan(database, f"- *2024.07*: {line}")
    assert plan.papers == []
    assert plan.achievements == []
    assert _found(plan, "skipped") == [(1, f"{reason}: {line!r}")]


def test_a_line_that_mixes_news_keeps_both(database: Database) -> None:
    plan = _plan(
        database,
        "- *2024.06*: Won 2nd prize in the ABC Challenge, Two papers accepted to CVPR 2024 (A)",
    )
    assert _papers(plan) == {("CVPR", 2024, "2024-06"): 2}
    assert [(a.kind, a.title) for a in plan.achievements] == [
        ("challenge", "Won 2nd prize in the ABC Challenge")
    ]


# --- the page's own arithmetic -----------------------------------------------------------------


def test_every_disagreement_of_a_wrong_page_is_reported(database: Database) -> None:
    plan = _plan(database, read_source(PAGES / "wrong_tallies.md"))
    assert _papers(plan) == {
        ("ICCV Workshop", 2024, "2025-10"): 3,
        ("CVPR", 2025, "2025-06"): 2,
        ("NeurIPS", 2024, "2024-12"): 3,
        ("CVPR", 2024, "2024-06"): 5,
        ("ETRI J.", 2024, "2024-02"): 2,
        ("AAAI", 2024, "2024-01"): 1,
    }
    assert _found(plan, "mismatch") == [
        # Each mismatch says what the lab will publish, or the command that makes it true.
        (
            1,
            "2025: the tally says 5 papers but its items add up to 4; "
            "the published tally will say 5 papers",
        ),
        (
            1,
            "2025: the tally says 2 ICCV but the lines list 3; the published tally will say 3 ICCV",
        ),
        (
            4,
            "2024: the tally says 10 papers but the lines list 11; "
            "the published tally will say 11 papers",
        ),
        (
            4,
            "2024: the lines list 1 AAAI but the tally does not name it; "
            "the published tally will name it",
        ),
    ]
    assert _found(plan, "warning") == [
        (
            2,
            "the 2025/10 line names ICCV Workshop 2024: "
            "its edition year differs from the line's year; planned as 2024 "
            "(if it is 2025: `labnews edit paper ID --year 2025` after the import)",
        ),
        (5, "4 names for 3 papers at NeurIPS"),
        (6, "5 papers at CVPR but 4 names: 1 paper has no member named"),
        (7, "'One papers': one paper, written as plural"),
    ]
    assert plan.pins == {2025: ("ICCV", "CVPR")}


def test_a_tally_that_disagrees_only_with_its_own_items(database: Database) -> None:
    plan = _plan(
        database,
        " - **(2024)** : We have **3 papers** this year(1 CVPR, 1 ICML, 1 CVPR, 2 ECCV). <br>\n"
        " -- **(2024/09)**: One paper accepted to ECCV 2024 <br>\n"
        " -- **(2024/06)**: Two papers accepted to CVPR 2024 <br><br>\n",
    )
    assert _found(plan, "mismatch") == [
        (
            1,
            "2024: the tally says 3 papers but its items add up to 5; "
            "the published tally will say 3 papers",
        ),
        (
            1,
            "2024: the tally says 1 ICML but the lines list 0; "
            "to publish 1, add the 1 missing with `labnews add paper --venue ICML --year 2024`",
        ),
        (
            1,
            "2024: the tally says 2 ECCV but the lines list 1; "
            "to publish 2, add the 1 missing with `labnews add paper --venue ECCV --year 2024`",
        ),
    ]


def test_a_tally_item_not_understood_and_a_second_tally_are_reported(database: Database) -> None:
    plan = _plan(
        database,
        " - **(2024)** : We have **1 paper** this year(1 CVPR, NeurIPS 2024). <br>\n"
        " - **(2024)** : We have **1 paper** this year(1 CVPR). <br>\n"
        " -- **(2024/06)**: One paper accepted to CVPR 2024 <br><br>\n",
    )
    assert _found(plan, "warning") == [
        (1, "tally item not understood: 'NeurIPS 2024'"),
        (2, "2024 has a second tally line"),
    ]
    assert _found(plan, "mismatch") == []


# --- robustness --------------------------------------------------------------------------------

_FRAGMENTS = (
    "- *2024.06*:",
    " -- **(2024/06)**: ",
    " - **(2024)** : We have **3 papers** this year(1 CVPR, 2 X). <br>",
    "papers accepted to",
    "paper accepted to ",
    "One ",
    "3x ",
    "Twenty-one ",
    "(",
    ")",
    "**",
    "*",
    "<!--",
    "-->",
    "<li>",
    "</li>",
    "<ul>",
    "<br>",
    "\n",
    "\n  ",
    "CVPR 2024",
    "ETRI J.",
    " Workshop",
    "Findings of ",
    "'24",
    "Kim, Lee",
    " and ",
    ", ",
    "won 1st place",
    "Jun. 2024",
    "[2024-06]",
    "2024/06 --",
    "---\ndate: 2024-02-30\n---\n",
    "🎉",
    "&nbsp;",
    "# ",
    '"',
    "논문 2편 채택",
    "(Oral)",
    "$10,000",
    "Top 3%",
)
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=4), max_size=40).map("".join),
)


@settings(
    max_examples=150,
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=_TEXTS)
def test_any_text_reads_and_plans_or_fails_with_a_labnews_error(
    database: Database, text: str
) -> None:
    try:
        page = read_page(text)
        plan = _plan(database, page)
    except LabnewsError:
        return
    # Each clause becomes exactly its count of papers, each from a dated line of the page.
    clauses = [c for i in page.items if i.month is not None for c in i.clauses]
    assert len(plan.papers) == sum(c.count for c in clauses)
    assert {p.line for p in plan.papers} <= {i.line for i in page.items}
    # Nothing is dropped silently: each line with text becomes papers, an achievement or a finding.
    accounted = {p.line for p in plan.papers} | {a.line for a in plan.achievements}
    accounted |= {f.line for f in plan.findings}
    assert {i.line for i in page.items if i.text and i.tally_total is None} <= accounted
    assert {line for line, _ in page.undated} <= accounted


@settings(max_examples=300, deadline=1000, database=None)
@given(text=_TEXTS)
def test_reading_any_text_gives_real_dates_and_lines(text: str) -> None:
    page = read_page(text)
    last = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    lines = [i.line for i in page.items] + [line for line, _ in page.undated]
    assert all(1 <= line <= last for line in lines)
    for item in page.items:
        assert item.year is not None
        if item.month is None:
            assert item.day is None
            assert item.clauses == []
        else:
            date(item.year, item.month, item.day or 1)  # a real calendar day
        assert all(1 <= c.count <= newsclauses.MAX_COUNT for c in item.clauses)


HANG_GUARD = 60
"""Seconds of CPU past which reading is taken to be stuck (catastrophic backtracking runs for
hours); a guard, not a speed goal: speed is measured in tests/benchmarks."""


def _cpu_seconds(work: Callable[[], object]) -> float:
    """CPU time of the work (not wall time: the test machine may be busy with other work)."""
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("- *2024.06*: " + "1 " * 50_000, id="counts"),
        pytest.param("- *2024.06*: " + "(" * 50_000, id="parens"),
        pytest.param("- *2024.06*: " + "papers accepted to " * 10_000, id="clauses"),
        pytest.param("- *2024.06*: " + ", 2 papers" * 20_000, id="clause-starts"),
        pytest.param(" - **(2024)** : We have " + "1 papers (" * 20_000, id="tallies"),
        pytest.param(" - **(2024)** : 1 papers (" + "1 X, " * 50_000, id="tally-items"),
        pytest.param("- *2024.06*: One paper accepted to " + "CVPR '" * 30_000, id="venue"),
        pytest.param("- *2024.06*: One paper accepted to " + "2024 " * 50_000, id="years"),
        pytest.param("- *2024.06*: One paper accepted to X (" + "Kim, " * 50_000, id="names"),
        pytest.param("- *2024.06*: " + "[a](" * 50_000, id="links"),
        pytest.param("- *2024.06*: " + "<" * 200_000, id="tags"),
        pytest.param("<!--" * 100_000, id="comments"),
        pytest.param("[(*_ " * 50_000, id="lead"),
        pytest.param("2024.06" + " :-" * 50_000, id="after-date"),
        pytest.param("- *2024.06*: One " + "x" * 1_000_000, id="one-long-line"),
        pytest.param("- " * 200_000, id="markers"),
        pytest.param("  " * 50_000 + "- x\n" + "  - y\n" * 20_000, id="deep-indent"),
    ],
)
def test_adversarial_text_is_read_quickly(database: Database, text: str) -> None:
    assert _cpu_seconds(lambda: read_page(text)) < HANG_GUARD
    assert _cpu_seconds(lambda: _plan(database, text)) < HANG_GUARD


@pytest.mark.slow
def test_a_hundred_thousand_lines_are_read_quickly() -> None:
    text = "\n".join(
        f"- *{2010 + i % 15}.{i % 12 + 1:02d}*: &nbsp;🎉 Two papers accepted to "
        f"CVPR {2010 + i % 15} (Member {i}, Member {i + 1})"
        for i in range(100_000)
    )
    page: list[Page] = []
    assert _cpu_seconds(lambda: page.append(read_page(text))) < HANG_GUARD
    assert len(page[0].items) == 100_000
    assert sum(c.count for i in page[0].items for c in i.clauses) == 200_000


def test_a_page_too_large_is_refused() -> None:
    with pytest.raises(LabnewsError, match="too large"):
        read_page("x" * (newspage.MAX_PAGE + 1))


def test_a_missing_file_or_an_empty_folder_is_a_labnews_error(tmp_path: Path) -> None:
    with pytest.raises(LabnewsError, match="does not exist"):
        read_source(tmp_path / "missing.md")
    with pytest.raises(LabnewsError, match=r"no \.md or \.html news files"):
        read_source(tmp_path)


def test_a_cp949_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "news.md"
    path.write_bytes(
        " -- **(2024/06)**: CVPR 2024 논문 2편 채택 (함재석, 이영완) <br>".encode("cp949")
    )
    (item,) = read_source(path).items
    assert [(c.count, c.venue, c.names) for c in item.clauses] == [
        (2, "CVPR 2024", ("함재석", "이영완"))
    ]
