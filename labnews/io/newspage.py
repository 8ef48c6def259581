"""Read an existing news page (the lab's own format and the common variants) into an ImportPlan.

Reading goes in two steps. ``read_page`` turns text into dated items and reads each item as a
tally line, paper clauses or another kind of news. ``plan_page`` then resolves names and venues
against the database and checks the page's own arithmetic.

The page's structure (list items, nesting by indentation, continuation lines, HTML ``<li>`` and
``<br>`` breaks, comments) is read by a small line scanner rather than a full Markdown parser:
it keeps what a news block needs and reads a 100,000-line page in linear time. Every pattern
below is written so that no input makes it backtrack more than a bounded amount per character.
"""

from __future__ import annotations

import calendar
import html
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.orm import Session

from labnews.core.errors import AmbiguousNameError, LabnewsError
from labnews.core.inputs import VenueInput
from labnews.core.names import name_key
from labnews.core.records import MAX_YEAR, MIN_YEAR, YearMonth
from labnews.core.words import NUMBER_WORDS, count_digits, word_number
from labnews.io.known import PaperIndex, Untitled, title_key
from labnews.io.plan import (
    ImportPlan,
    MemberPlanner,
    PlannedAchievement,
    PlannedAuthor,
    PlannedPaper,
    VenuePlanner,
)
from labnews.store import queries
from labnews.store.database import read_file_bytes

MAX_PAGE = 20_000_000
"""Characters of page text read at most: a larger file is refused, not read slowly."""

MAX_COUNT = 200
"""A clause counting more papers than this is not believed (it is reported, not imported)."""

MAX_VENUE = 120
"""Characters a venue may take in a clause; longer text is not a venue."""

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
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<body>(?:[^\n]*\n){0,200}?)---[ \t]*(?:\n|$)")
_FRONT_DATE = re.compile(r"^date:\s*['\"]?(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", re.MULTILINE)
_YAML_LINE = re.compile(r"[A-Za-z_][\w-]*\s?:|\s|-\s|#")
_FILE_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")

