"""The wording rules of the page sections: YouTube embeds, placements, periods, safe links."""

from __future__ import annotations

import pytest

from labnews.core.errors import ValidationError
from labnews.core.records import AchievementLink
from labnews.core.sections import (
    check_links,
    check_placement,
    clean_description,
    links_text,
    markdown_text,
    page_url,
    parse_links,
    period,
    placement,
    short_placement,
    youtube_embed,
)


@pytest.mark.parametrize(
    ("link", "embed"),
    [
        ("https://www.youtube.com/watch?v=kDdMlhmK1G8&t=3547s", "kDdMlhmK1G8?start=3547"),
        ("https://youtu.be/OplmKzKVlGk?t=4863", "OplmKzKVlGk?start=4863"),
        ("https://youtu.be/OplmKzKVlGk?t=1h21m3s", "OplmKzKVlGk?start=4863"),
        ("https://www.youtube.com/embed/hQmy7vJVNEE?start=13880", "hQmy7vJVNEE?start=13880"),
        ("https://m.youtube.com/watch?v=UR763vV-nu0", "UR763vV-nu0"),
        ("https://www.youtube.com/shorts/me9yApuqz68", "me9yApuqz68"),
    ],
)
def test_a_youtube_link_becomes_the_pages_embed_with_its_start_time(link: str, embed: str) -> None:
    assert youtube_embed(link) == f"https://www.youtube.com/embed/{embed}"


@pytest.mark.parametrize(
    "link",
    ["https://vimeo.com/12345", "https://www.youtube.com/watch?v=short", "https://youtu.be/"],
)
def test_a_link_that_is_not_a_youtube_video_has_no_youtube_embed(link: str) -> None:
    assert youtube_embed(link) is None


def test_placements_are_worded_as_the_pages_word_them() -> None:
    assert placement(8, 655) == "Ranked 8th place out of 655 teams (Top 2%)"
    assert placement(2, None) == "Ranked 2nd place"
    assert placement(11, 100) == "Ranked 11th place out of 100 teams (Top 11%)"
    assert placement(8, 655, "ko") == "655팀 중 8위 (상위 2%)"
    assert short_placement(3, 20) == "3rd place/20 teams"
    assert placement(None, None) == short_placement(None, None) == ""


def test_a_placement_must_be_a_rank_within_its_teams() -> None:
    assert check_placement(3, 20) == (3, 20)
    for rank, teams in ((0, None), (21, 20), (None, 20), (1, 0)):
        with pytest.raises(ValidationError):
            check_placement(rank, teams)


def test_a_period_is_two_years_or_one() -> None:
    assert period(2022, 2026) == "'22~'26"
    assert period(2020, None) == period(2020, 2020) == "'20"
    assert period(2009, 2010) == "'09~'10"


def test_links_are_kept_in_order_and_an_image_may_be_a_page_path() -> None:
    links = (
        AchievementLink("link", " https://zdnet.co.kr/view/?no=1 ", "  news  paper "),
        AchievementLink("image", "images//ncai.jpg", "image description"),
    )
    assert check_links(links) == [
        AchievementLink("link", "https://zdnet.co.kr/view/?no=1", "news paper"),
        AchievementLink("image", "images//ncai.jpg", "image description"),
    ]
    assert parse_links(links_text(check_links(links))) == tuple(check_links(links))


@pytest.mark.parametrize(
    "link",
    [
        AchievementLink("video", "javascript:alert(1)"),
        AchievementLink("link", "images/a.png"),  # only an image may be a path on the page
        AchievementLink("image", "data:image/png;base64,AAAA"),
        AchievementLink("gif", "https://x.example/a.gif"),
        AchievementLink("link", "   "),
    ],
)
def test_a_link_that_could_harm_a_page_or_is_unknown_is_refused(link: AchievementLink) -> None:
    with pytest.raises(ValidationError):
        check_links([link])


def test_description_lines_are_trimmed_and_blank_ones_dropped() -> None:
    assert clean_description("  one  line \n\n  two\n") == "one line\ntwo"
    assert clean_description(" \n ") is None


def test_section_text_stays_inert_but_keeps_a_lone_ampersand() -> None:
    assert markdown_text("Google Cloud & YouTube-8M") == "Google Cloud & YouTube-8M"
    assert markdown_text("&lt;b&gt; <script>") == "&amp;lt;b&amp;gt; &lt;script&gt;"
    assert markdown_text("[x](javascript:y)") == "\\[x\\](javascript:y)"
    assert markdown_text("{% raw %} {{ x }}") == "&#123;% raw %&#125; &#123;&#123; x &#125;&#125;"
    assert markdown_text("# not a heading") == "\\# not a heading"
    assert page_url("javascript:alert(1)") == ""
    assert page_url("images//ncai.jpg") == "images//ncai.jpg"
    assert page_url("https://a.example/x(1)") == "https://a.example/x%281%29"
    assert page_url('https://a.example/"onload=x') == ""
