"""The News view's preview reads as kramdown renders the lab's block on the homepage.

The expected side is real kramdown output (tests/fixtures/kramdown, made with Jekyll: see its
README). The preview side is the News view's own rendering: ``preview_markdown`` read by Qt's
Markdown reader, the way ``NewsView.render_news`` shows a Markdown format.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument
from pytestqt.qtbot import QtBot

from labnews.gui.main_window import MainWindow
from labnews.gui.views.news import LINE_SEPARATOR, kramdown_text, preview_markdown

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED = FIXTURES / "seed_news_2022_2024.md"
KRAMDOWN = FIXTURES / "kramdown" / "seed_news_2022_2024.html"

Item = tuple[tuple[str, ...], tuple[str, ...]]
"""A list item as a reader sees it: its lines, and its bold pieces."""


def browser_lines(text: str) -> tuple[str, ...]:
    # White space collapses as in a browser: runs become one space, line ends trim.
    return tuple(" ".join(line.split()) for line in text.split(LINE_SEPARATOR))


class KramdownItems(HTMLParser):
    """The list items of kramdown's HTML: text with each <br> a line end, and the bold pieces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self._text: list[str] | None = None
        self._bold: list[str] = []
        self._strong: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self._text, self._bold = [], []
        elif tag == "br" and self._text is not None:
            self._text.append(LINE_SEPARATOR)
        elif tag == "strong":
            self._strong = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "strong" and self._strong is not None:
            self._bold.append("".join(self._strong))
            self._strong = None
        elif tag == "li" and self._text is not None:
            lines = browser_lines("".join(self._text))
            # A browser shows nothing for the last break of a block.
            if len(lines) > 1 and lines[-1] == "":
                lines = lines[:-1]
            self.items.append((lines, tuple(self._bold)))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data.replace("\n", " "))
        if self._strong is not None:
            self._strong.append(data)


def kramdown_items(page: str) -> list[Item]:
    parser = KramdownItems()
    parser.feed(page)
    return parser.items


def preview_items(document: QTextDocument) -> list[Item]:
    """Each list item of the preview: its lines (line separators) and its bold pieces."""
    items: list[Item] = []
    block = document.begin()
    while block.isValid():
        if block.textList() is not None:
            bold: list[str] = []
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid() and fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                    bold.append(fragment.text())
                fragments += 1
            items.append((browser_lines(block.text()), tuple(bold)))
        block = block.next()
    return items


def test_the_preview_of_the_seed_block_reads_as_kramdown_renders_it(qtbot: QtBot) -> None:
    """Same items, same lines, same bold: month lines inside their year, dashes, blank lines."""
    expected = kramdown_items(KRAMDOWN.read_text(encoding="utf-8"))
    document = QTextDocument()
    document.setMarkdown(preview_markdown(SEED.read_text(encoding="utf-8")))
    shown = preview_items(document)
    assert len(expected) == 3  # one item per year: kramdown nests no list for " -- " lines
    assert shown == expected
    first_lines = shown[0][0]
    assert first_lines[1].startswith("\u2013 (2024/12): Three papers accepted to NeurIPS 2024")
    assert first_lines[-1] == ""  # the <br><br> ending a year leaves one blank line
    assert not any("--" in line for lines, _bold in shown for line in lines)


def test_the_news_view_shows_the_yearly_block_as_kramdown_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The view itself: its preview of the demo lab's yearly block has kramdown's dashes."""
    window.show_view("news")
    news = window.news
    assert news.set_format("yearly")
    news.render_if_stale()
    items = preview_items(news.preview.document())
    assert items, "the yearly block previews as a list"
    assert items[0][0][0].startswith("(2024) : We have 19 papers this year")
    assert all(line.startswith("\u2013 (") for line in items[0][0][1:] if line)
    assert "--" not in news.preview_text()
    assert " -- " in news.text  # the text saved and published stays as the lab wrote it


def test_kramdown_typography_leaves_code_tags_links_and_rules_alone() -> None:
    """Only text changes: a code span, a tag's attribute, a link target and a rule keep theirs."""
    line = 'a -- b... "q" it\'s `x--y` <a title="--">k</a> [l](http://e.org/a--b) &amp;'
    assert kramdown_text(line) == (
        'a \u2013 b\u2026 \u201cq\u201d it\u2019s `x--y` <a title="--">k</a> '
        "[l](http://e.org/a--b) &amp;"
    )
    assert kramdown_text("---") == "---"
    assert kramdown_text("| --- | :-: |") == "| --- | :-: |"
    assert html.unescape(kramdown_text("x --- y")) == "x \u2014 y"
    assert re.fullmatch(r"[^-]*", kramdown_text(" -- **(2024/06)**: CVPR"))