_IMPLIED_ONE = {"a", "an", "our", "my", "his", "her", "their", "single", "the", "this"}
_COUNT_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|both|an?|our|my|his|her|their|single"
    r"|the|this"
)
_COUNT = rf"(?:\d{{1,4}}\s?[x×]?|{_COUNT_WORD})(?![a-z])"
_ADJECTIVES = (
    r"(?:(?:new|full|main|long|short|oral|spotlight|poster|regular|conference|journal"
    r"|workshop|research|more|first|accepted|findings|demo)\s)"
)
_NOUN = r"(?:papers?|works?|articles?|manuscripts?|submissions?)(?![a-z])"
# "Two papers", "We have 3x new papers", "Our paper": the start of a clause.
_CLAUSE_HEAD = re.compile(
    r"(?:(?:we|our\s(?:lab|team|group)|the\s(?:lab|team|group))\s(?:have|has|had|got|get)\s)?"
    rf"(?:(?P<count>{_COUNT})\s)?(?P<adj>{_ADJECTIVES}{{0,3}})(?P<noun>{_NOUN})",
    re.IGNORECASE,
)
_VERB_WORD = r"(?:accepted|published|to\sappear|appears?|appeared)(?![a-z])"
_VERB = re.compile(
    r"\s?(?:(?:is|are|was|were|has|have|had|been|got|get|gets|just|all|both|finally"
    rf"|officially|also|now)\s){{0,4}}{_VERB_WORD}[\s,]*"
    r"(?:(?:to|at|in|by|for|on|into|as)\s)?(?:(?:publication|presentation)\s(?:in|at)\s)?"
    r"(?:the\s)?",
    re.IGNORECASE,
)
# "Our paper SeeAll is accepted", "Our paper on video was accepted": a few words, then the verb.
_LATER_VERB = re.compile(rf"[^.!?;:()\"“]{{1,80}}?\s(?={_VERB_WORD})", re.IGNORECASE)
_CLAUSE_START = re.compile(
    rf"(?:[,;&]|\band\b)\s?(?=(?:{_COUNT})\s{_ADJECTIVES}{{0,3}}{_NOUN})", re.IGNORECASE
)
_BEFORE_VERB = re.compile(r"\s?(?:(?:entitled|titled|on)\s)?(?P<open>[\"“'‘«(])", re.IGNORECASE)
_CLOSERS = {"“": "”", "‘": "’", "«": "»", "(": ")"}
_QUOTE = re.compile(r"[\"“«]")
_SENTENCE = re.compile(r"[.!?:]\s")
_KOREAN_CLAUSE = re.compile(
    r"(?P<venue>[^()]{1,120}?)\s?논문\s?(?P<count>\d{1,3})\s?편\s?(?:채택|게재|승인)\s?"
    r"(?:\((?P<names>[^()]{0,2000})\))?\s?[.!]?$"
)
_VENUE_CUT = re.compile(r"[!?;:|]|\s[-–—]{1,2}\s|(?<=\d)[.,](?:\s|$)")
_PRESENTATION = re.compile(
    r"\s(?:as\s)?(?:an?\s)?(?P<p>oral|spotlight|poster|highlight)"
    r"(?:\s(?:paper|presentation|talk))?\.?$",
    re.IGNORECASE,
)
_TALLY = re.compile(
    r"(?:we\shave\s)?(?P<total>\d{1,4})\s?papers?(?:\s(?:this\syear|in\stotal|total))?"
    r"(?:\s?\((?P<items>[^()]{0,5000})\))?",
    re.IGNORECASE,
)
_KOREAN_TALLY = re.compile(r"논문\s?(?P<total>\d{1,4})\s?편\s?(?:\((?P<items>[^()]{0,5000})\))?")
_TALLY_ITEM = re.compile(r"(?P<count>\d{1,4})\s?[x×]?\s(?P<label>.{1,120})")
_TALLY_ITEM_AFTER = re.compile(r"(?P<label>.{1,120}?)(?:\s?[:×]\s?|\s)(?P<count>\d{1,3})(?:\s?편)?")
# A venue's edition year: "NeurIPS 2024", "CVPR'24", "CVPR '24", "CVPR-2024", "CVPR2024".
_EDITION = re.compile(r"['’‘](?P<short>\d{2})(?!\d)|(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)")
_FINDINGS = re.compile(r"findings\sof\s(?:the\s)?(?P<name>.+)|(?P<name2>.+?)\sfindings", re.I)
_WORKSHOP_END = re.compile(r"(?P<name>.+?)[\s-]?(?:workshops?|w)", re.IGNORECASE)
_WORKSHOP_ON = re.compile(r"(?P<name>\S+)\sworkshops?\s(?:on|of|in)\s.+", re.IGNORECASE)
_WORKSHOP_AT = re.compile(
    r".*?\bworkshops?\b.*?\s(?:at|@|in\sconjunction\swith|co-located\swith|held\swith)\s"
    r"(?:the\s)?(?P<name>.+)",
    re.IGNORECASE,
)
_VENUE_NOISE = re.compile(
    r"^(?:ieee/cvf|ieee|acm|the)\s|\s(?:main\sconference|main\strack|main|conference"
    r"|proceedings)$",
    re.IGNORECASE,
)
_JOURNAL = re.compile(r"\b(journal|j\.|trans\.|transactions|letters)(?!\w)", re.IGNORECASE)

