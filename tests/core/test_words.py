"""Counts as words in sentences ("Three papers"), as digits in tallies ("19 papers"), in Korean."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labnews.core.words import (
    count_digits,
    count_words,
    korean_count,
    number_word,
    plural,
    word_number,
)


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (10, "ten"),
        (13, "thirteen"),
        (19, "nineteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (40, "forty"),
        (42, "forty-two"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (105, "one hundred and five"),
        (110, "one hundred and ten"),
        (121, "one hundred and twenty-one"),
        (300, "three hundred"),
        (999, "nine hundred and ninety-nine"),
    ],
)
def test_number_word_spells_english_numbers(n: int, word: str) -> None:
    assert number_word(n) == word


@pytest.mark.parametrize(("n", "text"), [(1000, "1000"), (12345, "12345"), (-1, "-1")])
def test_number_word_falls_back_to_digits_outside_0_to_999(n: int, text: str) -> None:
    assert number_word(n) == text


@settings(database=None)
@given(st.integers(0, 999))
def test_number_word_is_lowercase_words_without_digits(n: int) -> None:
    word = number_word(n)
    assert re.fullmatch(r"[a-z]+(?:[- ][a-z]+)*", word), word


def test_number_word_gives_every_number_up_to_999_its_own_words() -> None:
    words = [number_word(n) for n in range(1000)]
    assert len(set(words)) == 1000


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "Zero papers"),
        (1, "One paper"),
        (2, "Two papers"),
        (3, "Three papers"),
        (6, "Six papers"),
        (19, "Nineteen papers"),
        (21, "Twenty-one papers"),
        (105, "One hundred and five papers"),
    ],
)
def test_count_words_capitalises_the_number_and_agrees_the_noun(n: int, text: str) -> None:
    assert count_words(n) == text


def test_count_words_never_says_one_papers() -> None:
    assert count_words(1) != "One papers"
    assert count_words(1) == "One paper"


def test_count_words_with_another_noun_and_lowercase() -> None:
    assert count_words(2, "award") == "Two awards"
    assert count_words(1, "talk", capitalize=False) == "one talk"
    assert count_words(21, capitalize=False) == "twenty-one papers"


@pytest.mark.parametrize(
    ("n", "text"), [(0, "0 papers"), (1, "1 paper"), (2, "2 papers"), (19, "19 papers")]
)
def test_count_digits_uses_digits_and_agrees_the_noun(n: int, text: str) -> None:
    assert count_digits(n) == text


def test_count_digits_with_another_noun() -> None:
    assert count_digits(1, "award") == "1 award"
    assert count_digits(4, "grant") == "4 grants"


def test_plural_uses_the_given_irregular_form() -> None:
    assert plural(1, "child", "children") == "child"
    assert plural(2, "child", "children") == "children"
    assert plural(0, "paper") == "papers"


@pytest.mark.parametrize(("n", "text"), [(1, "논문 1편"), (3, "논문 3편"), (19, "논문 19편")])
def test_korean_count_uses_digits_and_a_counter_word(n: int, text: str) -> None:
    assert korean_count(n) == text


def test_korean_count_with_another_noun_and_counter() -> None:
    assert korean_count(2, "수상", "건") == "수상 2건"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("one", 1),
        ("Three", 3),
        ("nineteen", 19),
        ("twenty", 20),
        ("Twenty-one", 21),
        ("ninety nine", 99),
        ("hundred", None),
        ("twenty-ten", None),
        ("papers", None),
    ],
)
def test_word_number_reads_back_what_number_word_writes(text: str, number: int | None) -> None:
    assert word_number(text) == number


def test_word_number_is_the_inverse_of_number_word_below_a_hundred() -> None:
    assert all(word_number(number_word(n)) == n for n in range(100))
