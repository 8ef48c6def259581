"""BibTeX: reading a .bib file into plain-text fields, and the pieces its writers share."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

from labnews.core.errors import LabnewsError
from labnews.core.records import MAX_YEAR, MIN_YEAR
from labnews.io.latex import decode_latex, escape_latex
from labnews.io.plan import ImportPlan

MAX_VALUE: Final = 1_000_000
"""Characters one field or @string value may have once its macros are joined."""

PREFIX: Final = "labnews-"
"""Fields labnews writes so its own exports re-import exactly (venue, news month, featured...)."""

_MONTH_NAMES: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_MACROS: Final = {name[:3]: name.capitalize() for name in _MONTH_NAMES}
_MONTH_NUMBER = re.compile(r"^(\d{1,2})(?!\d)")
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)
_KEPT_FIELDS: Final = frozenset(
    {
        "title",
        "author",
        "booktitle",
        "journal",
        "journaltitle",
        "howpublished",
        "year",
        "date",
        "month",
        "doi",
        "eprint",
        "archiveprefix",
        "eprinttype",
        "url",
        "note",
        "volume",  # DBLP's CoRR and Semantic Scholar's ArXiv give the arXiv id there
    }
)


# --- BibTeX values -----------------------------------------------------------------------------

_VALUE_TOKEN = re.compile(r'(?<!\\)[{}"#]')


def _pieces(raw: str) -> list[str]:
    """The ``#``-joined parts of a raw field value (braces and quotes keep their ``#``)."""
    if "#" not in raw:
        return [raw]
    return _cut_at_top(raw, _VALUE_TOKEN, quotes=True)


def _cut_at_top(text: str, tokens: re.Pattern[str], *, quotes: bool = False) -> list[str]:
    """``text`` cut where ``tokens`` matches a separator outside braces (and quotes, if asked).

    ``tokens`` matches the separator and each unescaped brace (and ``"`` with ``quotes``).
    """
    pieces: list[str] = []
    depth, quoted, start = 0, False, 0
    for match in tokens.finditer(text):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif quotes and char == '"':
            if depth == 0:
                quoted = not quoted
        elif depth == 0 and not quoted:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


def evaluate(raw: str, macros: Mapping[str, str]) -> str:
    """A raw BibTeX value as text: enclosing braces or quotes removed, macros and ``#`` resolved."""
    raw = raw.strip()
    if raw[:1] == "{" and raw[-1:] == "}" and "#" not in raw:
        return raw[1:-1]  # the usual {value}: nothing to join or look up
    parts = []
    for piece in _pieces(raw):
        piece = piece.strip()
        if len(piece) >= 2 and (
            (piece[0] == "{" and piece[-1] == "}") or (piece[0] == '"' and piece[-1] == '"')
        ):
            parts.append(piece[1:-1])
        elif piece.isdigit():
            parts.append(piece)
        else:
            word = piece.lower()
            parts.append(macros.get(word, _MONTH_MACROS.get(word, piece)))
    # Macros may join macros: 41 @string lines, each twice the last, would make 2**41 bytes.
    # Measured before joining, so no value ever grows past the bound.
    if sum(map(len, parts)) > MAX_VALUE:
        raise LabnewsError(
            f"a BibTeX value joins @string macros into more than {MAX_VALUE:,} characters; "
            "the file is refused"
        )
    return "".join(parts)


def _split_top(text: str, pattern: re.Pattern[str], plain: re.Pattern[str]) -> list[str]:
    """``text`` split where ``pattern`` matches something other than a brace, outside braces.

    ``plain`` is the separator alone, for the common text that has no braces at all.
    """
    if "{" not in text and "}" not in text:
        return plain.split(text)
    # When every plain piece nests its braces properly, no separator was inside braces: the
    # plain split is the answer (the usual case of accents like M{\"u}ller).
    pieces = plain.split(text)
    if all(map(_nested, pieces)):
        return pieces
    return _cut_at_top(text, pattern)


def _nested(text: str) -> bool:
    """True when ``text`` has no escaped brace and its braces nest properly."""
    if "\\{" in text or "\\}" in text:
        return False
    depth = 0
    for brace in _BRACE.findall(text):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


