"""Read an existing news page (the lab's own format and the common variants) into an ImportPlan.

Reading goes in two steps. ``read_page`` turns text into dated items (markdown-it-py gives the
structure, so continuation lines and nested lists are kept; HTML blocks and comments are
handled) and reads each item as a tally line, paper clauses or another kind of news. ``plan_page``
then resolves names and venues against the database and checks the page's own arithmetic.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from labnews.core.errors import LabnewsError
from labnews.core.inputs import VenueInput
from labnews.core.records import MAX_YEAR, MIN_YEAR, YearMonth
from labnews.io.plan import (
    ImportPlan,
    MemberPlanner,
    PlannedAchievement,
    PlannedAuthor,
    PlannedPaper,
    VenuePlanner,
)

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
_MONTH_NAME = (
    r"(?P<mname>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# The date an item starts with, after markup is stripped: 2024/06, 2024.06, 2024-06-18,
# Jun 2024, Jun. 2024, June 2024; or a bare (2024) for a year's tally line.
_DATE = re.compile(
    r"^(?:(?P<y1>\d{4})\s*[./-]\s*(?P<m1>\d{1,2})(?:\s*[./-]\s*(?P<d1>\d{1,2}))?(?!\d)"
    rf"|{_MONTH_NAME}\.?,?\s+(?:(?P<d2>\d{{1,2}}),?\s+)?(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})(?!\d))",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^[\s\-*+•>#|]*[\[(*_\s]*")
_AFTER_DATE = re.compile(r"^[\s\])*_]*(?:[:\-–—|]+[\s*_]*)*")
_TAG = re.compile(r"<[^>]{0,500}>")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</li>|</p>|</div>|\n", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?", re.DOTALL)
_FRONT_DATE = re.compile(r"^date:\s*['\"]?(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", re.MULTILINE)

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
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
            "twenty",
        ]
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_COUNT = r"(?P<count>\d{1,3}\s*x|\d{1,3}|[a-z]+(?:-[a-z]+)?|a|an|our|one)"
_CLAUSE = re.compile(
    r"^(?:(?:we|our lab|the lab)\s+(?:have|has|got)\s+)?"
    rf"{_COUNT}\s+(?:(?:new|full|main|long|short|oral|spotlight)\s+)*"
    r"(?:papers?|works?|articles?|manuscripts?)\b(?P<title>\s*[\"“'‘].*?[\"”'’])?\s*"
    r"(?:(?:is|are|was|were|has been|have been|got|get|gets|been)\s+)?"
    r"(?:accepted|published|to appear|appear(?:s|ed)?)\s+(?:(?:to|at|in|by|for|on)\s+)?(?:the\s+)?"
    r"(?P<venue>.+?)\s*(?:\((?P<names>[^()]*)\))?\s*[.!]*\s*$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(
    r",\s*(?=(?:\d{1,3}\s*x|\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:new\s+)?"
    r"(?:papers?|works?|articles?)\b)",
    re.IGNORECASE,
)
_KOREAN_CLAUSE = re.compile(
    r"^(?P<venue>.+?)\s*논문\s*(?P<count>\d{1,3})\s*편\s*(?:채택|게재|승인)\s*"
    r"(?:\((?P<names>[^()]*)\))?\s*$"
)
_TALLY = re.compile(
    r"(?:we\s+have\s+)?\**\s*(?P<total>\d{1,4})\s*papers?\s*\**\s*(?:this\s+year|in\s+total|total)?"
    r"\s*\((?P<items>[^()]*)\)",
    re.IGNORECASE,
)
_KOREAN_TALLY = re.compile(r"논문\s*\**\s*(?P<total>\d{1,4})\s*편\s*\**\s*\((?P<items>[^()]*)\)")
_TALLY_ITEM = re.compile(r"^\s*(?P<count>\d{1,4})\s+(?P<label>.+?)\s*$")
_KOREAN_TALLY_ITEM = re.compile(r"^\s*(?P<label>.+?)\s+(?P<count>\d{1,4})\s*편\s*$")
_VENUE_YEAR = re.compile(r"^(?P<name>.*?)\s*(?:(?:['’‘]|-|\s)\s*(?P<year>\d{4}|(?<=['’‘])\d{2}))$")
_FINDINGS = re.compile(
    r"^(?:findings\s+of\s+(?:the\s+)?)(?P<name>.+)$|^(?P<name2>.+?)\s+findings$", re.I
)
_WORKSHOP = re.compile(r"^(?P<name>.+?)\s*(?:-\s*)?(?:workshops?|w)$", re.IGNORECASE)

_ACHIEVEMENT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("challenge", re.compile(r"\b(challenge|competition|hackathon|leaderboard)\b", re.I)),
    (
        "award",
        re.compile(
            r"\b(award|awarded|prize|won|wins|honou?r|commendation|medal|scholarship"
            r"|fellowship|best paper|recogni[sz]ed)\b",
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
_NOT_NEWS_OF_RECORD = re.compile(
    r"\b(defen[cs]e|defended|graduat\w*|joined|joins|welcome|new member|visit\w*|moved to)\b", re.I
)


@dataclass(frozen=True, slots=True)
class PageClause:
    """One "N papers accepted to VENUE (names)" clause as the page writes it."""

    count: int
    venue: str
    names: tuple[str, ...]
    title: str = ""


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


@dataclass
class Page:
    """A whole page: its dated items, and the lines it could not date."""

    source: str
    items: list[PageItem] = field(default_factory=list)
    undated: list[tuple[int, str]] = field(default_factory=list)


# --- text clean-up -----------------------------------------------------------------------------


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) in {"So", "Sk", "Cs", "Co"}
        or 0x1F000 <= code <= 0x1FAFF
        or 0xFE00 <= code <= 0xFE0F
        or code == 0x200D
    )


def clean_text(raw: str) -> str:
    """Markup and noise removed: tags, entities (&nbsp;), emoji, emphasis, extra spaces."""
    text = _COMMENT.sub(" ", raw)
    text = _TAG.sub(" ", text)
    text = html.unescape(text).replace("\xa0", " ")
    text = "".join(" " if _is_emoji(ch) else ch for ch in text if ch != "\x00")
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*])", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link) -> text
    return _SPACES.sub(" ", text).strip()


def _split_date(text: str) -> tuple[int | None, int | None, int | None, str]:
    """The date an item starts with (year, month, day) and the rest of the text."""
    head = _LEAD.sub("", text)
    match = _DATE.match(head)
    if match is None:
        return None, None, None, text
    if match["y1"]:
        year, month, day = int(match["y1"]), int(match["m1"]), match["d1"]
    elif match["y2"]:
        year, month, day = int(match["y2"]), _MONTHS[match["mname"].lower()], match["d2"]
    else:
        year, month, day = int(match["y3"]), None, None
    if not MIN_YEAR <= year <= MAX_YEAR or (month is not None and not 1 <= month <= 12):
        return None, None, None, text
    rest = _AFTER_DATE.sub("", head[match.end() :])
    return year, month, int(day) if day and 1 <= int(day) <= 31 else None, rest.strip()


def _count(word: str) -> int | None:
    token = word.lower().replace(" ", "")
    if token.endswith("x") and token[:-1].isdigit():  # "3x" accepted
        token = token[:-1]
    if token.isdigit():
        return int(token)
    if token in {"a", "an", "our", "one"}:
        return 1
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    if "-" in token:
        tens, _, ones = token.partition("-")
        if tens in _TENS and ones in _NUMBER_WORDS and _NUMBER_WORDS[ones] < 10:
            return _TENS[tens] + _NUMBER_WORDS[ones]
    return _TENS.get(token)


def _names(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = re.split(r",|;|\band\b|&|·", text)
    names = []
    for part in parts:
        name = part.strip(" .*_")
        if name and not name.isdigit() and len(name) <= 100:
            names.append(name)
    return tuple(names)


def read_clauses(body: str) -> list[PageClause]:
    """The paper clauses of a line's text; empty when it is not paper news."""
    clauses = []
    for part in _CLAUSE_START.split(body):
        if part is None or not part.strip():
            continue
        part = part.strip().strip(",").strip()
        korean = _KOREAN_CLAUSE.match(part)
        if korean:
            clauses.append(
                PageClause(int(korean["count"]), korean["venue"].strip(), _names(korean["names"]))
            )
            continue
        match = _CLAUSE.match(part)
        if match is None:
            return clauses if clauses else []
        count = _count(match["count"])
        if count is None or count == 0 or count > 200:
            return []
        title = (match["title"] or "").strip().strip("\"“”'‘’").strip()
        clauses.append(PageClause(count, match["venue"].strip(), _names(match["names"]), title))
    return clauses