_NAME_SPLIT = re.compile(r",|;|\band\b|&|·|/|，|、")
_NAME_STOP = frozenset(
    {
        "oral",
        "spotlight",
        "poster",
        "highlight",
        "award",
        "best",
        "paper",
        "papers",
        "top",
        "if",
        "impact",
        "factor",
        "accepted",
        "selected",
        "finalist",
        "nominee",
        "candidate",
        "presentation",
        "track",
        "workshop",
        "findings",
        "main",
        "conference",
        "journal",
        "first",
        "author",
        "authors",
        "equal",
        "contribution",
        "with",
        "demo",
        "sci",
        "sci-e",
        "scie",
        "q1",
        "jcr",
        "rank",
        "ranked",
        "acceptance",
        "rate",
        "code",
        "project",
        "arxiv",
        "link",
        "pdf",
        "and",
        *NUMBER_WORDS,
    }
)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&./-]{1,11}")
_TITLE = re.compile(r"(?:prof|dr|mr|ms|mrs)\.?\s", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_NOT_IN_NAME = re.compile(r"[\d%$€£₩@=+<>]")
_ET_AL = re.compile(r"\s?\bet\.?\sal\.?$", re.IGNORECASE)

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
_NOT_NEWS_OF_RECORD = re.compile(
    r"\b(defen[cs]e|defended|graduat\w*|joined|joins|welcome|new member|visit\w*|moved to)\b", re.I
)
# Paper news that could not be read: a paper word, then a verb (two searches: no backtracking).
_PAPER_WORD = re.compile(r"\b(?:papers?|works?|articles?)\b|논문", re.IGNORECASE)
_PAPER_VERB = re.compile(r"\b(?:accepted|published|appears?|appeared)\b|채택|게재", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageClause:
    """One "N papers accepted to VENUE (names)" clause as the page writes it."""

    count: int
    venue: str
    names: tuple[str, ...]
    title: str = ""
    titles: tuple[str, ...] = ()
    presentation: str | None = None
    workshop: bool = False
    notes: tuple[str, ...] = ()


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


def _strip_comment_spans(text: str) -> str:
    """Text with every ``<!-- ... -->`` removed; an unclosed comment runs to the end."""
    if "<!--" not in text:
        return text
    out = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            out.append(text[position:])
            break
        out.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(" ")
        position = end + 3
    return "".join(out)


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
    if "*" in text or "_" in text:
        text = text.replace("**", "").replace("__", "")
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


# --- clauses and tallies -----------------------------------------------------------------------


def _count(word: str | None) -> int | None:
    """The number a count word means; None for "our"/"a"-like words that imply no number."""
    if word is None:
        return None
    token = " ".join(word.lower().split())
    if token in _IMPLIED_ONE:
        return None
    if token[-1:] in ("x", "×") and token[:-1].strip().isdigit():  # "3x papers"
        token = token[:-1].strip()
    if token.isdigit():
        return int(token)
    if token == "both":
        return 2
    return word_number(token)


def _names(text: str | None) -> tuple[str, ...]:
    """The person names in a parenthesis; ranks, impact factors and labels are not names."""
    if not text:
        return ()
    names = []
    for part in _NAME_SPLIT.split(text):
        name = part.strip(" .*_†‡§¶#'\"“”‘’:-")
        if " al" in name:
            name = _ET_AL.sub("", name)
        title = _TITLE.match(name)
        if title:  # "Prof. Kim": the member is Kim
            name = name[title.end() :].strip()
        words = name.split()
        if (
            not name
            or len(name) > 80
            or len(words) > 6
            or _LETTER.search(name) is None
            or _NOT_IN_NAME.search(name) is not None
            or not _NAME_STOP.isdisjoint(name.lower().replace(".", " ").replace(":", " ").split())
            or (not name.isascii() and not name_key(name))
        ):
            continue
        names.append(" ".join(words))
    return tuple(dict.fromkeys(names))


def _groups(text: str, position: int = 0) -> Iterator[str]:
    """What the parentheses of a text hold, left to right (an unclosed one: to the end)."""
    while True:
        start = text.find("(", position)
        if start < 0:
            return
        end = text.find(")", start + 1)
        if end < 0:
            yield text[start + 1 :]
            return
        yield text[start + 1 : end]
        position = end + 1


def _one_clause(text: str) -> PageClause | None:
    """Read one clause; None when the text is not "N papers accepted to VENUE"."""
    korean = _KOREAN_CLAUSE.match(text) if "논문" in text else None
    if korean:
        return PageClause(int(korean["count"]), korean["venue"].strip(), _names(korean["names"]))
    head = _CLAUSE_HEAD.match(text)
    if head is None:  # "Congratulations! Two papers accepted ...": a clause after a sentence
        for _, sentence in zip(range(3), _SENTENCE.finditer(text), strict=False):
            head = _CLAUSE_HEAD.match(text, sentence.end())
            if head is not None:
                break
        else:
            return None
    position = head.end()
    title = ""
    before: tuple[str, ...] = ()
    for _ in range(2):  # a quoted title and a parenthesis of names may sit before the verb
        opening = _BEFORE_VERB.match(text, position)
        if opening is None:
            break
        mark = opening["open"]
        end = text.find(_CLOSERS.get(mark, mark), opening.end())
        if end < 0:
            break
        if mark == "(":
            before = _names(text[opening.end() : end])
        else:
            title = text[opening.end() : end].strip()
        position = end + 1
    verb = _VERB.match(text, position)
    if verb is None:
        between = _LATER_VERB.match(text, position)
        if between is None or len(between[0].split()) > 12:
            return None
        verb = _VERB.match(text, between.end() - 1)
        if verb is None:
            return None
    return _clause_tail(head, text[verb.end() :], title, before)


def _clause_tail(
    head: re.Match[str], rest: str, title: str, before: tuple[str, ...]
) -> PageClause | None:
    """The venue, names and presentation after the verb, and the clause they make."""
    paren = rest.find("(")
    region = rest if paren < 0 else rest[:paren]
    quote = _QUOTE.search(region)
    if quote is not None:  # 'accepted to CVPR 2024: "Title"'
        end = region.find(_CLOSERS.get(quote[0], quote[0]), quote.end())
        if end > 0 and not title:
            title = region[quote.end() : end].strip()
        region = region[: quote.start()]
    venue = _VENUE_CUT.split(region, maxsplit=1)[0].strip(" ,")
    presentation = None
    lowered = venue.lower()
    found = (
        _PRESENTATION.search(venue)
        if "oral" in lowered or "spotlight" in lowered or "poster" in lowered or "highl" in lowered
        else None
    )
    if found:
        presentation = found["p"].lower()
        venue = venue[: found.start()].strip(" ,")
    if not venue or len(venue) > MAX_VENUE or _LETTER.search(venue) is None:
        return None
    names = before
    if paren >= 0 and not names:  # the first parenthesis that holds names: "(Oral) (A, B)"
        for _, content in zip(range(4), _groups(rest, paren), strict=False):
            names = _names(content)
            word = content.strip().lower()
            if word in {"oral", "spotlight", "poster"} and presentation is None:
                presentation = word
            if names:
                break
    notes: list[str] = []
    plural = head["noun"].lower().endswith("s")
    count = _count(head["count"])
    words = head["count"] or head["noun"]
    if count is None:
        count = max(len(names), 1) if plural else 1
        if plural:
            notes.append(f"{words!r} gives no count: counted {count} from the names")
    elif count == 1 and plural:
        notes.append(f"'{head['count']} {head['noun']}': one paper, written as plural")
    elif count > 1 and not plural:
        notes.append(f"'{head['count']} {head['noun']}': {count} papers, written as singular")
    if not 1 <= count <= MAX_COUNT:
        return None
    return PageClause(
        count,
        venue,
        names,
        title[:500],
        presentation=presentation,
        workshop="workshop" in head["adj"].lower(),
        notes=tuple(notes),
    )


def _read_line(body: str) -> tuple[list[PageClause], list[str]]:
    """The paper clauses of a line's text, and the parts of it that are not clauses."""
    clauses: list[PageClause] = []
    unread: list[str] = []
    several = "," in body or ";" in body or "&" in body or "and" in body.lower()
    for part in _CLAUSE_START.split(body) if several else (body,):
        part = part.strip(" ,;&")
        if part.lower().startswith("and "):
            part = part[4:]
        if not part:
            continue
        clause = _one_clause(part)
        if clause is None:
            unread.append(part)
        else:
            clauses.append(clause)
    return clauses, unread


def read_clauses(body: str) -> list[PageClause]:
    """The paper clauses of a line's text; empty when it is not paper news."""
    return _read_line(body)[0]


def _read_tally(body: str) -> tuple[int, list[tuple[str, int]], list[str]] | None:
    """A year line's stated total, its ``COUNT LABEL`` items, and the items not understood."""
    for pattern, korean in ((_TALLY, False), (_KOREAN_TALLY, True)):
        match = pattern.search(body)
        if match is None:
            continue
        items: list[tuple[str, int]] = []
        odd: list[str] = []
        for piece in (match["items"] or "").split(","):
            piece = piece.strip()
            if not piece:
                continue
            item = None if korean else _TALLY_ITEM.fullmatch(piece)
            if item is None:
                item = _TALLY_ITEM_AFTER.fullmatch(piece)
            if item is None or not item["label"].strip(" .:"):
                odd.append(piece)
                continue
            items.append((item["label"].strip(" :"), int(item["count"])))
        return int(match["total"]), items, odd
    return None


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
            kept = []
            position = 0
            if in_comment:
                end = line.find("-->")
                if end < 0:
                    continue
                in_comment = False
                position = end + 3
            while True:
                start = line.find("<!--", position)
                if start < 0:
                    kept.append(line[position:])
                    break
                kept.append(line[position:start])
                end = line.find("-->", start + 4)
                if end < 0:
                    in_comment = True
                    break
                kept.append(" ")
                position = end + 3
            line = "".join(kept)
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
            or any(_achievement_kind(k.text) for k in kids)
        ):
            continue
        titles = tuple(k.text.strip(" \"“”'‘’.")[:500] for k in kids)
        if not all(titles):
            continue
        clause = item.clauses[0]
        item.clauses[0] = PageClause(
            clause.count,
            clause.venue,
            clause.names,
            clause.title,
            titles,
            clause.presentation,
            clause.workshop,
            clause.notes,
        )
        used.update(id(k) for k in kids)
    return used


def read_page(text: str, source: str = "page") -> Page:
    """Read a news page's text into dated items; undated lines are kept apart, not dropped."""
    if len(text) > MAX_PAGE:
        raise LabnewsError(f"{source} is too large to be a news page ({len(text):,} characters)")
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    first_line = 1
    date: tuple[int, int, int | None] | None = None
    front = _FRONT_MATTER.match(text)
    if front and all(_YAML_LINE.match(line) for line in front["body"].splitlines() if line):
        found = _FRONT_DATE.search(front["body"]) or _FILE_DATE.match(Path(source).name)
        if found:
            date = int(found[1]), int(found[2]), int(found[3]) if found[3] else None
        first_line = front.group(0).count("\n") + 1
        text = text[front.end() :]
    readings, page = _read_body(text, first_line, "")
    page.source = source
    if date is not None and not any(r.item.month for r in readings):
        # An al-folio news file: the date is in its front matter, the news is the whole body.
        return _one_dated_item(page, readings, date, source)
    used = _titles_from_children(readings)
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
        tally = _read_tally(body)
        if tally is not None:
            item.tally_total, item.tally_items, odd = tally
            item.notes.extend(f"tally item not understood: {p!r}" for p in odd)
        return
    item.clauses, item.unread = _read_line(body)


def read_folder(folder: Path) -> Page:
    """An al-folio ``_news/`` folder: one news item per Markdown or HTML file."""
    page = Page(str(folder))
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".md", ".markdown", ".html"})
    if not files:
        raise LabnewsError(f"{folder} holds no .md or .html news files")
    for path in files:
        one = read_page(_read_text(path), path.name)
        for item in one.items:
            item.origin = path.name
            page.items.append(item)
        page.undated.extend(
            (line, text if text.startswith(f"{path.name}: ") else f"{path.name}: {text}")
            for line, text in one.undated
        )
    return page


