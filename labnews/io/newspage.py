"""Read an existing news page (the lab's own format and the common variants) into dated items.

Reading goes in two steps. ``read_page`` here turns text into dated items and reads each item as
a tally line, paper clauses (``io/newsclauses.py``) or another kind of news; it needs no database.
``io/newsplan.py`` then resolves names and venues against the database and checks the page's own
arithmetic.

The page's structure (list items, nesting by indentation, continuation lines, HTML ``<li>`` and
``<br>`` breaks, comments) is read by a small line scanner rather than a full Markdown parser:
it keeps what a news block needs and reads a 100,000-line page in linear time. Every pattern
below is written so that no input makes it backtrack more than a bounded amount per character.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from labnews.core.errors import LabnewsError
from labnews.core.records import MAX_YEAR, MIN_YEAR
from labnews.io.newsclauses import PageClause, labelled_names, read_line, read_tally
from labnews.store.database import read_file_bytes

MAX_PAGE = 20_000_000
"""Characters of page text read at most: a larger file is refused, not read slowly."""


_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def _month_name(group: str) -> str:
    return (
        rf"(?P<{group}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
        r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
    )


_DAY = r"(?:st|nd|rd|th)?"
# The date an item starts with, after markup is stripped: 2024/06, 2024.06, 2024-06-18, 06/2024,
# Jun 2024, Jun. 2024, June 18, 2024, 18 June 2024, 2024년 6월; or a bare (2024) for a tally line.
_DATE = re.compile(
    r"(?:(?P<y1>\d{4})[./-](?P<m1>\d{1,2})(?:[./-](?P<d1>\d{1,2}))?(?![\d.]\d)"
    rf"|{_month_name('n2')}\.?,?\s?(?:(?P<d2>\d{{1,2}}){_DAY},?\s)?\s?(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}}){_DAY}\s?{_month_name('n3')}\.?,?\s?(?P<y3>\d{{4}})"
    r"|(?P<m4>\d{1,2})[./](?P<y4>\d{4})"
    r"|(?P<y5>\d{4})\s?년\s?(?P<m5>\d{1,2})\s?월(?:\s?(?P<d5>\d{1,2})\s?일)?"
    r"|(?P<y6>\d{4}))(?![\d./]\d)",
    re.IGNORECASE,
)
# A month without a year, under a year heading: "- Jun: ...", "- June 18: ...".
_MONTH_ONLY = re.compile(
    rf"{_month_name('n')}\.?(?:\s?(?P<d>\d{{1,2}}){_DAY}(?!\d))?", re.IGNORECASE
)
_LEAD = re.compile(r"[\s\-*+•>#|\[(_~]*")
_AFTER_DATE = re.compile(r"[\s\])}*_:\-–—|,~>.]*")

_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_ESCAPE = re.compile(r"\\([\[\]()*_#<>`~|.!-])")
_LIQUID = re.compile(r"\{%[^%{}]{0,500}%\}|\{\{[^{}]{0,500}\}\}")
_IMAGE = re.compile(r"!\[[^\[\]]{0,1000}\]\([^()\s]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]]{0,1000})\]\([^()\s]{0,2000}\)")
# A single * or _ that opens or closes emphasis (each branch starts with its character: fast).
_EMPHASIS = re.compile(
    r"\*(?:(?<![\w*]\*)(?!\s)|(?<!\s\*)(?![\w*]))|_(?:(?<!\w_)(?=\S)|(?<=\S_)(?!\w))"
)
_EMOJI = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u3030\u303d\u3297\u3299\ue000-\uf8ff\ufe00-\ufe0f\u200b-\u200f\u2060\u20e3"
    "\U0001f000-\U0001faff\U000e0000-\U000e007f\U000f0000-\U0010ffff\ud800-\udfff]"
)
_BREAK_TAG = re.compile(
    r"<(?P<close>/?)(?P<tag>br|li|p|div|ul|ol|tr|h[1-6]|dt|dd|table|section|article)"
    r"(?![A-Za-z0-9])[^<>]{0,500}>",
    re.IGNORECASE,
)
_MARKER = re.compile(r"(?:[-*+•]|\d{1,3}[.)])(?=\s|$)")
_HEADING = re.compile(r"#{1,6}(?=\s|$)")
# YAML (---) or TOML (+++) front matter, closed by the fence that opened it.
_FRONT_MATTER = re.compile(
    r"(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>(?:[^\n]*\n){0,200}?)(?P=fence)[ \t]*(?:\n|$)"
)
_LEADING_COMMENTS = re.compile(r"(?:[ \t]*<!--(?:(?!-->)[^\n]){0,2000}-->[ \t]*\n)*")
_FRONT_DATE = re.compile(r"^date\s?[:=]\s*['\"]?(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", re.MULTILINE)
_YAML_LINE = re.compile(r"[A-Za-z_][\w.-]*\s*[:=]|\[|\s|-\s|#")
_EDITION = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|['’]\d{2}(?!\d)")
_FILE_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")


_ACHIEVEMENT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("challenge", re.compile(r"\b(challenge|competition|hackathon|leaderboard)\b", re.I)),
    (
        "award",
        re.compile(
            r"\b(award|awarded|awards|prize|won|wins|winner|honou?r|commendation|medal"
            r"|scholarship|fellowship|best paper|recogni[sz]ed)\b",
            re.I,
        ),
    ),
    ("grant", re.compile(r"\b(grant|granted|funded|funding|project selected)\b", re.I)),
    (
        "talk",
        re.compile(
            r"\b(talk|keynote|invited|tutorial|seminar|lecture|presented at|speaker)\b", re.I
        ),
    ),
    (
        "service",
        re.compile(
            r"\b(area chair|program committee|serve[sd]? as|serving as|reviewer"
            r"|organi[sz]er|editor)\b",
            re.I,
        ),
    ),
    ("media", re.compile(r"\b(interview|featured in|press|news article|media|covered by)\b", re.I)),
)


@dataclass
class PageItem:
    """One dated line of the page, read."""

    line: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    tally_total: int | None = None
    tally_items: list[tuple[str, int]] = field(default_factory=list)
    clauses: list[PageClause] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    origin: str = ""
    children: int = 0


@dataclass
class Page:
    """A whole page: its dated items, and the lines it could not date."""

    source: str
    items: list[PageItem] = field(default_factory=list)
    undated: list[tuple[int, str]] = field(default_factory=list)


# --- text clean-up -----------------------------------------------------------------------------


def _cut_comments(text: str, position: int = 0) -> tuple[str, bool]:
    """Text from ``position`` with every ``<!-- ... -->`` made a space, and whether the last
    comment is still open (it then runs to the end)."""
    out = []
    while True:
        start = text.find("<!--", position)
        if start < 0:
            out.append(text[position:])
            return "".join(out), False
        out.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(out), True
        out.append(" ")
        position = end + 3


def _strip_comment_spans(text: str) -> str:
    """Text with every ``<!-- ... -->`` removed; an unclosed comment runs to the end."""
    if "<!--" not in text:
        return text
    return _cut_comments(text)[0]


def clean_text(raw: str) -> str:
    """Markup and noise removed: comments, tags, entities (&nbsp;), emoji, emphasis, spaces."""
    text = _strip_comment_spans(raw.replace("\x00", ""))
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = text.replace("&nbsp;", " ")
        if "&" in text:
            text = html.unescape(text)
    if not text.isascii():
        text = _EMOJI.sub(" ", text.replace("\xa0", " "))
    if "{" in text:
        text = _LIQUID.sub(" ", text)
    if "\\" in text:  # Markdown escapes: "**\[Feb 2024\]**" is "[Feb 2024]"
        text = _ESCAPE.sub(r"\1", text)
    if "*" in text or "_" in text:
        # "***<font>TGRS</font>***": bold italic around a tag, the tag gone, leaves "*** TGRS ***"
        text = text.replace("***", "").replace("**", "").replace("__", "")
        if "*" in text or "_" in text:
            text = _EMPHASIS.sub("", text)
    if "](" in text:
        text = _IMAGE.sub(" ", text)
        text = _LINK.sub(r"\1", text)
    return " ".join(text.split())


def _valid_day(year: int, month: int, day: str | None) -> int | None:
    if not day:
        return None
    value = int(day)
    return value if 1 <= value <= calendar.monthrange(year, month)[1] else None


def _split_date(text: str) -> tuple[int | None, int | None, int | None, str]:
    """The date an item starts with (year, month, day) and the rest of the text."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    match = _DATE.match(text, start)
    if match is None:
        return None, None, None, text
    day: str | None = None
    month: int | None
    if match["y1"]:
        year, month, day = int(match["y1"]), int(match["m1"]), match["d1"]
    elif match["y2"]:
        year, month, day = int(match["y2"]), _MONTHS[match["n2"].lower()], match["d2"]
    elif match["y3"]:
        year, month, day = int(match["y3"]), _MONTHS[match["n3"].lower()], match["d3"]
    elif match["y4"]:
        year, month = int(match["y4"]), int(match["m4"])
    elif match["y5"]:
        year, month, day = int(match["y5"]), int(match["m5"]), match["d5"]
    else:
        year, month = int(match["y6"]), None
    if not MIN_YEAR <= year <= MAX_YEAR or (month is not None and not 1 <= month <= 12):
        return None, None, None, text
    after = _AFTER_DATE.match(text, match.end())
    rest = text[after.end() if after else match.end() :]
    return year, month, _valid_day(year, month, day) if month else None, rest.strip()