_BRACE = re.compile(r"[{}]")
AUTHOR_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_AND_TOP = re.compile(r"(?<!\\)[{}]|\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(",")
_COMMA_TOP = re.compile(r"(?<!\\)[{}]|,")


def author_value(name: str) -> str:
    """One author's name as a BibTeX ``author`` field writes it, so that reading it back agrees."""
    escaped = escape_latex(name)
    # A comma, a lone "and" or "others" would change the name on the way back: braces keep it.
    if "," in name or AUTHOR_AND.search(f" {name} ") or name.casefold() == "others":
        return "{" + escaped + "}"
    return escaped


def verbatim_value(value: str) -> str:
    """A link or id as BibTeX writes it: as is, with braces percent-encoded to stay balanced."""
    return value.replace("{", "%7B").replace("}", "%7D")


def link_fields(doi: str | None, arxiv: str | None, url: str | None) -> list[tuple[str, str]]:
    """The fields for the DOI, arXiv id and link a paper has, written as import reads them."""
    fields = []
    if doi:
        fields.append(("doi", verbatim_value(doi)))
    if arxiv:
        fields.append(("eprint", verbatim_value(arxiv)))
        fields.append(("archiveprefix", "arXiv"))
    if url:
        fields.append(("url", verbatim_value(url)))
    return fields


def entry_text(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """One ``@kind{key, name = {value}, ...}`` entry, a field a line."""
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def split_authors(raw: str, known: dict[str, str] | None = None) -> list[str]:
    """Author names from a raw ``author`` value: split on " and ", "Last, First" turned round.

    A name in braces (``{Barnes and Noble}``) is one name, kept as written; "others" (et al.)
    is not a name and is left out. ``known`` caches names already read (a file repeats them).
    """
    cache = {} if known is None else known
    text = " ".join(raw.split())
    parts = AUTHOR_AND.split(text)
    # Only parts that nest their braces are cached, so a part read before needs no check; a
    # new part that does not nest means an " and " sat inside braces: split the slow way.
    if all(part in cache or _nested(part) for part in parts):
        names = []
        for part in parts:
            name = cache.get(part)
            if name is None:
                name = cache[part] = _author_name(part.strip())
            if name:
                names.append(name)
        return names
    return [
        n for part in _split_top(text, _AND_TOP, AUTHOR_AND) if (n := _author_name(part.strip()))
    ]


def _author_name(part: str) -> str:
    if not part or part.lower() == "others":
        return ""
    if "," not in part:
        return decode_latex(part)
    pieces = [decode_latex(p) for p in _split_top(part, _COMMA_TOP, _COMMA)]
    if len(pieces) == 2:
        last, first = pieces
        name = f"{first} {last}"
    elif len(pieces) == 3:
        last, suffix, first = pieces
        name = f"{first} {last} {suffix}"
    else:
        name = " ".join(pieces)
    return " ".join(name.split())


def parse_month(text: str) -> int | None:
    """A month from "6", "06", "jun", "June", "Jun." (or None when it names no month)."""
    cleaned = text.strip().strip("{}\"' ").strip()
    if not cleaned:
        return None
    number = _MONTH_NUMBER.match(cleaned)
    if number:
        month = int(number[1])
        return month if 1 <= month <= 12 else None
    match = _MONTH_WORD.search(cleaned)
    if match is None:
        return None
    return _MONTH_NAMES.index(next(n for n in _MONTH_NAMES if n.startswith(match[1].lower()))) + 1


# --- parsing -----------------------------------------------------------------------------------


@dataclass
class BibEntry:
    """One entry as read: its type, key, 1-based line and the values labnews looks at."""

    kind: str
    key: str
    line: int
    fields: dict[str, str]
    duplicate_fields: tuple[str, ...] = ()
    has_own_fields: bool = False
    """Whether it holds labnews-* fields (a labnews export): most entries hold none."""


@dataclass
class BibFile:
    """A parsed .bib file: its entries, and the tally orders a labnews export pinned."""

    entries: list[BibEntry] = field(default_factory=list)
    pins: dict[int, tuple[str, ...]] = field(default_factory=dict)


@contextmanager
def quiet(*names: str) -> Iterator[None]:
    """Silence libraries' log warnings (bibtexparser logs each bad block): the plan reports them."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


_PINNED = re.compile(r"^labnews-pinned\s+(\d{4})\s+(\[.*\])\s*$", re.DOTALL)
_LOST_ENTRY = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*(?:\(|\n[ \t\n]*\{)", re.MULTILINE)


def parse_bibtex(text: str, plan: ImportPlan) -> BibFile:
    """Read BibTeX text; malformed blocks are noted in ``plan`` one by one, with their line."""
    from bibtexparser.model import (
        DuplicateBlockKeyBlock,
        DuplicateFieldKeyBlock,
        Entry,
        ExplicitComment,
        ImplicitComment,
        ParsingFailedBlock,
        String,
    )
    from bibtexparser.splitter import Splitter

    try:
        with quiet("bibtexparser"):
            library = Splitter(text).split()
    except RecursionError as exc:
        raise LabnewsError("the BibTeX file is nested too deeply to read") from exc
    except Exception as exc:  # a parser bug on hostile input is still a clean error
        raise LabnewsError(f"the BibTeX file could not be read ({type(exc).__name__})") from exc
    macros: dict[str, str] = {}
    result = BibFile()
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, String):
            macros[str(block.key).strip().lower()] = evaluate(str(block.value), macros)
        elif isinstance(block, Entry):
            result.entries.append(_entry(block, line, macros))
        elif isinstance(block, DuplicateFieldKeyBlock):
            result.entries.append(_entry(block.ignore_error_block, line, macros))
        elif isinstance(block, DuplicateBlockKeyBlock):
            if isinstance(block.ignore_error_block, String):
                macros[str(block.key).strip().lower()] = evaluate(
                    str(block.ignore_error_block.value), macros
                )
                continue
            # The same key twice may still be two papers: the DOI and title checks decide.
            entry = _entry(block.ignore_error_block, line, macros)
            first = (block.previous_block.start_line or 0) + 1
            plan.note(
                "warning", f"the key {entry.key!r} is used again (first at line {first})", line
            )
            result.entries.append(entry)
        elif isinstance(block, ParsingFailedBlock):
            plan.note(
                "skipped", f"malformed entry {_block_name(block.raw)}: {_reason(block)}", line
            )
        elif isinstance(block, ExplicitComment):
            _read_pin(str(block.comment), result, plan, line)
        elif isinstance(block, ImplicitComment):
            # bibtexparser reads only "@type{": "@type(" and a brace on the next line are
            # comments to it, so say so rather than drop the entry silently.
            for match in _LOST_ENTRY.finditer(str(block.raw)):
                at = line + str(block.raw).count("\n", 0, match.start())
                plan.note(
                    "skipped",
                    f"@{match[1]} is not read as an entry: write it as @{match[1]}{{key, ...}}",
                    at,
                )
    return result


def _entry(block: Any, line: int, macros: Mapping[str, str]) -> BibEntry:
    fields: dict[str, str] = {}
    seen: set[str] = set()
    repeated: list[str] = []
    own = False
    for item in block.fields:
        name = item.key.strip().lower()
        if name in seen:
            repeated.append(name)
            continue  # BibTeX itself keeps the first of a repeated field
        seen.add(name)
        if name in _KEPT_FIELDS:
            fields[name] = evaluate(item.value, macros)
        elif name.startswith(PREFIX):
            fields[name] = evaluate(item.value, macros)
            own = True
    kind, key = block.entry_type.lower(), block.key.strip()
    duplicates = tuple(dict.fromkeys(repeated)) if repeated else ()
    return BibEntry(kind, key, line, fields, duplicates, own)


def _block_name(raw: str | None) -> str:
    head = (raw or "").split(",", 1)[0].split("\n", 1)[0].strip()
    return repr(head[:80]) if head else "(no key)"


def _reason(block: Any) -> str:
    error = block.error
    reason = str(getattr(error, "abort_reason", "") or error or type(error).__name__)
    reason = " ".join(reason.replace("`", "").split())
    if reason.startswith("Unexpected block start"):
        return "it is not closed before the next entry starts; left out"
    if reason.startswith("Unexpectedly reached end of file"):
        return "it is not closed before the end of the file; left out"
    return f"{reason[:200]}; left out"


def _read_pin(comment: str, result: BibFile, plan: ImportPlan, line: int) -> None:
    match = _PINNED.match(comment.strip())
    if match is None:
        return
    try:
        labels = json.loads(match[2])
        year = int(match[1])
    except (ValueError, RecursionError):
        labels, year = None, 0
    if (
        not isinstance(labels, list)
        or not labels
        or not all(isinstance(x, str) and x.strip() for x in labels)
        or len({x.casefold() for x in labels}) != len(labels)
        or not MIN_YEAR <= year <= MAX_YEAR
    ):
        plan.note("warning", "a labnews-pinned comment is not readable; ignored", line)
        return
    result.pins[year] = tuple(str(x) for x in labels)