def _read_tally(body: str) -> tuple[int, list[tuple[str, int]]] | None:
    for pattern, item_pattern in ((_TALLY, _TALLY_ITEM), (_KOREAN_TALLY, _KOREAN_TALLY_ITEM)):
        match = pattern.search(body)
        if match is None:
            continue
        items = []
        for piece in match["items"].split(","):
            item = item_pattern.match(piece.strip().rstrip("."))
            if item:
                items.append((item["label"].strip(), int(item["count"])))
        return int(match["total"]), items
    return None


# --- structure ---------------------------------------------------------------------------------


def _physical_lines(text: str) -> list[tuple[int, str]]:
    """The page's text pieces with their 1-based line numbers, via markdown-it's block map.

    Paragraph text keeps its line breaks (the lab's month lines are continuation lines of the
    year's list item); HTML blocks are split at <li>, <br> and line ends; comments are dropped.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    pieces: list[tuple[int, str]] = []
    for token in parser.parse(text):
        if token.map is None:
            continue
        start = token.map[0] + 1
        if token.type == "inline":
            content = token.content
        elif token.type in {"html_block", "code_block", "fence"}:
            if token.type != "html_block":
                continue
            content = token.content
        elif token.type == "heading_open":
            continue
        else:
            continue
        content = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), content)
        for offset, chunk in enumerate(content.split("\n")):
            for piece in _BREAK.split(chunk):
                if piece.strip():
                    pieces.append((start + offset, piece))
    return pieces


def read_page(text: str, source: str = "page") -> Page:
    """Read a news page's text into dated items; undated lines are kept apart, not dropped."""
    if len(text) > MAX_PAGE:
        raise LabnewsError(f"{source} is too large to be a news page ({len(text):,} characters)")
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    front = _FRONT_MATTER.match(text)
    page = Page(source)
    if front:
        # An al-folio news file: the date is in its front matter, the news is the body.
        date = _FRONT_DATE.search(front.group(1))
        body = clean_text(text[front.end() :])
        if date and body:
            item = PageItem(
                line=front.group(0).count("\n") + 1,
                text=body,
                year=int(date[1]),
                month=int(date[2]),
                day=int(date[3]) if date[3] else None,
            )
            _read_item(item, body)
            page.items.append(item)
        elif body:
            page.undated.append((1, body))
        return page
    current: PageItem | None = None
    for line, raw in _physical_lines(text):
        cleaned = clean_text(raw)
        if not cleaned:
            continue
        year, month, day, rest = _split_date(cleaned)
        if year is None:
            if current is not None and not current.clauses and current.tally_total is None:
                current.text = f"{current.text} {cleaned}".strip()
                _read_item(current, current.text)
            elif current is not None and current.clauses and not read_clauses(cleaned):
                current.text = f"{current.text} {cleaned}"
            else:
                page.undated.append((line, cleaned))
            continue
        current = PageItem(line=line, text=rest, year=year, month=month, day=day)
        _read_item(current, rest)
        page.items.append(current)
    return page