def _split_month(text: str, year: int) -> tuple[int | None, int | None, str]:
    """A month without a year ("Jun:", "June 18 -") under a year heading, and the rest."""
    lead = _LEAD.match(text)
    match = _MONTH_ONLY.match(text, lead.end() if lead else 0)
    if match is None:
        return None, None, text
    month = _MONTHS[match["n"].lower()]
    after = _AFTER_DATE.match(text, match.end())
    rest = text[after.end() if after else match.end() :].strip()
    return month, _valid_day(year, month, match["d"]), rest


# --- structure ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    """A piece of the page's text: where it starts, and how it relates to the one before."""

    line: int
    text: str
    start: bool  # a new item (list marker, <li>, <br>, heading, paragraph); else a continuation
    depth: int  # nesting: a piece inherits the date of the last dated piece less deep than it


def _pieces(text: str, first_line: int = 1) -> Iterator[_Piece]:
    """The page's text pieces in order, with their line numbers and nesting.

    A list item's depth grows with its indentation; a line that is neither blank nor a new list
    item continues the one before (the lab's month lines are continuation lines of the year's
    list item); HTML is split at ``<li>``, ``<br>``, ``<p>`` and the like; comments are dropped,
    and a line that held only a comment is as if it were not there.
    """
    in_comment = False
    paragraph = False  # whether the previous line left a paragraph open
    depth = 0
    html_depth = 0
    pending_break = False
    for offset, raw in enumerate(text.split("\n")):
        line = raw
        if in_comment or "<!--" in line:
            position = 0
            if in_comment:
                end = line.find("-->")
                if end < 0:
                    continue
                position = end + 3
            line, in_comment = _cut_comments(line, position)
            if not line.strip():
                continue
        expanded = line.expandtabs(4) if "\t" in line else line
        content = expanded.lstrip(" ")
        if not content.strip():
            paragraph = False
            continue
        indent = len(expanded) - len(content)
        start = True
        heading = _HEADING.match(content)
        marker = _MARKER.match(content) if heading is None else None
        if heading is not None:
            content, depth = content[heading.end() :], -1
        elif marker is not None:
            content, depth = content[marker.end() :], indent + 1
        elif paragraph:
            start = False
        else:
            depth = indent
        paragraph = heading is None
        number = first_line + offset
        if "<" not in content:
            yield _Piece(number, content, start or pending_break, depth + 1000 * html_depth)
            pending_break = False
            continue
        position = 0
        for tag in _BREAK_TAG.finditer(content):
            before = content[position : tag.start()]
            if before.strip():
                yield _Piece(number, before, start or pending_break, depth + 1000 * html_depth)
                start = pending_break = False
            name = tag["tag"].lower()
            if name in {"ul", "ol"}:
                html_depth = max(0, html_depth + (-1 if tag["close"] else 1))
            pending_break = True
            position = tag.end()
        rest = content[position:]
        if rest.strip():
            yield _Piece(number, rest, start or pending_break, depth + 1000 * html_depth)
            pending_break = False


