"""Forms of paper news seen on real lab pages (issue 15): each read by the grammar's tables.

Every test plans real text into a fresh lab and checks the papers, members and findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.importers import plan_file
from labnews.io.newsclauses import maybe_a_person
from labnews.io.newspage import read_page
from labnews.io.newsplan import leave_out_maybe_people, plan_page
from labnews.io.plan import ImportPlan
from labnews.store.database import Database
from tests.conftest import CliResult


def _plan(database: Database, text: str) -> ImportPlan:
    with database.session() as session:
        return plan_page(session, read_page(text))


def _papers(plan: ImportPlan) -> Counter[tuple[str, int, str | None]]:
    return Counter((p.venue, p.year, str(p.news) if p.news else None) for p in plan.papers)


def _found(plan: ImportPlan, kind: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in plan.findings if f.kind == kind]


KOREAN_BLOCKS = """\
### 2025

**BMVC 2025 Paper Acceptance**
- **Authors:** Youngjae Choi, Hyunsuh Koh
- 연구실의 연구 성과가 인정받아 BMVC 2025에 논문이 채택되었습니다.

**ARNOLD Challenge 1st Place**
- Reality Lab 팀이 ARNOLD Challenge에서 1위를 차지하였습니다.

**CVPR 2025 Paper Acceptance**
- 컴퓨터 비전 최고 학술대회인 CVPR 2025에 논문 2편이 채택되었습니다.
- **Authors:** Sangmin Lee
"""


def test_blocks_under_a_year_heading_with_an_authors_line(database: Database) -> None:
    plan = _plan(database, KOREAN_BLOCKS)
    # No month on the page: each paper takes its venue's usual month (BMVC: Nov, CVPR: Jun).
    assert _papers(plan) == {("BMVC", 2025, "2025-11"): 1, ("CVPR", 2025, "2025-06"): 2}
    assert [m.name for m in plan.members] == ["Youngjae Choi", "Hyunsuh Koh", "Sangmin Lee"]
    # The Authors line of one paper names its co-authors: all of them, no surplus to warn of.
    bmvc = next(p for p in plan.papers if p.venue == "BMVC")
    assert [(a.written, a.member) for a in bmvc.authors] == [
        ("Youngjae Choi", "Youngjae Choi"),
        ("Hyunsuh Koh", "Hyunsuh Koh"),
    ]
    assert not [m for _, m in _found(plan, "warning") if "names for" in m]
    credited = sorted((p.venue, p.featured or "") for p in plan.papers)
    assert credited == [("BMVC", "Youngjae Choi"), ("CVPR", ""), ("CVPR", "Sangmin Lee")]
    # "CVPR 2025 Paper Acceptance" is a heading: no "the tally says 2025 papers".
    assert _found(plan, "mismatch") == []
    warnings = [line for line, message in _found(plan, "warning") if "gives no month" in message]
    assert warnings == [5, 11]
    assert all("--month YYYY-MM" in m for _, m in _found(plan, "warning") if "no month" in m)


def test_a_year_alone_dates_paper_news(database: Database) -> None:
    plan = _plan(
        database,
        "- *2026*: Two papers accepted to ECCV 2026 (Kim A, Lee B)\n"
        "- *2025*: One paper accepted to FooConf 2025 (Kim A)\n",
    )
    assert _papers(plan) == {("ECCV", 2026, "2026-10"): 2, ("FooConf", 2025, None): 1}
    assert [p.featured for p in plan.papers] == ["Kim A", "Kim A", "Lee B"]
    # A new venue has no usual month: its paper waits, unticked, for the month to be given.
    assert [p.include for p in plan.papers] == [False, True, True]
    assert _found(plan, "skipped") == [
        (
            2,
            "FooConf has no typical month and the 2025 line gives none: "
            "tick the paper and give its news month",
        )
    ]


def test_papers_named_but_not_counted_count_as_named(database: Database) -> None:
    plan = _plan(
        database,
        "* 2025.2: Our papers [Mono-InternVL](https://a.org/1) and [SynerGen-VL](https://a.org/2)"
        " on encoder-free MLLMs are accepted by **CVPR 2025**.\n"
        "* 2024.10: Our paper [ItiNera](https://a.org/3) on trips is accepted by EMNLP 2024.\n",
    )
    assert _papers(plan) == {("CVPR", 2025, "2025-02"): 2, ("EMNLP", 2024, "2024-10"): 1}
    assert _found(plan, "warning") == [
        (1, "'Our' gives no count: counted 2 from the papers it names")
    ]


def test_long_linked_titles_and_a_second_counted_sentence(database: Database) -> None:
    plan = _plan(
        database,
        "- 2024/11: Exciting News! Two papers [DreamClear: High-Capacity Real-World Image "
        "Restoration with Privacy-Safe Dataset Curation](https://x.org/1) and [Visual Anchors Are "
        "Strong Information Aggregators For Multimodal Large Language Model](https://x.org/2) "
        "have been accepted by [2024 Conference on Neural Information Processing Systems "
        "(NeurIPS 2024)](https://neurips.cc/). One paper [InfiMM-WebMath-40B: Advancing "
        "Multimodal Pre-Training](https://x.org/3) has been accepted by [4th MATH-AI Workshop at "
        "NeurIPS 24](https://mathai2024.github.io/).\n",
    )
    assert _papers(plan) == {
        ("NeurIPS", 2024, "2024-11"): 2,
        ("NeurIPS Workshop", 2024, "2024-11"): 1,
    }
    assert _found(plan, "skipped") == []


def test_a_sentence_of_other_news_is_not_read_as_titles(database: Database) -> None:
    plan = _plan(
        database,
        "- 2024/11: We thank the reviewers: two papers on robots, drones and boats will be "
        "presented soon\n",
    )
    assert plan.papers == []


def test_a_publisher_before_an_unknown_acronym_names_no_new_venue(database: Database) -> None:
    plan = _plan(database, "- [Oct. 2023] One paper got accepted to ACM ICAIF’23.\n")
    assert _papers(plan) == {("ICAIF", 2023, "2023-10"): 1}
    assert [v.short for v in plan.venues] == ["ICAIF"]


def test_the_people_a_paper_line_congratulates_are_its_people(database: Database) -> None:
    plan = _plan(
        database,
        "- 2025/09: Three Papers have been accepted by NeurIPS 2025, congrats to Yisong, "
        "Tangwen and all coauthors！\n"
        "- 2025/08: Park Minho defended his PhD thesis. Congratulations, Dr. Park!\n",
    )
    assert _papers(plan) == {("NeurIPS", 2025, "2025-09"): 3}
    assert [p.featured for p in plan.papers] == ["Yisong", "Tangwen", None]
    assert [m.name for m in plan.members] == ["Yisong", "Tangwen"]


def test_lines_of_one_month_keep_the_pages_order(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    page = tmp_path / "news.md"
    page.write_text(
        "- 2024/06: One paper accepted to ICML 2024 (Kim A)\n"
        "- 2024/06: One paper accepted to CVPR 2024 (Lee B)\n"
        "- 2024/06: One paper accepted to AAAI 2024 (Park C)\n",
        encoding="utf-8",
    )
    assert cli("import", "news", str(page)).code == 0
    news = cli("news", "--from", "2024", "--to", "2024").out
    assert news.index("ICML") < news.index("CVPR") < news.index("AAAI")


# --- people are people (issue 15, item 3) ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "greeted", "maybe"),
    [
        ("Kim A", False, False),
        ("Min jinyoung", False, False),
        ("An Jaehyun", False, False),
        ("Ludwig van Beethoven", False, False),
        ("徐圣翔", False, False),
        ("함재석", False, False),
        ("Mamba", False, True),
        ("Yisong", True, False),
        ("ours", True, True),
        ("Learning to Rank", False, True),
        ("Alpha Beta Gamma Delta Epsilon", False, True),
    ],
)
def test_a_name_may_not_be_a_person(name: str, greeted: bool, maybe: bool) -> None:
    assert maybe_a_person(name, greeted) is maybe


MAYBE_PAGE = (
    "- 2024/06: Two papers accepted to CVPR 2024 (Mamba, Kim A)\n"
    "- 2024/05: One paper accepted to ICML 2024 (Sparrow)\n"
    "- 2024/04: One paper accepted to AAAI 2024 (Sparrow Lee)\n"
)


def test_a_name_that_may_not_be_a_person_is_planned_unsure(database: Database) -> None:
    plan = _plan(database, MAYBE_PAGE)
    assert [m.name for m in plan.members] == ["Mamba", "Kim A", "Sparrow", "Sparrow Lee"]
    assert plan.maybe_people == {"Mamba", "Sparrow"}
    kept = leave_out_maybe_people(plan)
    assert [m.name for m in kept.members] == ["Kim A", "Sparrow Lee"]
    assert [p.featured for p in kept.papers] == ["Sparrow Lee", None, None, "Kim A"]
    assert [a.written for p in kept.papers for a in p.authors] == ["Sparrow Lee", "Kim A"]
    assert _found(kept, "warning")[-2:] == [
        (None, "maybe a person: Mamba (not added; --add-maybe to add)"),
        (None, "maybe a person: Sparrow (not added; --add-maybe to add)"),
    ]


def test_the_command_line_adds_maybe_people_only_when_asked(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    page = tmp_path / "news.md"
    page.write_text(MAYBE_PAGE, encoding="utf-8")
    first = cli("import", "news", str(page))
    assert first.code == 0, first.err
    assert "maybe a person: Mamba (not added; --add-maybe to add)" in first.out
    members = [line.split("\t")[0] for line in cli("list", "members").out.splitlines()]
    assert members == ["Kim A", "Sparrow Lee"]
    again = cli("import", "news", str(page))
    assert again.out.splitlines()[-1].startswith("Nothing to import")
    added = cli("import", "news", "--add-maybe", str(page))
    assert added.code == 0, added.err
    assert "maybe a person" not in added.out
    members = [line.split("\t")[0] for line in cli("list", "members").out.splitlines()]
    assert sorted(members) == ["Kim A", "Mamba", "Sparrow", "Sparrow Lee"]


# --- a report an admin can act on (issue 15, item 5) -------------------------------------------


@pytest.mark.parametrize(
    ("line", "warned"),
    [
        ("- 2025/11: One paper accepted to AAAI 2026 (Kim A)", False),
        ("- 2025/07: One paper accepted to ICLR 2026 (Kim A)", False),
        ("- 2025/03: One paper accepted to CVPR 2026 (Kim A)", True),
        ("- 2025/10: One paper accepted to ICCV 2024 (Kim A)", True),
    ],
)
def test_next_years_edition_late_in_the_year_is_usual_timing(
    database: Database, line: str, warned: bool
) -> None:
    plan = _plan(database, line + "\n")
    warnings = [m for _, m in _found(plan, "warning") if "edition year differs" in m]
    assert bool(warnings) is warned
    if warned:
        year = line[2:6]
        assert warnings[0].endswith(
            f"(if it is {year}: `labnews edit paper ID --year {year}` after the import)"
        )


def test_lines_outside_the_news_are_one_line_unless_verbose(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    page = tmp_path / "news.md"
    page.write_text(
        "# Our lab\n\nWe study vision.\n\n## News\n\n"
        "- 2024/06: One paper accepted to CVPR 2024 (Kim A)\n"
        "\nContact us by mail.\n",
        encoding="utf-8",
    )
    short = cli("import", "news", str(page)).out.splitlines()
    skipped = [line for line in short if line.startswith("  skipped")]
    assert skipped == [
        "  skipped: line 1: 4 lines outside the news (no date), the first 'Our lab'; "
        "`labnews import --verbose` lists them"
    ]
    full = cli("import", "news", "--verbose", str(page)).out.splitlines()
    assert [line for line in full if line.startswith("  skipped")] == [
        "  skipped: line 1: no date: 'Our lab'",
        "  skipped: line 3: no date: 'We study vision.'",
        "  skipped: line 5: no date: 'News'",
        "  skipped: line 9: no date: 'Contact us by mail.'",
    ]
    # Mismatches come first in the report, before warnings and skipped lines.
    order = ["error", "mismatch", "warning", "duplicate", "skipped", "matched"]
    kinds = [line.split(":")[0].strip() for line in full if line.startswith("  ") and ":" in line]
    seen = [kind for kind in kinds if kind in order]
    assert seen == sorted(seen, key=order.index)


def test_a_misspelt_venue_is_the_venue_one_letter_away(database: Database) -> None:
    plan = _plan(
        database,
        "- *2023.09*: Two papers accepted to NeuIPS '23 (Kim Minsu, Lee Jiwoo)\n"
        "- *2023.06*: One paper accepted to ICASP 2023 (Kim Minsu)\n",
    )
    # "NeuIPS" is one letter from NeurIPS, and said so; "ICASP" is an acronym written in
    # capitals (a conference of its own), so it is not taken for ICASSP.
    assert _papers(plan) == {("NeurIPS", 2023, "2023-09"): 2, ("ICASP", 2023, "2023-06"): 1}
    assert (
        1,
        "'NeuIPS' is not a venue the lab knows: read as 'NeurIPS', one letter from it "
        "(misspelt on the page?)",
    ) in _found(plan, "warning")
    assert [v.short for v in plan.venues] == ["ICASP"]


def test_what_a_paper_is_accepted_as_is_not_its_venue(database: Database) -> None:
    plan = _plan(
        database,
        '- 2025/01: Our paper "FloNa" was accepted as an Oral presentation at AAAI 2025.\n'
        "- 2025/01: Our paper was accepted as TVCG Journal paper at IEEE VR 2025.\n"
        "- 2024/01: One paper was accepted by IEEE VR 2024. Congratulations to Yuxin!\n",
    )
    assert _papers(plan) == {
        ("AAAI", 2025, "2025-01"): 1,
        ("IEEE VR", 2025, "2025-01"): 1,
        ("IEEE VR", 2024, "2024-01"): 1,
    }
    assert [p.presentation for p in plan.papers] == [None, "oral", None]
    assert plan.venues == []


def test_a_venue_ends_with_its_sentence_and_abbreviations_do_not_end_it(
    database: Database,
) -> None:
    plan = _plan(
        database,
        "- Jul 2025: Our paper got accepted by TGRS. Congratulations to Kai Li and Maolin Wang!\n"
        "- Jan 2025: Our paper got accepted by Technological Forecasting and Social Change. "
        "Congratulations!\n"
        "- Dec 2024: One paper accepted to Int. J. Comput. Vis. Congratulations to Park Jisoo!\n",
    )
    assert _papers(plan) == {
        ("TGRS", 2025, "2025-07"): 1,
        ("Technological Forecasting and Social Change", 2025, "2025-01"): 1,
        ("IJCV", 2024, "2024-12"): 1,
    }
    assert [m.name for m in plan.members] == ["Kai Li", "Maolin Wang", "Park Jisoo"]


def test_an_edition_with_a_space_after_its_apostrophe_and_a_track(database: Database) -> None:
    plan = _plan(
        database,
        "- Aug 2025: Our paper got accepted by CIKM' 25(Resource Paper Track). "
        "Congratulations to Langming Liu!\n"
        "- May 2025: Our paper got accepted by ACL'25 Demo Track. Congratulations!\n",
    )
    assert _papers(plan) == {("CIKM", 2025, "2025-08"): 1, ("ACL", 2025, "2025-05"): 1}
    assert [m.name for m in plan.members] == ["Langming Liu"]


def test_papers_named_before_an_at_sign_venue(database: Database) -> None:
    plan = _plan(
        database,
        "- Feb. 2026: KISS-IMU and GSAT accepted @ICRA 2026!\n"
        "- Sep. 2026: Radiation-Guided Exploration accepted @SSRR 2026!\n"
        "- Nov. 2025: MSG-Loc accepted @RA-L!\n"
        "- Mar. 2026: Woonyoung joined @SPARO Lab. Welcome!\n"
        "- Mar. 2026: Minho was accepted to the PhD program.\n",
    )
    assert _papers(plan) == {
        ("ICRA", 2026, "2026-02"): 2,
        ("SSRR", 2026, "2026-09"): 1,
        ("RA-L", 2025, "2025-11"): 1,
    }
    assert sorted(p.title for p in plan.papers) == [
        "GSAT",
        "KISS-IMU",
        "MSG-Loc",
        "Radiation-Guided Exploration",
    ]
    assert [m.name for m in plan.members] == []


def test_first_names_in_a_data_files_authors_field_are_people(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "news.yml"
    path.write_text(
        "papers:\n"
        '  - date: "Feb. 2025"\n'
        '    description: "DiTer++ and PoLaRIS accepted @ICRA 2025!"\n'
        '    authors: "Juwon and Dongjin"\n'
        '  - date: "Oct. 2024"\n'
        '    description: "TRIDENT accepted @IEEE Sensors Journal!"\n'
        '    authors: "Geonmo"\n',
        encoding="utf-8",
    )
    with database.session() as session:
        plan = plan_file(session, "news", path)
    assert _papers(plan) == {("ICRA", 2025, "2025-02"): 2, ("IEEE Sensors J.", 2024, "2024-10"): 1}
    assert [p.featured for p in plan.papers] == ["Geonmo", "Juwon", "Dongjin"]
    assert plan.maybe_people == set()