def _read_item(item: PageItem, body: str) -> None:
    item.clauses = []
    item.tally_total = None
    if item.month is None:
        tally = _read_tally(body)
        if tally is not None:
            item.tally_total, item.tally_items = tally
        return
    item.clauses = read_clauses(body)


def read_folder(folder: Path) -> Page:
    """An al-folio ``_news/`` folder: one news item per Markdown or HTML file."""
    page = Page(str(folder))
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".md", ".markdown", ".html"})
    if not files:
        raise LabnewsError(f"{folder} holds no .md or .html news files")
    for path in files:
        one = read_page(_read_text(path), path.name)
        for item in one.items:
            item.line = item.line
            page.items.append(item)
        page.undated.extend(one.undated)
    return page


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if len(data) > MAX_PAGE:
        raise LabnewsError(f"{path} is too large to be a news page")
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
    return read_page(_read_text(path), path.name)


# --- planning ----------------------------------------------------------------------------------


def _venue_and_year(text: str, line_year: int) -> tuple[str, int | None]:
    """Split "NeurIPS 2024", "CVPR'24", "CVPR 'YY", "CVPR-2024" into name and edition year."""
    cleaned = text.strip().strip(".,;:").strip()
    match = _VENUE_YEAR.match(cleaned)
    if match and match["year"] and match["name"].strip():
        digits = match["year"]
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if len(digits) == 2 and year > line_year + 5:
            year -= 100
        return match["name"].strip(" -'’"), year
    return cleaned, None


