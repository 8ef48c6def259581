"""Counts as words: "One paper", "Twenty-one papers"; and the Korean forms ("논문 3편")."""

from __future__ import annotations

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


NUMBER_WORDS: frozenset[str] = frozenset(_ONES) | frozenset(_TENS[2:])
"""The English words counts are written with (below one hundred)."""


def number_word(n: int) -> str:
    """English words for ``n`` ("twenty-one", "one hundred and five"); digits past 999."""
    if n < 0 or n > 999:
        return str(n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_ONES[hundreds]} hundred"
    return head + (f" and {number_word(rest)}" if rest else "")


def word_number(text: str) -> int | None:
    """The number an English count word means ("three", "twenty-one", "Twenty one"), or None.

    The inverse of ``number_word`` below one hundred, for reading counts back from pages.
    """
    token = " ".join(text.casefold().replace("-", " ").split())
    if token in _ONES:
        return _ONES.index(token)
    tens, _, ones = token.partition(" ")
    if tens in _TENS[2:]:
        if not ones:
            return _TENS.index(tens) * 10
        if ones in _ONES[1:10]:
            return _TENS.index(tens) * 10 + _ONES.index(ones)
    return None


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """The noun for ``n`` of it: "paper" or "papers"."""
    return singular if n == 1 else (plural_form or singular + "s")


def count_words(n: int, singular: str = "paper", *, capitalize: bool = True) -> str:
    """A count in words with its noun: "One paper", "Three papers", "Twenty-one papers"."""
    text = f"{number_word(n)} {plural(n, singular)}"
    return text[:1].upper() + text[1:] if capitalize else text


def count_digits(n: int, singular: str = "paper") -> str:
    """A count in digits with its noun: "1 paper", "19 papers"."""
    return f"{n} {plural(n, singular)}"


def korean_count(n: int, noun: str = "논문", counter: str = "편") -> str:
    """A Korean count: "논문 3편" (Korean uses digits and a counter word, no plural)."""
    return f"{noun} {n}{counter}"


_ORDINAL_WORDS = (
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
)


def author_position(n: int, lang: str = "en") -> str:
    """An author's place in the list as a portfolio says it: "First Author" ("제1저자")."""
    if lang == "ko":
        return f"제{n}저자"
    if 1 <= n <= len(_ORDINAL_WORDS):
        return f"{_ORDINAL_WORDS[n - 1]} Author"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} Author"