def _read_text(path: Path) -> str:
    try:
        data = read_file_bytes(path)
    except OSError as exc:
        raise LabnewsError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_PAGE:
        raise LabnewsError(f"{path} is too large to be a news page")
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
    return read_page(_read_text(path), path.name)


# --- planning ----------------------------------------------------------------------------------


def _venue_and_year(text: str, line_year: int) -> tuple[str, int | None]:
    """Split "NeurIPS 2024", "CVPR'24", "CVPR '24", "CVPR-2024", "CVPR 2024 Workshop"."""
    cleaned = text.strip().strip(",;:").strip()
    match = None
    for found in _EDITION.finditer(cleaned):
        match = found
    if match is None:
        return cleaned, None
    if match["year"]:
        year = int(match["year"])
    else:
        year = 2000 + int(match["short"])
        if year > line_year + 5:
            year -= 100
    name = f"{cleaned[: match.start()]} {cleaned[match.end() :]}"
    name = " ".join(name.split()).strip(" -'’‘,")
    if not name or not any(ch.isalpha() for ch in name):
        return cleaned, None
    return name, year


class _Venues:
    """Venue spellings resolved once each (the catalog lookups hit the database)."""

    def __init__(self, planner: VenuePlanner) -> None:
        self.planner = planner
        self._resolved: dict[tuple[str, bool], str] = {}
        self._labels: dict[str, str] = {}
        self._lookups: dict[str, str | None] = {}

    def lookup(self, spelling: str) -> str | None:
        key = spelling.casefold()
        if key not in self._lookups:
            found = self.planner.lookup(spelling)
            if found is None and spelling.endswith("."):
                found = self.planner.lookup(spelling.rstrip("."))
            self._lookups[key] = found
        return self._lookups[key]

    def label_of(self, short: str) -> str:
        if short not in self._labels:
            self._labels[short] = self.planner.label_of(short)
        return self._labels[short]

    def resolve(self, name: str, workshop: bool, line: int) -> str:
        key = (name.casefold(), workshop)
        if key not in self._resolved:
            planned = len(self.planner.plan.venues)
            self._resolved[key] = self._resolve(name, workshop, line)
            if len(self.planner.plan.venues) != planned:
                self._lookups.clear()  # a spelling that meant nothing may mean the new venue
        return self._resolved[key]

    def _known(self, name: str) -> str | None:
        """The venue a spelling means, also without "IEEE"/"the"/"main conference" noise."""
        found = self.lookup(name)
        if found is None:
            bare = name
            for _ in range(3):
                bare = _VENUE_NOISE.sub("", bare).strip()
            if bare and bare != name:
                found = self.lookup(bare)
        return found

    def _workshop_of(self, conference: str, line: int) -> str:
        if self.planner.kind_of(conference) == "workshop":
            return conference
        known = self.lookup(f"{conference} Workshop")
        if known:
            return known
        return self.planner.create(
            VenueInput(short=f"{conference} Workshop", kind="workshop", parent=conference), line
        )

    def _resolve(self, name: str, workshop: bool, line: int) -> str:
        found = self._known(name)
        if found:
            return self._workshop_of(found, line) if workshop else found
        findings = _FINDINGS.fullmatch(name)
        if findings:
            conference = self._known((findings["name"] or findings["name2"]).strip())
            if conference:
                for spelling in (f"Findings of {conference}", f"{conference} Findings"):
                    known = self.lookup(spelling)
                    if known:
                        return known
                return self.planner.create(
                    VenueInput(short=f"Findings of {conference}", kind="other", parent=conference),
                    line,
                )
        for pattern in (_WORKSHOP_END, _WORKSHOP_ON, _WORKSHOP_AT):
            match = pattern.fullmatch(name)
            if match:
                conference = self._known(match["name"].strip(" -,"))
                if conference:
                    return self._workshop_of(conference, line)
        kind = "journal" if _JOURNAL.search(name) else "conference"
        created = self.planner.create(VenueInput(short=name, kind=kind), line)
        return self._workshop_of(created, line) if workshop else created


