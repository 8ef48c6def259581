"""A member's own publication list (`news --format publications --member NAME`) rebuilt from
records entered through the store's commands: the member in bold, equal contributions marked,
presentations, also-presented-at venues and free link labels, as member_publications.md."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from labnews.core.inputs import AuthorInput, MemberInput, PaperInput, VenueInput
from labnews.core.records import PaperLink, YearMonth
from labnews.io import newsfile
from labnews.store import commands
from labnews.store.database import Database
from tests.conftest import FIXTURES

PAGE = FIXTURES / "member_publications.md"
ME = "Sangho Lee"
# (venue, year, news month, title, authors with * for equal contribution, presentation,
#  also presented at, links): oldest first, as they were accepted.
PAPERS = [
    ("YouTube-8M Workshop", 2017, "2017-06",
     "Encoding Video and Label Priors for Multi-label Video Classification on YouTube-8M dataset",
     ["Seil Na", "Youngjae Yu", ME, "Jisung Kim", "Gunhee Kim"], None, [],
     [("paper", "https://arxiv.org/abs/1706.07960"), ("code", "https://github.com/seilna/youtube8m"),
      ("bibtex", "assets/bibtex/cvpr_workshop_2017_video.txt")]),
    ("ICCV", 2017, "2017-07", "A Read-Write Memory Network for Movie Story Understanding",
     ["Seil Na", ME, "Jisung Kim", "Gunhee Kim"], None,
     ["ICCV 2017: The Joint Video and Language Understanding Workshop"],
     [("paper", "https://arxiv.org/abs/1709.09345"), ("code", "https://github.com/seilna/RWMN"),
      ("poster", "assets/poster/iccv17_movieqa_poster.pdf"),
      ("bibtex", "assets/bibtex/iccv17_movieqa.txt")]),
    ("AAAI", 2018, "2017-11",
     "A Deep Ranking Model for Spatio-temporal Highlight Detection from a 360° Video",
     ["Youngjae Yu", ME, "Joonil Na", "Jaeyoun Kang", "Gunhee Kim"], "spotlight", [],
     [("paper", "https://aaai.org/ocs/index.php/AAAI/AAAI18/paper/view/17213"),
      ("poster", "assets/poster/aaai_vrsumm_poster.pdf"),
      ("slides", "assets/slides/aaai_vrsumm_spotlight_2page.pdf"),
      ("bibtex", "assets/bibtex/aaai18_cvs.txt")]),
    ("CVPR", 2018, "2018-03",
     "A Memory Network Approach for Story-based Temporal Summarization of 360° Videos",
     [ME, "Jinyoung Sung", "Youngjae Yu", "Gunhee Kim"], None,
     ["ECCV 2018 Workshop on 360° Perception and Interaction"],
     [("paper", "https://arxiv.org/abs/1805.02838"),
      ("project page (poster/slides/bibtex)", "http://vision.snu.ac.kr/projects/pfmn/")]),
    ("ICLR", 2021, "2021-01", "Self-Supervised Learning of Compressed Video Representations",
     ["Youngjae Yu*", f"{ME}*", "Gunhee Kim", "Yale Song"], None, [],
     [("paper", "https://openreview.net/forum?id=jMPcEkJpdD"),
      ("poster", "assets/poster/iclr2021_yu_poster.png"),
      ("slides", "assets/slides/iclr2021_yu_slides.pdf")]),
    ("ICLR", 2021, "2021-01",
     "Parameter Efficient Multimodal Transformers for Video Representation Learning",
     [ME, "Youngjae Yu", "Gunhee Kim", "Thomas Breuel", "Jan Kautz", "Yale Song"], None,
     ["CVPR 2021: The Second Intertional Workshop on Large Scale Holistic Video Understanding"],
     [("paper", "https://openreview.net/forum?id=6UdQLhqJyFD"),
      ("poster", "assets/poster/iclr2021_lee_poster.png"),
      ("slides", "assets/slides/iclr2021_lee_slides.pdf")]),
    ("ICML", 2021, "2021-05", "Unsupervised Representation Learning via Neural Activation Coding",
     ["Yookoon Park", ME, "Gunhee Kim", "David Blei"], "long talk", [],
     [("paper", "http://proceedings.mlr.press/v139/park21b.html"),
      ("poster", "assets/poster/icml21_park_poster.png"),
      ("slides", "assets/slides/icml21_park_slides.pdf"),
      ("code", "https://github.com/yookoon/nac")]),
    ("ICCV", 2021, "2021-07",
     "ACAV100M: Automatic Curation of Large-Scale Datasets for Audio-Visual Video "
     "Representation Learning",
     [f"{ME}*", "Jiwan Chung*", "Youngjae Yu", "Gunhee Kim", "Thomas Breuel", "Gal Chechik",
      "Yale Song"], None, ["CVPR 2021: The Third Workshop on Learning from Unlabeled Videos"],
     [("paper", "https://arxiv.org/abs/2101.10803"),
      ("code&dataset", "https://acav100m.github.io")]),
    ("EMNLP", 2023, "2023-10", "Can Language Models Laugh at YouTube Short-form Videos?",
     ["Dayoon Ko", ME, "Gunhee Kim"], None, [],
     [("paper", "https://arxiv.org/abs/2310.14159"),
      ("code&dataset", "https://github.com/dayoon-ko/ExFunTube")]),
    ("CVPR", 2024, "2024-02",
     "Unified-IO 2: Scaling Autoregressive Multimodal Models with Vision, Language, Audio, "
     "and Action",
     ["Jiasen Lu*", "Christopher Clark*", f"{ME}*", "Zichen Zhang*", "Savya Khosla",
      "Ryan Marten", "Derek Hoiem", "Aniruddha Kembhavi"], None, [],
     [("paper", "https://arxiv.org/abs/2312.17172"),
      ("webpage", "https://unified-io-2.allenai.org")]),
]  # fmt: skip
# What the hand-kept page typed that no record says: one author list without "and", and a
# space before three link labels.
HAND_TYPED = (
    ("Derek Hoiem, Aniruddha Kembhavi", "Derek Hoiem and Aniruddha Kembhavi"),
    ('"> [', '">['),
)


pytestmark = pytest.mark.usefixtures("no_personal_templates")


def _lab(database: Database) -> None:
    """The member's papers, entered one by one as the paper form or `labnews add` would."""
    with database.session(write=True) as session:
        me = commands.add_member(session, MemberInput(name=ME, role="postdoc")).ids[0]
        commands.add_venue(
            session,
            VenueInput(
                short="YouTube-8M Workshop",
                full="CVPR 2017 Workshop on YouTube-8M Large-Scale Video Understanding",
                kind="workshop",
                parent="CVPR",
            ),
        )
        for venue, year, month, title, names, shown, also, links in PAPERS:
            authors = tuple(
                AuthorInput(
                    name.rstrip("*"),
                    me if name.rstrip("*") == ME else None,
                    equal=name.endswith("*"),
                )
                for name in names
            )
            commands.add_paper(
                session,
                PaperInput(
                    venue=venue,
                    year=year,
                    news=YearMonth.parse(month),
                    title=title,
                    authors=authors,
                    presentation=shown,
                    also_presented=tuple(also),
                    links=tuple(PaperLink(label, url) for label, url in links),
                    accepted=date(year, 1, 1) if venue == "ICLR" else None,
                ),
            )


