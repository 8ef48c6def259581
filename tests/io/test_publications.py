"""The lab's publication list and its papers as they really were: the demo lab writes the
page's Publications section, workshop papers are recorded as workshops while the news still
announces 2024's under their conference, and who is in bold is the lab's setting."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from labnews.core.inputs import PaperInput
from labnews.core.records import YearMonth
from labnews.core.snapshots import paper_input
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.conftest import FIXTURES, CliResult

Cli = Callable[..., CliResult]

SEED_LIST = FIXTURES / "seed_publications.md"
SEED_NEWS = FIXTURES / "seed_news_2022_2024.md"
WORKSHOP_TITLES = {
    "A Multimodal Chain of Tools for Described Object Detection": "NeurIPS Workshop",
    "Language-only Efficient Prompt Learning for Zero-shot Composed Image Retrieval": (
        "ECCV Workshop"
    ),
    "DiT-Pruner: Pruning Diffusion Transformer Models for Text-to-Image Synthesis Using Human "
    "Preference Scores": "ECCV Workshop",
    "KOALA: Fast and Memory-Efficient Latent Diffusion Models via Self-Attention Distillation": (
        "CVPR Workshop"
    ),
}
# What the hand-kept page typed that no record can say: a missing space after one comma and
# between one entry's links. The test puts the space back in the page, and nothing else.
HAND_TYPED = (
    ("**Yong-Ju Lee**,Hag-Young Kim", "**Yong-Ju Lee**, Hag-Young Kim"),
    (
        "(https://huggingface.co/spaces/etri-vilab/KOALA)[[paper]](https://arxiv.org/abs/2312."
        "04005)[[code]]",
        "(https://huggingface.co/spaces/etri-vilab/KOALA) [[paper]](https://arxiv.org/abs/2312."
        "04005) [[code]]",
    ),
)


pytestmark = pytest.mark.usefixtures("no_personal_templates")


@pytest.fixture
def demo(cli: Cli) -> Cli:
    result = cli("demo")
    assert result.code == 0, result.err
    return cli


def fold(text: str) -> str:
    """FORMATS.md's comparison: every <br> as " <br>", runs of spaces as one."""
    return re.sub(r" {2,}", " ", re.sub(r" *<br>", " <br>", text))