def _looks_like_paper(text: str) -> bool:
    word = _PAPER_WORD.search(text)
    return word is not None and _PAPER_VERB.search(text, word.start()) is not None


def _achievement_kind(text: str) -> str | None:
    for kind, pattern in _ACHIEVEMENT_WORDS:
        if pattern.search(text):
            return kind
    return None


def _where(item: PageItem) -> str:
    return f"{item.origin}: " if item.origin else ""


def plan_page(session: Session, page: Page) -> ImportPlan:
    """Resolve a read page against the database and check its own arithmetic."""
    plan = ImportPlan(source=page.source)
    members = MemberPlanner(session, plan)
    venues = _Venues(VenuePlanner(session, plan))
    resolved_names: dict[str, str | None] = {}

    def member(written: str, line: int) -> str | None:
        if written not in resolved_names:
            try:
                resolved_names[written] = members.resolve(written, line)
            except AmbiguousNameError as exc:
                plan.note("warning", f"{exc}: the paper names no member", line)
                resolved_names[written] = None
        return resolved_names[written]

    stated: dict[int, PageItem] = {}
    # Lines are read newest first; papers are created oldest first so positions follow the page.
    ordered: list[tuple[YearMonth, int, int, PlannedPaper]] = []
    origins: dict[int, str] = {}  # a paper's file in a folder, by id(paper), for its findings
    for item in page.items:
        if item.year is None:
            continue
        where = _where(item)
        for note in item.notes:
            plan.note("warning", f"{where}{note}", item.line)
        if item.month is None:
            if item.tally_total is not None:
                if item.year in stated:
                    plan.note("warning", f"{where}{item.year} has a second tally line", item.line)
                stated[item.year] = item
            elif item.text:  # a year heading with nothing but a year on it is said nothing of
                plan.note(
                    "skipped",
                    f"{where}a year without a month is not news: {item.text[:120]!r}",
                    item.line,
                )
            continue
        news = YearMonth(item.year, item.month)
        if not item.clauses:
            if item.text or not item.children:
                _plan_other(plan, item, item.text, news)
            continue
        for part in item.unread:
            _plan_other(plan, item, part, news)
        for clause_index, clause in enumerate(item.clauses):
            for papers_index, paper in enumerate(
                _clause_papers(plan, venues, member, item, clause, news)
            ):
                ordered.append((news, item.line, clause_index * 1000 + papers_index, paper))
                if where:
                    origins[id(paper)] = where
    ordered.sort(key=lambda row: (row[0], -row[1], row[2]))
    plan.papers = _without_twice_titled([row[3] for row in ordered], plan)
    for line, text in page.undated:
        plan.note("skipped", f"no date: {text[:120]!r}", line)
    # The page's own numbers are checked on all it lists, before what the lab holds is left out.
    _check_arithmetic(plan, stated, venues)
    _leave_out_held(session, plan, origins)
    return plan