@dataclass
class _Reading:
    """An item being read: its first piece (whole, and after its date), the pieces that
    continue it, and the items nested under it."""

    item: PageItem
    head: str
    rest: str
    more: list[str] = field(default_factory=list)
    children: list[_Reading] = field(default_factory=list)


def _read_body(text: str, first_line: int, origin: str) -> tuple[list[_Reading], Page]:
    page = Page(origin)
    readings: list[_Reading] = []
    stack: list[tuple[int, _Reading]] = []
    current: _Reading | None = None
    undated_open = False
    for piece in _pieces(text, first_line):
        cleaned = clean_text(piece.text)
        if not cleaned:
            continue
        year, month, day, rest = _split_date(cleaned)
        if year is None and not piece.start:
            if current is not None:
                current.more.append(cleaned)
                continue
            if undated_open:
                line, before = page.undated[-1]
                page.undated[-1] = (line, f"{before} {cleaned}")
                continue
        while stack and stack[-1][0] >= piece.depth:
            stack.pop()
        parent = stack[-1][1] if stack else None
        inherited = year is None and parent is not None
        if parent is not None and year is None:
            year, month, day = parent.item.year, parent.item.month, parent.item.day
            rest = cleaned
            if month is None and year is not None:
                month, day, rest = _split_month(cleaned, year)
        if year is None:
            page.undated.append((piece.line, cleaned))
            current, undated_open = None, True
            continue
        reading = _Reading(
            PageItem(line=piece.line, text="", year=year, month=month, day=day, origin=origin),
            cleaned,
            rest,
        )
        if parent is not None and inherited:
            parent.children.append(reading)
        readings.append(reading)
        stack.append((piece.depth, reading))
        current, undated_open = reading, False
    for reading in readings:
        reading.item.text = " ".join([reading.rest, *reading.more]).strip()
        reading.item.children = len(reading.children)
        _read_item(reading.item)
    return readings, page