def _resolve_venue(venues: VenuePlanner, name: str, line: int) -> str:
    """The short name of a venue spelling: catalog, aliases, workshop and Findings forms."""
    found = venues.lookup(name)
    if found:
        return found
    findings = _FINDINGS.match(name)
    if findings:
        base = (findings["name"] or findings["name2"]).strip()
        conference = venues.lookup(base)
        if conference:
            for spelling in (f"Findings of {conference}", f"{conference} Findings"):
                known = venues.lookup(spelling)
                if known:
                    return known
            return venues.create(
                VenueInput(short=f"Findings of {conference}", kind="other", parent=conference),
                line,
            )
    workshop = _WORKSHOP.match(name)
    if workshop:
        conference = venues.lookup(workshop["name"].strip())
        if conference:
            known = venues.lookup(f"{conference} Workshop")
            if known:
                return known
            return venues.create(
                VenueInput(short=f"{conference} Workshop", kind="workshop", parent=conference),
                line,
            )
    kind = (
        "journal"
        if re.search(r"\b(journal|j\.|trans\.|transactions|letters)\b", name, re.I)
        else "conference"
    )
    return venues.create(VenueInput(short=name, kind=kind), line)


def _achievement_kind(text: str) -> str | None:
    for kind, pattern in _ACHIEVEMENT_WORDS:
        if pattern.search(text):
            return kind
    return None