def _leave_out_held(session: Session, plan: ImportPlan, origins: dict[int, str]) -> None:
    """Leave out the papers, achievements and tally orders the lab already holds.

    A page's papers are mostly untitled, so each is matched by venue, edition, news month and
    the member its line names; the findings say per line how many of its papers are held.
    """
    index = PaperIndex.of_database(
        session, {p.year for p in plan.papers}, venues={p.venue for p in plan.papers}
    )
    waiting: list[Untitled] = []
    kept: list[PlannedPaper] = []
    for paper in plan.papers:
        if title_key(paper.title):
            why = index.duplicate_of(paper, paper.news, [paper.featured] if paper.featured else [])
            if why is not None:
                where = origins.get(id(paper), "")
                plan.note("duplicate", f"{where}{paper.title[:120]!r} {why}; left out", paper.line)
                continue
        else:
            waiting.append(Untitled(paper, paper.news, paper.featured))
        kept.append(paper)
    found = index.held_untitled(waiting)
    held = {id(item.paper) for item, why in zip(waiting, found, strict=True) if why is not None}
    # One finding per line and venue: "line 2: 3 papers at NeurIPS 2024 ... already in the lab".
    lines: dict[tuple[str, int | None, str, int], list[str]] = {}
    for paper in kept:
        if id(paper) in held:
            key = (origins.get(id(paper), ""), paper.line, paper.venue, paper.year)
            lines.setdefault(key, []).append(paper.featured or "no member named")
    for (where, line, venue, year), names in sorted(
        lines.items(), key=lambda item: (item[0][0], item[0][1] or 0)
    ):
        plan.note(
            "duplicate",
            f"{where}{count_digits(len(names))} at {venue} {year} already in the lab "
            f"({', '.join(names)}); left out",
            line,
        )
    plan.papers = [p for p in kept if id(p) not in held]
    plan.present.update(index.present)
    years = {item.date.year for item in plan.achievements}
    known = {
        (a.kind, a.title.casefold(), a.date)
        for a in (queries.achievements_in(session, years) if years else ())
    }
    achievements = []
    for item in plan.achievements:
        if (item.kind, item.title.casefold(), item.date) in known:
            plan.note(
                "duplicate",
                f"{item.kind} {item.title[:80]!r} ({item.date}) is already there; left out",
                item.line,
            )
        else:
            achievements.append(item)
    plan.achievements = achievements
    pinned = queries.tally_rules(session).pinned
    plan.pins = {year: labels for year, labels in plan.pins.items() if pinned.get(year) != labels}


