"""One role vocabulary: the command line says the window's words and has the same default."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labnews.cli import main
from labnews.core.records import DEFAULT_ROLE, ROLE_WORDS
from tests.conftest import CliResult

RunCli = Callable[..., CliResult]


def member_lines(cli: RunCli) -> dict[str, str]:
    listed = cli("list", "members")
    assert listed.code == 0, listed.err
    return dict(line.split("\t", 1) for line in listed.out.splitlines())


def test_members_are_listed_with_the_words_the_window_shows(cli: RunCli) -> None:
    assert cli("add", "member", "Kim Minsu").code == 0
    assert cli("add", "member", "Park Jiwoo", "--role", "phd").code == 0
    lines = member_lines(cli)
    assert lines["Kim Minsu"] == "researcher"  # the default, as in the window and the demo
    assert lines["Park Jiwoo"] == "PhD student"


def test_help_names_each_role_with_its_word_and_the_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["add", "member", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "phd (PhD student)" in text
    assert "ms (MS student)" in text
    assert f"default {DEFAULT_ROLE}" in text
    assert DEFAULT_ROLE == "researcher"
    assert ROLE_WORDS[DEFAULT_ROLE] == "researcher"
