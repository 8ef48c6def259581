"""Adopting labnews on a hand-kept page: wrap its news block in the labnews markers.

The block is the contiguous region of the page the news importer read as news: from the first to
the last line a planned paper, achievement or duplicate came from, with the year/tally lines
directly above it and the continuation lines of its last item. Every byte outside it is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from labnews.core.errors import LabnewsError
from labnews.io.files import write_atomic
from labnews.io.homepage import END_MARKER, START_MARKER, PageChange
from labnews.io.importers import reads_as_page
from labnews.io.newspage import Page, PageItem
from labnews.io.plan import ImportPlan

# A line with its own ending, as the page has it (\r\n, \r or \n), so lines join back byte-exact.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_ENDING = re.compile(r"\r\n|\r|\n")
_LIST_START = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")


@dataclass(frozen=True, slots=True)
class Adoption(PageChange):
    """The page before and after wrapping; ``first``/``last`` are the block's 1-based lines."""

    first: int = 0
    last: int = 0
    done: ClassVar[str] = "adopted"

    @property
    def already_adopted(self) -> bool:
        return self.before == self.after


def read_page_text(path: Path) -> str:
    """The page as UTF-8 text, undecoded bytes refused (the wrapped page is written as UTF-8)."""
    if not reads_as_page(path):
        # A data file has no lines to wrap in markers: its theme's layout writes the page.
        raise LabnewsError(
            f"{path} is a news data file, not a page; import it with `labnews import news {path}`"
        )
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise LabnewsError(f"{path} is a folder; adopt takes the one page with the news") from None
    except OSError as exc:
        raise LabnewsError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LabnewsError(f"{path} is not UTF-8 text") from None


def news_lines(plan: ImportPlan) -> set[int]:
    """The page lines the plan read as news: papers, achievements, and those already held."""
    lines = {p.line for p in plan.papers if p.line is not None}
    lines |= {a.line for a in plan.achievements if a.line is not None}
    # A re-import leaves out what the lab holds; those lines are news all the same.
    lines |= {f.line for f in plan.of_kind("duplicate") if f.line is not None}
    return lines


def _is_heading_item(item: PageItem) -> bool:
    """A year or tally line ("- **(2024)** : We have 19 papers"): dated, with no month."""
    return item.month is None and (item.tally_total is not None or not item.clauses)


def block_lines(page: Page, lines: set[int], text_lines: list[str]) -> tuple[int, int]:
    """The block's first and last lines (1-based) around the news lines."""
    first, last = min(lines), max(lines)
    # Year/tally lines right above the first news line head the block: a publish rewrites them.
    items = sorted(page.items, key=lambda item: item.line)
    above = [item for item in items if item.line < first]
    while above and _is_heading_item(above[-1]):
        first = above.pop().line
    # The last news item may go on over indented continuation lines; they belong to it.
    starts = {item.line for item in items}
    while last < len(text_lines):
        following = _ENDING.sub("", text_lines[last])
        if (
            not following.strip()
            or last + 1 in starts
            or not following[:1].isspace()
            or _LIST_START.match(following)
        ):
            break
        last += 1
    return first, last


def plan_adoption(path: Path, text: str, page: Page, plan: ImportPlan) -> Adoption:
    """The page with its news block wrapped in the markers (unchanged when it has them)."""
    has_start, has_end = START_MARKER in text, END_MARKER in text
    if has_start and has_end:
        return Adoption(path, text, text)
    if has_start or has_end:
        raise LabnewsError(
            f"{path} has one labnews marker line but not the other; "
            f"remove it or add the other ({START_MARKER} and {END_MARKER})"
        )
    lines = news_lines(plan)
    if not lines:
        raise LabnewsError(f"{path} has no news lines labnews can read; nothing to adopt")
    text_lines = _LINE.findall(text)
    first, last = block_lines(page, lines, text_lines)
    match = _ENDING.search(text)
    newline = match.group(0) if match else "\n"
    head = "".join(text_lines[: first - 1])
    block = "".join(text_lines[first - 1 : last])
    tail = "".join(text_lines[last:])
    if not _ENDING.search(block[-2:]):
        # The block is the file's last line, without an ending: the end marker needs its own line.
        block += newline
    after = f"{head}{START_MARKER}{newline}{block}{END_MARKER}{newline}{tail}"
    if not tail and not text.endswith(("\n", "\r")):
        after = after[: -len(newline)]
    return Adoption(path, text, after, first, last)


def write_adoption(adoption: Adoption) -> Path | None:
    """Write the wrapped page atomically, the original kept as PAGE.bak; None if unchanged."""
    if adoption.already_adopted:
        return None
    backup = adoption.path.with_name(adoption.path.name + ".bak")
    write_atomic(backup, adoption.before.encode("utf-8"), mode_of=adoption.path)
    write_atomic(adoption.path, adoption.after.encode("utf-8"))
    return backup