def _clause_papers(
    plan: ImportPlan,
    venues: _Venues,
    member: Callable[[str, int], str | None],
    item: PageItem,
    clause: PageClause,
    news: YearMonth,
) -> list[PlannedPaper]:
    """The placeholder papers one clause stands for, with its warnings noted."""
    assert item.year is not None
    assert item.month is not None
    where = _where(item)
    for note in clause.notes:
        plan.note("warning", f"{where}{note}", item.line)
    name, edition = _venue_and_year(clause.venue, item.year)
    names = clause.names
    if len(names) == 1 and _ACRONYM.fullmatch(names[0]) and venues.lookup(names[0]):
        names = ()  # "accepted to IEEE Transactions on ... (TPAMI)": the parenthesis is the venue
    short = venues.resolve(name, clause.workshop, item.line)
    year = edition if edition is not None else item.year
    if edition is not None and edition != item.year:
        plan.note(
            "warning",
            f"{where}the {item.year}/{item.month:02d} line names {short} {edition}: "
            f"its edition year differs from the line's year",
            item.line,
        )
    if len(names) > clause.count:
        plan.note(
            "warning",
            f"{where}{len(names)} names for {clause.count} "
            f"{'paper' if clause.count == 1 else 'papers'} at {short}",
            item.line,
        )
    resolved = [member(n, item.line) for n in names]
    papers = []
    for index in range(clause.count):
        featured = resolved[index] if index < len(resolved) else None
        written = names[index] if index < len(names) else None
        if index < len(clause.titles):
            title = clause.titles[index]
        else:
            title = clause.title if clause.count == 1 else ""
        papers.append(
            PlannedPaper(
                venue=short,
                year=year,
                news=news,
                title=title,
                authors=(PlannedAuthor(written, featured),) if written and featured else (),
                featured=featured,
                presentation=clause.presentation
                if clause.presentation in {"oral", "spotlight", "poster"}
                else None,
                line=item.line,
            )
        )
    return papers