def _titles_from_children(readings: list[_Reading]) -> set[int]:
    """Under "Two papers accepted to X:", two nested lines are the papers' titles.

    Returns the ids of the child items so used; they are not items of their own any more.
    """
    used: set[int] = set()
    for reading in readings:
        item = reading.item
        kids = [r.item for r in reading.children]
        if (
            len(item.clauses) != 1
            or not kids
            or item.clauses[0].count != len(kids)
            or item.clauses[0].titles
            or any(k.clauses or k.tally_total is not None or k.children for k in kids)
            or any(achievement_kind(k.text) for k in kids)
        ):
            continue
        titles = tuple(k.text.strip(" \"“”'‘’.")[:500] for k in kids)
        if not all(titles):
            continue
        item.clauses[0] = replace(item.clauses[0], titles=titles)
        used.update(id(k) for k in kids)
    return used


def _blocks_with_names(readings: list[_Reading]) -> set[int]:
    """A heading line with its bullets, "Authors: A, B" among them, is one paper's block.

    "**BMVC 2025 Paper Acceptance**" / "- **Authors:** A, B" / "- ...BMVC 2025에 논문이
    채택되었습니다.": the names line credits the block's one paper clause. Returns the ids of
    the items so used (the names line, and the heading when it only titles the block).
    """
    used: set[int] = set()
    for reading in readings:
        if not reading.children or reading.item.tally_total is not None:
            continue
        block = [reading.item, *(r.item for r in reading.children if not r.children)]
        with_clauses = [item for item in block if item.clauses]
        named = [(item, labelled_names(item.text)) for item in block[1:]]
        names_lines = [(item, names) for item, names in named if names is not None]
        if len(with_clauses) != 1 or len(with_clauses[0].clauses) != 1 or not names_lines:
            continue
        owner = with_clauses[0]
        clause = owner.clauses[0]
        names = tuple(dict.fromkeys(n for _, found in names_lines for n in found))
        if not clause.names and names:
            owner.clauses[0] = replace(clause, names=names, greeted=True)
        used.update(id(item) for item, _ in names_lines)
        if owner is not reading.item and not reading.item.clauses:
            used.add(id(reading.item))
    return used


def read_page(text: str, source: str = "page") -> Page:
    """Read a news page's text into dated items; undated lines are kept apart, not dropped."""
    if len(text) > MAX_PAGE:
        raise LabnewsError(f"{source} is too large to be a news page ({len(text):,} characters)")
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    first_line = 1
    lead = _LEADING_COMMENTS.match(text)
    if lead is not None and lead.end():
        # "<!-- source: ... -->" above a news file's front matter: the front matter still leads.
        first_line += text.count("\n", 0, lead.end())
        text = text[lead.end() :]
    date: tuple[int, int, int | None] | None = None
    front = _FRONT_MATTER.match(text)
    if front and all(_YAML_LINE.match(line) for line in front["body"].splitlines() if line):
        found = _FRONT_DATE.search(front["body"]) or _FILE_DATE.match(Path(source).name)
        if found:
            date = int(found[1]), int(found[2]), int(found[3]) if found[3] else None
        first_line += front.group(0).count("\n")
        text = text[front.end() :]
    readings, page = _read_body(text, first_line, "")
    page.source = source
    if date is not None and not any(r.item.month for r in readings):
        # An al-folio news file: the date is in its front matter, the news is the whole body.
        return _one_dated_item(page, readings, date, source)
    used = _titles_from_children(readings) | _blocks_with_names(readings)
    page.items = [r.item for r in readings if id(r.item) not in used]
    return page


