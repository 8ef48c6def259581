"""Chinese paper news read as clauses: counts in digits or numerals, the venue after 被, the
acronym in parentheses, and the people after 恭喜 with their role tags left off."""

from __future__ import annotations

import pytest

from labnews.io.newsclauses import read_line, zh_number


@pytest.mark.parametrize(
    ("text", "number"),
    [("3", 3), ("一", 1), ("两", 2), ("十", 10), ("十四", 14), ("二十", 20), ("二十一", 21)],
)
def test_chinese_numerals_read_as_numbers(text: str, number: int) -> None:
    assert zh_number(text) == number


def test_a_word_that_is_not_a_numeral_is_no_number() -> None:
    assert zh_number("篇") is None


@pytest.mark.parametrize(
    ("body", "count", "venue", "names"),
    [
        ("团队2篇论文(目标跟踪、显著性预测)被ECCV 2020接收.", 2, "ECCV 2020", ()),
        ("十四篇论文被CVPR 2025接收", 14, "CVPR 2025", ()),
        (
            '我们的论文"A Title"已被CCF-A类会议The IEEE/CVF Conference on Computer Vision and '
            "Pattern Recognition 2026 (CVPR 26)录用！恭喜徐一、张荔萤（本科生）！",
            1,
            "CVPR 26",
            ("徐一", "张荔萤"),
        ),
        ("我们的论文“Power Line”已被二区TOP期刊J-STARS录用。", 1, "J-STARS", ()),
    ],
)
def test_a_chinese_paper_line_reads_as_one_clause(
    body: str, count: int, venue: str, names: tuple[str, ...]
) -> None:
    clauses, unread = read_line(body)
    assert [(c.count, c.venue, c.names) for c in clauses] == [(count, venue, names)]
    assert unread == []


def test_chinese_news_that_is_not_an_acceptance_is_no_clause() -> None:
    clauses, unread = read_line("恭喜姚亮的论文在学术创新论坛中获得特等奖！")
    assert clauses == []
    assert unread
