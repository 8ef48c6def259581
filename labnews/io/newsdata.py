"""Read news kept as data: a YAML list (Jekyll's ``_data/news.yml``) or a JavaScript or TypeScript
array (``export const news = [...]`` in ``news.ts``), into the same dated items as a news page.

Each record (``date`` with ``headline``, ``title``, ``content``, ``description``...; bilingual
values as ``{zh, en}``; people as ``participants``) becomes one line of news, and that line is
read by the page reader (``io/newspage.py``), so dates, counts, venues and names follow one
grammar whatever the container. The arrays are parsed by chompjs, a parser of JavaScript object
literals (any quoting, comments, trailing commas), and YAML by PyYAML's safe loader.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Literal

import chompjs
import yaml

from labnews.core.errors import LabnewsError
from labnews.io.importers import SCRIPT_SUFFIXES, YAML_SUFFIXES
from labnews.io.newspage import MAX_PAGE, Page, PageItem, clean_text, read_news_text, read_page

DataKind = Literal["yaml", "script"]

# libyaml's parser where PyYAML was built with it (ten times faster), else PyYAML's own.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Record keys, compared without case, "_" or "-": the first that holds a value is used.
_DATE_KEYS: Final = ("date", "time", "when", "pubdate", "published")
# A date kept in parts: {year: 2024, month: 6, day: 18}, or a year alone.
_DATE_PARTS: Final = ("year", "month", "day")
# The text of a record, most telling first: a headline or title is read before the body, and the
# body only when the title tells of no paper (the body of "Eight papers accepted" repeats them).
_TEXT_KEYS: Final = (
    "headline",
    "title",
    "news",
    "text",
    "content",
    "description",
    "summary",
    "html",
    "body",
    "message",
    "detail",
    "details",
    "desc",
    "label",
)
_PEOPLE_KEYS: Final = ("participants", "authors", "people", "members", "names", "students")
# How a file files its news: a record's category, or the key of the list it is in.
_KIND_KEYS: Final = ("category", "type", "kind", "tag", "tags")
# Kinds that are not paper news: a record filed so is never read as papers, whatever its words
# ("Best Paper Award for our CVPR 2024 paper" under awards: is an award, not a second paper).
_OTHER_NEWS: Final = frozenset(
    word.replace("_", "")
    for words in (
        "award awards honor honors honour honours prize prizes recognition",
        "talk talks invited_talk invited_talks presentation presentations keynote keynotes",
        "service services media press interview interviews outreach teaching course courses",
        "grant grants funding project projects people member members new_members join joined",
        "event events seminar seminars defense defence graduation alumni hiring position",
        "cv career visit visits travel misc etc other others",
    )
    for word in words.split()
)
_PAPER_NEWS: Final = frozenset(
    "paper papers publication publications pub pubs article articles conference journal".split()
)
_PEOPLE_SPLIT = re.compile(r"\s*(?:,|;|、|\band\b)\s*")
_MAX_TEXT: Final = 20_000
"""Characters of one record's text read at most."""
_MAX_PEOPLE: Final = 200
_MAX_CANDIDATES: Final = 200
"""Places a script's array may start that are tried at most."""
_NEAR: Final = 100_000
"""Characters after the last record searched for the next one's first text (for its line)."""
# In a bilingual value ({zh, en}), English is read first: it is the language with most forms.
_LANGUAGES: Final = ("en", "eng", "english", "ko", "kr", "zh", "cn", "zh_cn", "zhcn", "ja", "jp")

