"""A member's portfolio headings (`news --format portfolio --member NAME`) rebuilt from records
entered through the store's commands: each paper's venue, title, the member's place among the
authors and the day of acceptance; each challenge's giver, placement and month, as
portfolio_headers.md has them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from labnews.core.inputs import AchievementInput, AuthorInput, MemberInput, PaperInput
from labnews.core.records import YearMonth
from labnews.store import commands
from labnews.store.database import Database
from tests.conftest import FIXTURES, CliResult

ME = "Jonghyun Lee"
Runner = Callable[..., CliResult]


pytestmark = pytest.mark.usefixtures("no_personal_templates")


def _portfolio(database: Database) -> None:
    """The student's papers and competitions, entered as a user would, through the commands."""
    with database.session(write=True) as session:
        me = commands.add_member(session, MemberInput(name=ME, native="이종현")).ids[0]

        def authors(*names: str) -> tuple[AuthorInput, ...]:
            return tuple(AuthorInput(member_id=me) if n == ME else AuthorInput(n) for n in names)

        papers = [
            PaperInput(
                venue="ICLR",
                year=2024,
                news=YearMonth(2024, 1),
                title="Compose and Conquer: Diffusion-Based 3D Depth Aware Composable Image "
                "Synthesis",
                authors=authors(ME, "Hansam Cho", "Youngjoon Yoo", "Seoung Bum Kim"),
                accepted=date(2024, 1, 16),
            ),
            PaperInput(
                venue="ICLR",
                year=2024,
                news=YearMonth(2024, 1),
                title="Noise Map Guidance: Inversion with Spatial Context for Real Image Editing",
                authors=authors("Hansam Cho", ME, "Seoung Bum Kim", "Yonghyun Jeong"),
                accepted=date(2024, 1, 16),
            ),
            PaperInput(
                venue="CVPR",
                year=2024,
                news=YearMonth(2024, 2),
                title="One-Shot Structure-Aware Stylized Image Synthesis",
                authors=authors("Hansam Cho", ME, "Seunggyu Chang", "Yonghyun Jeong"),
                accepted=date(2024, 2, 27),
            ),
        ]
        for paper in papers:
            commands.add_paper(session, paper)
        challenges = [
            AchievementInput(
                kind="challenge",
                title="Smart Campus Datathon - Unsupervised embedding model based scholarship "
                "parsing/recommendation system",
                date=YearMonth(2021, 9),
                members=(me,),
                organisation="Korea University Datahub lead AI Datathon",
                rank=2,
                teams=15,
            ),
            AchievementInput(
                kind="challenge",
                title="K-Data Datacampus - Audio-Image Korean phoneme recognition model",
                date=YearMonth(2021, 9),
                members=(me,),
                organisation="Korea Data Agency lead AI Tournament",
                rank=2,
                teams=40,
            ),
            AchievementInput(
                kind="challenge",
                title="KUIAI Hackathon - Multi-polygon map based business location "
                "recommendation system",
                date=YearMonth(2022, 1),
                members=(me,),
                organisation="Korea Electronics Technology Institute (KETI) lead AI Hackathon",
                rank=3,
                teams=20,
            ),
            AchievementInput(
                kind="challenge",
                title="AI Spark Challenge - IRDIS (Immediate Rescue Based Disaster Response "
                "System)",
                date=YearMonth(2022, 4),
                members=(me,),
                organisation="Ministry of Science and ICT lead AI Tournament",
                # A selection, not a rank among teams: the result is said in words.
                description="Final Selection",
            ),
            # An award is on the awards list, not among the portfolio's competitions.
            AchievementInput(
                kind="award", title="Dean's List", date=YearMonth(2022, 6), members=(me,)
            ),
        ]
        # Entered out of order on purpose: the portfolio orders them, newest first.
        for challenge in (challenges[1], challenges[0], *challenges[2:]):
            commands.add_achievement(session, challenge)


def test_a_members_portfolio_headings_reproduce_their_page_exactly(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    _portfolio(database)
    result = on(database)("news", "--format", "portfolio", "--member", ME)
    assert (result.code, result.err) == (0, "")
    assert result.out == (FIXTURES / "portfolio_headers.md").read_text("utf-8")


def test_the_portfolio_in_korean_says_the_authors_place_and_the_placement_in_korean(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    _portfolio(database)
    result = on(database)("news", "--format", "portfolio", "--member", ME, "--lang", "ko")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "**제1저자, ICLR 2024 채택 - 2024.01.16**" in lines
    assert "**제2저자, CVPR 2024 채택 - 2024.02.27**" in lines
    assert "**Korea Data Agency lead AI Tournament, 40팀 중 2위 - 2021.09**" in lines


def test_a_lab_format_refuses_a_member_rather_than_write_the_whole_lab(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    _portfolio(database)
    result = on(database)("news", "--format", "yearly", "--member", ME)
    assert result.code == 1
    assert result.err == (
        "labnews: error: format yearly is the lab's, not one member's: "
        "--member narrows publications, awards, portfolio\n"
    )
    assert result.out == ""


def test_a_portfolio_without_a_member_asks_for_one(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    _portfolio(database)
    result = on(database)("news", "--format", "portfolio")
    assert (result.code, result.out) == (1, "")
    assert (
        result.err == "labnews: error: format portfolio is one member's page: give --member NAME\n"
    )
