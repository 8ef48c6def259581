"""The command line through main(argv): exact output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DEMO_SUMMARY = (
    "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)\n"
    "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J.)\n"
    "2022: 6 papers (1 ETRI J., 2 CVPR, 2 ECCV, 1 BMVC)\n"
    # The PI's older papers, from the lab's publication list.
    "2021: 1 paper (1 EMNLP)\n"
    "2020: 1 paper (1 ECCV)\n"
    "2018: 1 paper (1 ITSC)\n"
    "2014: 2 papers (1 J. Supercomput., 1 Information Sciences)\n"
    "2011: 1 paper (1 IEICE Trans. Inf. Syst.)\n"
    "2009: 1 paper (1 Cluster Computing)\n"
)


@pytest.fixture
def demo(cli):  # type: ignore[no-untyped-def]
    """The CLI on a database holding the demo lab."""
    assert cli("demo").code == 0
    return cli


def test_demo_then_summary_prints_the_labs_own_tallies(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").out == "Loaded the demo lab: 41 papers, 20 members\n"
    assert cli("summary").out == DEMO_SUMMARY


def test_demo_says_on_stderr_where_the_lab_is(  # type: ignore[no-untyped-def]
    cli, db_path: Path, backend: str
) -> None:
    result = cli("demo")
    assert result.code == 0
    assert result.out == "Loaded the demo lab: 41 papers, 20 members\n"
    if backend == "sqlite":
        # (A first run also says it created the database, on the line before.)
        assert result.err.splitlines()[-1] == f"labnews: the lab is in {db_path.resolve()}"
    else:
        # A server is named by its URL (without its password).
        assert result.err.splitlines()[-1].startswith("labnews: the lab is in postgresql")


def test_summary_of_one_year_and_of_a_range(demo) -> None:  # type: ignore[no-untyped-def]
    assert demo("summary", "--year", "2023").out == DEMO_SUMMARY.splitlines(True)[1]
    assert demo("summary", "--from", "2023", "--to", "2024").out == "".join(
        DEMO_SUMMARY.splitlines(True)[:2]
    )


def test_demo_refuses_a_database_with_papers_unless_forced(demo) -> None:  # type: ignore[no-untyped-def]
    assert "--force" in demo("demo").one_error_line()
    assert demo("demo", "--force").code == 0
    assert demo("summary").out == DEMO_SUMMARY


def test_a_workshop_paper_folds_into_its_conferences_tally(demo) -> None:  # type: ignore[no-untyped-def]
    added = demo(
        "add", "paper", "--venue", "ICCV Workshop", "--year", "2023", "--author", "Park Minho"
    )
    assert added.code == 0
    assert added.out.strip().isdigit()
    assert demo("summary", "--year", "2023").out == (
        "2023: 10 papers (1 AAAI, 1 ICLR, 4 CVPR, 2 ICCV, 1 NeurIPS, 1 ETRI J.)\n"
    )
    demo("rules", "--workshops", "separate")
    # 2023's order is pinned (as the lab's page has it): a label the pin does not name goes last.
    assert demo("summary", "--year", "2023").out == (
        "2023: 10 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J., 1 ICCV Workshop)\n"
    )


def test_a_withdrawn_paper_disappears_from_the_tally(demo) -> None:  # type: ignore[no-untyped-def]
    paper_id = demo("add", "paper", "--venue", "ICML", "--year", "2024").out.strip()
    assert "2 ICML" in demo("summary", "--year", "2024").out
    assert demo("edit", "paper", paper_id, "--status", "withdrawn").code == 0
    assert demo("summary", "--year", "2024").out == DEMO_SUMMARY.splitlines(True)[0]


def test_journals_labelled_alike_count_together(demo) -> None:  # type: ignore[no-untyped-def]
    assert demo("edit", "venue", "ETRI J.", "--label", "SCI-E").code == 0
    assert demo("edit", "venue", "IEEE Access", "--label", "SCI-E").code == 0
    demo("add", "paper", "--venue", "IEEE Access", "--year", "2024", "--month", "2024-02")
    assert demo("summary", "--year", "2024").out.startswith("2024: 20 papers (3 SCI-E, 5 CVPR")


def test_order_pins_and_clears_a_years_tally_order(demo) -> None:  # type: ignore[no-untyped-def]
    assert demo("order", "2024", "NeurIPS", "ECCV").code == 0
    assert demo("summary", "--year", "2024").out == (
        "2024: 19 papers (3 NeurIPS, 6 ECCV, 2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML)\n"
    )
    assert demo("order", "2024", "--clear").code == 0
    assert demo("summary", "--year", "2024").out == DEMO_SUMMARY.splitlines(True)[0]
    assert "no papers counted as SIGGRAPH" in demo("order", "2024", "SIGGRAPH").one_error_line()


def test_add_paper_matches_authors_to_members_in_either_order(demo) -> None:  # type: ignore[no-untyped-def]
    result = demo(
        "add",
        "paper",
        "--venue",
        "NeurIPS",
        "--year",
        "2024",
        "--title",
        "New",
        "--author",
        "Jaeseok Ham",
        "--author",
        "Somebody Else",
    )
    assert result.code == 0
    assert "'Jaeseok Ham' is member Ham Jaeseok" in result.err
    (paper,) = [p for p in json.loads(demo("list", "papers", "--json").out) if p["title"] == "New"]
    assert [a["name"] for a in paper["authors"]] == ["Ham Jaeseok", "Somebody Else"]
    assert paper["featured_name"] == "Ham Jaeseok"
    assert paper["month"] == "2024-12"


def test_add_paper_without_a_member_warns_and_still_adds_it(demo) -> None:  # type: ignore[no-untyped-def]
    warning = (
        "labnews: warning: none of the authors is a lab member; the paper counts in the tally "
        "but no news line names anyone"
    )
    # "Ham Jaesok" is a misspelt member: an outside name, as the warning makes plain.
    result = demo(
        "add", "paper", "--venue", "CVPR", "--year", "2025",
        "--author", "Jane Outsider", "--author", "Ham Jaesok",
    )  # fmt: skip
    assert result.code == 0
    assert result.err.splitlines() == [
        "labnews: Added a paper to CVPR 2025: 2025 now has 1 paper",
        warning,
    ]
    (paper,) = [p for p in json.loads(demo("list", "papers", "--json").out) if p["year"] == 2025]
    assert paper["id"] == int(result.out)
    assert paper["featured_name"] is None
    assert demo("summary", "--year", "2025").out == "2025: 1 paper (1 CVPR)\n"
    named = demo("add", "paper", "--venue", "ICCV", "--year", "2025", "--author", "Ham Jaeseok")
    assert named.code == 0
    assert warning not in named.err


def test_list_venues_as_json_has_every_field(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("db", "upgrade").code == 0  # a command that only reads makes no new lab
    venues = json.loads(cli("list", "venues", "--json").out)
    workshop = next(v for v in venues if v["short"] == "CVPR Workshop")
    assert {"short", "full", "kind", "parent", "label", "month", "aliases"} <= set(workshop)
    assert workshop["parent"] == "CVPR"
    assert workshop["kind"] == "workshop"
    assert "CVPRW" in workshop["aliases"]


def test_list_members_and_achievements(demo) -> None:  # type: ignore[no-untyped-def]
    members = json.loads(demo("list", "members", "--json").out)
    pi = next(m for m in members if m["name"] == "Yong-Ju Lee")
    assert pi["in_news"] is False
    assert "Prime Minister" in demo("list", "achievements").out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("add", "paper", "--venue", "CVRP", "--year", "2024"), "closest: CVPR"),
        (("add", "paper", "--venue", "ETRI J.", "--year", "2024"), "no typical month"),
        (("add", "member", "   "), "name must not be empty"),
        (("edit", "paper", "9999", "--title", "x"), "no paper #9999"),
        (("remove", "venue", "CVPR"), "has 10 papers and is the parent of CVPR Workshop"),
        (("remove", "member", "Ham Jaeseok"), "an author of 4 papers"),
        (("add", "paper", "--venue", "CVPR", "--year", "2024", "--url", "javascript:x"), "url"),
        (("edit", "member", "Nobody Here", "--role", "phd"), "not a member"),
    ],
)
def test_a_user_error_is_one_line_on_stderr_with_exit_1(demo, args, words) -> None:  # type: ignore[no-untyped-def]
    assert words in demo(*args).one_error_line()


def test_a_duplicate_paper_names_the_one_it_duplicates(demo) -> None:  # type: ignore[no-untyped-def]
    title = (
        "KOALA: Fast and Memory-Efficient Latent Diffusion Models via Self-Attention Distillation"
    )
    line = (
        demo("add", "paper", "--venue", "CVPR Workshop", "--year", "2024", "--title", title)
    ).one_error_line()
    assert "already recorded as paper #" in line
    assert "(CVPR Workshop 2024)" in line


@pytest.mark.parametrize(
    "args",
    [
        ("add", "paper", "--venue", "CVPR", "--year", "1800"),
        ("add", "paper", "--venue", "CVPR", "--year", "2024", "--month", "2024-13"),
        ("summary", "--year", "soon"),
        ("frobnicate",),
        ("add", "paper"),
    ],
)
def test_usage_errors_exit_2(cli, args) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_edit_renames_a_member_and_a_venue(demo) -> None:  # type: ignore[no-untyped-def]
    assert (
        demo("edit", "member", "Jaeseok Ham", "--name", "Jaeseok Ham", "--native", "함재석").code
        == 0
    )
    assert "Jaeseok Ham" in demo("list", "papers", "--year", "2022").out
    assert demo("edit", "venue", "AVSS", "--short", "IEEE AVSS").code == 0
    assert "2 IEEE AVSS" in demo("summary", "--year", "2024").out


def test_rules_prints_and_sets_the_tally_rules(demo) -> None:  # type: ignore[no-untyped-def]
    shown = demo("rules").out
    assert "workshops: fold" in shown
    assert "pinned 2023: AAAI, ICLR, CVPR, ICCV, NeurIPS, ETRI J." in shown
    assert "order: count" in demo("rules", "--order", "count").out
    assert demo("summary", "--year", "2024").out.startswith("2024: 19 papers (6 ECCV, 5 CVPR")


def test_add_achievement_and_remove_it(demo) -> None:  # type: ignore[no-untyped-def]
    added = demo(
        "add",
        "achievement",
        "--kind",
        "talk",
        "--title",
        "Keynote at KCCV",
        "--date",
        "2025-06-12",
        "--member",
        "Youngwan Lee",
    )
    assert added.code == 0
    listed = demo("list", "achievements", "--year", "2025").out
    assert "Keynote at KCCV\tYoungwan Lee" in listed


def test_the_database_comes_from_the_environment_when_no_db_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from labnews.cli import main

    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("LABNEWS_DB", str(target))
    assert main(["demo"]) == 0
    assert target.exists()
    capsys.readouterr()
    assert main(["summary", "--year", "2022"]) == 0
    assert capsys.readouterr().out == DEMO_SUMMARY.splitlines(True)[2]


def test_python_dash_m_labnews_runs_as_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "lab.sqlite"
    run = [sys.executable, "-m", "labnews", "--db", str(db)]
    assert subprocess.run([*run, "demo"], capture_output=True, check=False).returncode == 0
    result = subprocess.run([*run, "summary"], capture_output=True, text=True, check=False)
    assert result.stdout == DEMO_SUMMARY
    bad = subprocess.run([*run, "add", "member", " "], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr == "labnews: error: name must not be empty\n"


def test_a_venue_the_catalog_gained_later_is_added_by_its_short_name(demo) -> None:  # type: ignore[no-untyped-def]
    # The demo lab made before the catalog had TGRS (its papers name no such journal).
    assert demo("remove", "venue", "TGRS").code == 0
    refused = demo("add", "paper", "--venue", "IEEE TGRS", "--year", "2025", "--title", "Maps")
    assert refused.one_error_line() == (
        "labnews: error: venue 'IEEE TGRS' is not in this lab yet; the venue catalog has it: "
        "add the venue TGRS first"
    )
    # The catalog's own spelling of the short name, whatever the case typed.
    assert demo("add", "venue", "tgrs", "--month", "3").out == "Added venue TGRS\n"
    (tgrs,) = [v for v in json.loads(demo("list", "venues", "--json").out) if v["short"] == "TGRS"]
    assert (tgrs["full"], tgrs["kind"], tgrs["month"]) == (
        "IEEE Transactions on Geoscience and Remote Sensing",
        "journal",
        3,  # what the command line says wins over the catalog
    )
    assert "IEEE TGRS" in tgrs["aliases"]
    added = demo("add", "paper", "--venue", "IEEE TGRS", "--year", "2025", "--title", "Maps")
    assert added.code == 0
    # "none" clears what the catalog would fill in, as it does for `edit venue`.
    assert demo("remove", "venue", "WACV Workshop").code == 0
    assert demo("add", "venue", "WACV Workshop", "--parent", "none").code == 0
    venues = json.loads(demo("list", "venues", "--json").out)
    (wacvw,) = [v for v in venues if v["short"] == "WACV Workshop"]
    assert (wacvw["kind"], wacvw["parent"]) == ("workshop", None)
    # A venue the catalog does not know is still made from the options alone.
    assert demo("add", "venue", "LabConf").code == 0
    (own,) = [
        v for v in json.loads(demo("list", "venues", "--json").out) if v["short"] == "LabConf"
    ]
    assert (own["full"], own["kind"], own["aliases"]) == (None, "conference", [])