def _one_dated_item(
    page: Page, readings: list[_Reading], date: tuple[int, int, int | None], source: str
) -> Page:
    year, month, day = date
    texts = [(line, text) for line, text in page.undated]
    texts += [(r.item.line, " ".join([r.head, *r.more])) for r in readings]
    texts.sort()
    body = " ".join(text for _, text in texts if text)
    result = Page(source)
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        result.undated = [(line, f"{source}: {text}") for line, text in texts]
        return result
    if body:
        item = PageItem(
            line=texts[0][0],
            text=body,
            year=year,
            month=month,
            day=_valid_day(year, month, str(day) if day else None),
        )
        _read_item(item)
        result.items.append(item)
    return result


def _read_item(item: PageItem) -> None:
    body = item.text
    item.clauses, item.unread, item.tally_total, item.tally_items = [], [], None, []
    if item.month is None:
        # "CVPR 2025에 논문 2편이 채택": a paper clause at a venue with its edition is news, not
        # a tally; "2024: 5 papers (3 CVPR, 2 ICCV)" names no edition and stays a tally.
        clauses, unread = read_line(body)
        if any(_EDITION.search(c.venue) for c in clauses):
            item.clauses, item.unread = clauses, unread
            return
        tally = read_tally(body)
        if tally is not None:
            item.tally_total, item.tally_items, odd = tally
            item.notes.extend(f"tally item not understood: {p!r}" for p in odd)
            return
        # "*2026*: Two papers accepted to Pattern Recognition": news dated by the year alone.
        if clauses:
            item.clauses, item.unread = clauses, unread
        return
    item.clauses, item.unread = read_line(body)


def read_folder(folder: Path) -> Page:
    """An al-folio ``_news/`` folder: one news item per Markdown or HTML file."""
    page = Page(str(folder))
    files = sorted(p for p in folder.iterdir() if _is_news_file(p))
    if not files:
        raise LabnewsError(f"{folder} holds no .md or .html news files")
    for path in files:
        one = read_page(read_news_text(path), path.name)
        for item in one.items:
            item.origin = path.name
            page.items.append(item)
        page.undated.extend(
            (line, text if text.startswith(f"{path.name}: ") else f"{path.name}: {text}")
            for line, text in one.undated
        )
    return page


def _is_news_file(path: Path) -> bool:
    """A Markdown or HTML file, or one with no suffix that opens with front matter (al-folio
    publishes any file of ``_news`` with front matter: ``announcement_3`` is an item too)."""
    if path.suffix.lower() in {".md", ".markdown", ".html"}:
        return True
    if path.suffix or not path.is_file():
        return False
    try:
        with path.open("rb") as stream:
            return stream.read(4) in {b"---\n", b"---\r", b"+++\n", b"+++\r"}
    except OSError:
        return False


def read_news_text(path: Path) -> str:
    """A news file's text: UTF-8 (a BOM allowed), UTF-16 with its BOM, or Korean cp949; binary
    data and files too large to be news are refused in one line."""
    try:
        data = read_file_bytes(path)
    except OSError as exc:
        raise LabnewsError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_PAGE:
        raise LabnewsError(f"{path} is too large to be a news file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:8192]:
        # A database, an image, a PDF: decoding it as cp949 would "read" it as a page.
        raise LabnewsError(f"{path.name} is not a text file (it holds binary data)")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read_source(path: Path) -> Page:
    """A news page file, or an al-folio news folder."""
    if path.is_dir():
        return read_folder(path)
    if not path.exists():
        raise LabnewsError(f"{path} does not exist")
    return read_page(read_news_text(path), path.name)


def achievement_kind(text: str) -> str | None:
    """The kind of achievement a line of news tells of, if it tells of one."""
    for kind, pattern in _ACHIEVEMENT_WORDS:
        if pattern.search(text):
            return kind
    return None
