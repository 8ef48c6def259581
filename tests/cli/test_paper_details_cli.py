"""`labnews add paper` and `edit paper` take a paper's details (labelled links in order, equal
contribution, also presented at, the day of acceptance) and an edit keeps the ones not given."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def _paper(cli: Cli, title: str) -> dict[str, Any]:
    papers = json.loads(cli("list", "papers", "--json").out)
    found: dict[str, Any] = next(p for p in papers if p["title"] == title)
    return found


def test_details_are_added_and_an_edit_keeps_them(cli: Cli) -> None:
    assert cli("add", "member", "Sangho Lee").code == 0
    added = cli(
        "add", "paper", "--venue", "ICML", "--year", "2021", "--month", "2021-05",
        "--title", "Neural Activation Coding", "--author", "Yookoon Park",
        "--author", "Sangho Lee", "--equal", "Yookoon Park", "--equal", "Sangho Lee",
        "--presentation", "long talk",
        "--link", "paper=http://proceedings.mlr.press/v139/park21b.html",
        "--link", "poster=assets/poster/icml21_park_poster.png",
        "--also", "ICML 2021 Workshop on Self-Supervised Learning",
        "--accepted", "2021-05-08",
    )  # fmt: skip
    assert added.code == 0, added.err
    paper = _paper(cli, "Neural Activation Coding")
    assert [(a["name"], a["equal"]) for a in paper["authors"]] == [
        ("Yookoon Park", True),
        ("Sangho Lee", True),
    ]
    assert [(link["label"], link["url"]) for link in paper["links"]] == [
        ("paper", "http://proceedings.mlr.press/v139/park21b.html"),
        ("poster", "assets/poster/icml21_park_poster.png"),
    ]
    assert paper["url"] == "http://proceedings.mlr.press/v139/park21b.html"
    assert (paper["presentation"], paper["also_presented"], paper["accepted"]) == (
        "long talk",
        ["ICML 2021 Workshop on Self-Supervised Learning"],
        "2021-05-08",
    )
    # An edit of the title alone keeps every detail; --code joins the links after the others.
    edited = cli(
        "edit", "paper", str(paper["id"]), "--title", "Neural Activation Coding, again",
        "--code", "https://github.com/yookoon/nac",
    )  # fmt: skip
    assert edited.code == 0, edited.err
    again = _paper(cli, "Neural Activation Coding, again")
    assert [link["label"] for link in again["links"]] == ["paper", "poster", "code"]
    assert [a["equal"] for a in again["authors"]] == [True, True]
    assert (again["also_presented"], again["accepted"]) == (paper["also_presented"], "2021-05-08")


def test_bad_details_are_one_line_errors(cli: Cli) -> None:
    base = ("add", "paper", "--venue", "ICML", "--year", "2021", "--title", "T")
    for extra, said in (
        (("--link", "no-equals-sign"), "--link must look like LABEL=URL"),
        (("--link", "slides=javascript:alert(1)"), "link 1"),
        (("--accepted", "soon"), "--accepted must look like YYYY-MM-DD"),
        (("--author", "A B", "--equal", "C D"), "--equal 'C D' is not one of the authors"),
    ):
        result = cli(*base, *extra)
        assert result.code == 1, result
        assert said in result.one_error_line()