def layout(text: str) -> str:
    """The page's blank lines between entries as one empty line: the hand-kept page has one,
    two, or a line of spaces there, which says nothing about the papers."""
    lines = ["" if not line.strip() else line for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def test_the_demo_writes_the_pages_publication_list(demo: Cli) -> None:
    result = demo("news", "--format", "publications")
    assert (result.code, result.err) == (0, "")
    page = SEED_LIST.read_bytes().decode("utf-8")
    for typed, meant in HAND_TYPED:
        assert typed in page
        page = page.replace(typed, meant)
    assert layout(fold(result.out)) == layout(fold(page))
    # The blank-line fold only joins blank lines: every line of text is the page's, in order.
    assert [line for line in fold(result.out).splitlines() if line.strip()] == [
        line for line in fold(page).splitlines() if line.strip()
    ]


def test_workshop_papers_are_workshops_and_the_news_block_is_unchanged(
    demo: Cli, demo_database: Database
) -> None:
    with demo_database.session() as session:
        papers = {p.title: p for p in queries.papers_in(session, None)}
    for title, venue in WORKSHOP_TITLES.items():
        assert (papers[title].venue_short, papers[title].venue_kind) == (venue, "workshop")
    summary = demo("summary").out.splitlines()
    assert summary[0] == "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)"
    news = demo("news", "--from", "2022", "--to", "2024").out
    assert fold(news) == fold(SEED_NEWS.read_bytes().decode("utf-8"))


def test_the_older_papers_are_news_of_their_own_years_only(demo: Cli) -> None:
    lines = demo("summary").out.splitlines()
    assert lines[3:] == [
        "2021: 1 paper (1 EMNLP)",
        "2020: 1 paper (1 ECCV)",
        "2018: 1 paper (1 ITSC)",
        "2014: 2 papers (1 J. Supercomput., 1 Information Sciences)",
        "2011: 1 paper (1 IEICE Trans. Inf. Syst.)",
        "2009: 1 paper (1 Cluster Computing)",
    ]
    older = demo("news", "--from", "2020", "--to", "2021").out.splitlines()
    # The PI is never named; a member author is; 2020 names its workshop (the default).
    assert older == [
        " - **(2021)** : We have **1 paper** this year(1 EMNLP). <br>",
        " -- **(2021/11)**: One paper accepted to EMNLP 2021 (Jongryul Lee) <br><br>",
        " - **(2020)** : We have **1 paper** this year(1 ECCV). <br>",
        " -- **(2020/08)**: One paper accepted to ECCV Workshop 2020 <br>",
    ]


def test_a_year_can_name_its_workshops_again(demo: Cli) -> None:
    shown = demo("rules").out
    assert "workshop lines 2024: conference" in shown
    changed = demo("rules", "--workshop-lines", "workshop", "--year", "2024")
    assert changed.code == 0
    assert "workshop lines 2024" not in changed.out
    lines = demo("news", "--year", "2024").out.splitlines()
    assert (
        " -- **(2024/09)**: Two papers accepted to ECCV Workshop 2024 (Youngwan Lee, "
        "Lee Seongwon), Four papers accepted to ECCV 2024 (Kwanyong Park, Min jinyoung, "
        "Ham Jaeseok, Kim Hyungil) <br>" in lines
    )
    # The tally still folds the workshops into their conference.
    assert lines[0].startswith(" - **(2024)** : We have **19 papers**")
    assert "6 ECCV" in lines[0]


def test_workshop_lines_without_a_year_are_refused_in_one_line(demo: Cli) -> None:
    result = demo("rules", "--workshop-lines", "conference")
    assert result.code == 1
    assert result.err == "labnews: error: --workshop-lines and --year go together\n"


@pytest.mark.parametrize(
    ("choice", "authors"),
    [
        ("owner", "Kwanyong Park, Youngwan Lee, **Yong-Ju Lee**"),
        ("members", "**Kwanyong Park**, **Youngwan Lee**, **Yong-Ju Lee**"),
        ("nobody", "Kwanyong Park, Youngwan Lee, Yong-Ju Lee"),
    ],
)
def test_who_is_in_bold_is_the_labs_setting(demo: Cli, choice: str, authors: str) -> None:
    assert demo("rules", "--bold", choice).out.endswith(f"bold: {choice}\n")
    listing = demo("news", "--format", "publications").out.splitlines()
    chain = listing.index("-  ## A Multimodal Chain of Tools for Described Object Detection <br>")
    assert listing[chain + 1] == f"   {authors} <br>"


def test_editing_a_venue_keeps_the_news_month_unless_asked(demo_database: Database) -> None:
    with demo_database.session(write=True) as session:
        paper = next(p for p in queries.papers_in(session, [2024]) if p.venue_short == "ECCV")
        before = paper.news
        moved = paper_input(paper)
        commands.update_paper(session, paper.id, _without_news(moved, "ECCV Workshop"))
        kept = queries.paper_by_id(session, paper.id)
        commands.update_paper(
            session, paper.id, _without_news(moved, "ECCV Workshop"), news_from_venue=True
        )
        asked = queries.paper_by_id(session, paper.id)
    assert (kept.venue_short, kept.news) == ("ECCV Workshop", before)
    assert asked.news == YearMonth(2024, 10)  # the workshop's usual month, only when asked


def _without_news(data: PaperInput, venue: str) -> PaperInput:
    from dataclasses import replace

    return replace(data, venue=venue, news=None)


def test_the_cli_edit_of_a_venue_keeps_the_month(demo: Cli) -> None:
    added = demo(
        "add", "paper", "--venue", "ECCV", "--year", "2024", "--month", "2024-09",
        "--title", "Moved Venue",
        "--author", "Kwanyong Park",
    )  # fmt: skip
    assert added.code == 0, added.err
    edited = demo("edit", "paper", _id_of(demo, "Moved Venue"), "--venue", "ECCV Workshop")
    assert edited.code == 0, edited.err
    assert _month_of(demo, "Moved Venue") == "2024-09"
    asked = demo(
        "edit", "paper", _id_of(demo, "Moved Venue"), "--venue", "ECCV Workshop",
        "--month-from-venue",
    )  # fmt: skip
    assert asked.code == 0, asked.err
    assert _month_of(demo, "Moved Venue") == "2024-10"


def _id_of(demo: Cli, title: str) -> str:
    import json

    papers = json.loads(demo("list", "papers", "--json").out)
    return str(next(p["id"] for p in papers if p["title"] == title))


def _month_of(demo: Cli, title: str) -> str:
    import json

    papers = json.loads(demo("list", "papers", "--json").out)
    return str(next(p["month"] for p in papers if p["title"] == title))