def _without_twice_titled(papers: list[PlannedPaper], plan: ImportPlan) -> list[PlannedPaper]:
    """The papers with a title the page gives twice at one venue and year kept only once."""
    seen: set[tuple[str, int, str]] = set()
    result = []
    for paper in papers:
        key = (
            paper.venue,
            paper.year,
            "".join(ch for ch in paper.title.casefold() if ch.isalnum()),
        )
        if paper.title and key in seen:
            plan.note(
                "warning",
                f"the title {paper.title[:120]!r} is given twice at {paper.venue} {paper.year}: "
                "the second paper is left without a title",
                paper.line,
            )
            paper = replace(paper, title="")
        seen.add(key)
        result.append(paper)
    return result


def _plan_other(plan: ImportPlan, item: PageItem, text: str, news: YearMonth) -> None:
    """A dated line that is not paper news: an achievement when its kind is clear."""
    text = text.strip()
    where = _where(item)
    kind = _achievement_kind(text)
    if kind is None or (_NOT_NEWS_OF_RECORD.search(text) and kind not in {"award", "grant"}):
        if not text:
            reason = "empty"
        elif _looks_like_paper(text):
            reason = "looks like paper news but could not be read"
        else:
            reason = "not paper news"
        plan.note("skipped", f"{where}{reason}: {text[:120]!r}", item.line)
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


def _check_arithmetic(plan: ImportPlan, stated: dict[int, PageItem], venues: _Venues) -> None:
    """Report every place the page's own numbers disagree, and pin tally orders it sets."""
    counted: dict[int, Counter[str]] = defaultdict(Counter)
    first_seen: dict[int, dict[str, None]] = defaultdict(dict)
    for paper in plan.papers:
        assert paper.news is not None
        label = venues.label_of(paper.venue)
        counted[paper.news.year][label] += 1
        first_seen[paper.news.year].setdefault(label)
    for year, item in sorted(stated.items(), reverse=True):
        where = _where(item)
        total = item.tally_total or 0
        items_sum = sum(count for _, count in item.tally_items)
        lines_sum = sum(counted[year].values())
        if item.tally_items and items_sum != total:
            plan.note(
                "mismatch",
                f"{where}{year}: the tally says {total} papers but its items add up to {items_sum}",
                item.line,
            )
        if lines_sum != total:
            plan.note(
                "mismatch",
                f"{where}{year}: the tally says {total} papers but the lines list {lines_sum}",
                item.line,
            )
        said: Counter[str] = Counter()
        spelled: dict[str, str] = {}
        for label, count in item.tally_items:
            short = venues.lookup(label)
            resolved = venues.label_of(short) if short else label
            said[resolved] += count
            spelled.setdefault(resolved, label)
        for resolved, count in said.items():
            actual = counted[year].get(resolved, 0)
            if actual != count:
                plan.note(
                    "mismatch",
                    f"{where}{year}: the tally says {count} {spelled[resolved]} "
                    f"but the lines list {actual}",
                    item.line,
                )
        for label, actual in counted[year].items():
            if label not in said:
                plan.note(
                    "mismatch",
                    f"{where}{year}: the lines list {actual} {label} "
                    "but the tally does not name it",
                    item.line,
                )
        computed = [label for label in first_seen[year] if label in said]
        in_page_order = [label for label in said if label in counted[year]]
        if in_page_order and in_page_order != computed:
            plan.pins[year] = tuple(in_page_order)
