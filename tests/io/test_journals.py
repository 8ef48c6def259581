"""Journals on news pages: known by the names labs write, never given an edition, tallied by label.

Each test reads real page text into a real lab database and checks the plan (venues, kinds,
findings, labels) or what the lab then holds and writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from labnews.core.snapshots import venue_input
from labnews.io.newspage import read_page
from labnews.io.newsplan import plan_page
from labnews.io.plan import ImportPlan, apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def _plan(database: Database, text: str) -> ImportPlan:
    with database.session() as session:
        return plan_page(session, read_page(text))


def _found(plan: ImportPlan, kind: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in plan.findings if f.kind == kind]


# --- the names labs write ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("PR", "Pattern Recognition"),
        ("TIP", "TIP"),
        ("IJCV", "IJCV"),
        ("INFFUS", "Information Fusion"),
        ("MIR", "MIR"),
        ("JSTARS", "JSTARS"),
        ("J-STARS", "JSTARS"),
        ("ISPRS", "ISPRS J."),
        ("T-PAMI", "TPAMI"),
        ("MDPI AI", "MDPI AI"),
        ("MDPI Sensors", "Sensors"),
        ("Knowledge-based Systems", "Knowledge-Based Systems"),
        ("KBS", "Knowledge-Based Systems"),
        ("IEEE Transactions on Geoscience and Remote Sensing", "TGRS"),
        ("IEEE Trans. Intell. Transp. Syst.", "T-ITS"),
        ("IEEE Internet of Things Journal", "IoT-J"),
        ("Elsevier Neurocomputing", "Neurocomputing"),
        ("ETRI Journal", "ETRI J."),
        ("KSII Transactions on Internet and Information Systems", "KSII TIIS"),
    ],
)
def test_a_journal_written_as_labs_write_it_is_the_catalog_journal(
    database: Database, written: str, short: str
) -> None:
    plan = _plan(database, f"- *2025.03*: One paper accepted to {written} (Kim Minsu)\n")
    assert [(p.venue, p.year) for p in plan.papers] == [(short, 2025)]
    assert plan.venues == []
    with database.session() as session:
        (venue,) = queries.venues_by_short(session, [short])
    assert venue.kind == "journal"


def test_a_journal_never_gets_an_edition_year_in_the_news(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "- *2025.05*: One paper accepted to JSTARS (Kim Minsu)\n"
        "- *2025.04*: One paper accepted to INFFUS (Lee Jiwon)\n"
        "- *2025.03*: One paper accepted to CVPR 2025 (Park Sora)\n",
        encoding="utf-8",
    )
    assert cli("import", "news", str(page)).code == 0
    news = cli("news", "--from", "2025", "--to", "2025")
    assert news.code == 0, news.err
    assert "JSTARS" in news.out
    assert "JSTARS 2025" not in news.out
    assert "Information Fusion" in news.out
    assert "Information Fusion 2025" not in news.out
    assert "CVPR 2025" in news.out


# --- unknown venues ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kind", "flagged"),
    [
        ("Journal of Foo Studies", "journal", True),
        ("Foo Letters", "journal", True),
        ("Reviews in Foo", "journal", True),
        ("MDPI Foonomics", "journal", True),
        ("Foo-based Systems", "journal", True),
        ("FOOJ", "journal", True),  # an acronym with no edition year
        ("FOOJ 2025", "conference", False),
        ("Foo Symposium", "conference", False),
        ("FooConf 2025", "conference", False),
    ],
)
def test_an_unknown_venue_with_a_journals_shape_is_planned_as_a_journal_and_flagged(
    database: Database, written: str, kind: str, flagged: bool
) -> None:
    plan = _plan(database, f"- *2025.03*: One paper accepted to {written} (Kim Minsu)\n")
    ((venue, year),) = [(p.venue, p.year) for p in plan.papers]
    assert year == 2025
    assert [(v.short, v.kind) for v in plan.venues] == [(venue, kind)]
    (warning,) = _found(plan, "warning")
    assert warning[1].startswith(f"unknown venue {venue!r}: will create it ({kind}")
    assert warning[1].endswith("; check it)") is flagged


def test_a_societys_name_before_an_unknown_acronym_is_kept_as_its_full_name(
    database: Database,
) -> None:
    plan = _plan(database, "- *2023.10*: One paper accepted to ACM ICAIF 2023 (Kim Minsu)\n")
    assert [(v.short, v.full, v.kind) for v in plan.venues] == [
        ("ICAIF", "ACM ICAIF", "conference")
    ]


def test_a_catalog_journal_an_older_lab_lacks_is_planned_from_its_catalog_row(
    database: Database,
) -> None:
    with database.session() as session:
        (jstars,) = queries.venues_by_short(session, ["JSTARS"])
        commands.remove_venue(session, jstars.id)  # as in a lab made before the catalog had it
    plan = _plan(database, "- *2025.03*: One paper accepted to IEEE JSTARS (Kim Minsu)\n")
    (venue,) = plan.venues
    assert (venue.short, venue.kind, venue.month) == ("JSTARS", "journal", None)
    assert venue.full == (
        "IEEE Journal of Selected Topics in Applied Earth Observations and Remote Sensing"
    )
    assert "J-STARS" in venue.aliases
    assert [p.venue for p in plan.papers] == ["JSTARS"]
    with database.session() as session:
        apply_plan(session, plan)
    with database.session() as session:
        assert queries.find_venue(
            session, "IEEE J. Sel. Top. Appl. Earth Obs. Remote Sens."
        ).short == ("JSTARS")


# --- index labels ------------------------------------------------------------------------------

# The demo lab's own page, a later version: its three journal papers tallied as "3 SCI-E".
LATER_PAGE = """\
 - **(2024)** : We have **20 papers** this year(3 SCI-E, 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS).
 -- **(2024/12)**: Three papers accepted to NeurIPS 2024 (Kwanyong Park, Youngwan Lee) <br>
 -- **(2024/09)**: Six papers accepted to ECCV 2024 (Youngwan Lee, Kwanyong Park) <br>
 -- **(2024/08)**: One paper accepted to ICML 2024 (Youngwan Lee) <br>
 -- **(2024/07)**: Two papers accepted to AVSS 2024 (Kim Daehoe, Oh Seongchan) <br>
 -- **(2024/06)**: Five papers accepted to CVPR 2024 (Kwanyong Park, Youngwan Lee) <br>
 -- **(2024/03)**: One paper accepted to IEEE Access (Jeon Sanghun) <br>
 -- **(2024/02)**: Two papers accepted to ETRI J. (Jeong Junyoung, Jeon Sanghun) <br><br>
 - **(2023)** : We have **2 papers** this year(1 CVPR, 1 SCI-E). <br>
 -- **(2023/10)**: One paper accepted to ETRI J. (Yun Kimin) <br>
 -- **(2023/06)**: One paper accepted to CVPR 2023 (Kim Jonghee) <br><br>
