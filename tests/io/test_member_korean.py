"""A member's own lists in Korean (publications and awards with --member NAME --lang ko): the
page's words are Korean, the records' own text (titles, names, venues) stays as typed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labnews.store.database import Database
from tests.conftest import Runner
from tests.io.test_member_publications import _lab
from tests.io.test_sections import _member_awards

pytestmark = pytest.mark.usefixtures("no_personal_templates")


def test_a_members_korean_publication_list_has_no_english_page_words(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    _lab(database)
    result = on(database)(
        "news", "--format", "publications", "--member", "Sangho Lee", "--lang", "ko"
    )
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == "### 논문"
    assert (
        "Youngjae Yu\\*, **Sangho Lee**\\*, Gunhee Kim and Yale Song (\\*: 동등 기여) <br/>"
        in lines
    )
    # Known presentations are worded in Korean, with the conference's own English name kept.
    assert "ICML 2021 (구두 발표, long talk) <br/>" in lines
    assert "AAAI 2018 (스포트라이트 발표, spotlight) <br/>" in lines
    assert "equal contribution" not in result.out
    assert "Publications" not in result.out
    # The same list in English is untouched by the Korean branch.
    english = on(database)("news", "--format", "publications", "--member", "Sangho Lee")
    assert "ICML 2021 (long talk) <br/>" in english.out.splitlines()
    marks = english.out.count("(\\*: equal contribution)")
    assert marks == result.out.count("(\\*: 동등 기여)") == 3


def test_a_members_korean_awards_keep_their_titles_and_word_placements_in_korean(
    database: Database, on: Callable[[Database], Runner]
) -> None:
    _member_awards(database)
    result = on(database)("news", "--format", "awards", "--member", "Sangho Lee", "--lang", "ko")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines == [
        "- [Excellent Ph.D. Thesis Award](https://sangho-vision.github.io/) (SNU CSE, 2023)",
        "  - Selected as the best doctoral thesis by Department of Computer Science and "
        "Engineering, Seoul National University",
        "- [Naver Ph.D. Fellowship](https://sangho-vision.github.io/) (Naver, 2021)",
        "  - Awarded to outstanding graduate students in the field of Computer Science for their "
        "exceptional academic research",
        "- [Youlchon AI Star Fellowship](https://aiis.snu.ac.kr/bbs/board.php?bo_table=eng4_3) "
        "(Youlchon Foundation, Nongshim Group, 2021)",
        "  - An award for those who made distinguished research achievements in core AI fields",
        "- [MovieQA Challenge @ ICCV 2017 Workshop](https://www.rsipvision.com/ICCV2017-Wednesday/)"
        " (ICCV Workshop, 2017)",
        "  - ICCV 2017 Workshop on the Joining Video and Language Understanding",
        "  - 2위",
        "- [Google Cloud & YouTube-8M Video Understanding Challenge]"
        "(https://www.kaggle.com/c/youtube8m/leaderboard) (CVPR Workshop, 2017)",
        "  - CVPR 2017 Workshop on YouTube-8M Large-Scale Video Understanding",
        "  - 655팀 중 8위 (상위 2%)",
    ]