def plan_page(session: Session, page: Page) -> ImportPlan:
    """Resolve a read page against the database and check its own arithmetic."""
    plan = ImportPlan(source=page.source)
    members = MemberPlanner(session, plan)
    venues = VenuePlanner(session, plan)
    stated: dict[int, PageItem] = {}
    # Lines are read newest first; papers are created oldest first so positions follow the page.
    ordered: list[tuple[YearMonth, int, int, PlannedPaper]] = []
    for item in page.items:
        assert item.year is not None
        if item.month is None:
            if item.tally_total is not None:
                if item.year in stated:
                    plan.note("warning", f"{item.year} has a second tally line", item.line)
                stated[item.year] = item
            else:
                plan.note(
                    "skipped", f"a year without a month is not news: {item.text!r}", item.line
                )
            continue
        news = YearMonth(item.year, item.month)
        if not item.clauses:
            _plan_other(plan, item, news)
            continue
        for clause_index, clause in enumerate(item.clauses):
            name, edition = _venue_and_year(clause.venue, item.year)
            short = _resolve_venue(venues, name, item.line)
            year = edition if edition is not None else item.year
            if edition is not None and edition != item.year:
                plan.note(
                    "warning",
                    f"the {item.year}/{item.month:02d} line names {short} {edition}: "
                    f"its edition year differs from the line's year",
                    item.line,
                )
            if len(clause.names) > clause.count:
                plan.note(
                    "warning",
                    f"{len(clause.names)} names for {clause.count} "
                    f"{'paper' if clause.count == 1 else 'papers'} at {short}",
                    item.line,
                )
            resolved = [members.resolve(n, item.line) for n in clause.names]
            for index in range(clause.count):
                featured = resolved[index] if index < len(resolved) else None
                written = clause.names[index] if index < len(clause.names) else None
                paper = PlannedPaper(
                    venue=short,
                    year=year,
                    news=news,
                    title=clause.title if clause.count == 1 else "",
                    authors=(PlannedAuthor(written, featured),) if written and featured else (),
                    featured=featured,
                    line=item.line,
                )
                ordered.append((news, item.line, clause_index * 1000 + index, paper))
    ordered.sort(key=lambda row: (row[0], -row[1], row[2]))
    plan.papers = [row[3] for row in ordered]
    for line, text in page.undated:
        plan.note("skipped", f"no date: {text[:120]!r}", line)
    _check_arithmetic(plan, stated, venues)
    return plan


def _plan_other(plan: ImportPlan, item: PageItem, news: YearMonth) -> None:
    """A dated line that is not paper news: an achievement when its kind is clear."""
    text = item.text.strip()
    kind = _achievement_kind(text)
    if kind is None or (_NOT_NEWS_OF_RECORD.search(text) and kind not in {"award", "grant"}):
        reason = "not paper news" if text else "empty"
        plan.note("skipped", f"{reason}: {text[:120]!r}", item.line)
        return
    plan.achievements.append(
        PlannedAchievement(
            kind=kind,
            title=text[:500],
            date=news,
            day=item.day,
            sentence=text[:2000],
            line=item.line,
        )
    )


def _check_arithmetic(plan: ImportPlan, stated: dict[int, PageItem], venues: VenuePlanner) -> None:
    """Report every place the page's own numbers disagree, and pin tally orders it sets."""
    counted: dict[int, Counter[str]] = defaultdict(Counter)
    first_seen: dict[int, list[str]] = defaultdict(list)
    for paper in plan.papers:
        assert paper.news is not None
        label = venues.label_of(paper.venue)
        counted[paper.news.year][label] += 1
        if label not in first_seen[paper.news.year]:
            first_seen[paper.news.year].append(label)
    for year, item in sorted(stated.items(), reverse=True):
        total = item.tally_total or 0
        items_sum = sum(count for _, count in item.tally_items)
        lines_sum = sum(counted[year].values())
        if item.tally_items and items_sum != total:
            plan.note(
                "mismatch",
                f"{year}: the tally says {total} papers but its items add up to {items_sum}",
                item.line,
            )
        if lines_sum != total:
            plan.note(
                "mismatch",
                f"{year}: the tally says {total} papers but the lines list {lines_sum}",
                item.line,
            )
        stated_labels: list[str] = []
        for label, count in item.tally_items:
            short = venues.lookup(label)
            resolved = venues.label_of(short) if short else label
            stated_labels.append(resolved)
            actual = counted[year].get(resolved, 0)
            if actual != count:
                plan.note(
                    "mismatch",
                    f"{year}: the tally says {count} {label} but the lines list {actual}",
                    item.line,
                )
        for label, actual in counted[year].items():
            if label not in stated_labels:
                plan.note(
                    "mismatch",
                    f"{year}: the lines list {actual} {label} but the tally does not name it",
                    item.line,
                )
        computed = [label for label in first_seen[year] if label in stated_labels]
        in_page_order = [label for label in dict.fromkeys(stated_labels) if label in counted[year]]
        if in_page_order and in_page_order != computed:
            plan.pins[year] = tuple(in_page_order)
