"""The projects, talks and awards formats write a page's sections from records, as the page has
them: the demo lab's Projects and Talks, and a member's awards entered through the commands."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from labnews.core.inputs import AchievementInput, MemberInput
from labnews.core.records import AchievementLink, YearMonth
from labnews.store import commands
from labnews.store.database import Database
from tests.conftest import FIXTURES, CliResult

Cli = Callable[..., CliResult]


pytestmark = pytest.mark.usefixtures("no_personal_templates")


@pytest.fixture
def demo(cli: Cli) -> Cli:
    result = cli("demo")
    assert result.code == 0, result.err
    return cli


def page_text(text: str) -> str:
    """The comparison of FORMATS.md (every <br> as " <br>", runs of spaces as one; HTML comments
    and the section heading aside), plus what no record can carry of a hand-kept page: spaces at
    a line's end, how many blank lines part two items, and whether a comma follows a talk's date
    (eight of its eleven talks have one, three do not)."""
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.DOTALL)
    text = re.sub(r" {2,}", " ", re.sub(r" *<br>", " <br>", text))
    lines = [line.rstrip(" ") for line in text.split("\n") if not line.startswith("# ")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return re.sub(r"^- \*\*([\d.]+)\*\* ", r"- **\1**, ", text, flags=re.MULTILINE) + "\n"


def test_the_demo_lab_writes_its_projects_section_as_the_page_has_it(demo: Cli) -> None:
    result = demo("news", "--format", "projects")
    assert (result.code, result.err) == (0, "")
    assert page_text(result.out) == page_text((FIXTURES / "seed_projects.md").read_text("utf-8"))


def test_the_demo_lab_writes_its_talks_with_youtube_embeds_and_start_times(demo: Cli) -> None:
    result = demo("news", "--format", "talks")
    assert (result.code, result.err) == (0, "")
    assert page_text(result.out) == page_text((FIXTURES / "seed_talks.md").read_text("utf-8"))
    # The demo holds watch and youtu.be links; the page shows the embed with the start kept.
    assert 'src="https://www.youtube.com/embed/kDdMlhmK1G8?start=3547"' in result.out


def test_projects_and_talks_in_korean_name_the_member_natively(demo: Cli) -> None:
    english = demo("news", "--format", "projects").out
    korean = demo("news", "--format", "projects", "--lang", "ko").out
    # The same section, the PI named by his native name.
    assert korean.replace("**이용주 (", "**Yong-Ju Lee (") == english != korean
    assert demo("news", "--format", "talks", "--lang", "ko").out.count("<iframe") == 13


def test_the_yearly_news_announces_only_the_award_not_the_projects_and_talks(demo: Cli) -> None:
    lines = demo("news", "--with-achievements").out.splitlines()
    assert [line for line in lines if line.startswith(" -- **(2025")] == [
        " -- **(2025/04)**: Yong-Ju Lee received the Prime Minister's Commendation <br><br>"
    ]


def _member_awards(database: Database) -> None:
    """The member's awards of member_awards.md, entered as a user would, through the commands."""
    with database.session(write=True) as session:
        me = commands.add_member(session, MemberInput(name="Sangho Lee", role="postdoc")).ids[0]
        other = commands.add_member(session, MemberInput(name="Kim Minsu", role="phd")).ids[0]
        home = "https://sangho-vision.github.io/"
        entries = [
            AchievementInput(
                kind="award",
                title="Excellent Ph.D. Thesis Award",
                date=YearMonth(2023, 2),
                members=(me,),
                organisation="SNU CSE",
                url=home,
                description="Selected as the best doctoral thesis by Department of Computer "
                "Science and Engineering, Seoul National University",
            ),
            AchievementInput(
                kind="award",
                title="Naver Ph.D. Fellowship",
                date=YearMonth(2021, 12),
                members=(me,),
                organisation="Naver",
                url=home,
                description="Awarded to outstanding graduate students in the field of Computer "
                "Science for their exceptional academic research",
            ),
            AchievementInput(
                kind="award",
                title="Youlchon AI Star Fellowship",
                date=YearMonth(2021, 12),
                members=(me,),
                organisation="Youlchon Foundation, Nongshim Group",
                url="https://aiis.snu.ac.kr/bbs/board.php?bo_table=eng4_3",
                description="An award for those who made distinguished research achievements "
                "in core AI fields",
            ),
            AchievementInput(
                kind="challenge",
                title="MovieQA Challenge @ ICCV 2017 Workshop",
                date=YearMonth(2017, 10),
                members=(me, other),
                organisation="ICCV Workshop",
                url="https://www.rsipvision.com/ICCV2017-Wednesday/",
                description="ICCV 2017 Workshop on the Joining Video and Language Understanding",
                rank=2,
            ),
            AchievementInput(
                kind="challenge",
                title="Google Cloud & YouTube-8M Video Understanding Challenge",
                date=YearMonth(2017, 7),
                members=(me,),
                organisation="CVPR Workshop",
                url="https://www.kaggle.com/c/youtube8m/leaderboard",
                description="CVPR 2017 Workshop on YouTube-8M Large-Scale Video Understanding",
                rank=8,
                teams=655,
            ),
            # Another member's award, and a talk of this member: neither is on the list.
            AchievementInput(
                kind="award", title="Best Poster", date=YearMonth(2022, 5), members=(other,)
            ),
            AchievementInput(
                kind="talk",
                title="Video understanding",
                date=YearMonth(2022, 6),
                members=(me,),
                links=(AchievementLink("video", "https://youtu.be/abcdefghijk"),),
            ),
        ]
        for entry in entries:
            commands.add_achievement(session, entry)