# Where a JavaScript array of records may start: after "=", "(", "default" or "return".
_ARRAY_START = re.compile(r"(?:=|\(|\bdefault|\breturn)\s*+\[")
# What a script that exports an array looks like (for a file whose name says nothing).
# Possessive quantifiers (*+, ++): a long run of blanks is scanned once, never re-split.
_SCRIPT_SIGN = re.compile(
    r"\b(?:export\s++default|(?:export\s++)?(?:const|let|var)\s++[\w$]++"
    r"(?:\s*+:\s*+[\w$.<>\[\]]++)?\s*+=|window\.[\w$]++\s*+=|module\.exports\s*+=)"
    r"\s*+(?:Object\.freeze\()?\s*+\["
)
# How a script opens, after comments: a statement, not prose.
_SCRIPT_OPENING = re.compile(
    r"(?:export|import|const|let|var|window\.|module\.exports|interface|type\s|['\"]use strict)"
)
# A YAML news list: its first line (after comments) is "- date:" or another record key.
_YAML_SIGN = re.compile(
    r"(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*-[ \t]+(?:"
    + "|".join((*_DATE_KEYS, *_DATE_PARTS, *_TEXT_KEYS))
    + r")[ \t]*:",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Record:
    """One record of a news data file, as plain text: where it is, its date, texts and people."""

    line: int
    date: str
    texts: tuple[str, ...]
    people: tuple[str, ...]
    papers: bool = True
    """False when the file itself files the record as other news (``awards:``, ``tag: talk``)."""


def data_kind(path: Path) -> DataKind | None:
    """Which data form a file's name says it holds, if any."""
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    if suffix in SCRIPT_SUFFIXES:
        return "script"
    return None


def sniff(text: str) -> DataKind | None:
    """Which data form a text holds, judged from its start (for a file named ``news.txt``)."""
    head = text[:65536].lstrip("\ufeff")
    if _YAML_SIGN.match(head):
        return "yaml"
    # A script opens as one (a page that quotes "const news = [" in a code block is a page).
    if _SCRIPT_OPENING.match(_after_comments(head)) and _SCRIPT_SIGN.search(head):
        return "script"
    return None


def _after_comments(text: str) -> str:
    """The text after its leading blanks and ``//`` and ``/* */`` comments."""
    at = 0
    while at < len(text):
        if text[at].isspace():
            at += 1
        elif text.startswith("//", at):
            end = text.find("\n", at)
            at = len(text) if end < 0 else end + 1
        elif text.startswith("/*", at):
            end = text.find("*/", at + 2)
            at = len(text) if end < 0 else end + 2
        else:
            break
    return text[at:]


def read_data_file(path: Path, kind: DataKind | None = None) -> Page:
    """A news data file read into dated items; ``kind`` from its name (or its text) if not given."""
    text = read_news_text(path)
    kind = kind or data_kind(path) or sniff(text)
    if kind is None:
        raise LabnewsError(f"{path.name} is neither a YAML news list nor a script with an array")
    return read_data(text, kind, path.name)


def read_data(text: str, kind: DataKind, source: str = "data") -> Page:
    """The text of a YAML list or a script's array read into dated items."""
    if len(text) > MAX_PAGE:
        raise LabnewsError(f"{source} is too large to be a news file ({len(text):,} characters)")
    if not text.isascii():
        # A lone surrogate (text decoded with surrogateescape) cannot reach either parser.
        text = text.encode("utf-8", errors="replace").decode("utf-8")
    records = yaml_records(text, source) if kind == "yaml" else script_records(text, source)
    return read_records(records, source)


# --- YAML --------------------------------------------------------------------------------------


def yaml_records(text: str, source: str = "data") -> list[Record]:
    """The news records of a YAML file: a top-level list, or the lists under its keys."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        found: list[Record] = []
        if root is not None:
            for node, key in _record_nodes(root, 0):
                value = loader.construct_object(node, deep=True)
                if isinstance(value, dict):
                    record = _record(value, node.start_mark.line + 1, filed=key)
                    if record is not None:
                        found.append(record)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "a syntax error"
        raise LabnewsError(f"{source} is not valid YAML{where}: {problem}") from exc
    except yaml.YAMLError as exc:
        # A reader error (a control character) says where on a second line: keep the first.
        first = str(exc).splitlines()[0] if str(exc) else "a syntax error"
        raise LabnewsError(f"{source} is not valid YAML: {first}") from exc
    except RecursionError:
        # PyYAML's own parser (without libyaml) recurses once per level of nesting.
        raise LabnewsError(f"{source} is nested too deeply to be a news list") from None
    finally:
        loader.dispose()
    if not found:
        raise LabnewsError(f"{source} holds no list of news items (each with a date and a text)")
    return found


def _record_nodes(node: yaml.Node, depth: int, key: str = "") -> Iterator[tuple[yaml.Node, str]]:
    """The mappings of every list in the document, down to lists under keys of keys, each with
    the key of the list it is in ("" for a list at the top)."""
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            if isinstance(child, yaml.MappingNode):
                yield child, key
    elif isinstance(node, yaml.MappingNode) and depth < 3:
        # {papers: [...], awards: [...]} or {config: ..., items: [...]}: every list is news.
        for name, value in node.value:
            yield from _record_nodes(value, depth + 1, str(getattr(name, "value", "")))


# --- JavaScript and TypeScript -----------------------------------------------------------------


def script_records(text: str, source: str = "data") -> list[Record]:
    """The news records of a script: the first array of objects it assigns or exports."""
    for start in _array_starts(text):
        try:
            value: object = chompjs.parse_js_object(text[start:])
            # json.loads (inside chompjs) and the gathering below recurse once per level.
            records = _script_records(value, text, start) if isinstance(value, list) else []
        except ValueError:
            continue
        except RecursionError:
            raise LabnewsError(f"{source} is nested too deeply to be a news list") from None
        if records:
            return records
    raise LabnewsError(
        f"{source} holds no array of news items "
        "(expected e.g. export const news = [{date: ..., title: ...}])"
    )


def _array_starts(text: str) -> Iterator[int]:
    """Where each candidate array starts, leaving out those in comments (the first few only: a
    minified bundle has thousands, and news is among the first)."""
    opened = closed = 0
    counted = 0
    for tried, match in enumerate(_ARRAY_START.finditer(text)):
        if tried >= _MAX_CANDIDATES:
            return
        start = match.end() - 1
        line_start = text.rfind("\n", 0, start) + 1
        if "//" in text[line_start:start]:
            continue
        opened += text.count("/*", counted, start)
        closed += text.count("*/", counted, start)
        counted = start
        if opened > closed:
            continue
        yield start


def _script_records(values: list[object], text: str, start: int) -> list[Record]:
    records = []
    cursor = start
    line = text.count("\n", 0, start) + 1
    for value in values:
        if not isinstance(value, dict):
            continue
        # chompjs gives no positions: a record's line is where its first text is next found.
        anchor = next((v for v in value.values() if isinstance(v, str) and len(v) >= 4), None)
        if anchor is not None:
            found = text.find(anchor, cursor, cursor + _NEAR)
            if found >= 0:
                line += text.count("\n", cursor, found)
                cursor = found + len(anchor)
        record = _record(value, line)
        if record is not None:
            records.append(record)
    return records


# --- records into items ------------------------------------------------------------------------


def _key(name: object) -> str:
    return str(name).lower().replace("_", "").replace("-", "")


def _field(record: dict[object, object], names: tuple[str, ...]) -> list[object]:
    """The record's values under ``names``, in the order of ``names``; a name kept per language
    (``title_en``, ``titleZh``) is read in the first language that has it."""
    by_key = {_key(k): v for k, v in record.items() if v not in (None, "", [], {})}
    found = []
    for name in names:
        keys = [name, *(name + lang for lang in _LANGUAGES)]
        value = next((by_key[k] for k in keys if k in by_key), None)
        if value is not None:
            found.append(value)
    return found


def _text(value: object) -> str:
    """A value as text: a bilingual mapping in its first language, a list joined."""
    parts: list[str] = []
    _gather(value, parts, [_MAX_TEXT])
    return " ".join(parts)


def _gather(value: object, parts: list[str], budget: list[int]) -> None:
    """Add the text of ``value`` to ``parts`` while ``budget`` lasts: YAML aliases can nest a
    list in itself a billion times over, and a news line is never that long."""
    budget[0] -= 1  # each value costs, the empty ones too
    if budget[0] <= 0:
        return
    if isinstance(value, dict):
        by_key = {_key(k): v for k, v in value.items()}
        chosen = [by_key[lang] for lang in _LANGUAGES if lang in by_key]
        for candidate in [*chosen, *value.values()]:
            before = len(parts)
            _gather(candidate, parts, budget)
            if any(p.strip() for p in parts[before:]):
                return
            del parts[before:]
        return
    if isinstance(value, list):
        for item in value:
            _gather(item, parts, budget)
            if budget[0] <= 0:
                return
        return
    text = _scalar(value)
    if text.strip():
        parts.append(text[: budget[0]])
        budget[0] -= len(text) + 1


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        return str(value)
    return ""


def _people(value: object) -> list[str]:
    """The people a record names: a list of names (or of {name: ...}), or a string of them."""
    names: list[str] = []
    for item in value[:_MAX_PEOPLE] if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            found = _field(item, ("name", "fullname", "en"))
            item = found[0] if found else ""
        names += (p.strip() for p in _PEOPLE_SPLIT.split(_text(item)) if p.strip())
    return names[:_MAX_PEOPLE]


def _record(
    value: dict[object, object], line: int, nested: bool = False, filed: str = ""
) -> Record | None:
    """A record's texts, date and people; ``filed`` is the key of the list it is in."""
    texts = tuple(t for t in (clean_text(_text(v)) for v in _field(value, _TEXT_KEYS)) if t)
    if not texts:
        # {date, en: {title, content}, zh: {...}}: the texts are kept under each language.
        inner = next((v for v in _field(value, _LANGUAGES) if isinstance(v, dict)), None)
        if inner is None or nested:
            return None
        merged = {**inner, **{k: v for k, v in value.items() if k not in inner}}
        return _record(merged, line, True, filed)
    people = tuple(p for v in _field(value, _PEOPLE_KEYS) for p in _people(v))
    filings = [filed] + [
        _text(tag)
        for found in _field(value, _KIND_KEYS)
        for tag in (found[:_MAX_PEOPLE] if isinstance(found, list) else [found])
    ]
    kinds = {_key(kind).replace(" ", "") for kind in filings}
    papers = bool(kinds & _PAPER_NEWS) or not kinds & _OTHER_NEWS
    return Record(line, _date(value), texts, people, papers)


def _date(record: dict[object, object]) -> str:
    """A record's date as a page writes it: its date field, or its year, month and day fields
    joined ("2024-06-18", "June 2024")."""
    dates = _field(record, _DATE_KEYS)
    if dates:
        return clean_text(_text(dates[0]))
    year, month, day = (_text(_field(record, (key,))[:1]).strip() for key in _DATE_PARTS)
    if not month:
        return year
    if month.isdecimal():
        return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day.isdecimal() else "")
    return f"{month} {day}, {year}" if day.isdecimal() else f"{month} {year}"


def read_records(records: list[Record], source: str = "data") -> Page:
    """Records read as lines of a news page: the first of a record's texts that tells of papers
    (else its first text), dated by its date, crediting its people when its text names none."""
    page = Page(source)
    for record in records:
        item = _read_record(record)
        if item is None:
            page.undated.append((record.line, record.texts[0]))
        else:
            page.items.append(item)
    return page


def _read_record(record: Record) -> PageItem | None:
    chosen: PageItem | None = None
    for text in record.texts:
        # The date leads, as on a page: "Aug 2025: Our paper ... got accepted by CIKM'25".
        read = read_page(f"{record.date}: {text}" if record.date else text)
        if len(read.items) != 1:
            continue
        item = read.items[0]
        if not record.papers:
            # Filed as an award or a talk: what its words say of papers is not news of them.
            item.clauses, item.tally_total, item.tally_items = [], None, []
        if chosen is None:
            chosen = item
        if item.clauses or item.tally_total is not None:
            chosen = item
            break
    if chosen is None:
        return None
    chosen.line = record.line
    if record.people:
        # Named in the record's own people field: said as people, even by a first name only.
        chosen.clauses = [
            c if c.names else replace(c, names=record.people, greeted=True) for c in chosen.clauses
        ]
    return chosen
