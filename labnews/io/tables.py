"""The labnews table format shared by CSV/JSON export and import: its tables, columns and cells."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from labnews.core.paperdata import NEWS_KEY, PAPER_KEYS
from labnews.core.records import PaperLink

FORMAT: Final = "labnews"
VERSION: Final = 1
TABLES: Final = ("papers", "members", "venues", "achievements")
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    # A spreadsheet of papers starts with the id and the news month, its sort keys; the other
    # columns are the plain dict's keys, so a new paper field is a new column by itself.
    "papers": ("id", NEWS_KEY, *(key for key in PAPER_KEYS if key != NEWS_KEY)),
    "members": (
        "id",
        "name",
        "native",
        "aliases",
        "role",
        "in_news",
        "joined",
        "left",
        "homepage",
        "orcid",
        "note",
    ),
    "venues": ("id", "short", "full", "kind", "parent", "label", "month", "aliases", "homepage"),
    "achievements": (
        "id",
        "kind",
        "title",
        "date",
        "day",
        "members",
        "organisation",
        "url",
        "sentence",
        "end_year",
        "role",
        "description",
        "rank",
        "teams",
        "in_news",
        "links",
    ),
}
SEPARATOR: Final = "; "
"""Between the names of one cell (authors, aliases, members)."""
MEMBER_MARK: Final = "*"
"""After an author's name in the papers table: this author is a lab member."""
EQUAL_MARK: Final = " (equal)"
"""After an author's name (and member mark) in the papers table: an equal contribution."""
LINES: Final = "\n"
"""Between the lines of one cell (a paper's links, its also-presented-at venues)."""
_LINK_CELL: Final = re.compile(r"^\[(?P<label>.*?)\]\((?P<url>.*)\)$")


def links_cell(links: Sequence[PaperLink]) -> str:
    """A paper's links as one cell: "[label](url)", one a line, in order."""
    return LINES.join(f"[{link.label}]({link.url})" for link in links)


def links_of_cell(text: str) -> tuple[PaperLink, ...] | None:
    """The links a ``links_cell`` holds; None when a line is not "[label](url)"."""
    links = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _LINK_CELL.match(line.strip())
        if match is None:
            return None
        links.append(PaperLink(match["label"].strip(), match["url"].strip()))
    return tuple(links)


# Spreadsheets run a cell that starts with these as a formula; a leading ' keeps it text.
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r", "'")


def cell(value: Any) -> str:
    """A value as a spreadsheet cell: yes/no, names joined, a formula-like start kept as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    # A list cell (aliases, an achievement's members) is guarded like any other: its first
    # item may start a formula too.
    text = SEPARATOR.join(str(v) for v in value) if isinstance(value, list) else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def uncell(text: str) -> str:
    """A cell as ``cell`` wrote it: the ' that kept a formula-like value as text removed."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text