def _same_characters(text: str) -> str:
    """HTML entities as the characters the page shows ("&deg;" is "°", "&amp;" is "&")."""
    return html.unescape(text)


def test_a_members_list_is_their_page(database: Database) -> None:
    _lab(database)
    with database.session() as session:
        _fmt, text = newsfile.render_news(
            session, newsfile.NewsRequest(format="publications", member=ME)
        )
    page = PAGE.read_bytes().decode("utf-8")
    for typed, meant in HAND_TYPED:
        assert typed in page
        page = page.replace(typed, meant)
    assert _same_characters(text).rstrip("\n") == _same_characters(page).rstrip("\n")


def test_only_the_members_papers_are_listed_and_an_unknown_member_is_refused(
    database: Database,
) -> None:
    _lab(database)
    with database.session(write=True) as session:
        commands.add_paper(
            session,
            PaperInput(venue="CVPR", year=2024, news=YearMonth(2024, 6), title="Not Theirs"),
        )
    with database.session() as session:
        _fmt, text = newsfile.render_news(
            session, newsfile.NewsRequest(format="publications", member=ME)
        )
        assert "Not Theirs" not in text
        assert len(re.findall(r"^- ", text, re.MULTILINE)) == len(PAPERS)
        with pytest.raises(Exception, match="Nobody"):
            newsfile.render_news(
                session, newsfile.NewsRequest(format="publications", member="Nobody")
            )