def test_a_members_awards_reproduce_their_own_page_exactly(
    database: Database, on: Callable[[Database], Cli]
) -> None:
    _member_awards(database)
    result = on(database)("news", "--format", "awards", "--member", "Sangho Lee")
    assert (result.code, result.err) == (0, "")
    page = (FIXTURES / "member_awards.md").read_text("utf-8")
    assert result.out == page.split("\n", 1)[1]  # the "### Awards" heading is the page's own


def test_a_members_awards_in_korean_word_the_placement_in_korean(
    database: Database, on: Callable[[Database], Cli]
) -> None:
    _member_awards(database)
    result = on(database)("news", "--format", "awards", "--member", "Sangho Lee", "--lang", "ko")
    assert "  - 655팀 중 8위 (상위 2%)" in result.out.splitlines()
    assert "  - 2위" in result.out.splitlines()


def test_the_lab_awards_hold_every_members_awards_but_no_talk(
    database: Database, on: Callable[[Database], Cli]
) -> None:
    _member_awards(database)
    out = on(database)("news", "--format", "awards").out
    assert out.count("\n- ") + out.startswith("- ") == 6
    assert "Best Poster" in out
    assert "Video understanding" not in out


def test_an_unknown_member_is_one_error_line(demo: Cli) -> None:
    line = demo("news", "--format", "awards", "--member", "Nobody Here").one_error_line()
    assert "Nobody Here" in line


def test_hostile_text_in_every_section_comes_out_inert(
    database: Database, on: Callable[[Database], Cli]
) -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) {{ site }} {% raw %}"
    with database.session(write=True) as session:
        me = commands.add_member(session, MemberInput(name="<img src=x onerror=alert(1)>")).ids[0]
        for kind in ("project", "talk", "award"):
            commands.add_achievement(
                session,
                AchievementInput(
                    kind=kind,
                    title=hostile,
                    date=YearMonth(2024, 1),
                    members=(me,),
                    role=hostile,
                    organisation=hostile,
                    description=hostile,
                    rank=1,
                    links=(
                        AchievementLink("link", "https://a.example/x)](javascript:y", hostile),
                        AchievementLink("image", "images/a.png", hostile),
                        AchievementLink("embed", "https://a.example/?a=1&b=2"),
                        AchievementLink("video", "https://www.youtube.com/watch?v=abcdefghijk"),
                    ),
                ),
            )
    for fmt in ("projects", "talks", "awards"):
        out = on(database)("news", "--format", fmt).out
        # Every link that is a link goes where it should; the rest is escaped text.
        assert re.findall(r"(?<!\\)\]\((\S+?)\)", out) == re.findall(
            r"(?<!\\)\]\(((?:https://|images/)\S+?)\)", out
        )
        for unsafe in ("<script", "<img", "{{", "{%"):
            assert unsafe not in out, out
    talks = on(database)("news", "--format", "talks").out
    assert 'src="https://a.example/?a=1&amp;b=2"' in talks
    assert 'src="https://www.youtube.com/embed/abcdefghijk"' in talks