"""


def test_a_tallys_index_label_over_journal_papers_is_proposed_not_a_mismatch(
    database: Database,
) -> None:
    plan = _plan(database, LATER_PAGE)
    assert _found(plan, "mismatch") == []
    assert plan.labels == {"IEEE Access": "SCI-E", "ETRI J.": "SCI-E"}
    assert _found(plan, "matched") == [
        (
            1,
            "2024: the tally's 3 SCI-E are the lines' journal papers (2 ETRI J., 1 IEEE Access): "
            "those journals will count as SCI-E",
        ),
        (
            9,
            "2023: the tally's 1 SCI-E are the lines' journal papers (1 ETRI J.): "
            "those journals will count as SCI-E",
        ),
    ]
    assert "  to count ETRI J., IEEE Access as SCI-E in the tallies" in plan.report().splitlines()


def test_the_accepted_labels_tally_the_journals_together_and_a_reimport_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    page = tmp_path / "page.md"
    page.write_text(LATER_PAGE, encoding="utf-8")
    imported = cli("import", "news", str(page))
    assert imported.code == 0, imported.err
    assert "mismatch" not in imported.out
    assert cli("summary").out == (
        "2024: 20 papers (3 SCI-E, 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)\n"
        "2023: 2 papers (1 CVPR, 1 SCI-E)\n"
    )
    again = cli("import", "news", str(page))
    assert again.code == 0, again.err
    assert "to count" not in again.out
    assert "mismatch" not in again.out
    assert cli("summary").out.startswith("2024: 20 papers (3 SCI-E,")


def test_a_label_whose_count_the_journals_do_not_make_stays_a_mismatch(
    database: Database,
) -> None:
    plan = _plan(
        database,
        " - **(2024)** : We have **3 papers** this year(2 SCI-E, 1 CVPR). <br>\n"
        " -- **(2024/06)**: One paper accepted to CVPR 2024 (Kim Minsu) <br>\n"
        " -- **(2024/02)**: One paper accepted to ETRI J. (Lee Jiwon) <br><br>\n",
    )
    assert plan.labels == {}
    assert _found(plan, "mismatch") == [
        (
            1,
            "2024: the tally says 3 papers but the lines list 2; to publish 3, add the 1 missing "
            "with `labnews add paper --venue VENUE --year 2024`",
        ),
        (
            1,
            "2024: the tally says 2 SCI-E but the lines list 0; if SCI-E is an index label, give "
            "it to those journals with `labnews edit venue JOURNAL --label SCI-E`",
        ),
        (
            1,
            "2024: the lines list 1 ETRI J. but the tally does not name it; the published tally "
            "will name it",
        ),
    ]


def test_a_new_journal_tallied_under_a_label_is_created_with_it(database: Database) -> None:
    plan = _plan(
        database,
        " - **(2024)** : We have **2 papers** this year(1 KCI, 1 CVPR). <br>\n"
        " -- **(2024/06)**: One paper accepted to CVPR 2024 (Kim Minsu) <br>\n"
        " -- **(2024/02)**: One paper accepted to Journal of Foo Studies (Lee Jiwon) <br><br>\n",
    )
    assert _found(plan, "mismatch") == []
    assert plan.labels == {}
    assert [(v.short, v.kind, v.label) for v in plan.venues] == [
        ("Journal of Foo Studies", "journal", "KCI")
    ]
    with database.session() as session:
        apply_plan(session, plan)
    with database.session() as session:
        (venue,) = queries.venues_by_short(session, ["Journal of Foo Studies"])
    assert venue.label == "KCI"


def test_a_label_the_lab_gives_is_the_tallys_label_however_hyphenated(
    database: Database,
) -> None:
    with database.session() as session:
        etri = queries.find_venue(session, "ETRI J.")
        commands.update_venue(session, etri.id, replace(venue_input(etri), label="SCI-E"))
    plan = _plan(
        database,
        " - **(2024)** : We have **3 papers** this year(2 SCIE, 1 CVPR). <br>\n"
        " -- **(2024/06)**: One paper accepted to CVPR 2024 (Kim Minsu) <br>\n"
        " -- **(2024/02)**: Two papers accepted to ETRI J. (Lee Jiwon) <br><br>\n",
    )
    assert _found(plan, "mismatch") == []
    assert plan.labels == {}
