"""`labnews add/edit/list achievement` with the page fields: a project's period and links, a
challenge's placement, a talk known to the year only; bad values are one error line."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def lab(cli: Cli) -> Cli:
    assert cli("add", "member", "Yong-Ju Lee", "--role", "pi").code == 0
    added = cli(
        "add", "achievement", "--kind", "project", "--title", "CLARA", "--date", "2022",
        "--end-year", "2026", "--role", "Project Investigator", "--member", "Yong-Ju Lee",
        "--link", "link https://clara.example/ Homepage",
        "--link", "image images/clara.png image description",
        "--description", "Agents that see and speak.", "--description", "With robots.",
        "--not-in-news",
    )  # fmt: skip
    assert (added.code, added.err) == (0, ""), added
    return cli


def test_a_project_is_added_with_its_period_role_links_and_description(lab: Cli) -> None:
    assert lab("list", "achievements").out == (
        "#1\t2022\tproject\tCLARA\tYong-Ju Lee\tProject Investigator, '22~'26\t2 links"
        "\tnot in the news\n"
    )
    assert lab("news", "--format", "projects").out == (
        "-  ## CLARA <br>\n"
        "   **Yong-Ju Lee (<span style=\"color:darkred\">Project Investigator, '22~'26</span>)**"
        " [[Homepage]](https://clara.example/) <br>\n"
        "   ![image description](images/clara.png)\n"
        "   -- Agents that see and speak. <br>\n"
        "   -- With robots. <br>\n"
    )
    # Not announced: the yearly news has no line for it.
    assert "CLARA" not in lab("news", "--with-achievements").out


def test_editing_changes_only_what_is_given(lab: Cli) -> None:
    edited = lab("edit", "achievement", "1", "--end-year", "2027", "--in-news", "--no-links")
    assert (edited.code, edited.err) == (0, "")
    [item] = json.loads(lab("list", "achievements", "--json").out)
    assert (item["end_year"], item["in_news"], item["links"]) == (2027, True, [])
    assert (item["role"], item["year_only"], item["title"]) == (
        "Project Investigator",
        True,
        "CLARA",
    )
    assert item["description"] == "Agents that see and speak.\nWith robots."


def test_a_challenge_placement_is_listed_and_written(lab: Cli) -> None:
    added = lab(
        "add", "achievement", "--kind", "challenge", "--title", "YouTube-8M", "--date", "2017-07",
        "--organisation", "CVPR Workshop", "--rank", "8", "--teams", "655",
        "--member", "Yong-Ju Lee",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "Ranked 8th place out of 655 teams (Top 2%)" in lab("list", "achievements").out
    assert lab("news", "--format", "awards", "--member", "yong-ju lee").out == (
        "- YouTube-8M (CVPR Workshop, 2017)\n  - Ranked 8th place out of 655 teams (Top 2%)\n"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--rank", "5", "--teams", "3"), "rank 5 is beyond the 3 teams"),
        (("--link", "video javascript:alert(1)"), "must be an http or https link"),
        (("--link", "gif https://x.example/a.gif"), "link 1 kind must be one of"),
        (("--date", "2024", "--end-year", "2020"), "end year 2020 is before the start year"),
    ],
)
def test_bad_page_fields_are_one_error_line_and_nothing_is_written(
    lab: Cli, args: tuple[str, ...], words: str
) -> None:
    given = dict(zip(args[::2], args[1::2], strict=True))
    date = () if "--date" in given else ("--date", "2024-01")
    result = lab("add", "achievement", "--kind", "challenge", "--title", "Bad", *date, *args)
    assert words in result.one_error_line()
    assert "Bad" not in lab("list", "achievements").out


def test_editing_an_achievement_that_is_not_there_is_one_error_line(lab: Cli) -> None:
    assert "no achievement #9" in lab("edit", "achievement", "9", "--title", "X").one_error_line()


def test_an_empty_section_says_so_on_stderr_and_not_no_papers(lab: Cli) -> None:
    result = lab("news", "--format", "awards", "--member", "Yong-Ju Lee")
    assert (result.code, result.out) == (0, "")
    assert result.err == "labnews: no awards of Yong-Ju Lee to write\n"
