"""English paper-line forms seen on real lab pages (issue 15): a paper named rather than counted,
"N of our papers", and names in parentheses that are methods or venues, not people."""

from __future__ import annotations

import pytest

from labnews.io.newsclauses import read_line
from labnews.io.newspage import clean_text, read_page


@pytest.mark.parametrize(
    ("body", "venue", "title"),
    [
        ("KITRO was accepted to CVPR 2024!", "CVPR 2024", "KITRO"),
        (
            "Humans-as-Checkerboards was accepted to ICCV 2025!",
            "ICCV 2025",
            "Humans-as-Checkerboards",
        ),
        ("ONE-SHOT was accepted to NeurIPS 2026!", "NeurIPS 2026", "ONE-SHOT"),
    ],
)
def test_a_paper_named_by_one_word_is_one_paper(body: str, venue: str, title: str) -> None:
    clauses, _ = read_line(body)
    assert [(c.count, c.venue, c.title, c.names) for c in clauses] == [(1, venue, title, ())]


@pytest.mark.parametrize(
    "body",
    [
        "I was accepted to the PhD program at KAIST!",
        "We were accepted to the summer school.",
        "It was accepted to CVPR 2024!",
    ],
)
def test_a_person_or_a_pronoun_accepted_somewhere_is_no_paper(body: str) -> None:
    assert read_line(body)[0] == []


def test_n_of_our_papers_counts_n() -> None:
    clauses, _ = read_line("Exciting news! Three of our papers have been accepted to IROS 2025")
    assert [(c.count, c.venue) for c in clauses] == [(3, "IROS 2025")]


@pytest.mark.parametrize(
    "body",
    [
        "Two papers (FishNet, HRS-Bench) were accepted at ICCV 2023.",
        "One paper (AI Art Neural Constellation) was accepted at CVPR 2024.",
        "One paper(Intelligent Video Editing) was accepted at ICVGIP 2021.",
        "Three papers accepted to IROS 2025 (IEEE/RSJ International Conference on Intelligent "
        "Robots and Systems)",
    ],
)
def test_method_and_venue_names_in_parentheses_are_not_people(body: str) -> None:
    clauses, _ = read_line(body)
    assert len(clauses) == 1
    assert clauses[0].names == ()


def test_people_in_parentheses_stay_people() -> None:
    clauses, _ = read_line("Two papers accepted to CVPR 2025 (ByungKwan Chae, Kim A)")
    assert clauses[0].names == ("ByungKwan Chae", "Kim A")


def test_markdown_escapes_and_bold_italic_around_a_tag_are_text() -> None:
    assert clean_text(r"**\[Feb 2024\]**: KITRO") == "[Feb 2024]: KITRO"
    assert clean_text('***<font color="red">TGRS</font> (IF=7.5)***!') == "TGRS (IF=7.5)!"


def test_toml_front_matter_below_a_comment_is_not_news() -> None:
    page = read_page(
        '<!-- source -->\n+++\nwidget = "blank"\ntitle = "News"\n+++\n'
        "**\\[Oct 2022\\]**: One paper was accepted to **WACV 2023**!\n"
    )
    assert [(i.year, i.month, i.line) for i in page.items] == [(2022, 10, 6)]
    assert page.undated == []
