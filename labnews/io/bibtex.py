"""BibTeX in and out: a .bib file becomes an ImportPlan; papers become BibTeX that re-imports."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from labnews.core.errors import AmbiguousNameError, LabnewsError
from labnews.core.inputs import VenueInput
from labnews.core.links import ARXIV_URL, DOI_PREFIX, arxiv_of, doi_of, http_url
from labnews.core.names import MemberDirectory
from labnews.core.records import (
    MAX_YEAR,
    MIN_YEAR,
    PRESENTATIONS,
    STATUSES,
    PaperRecord,
    YearMonth,
    year_month,
)
from labnews.io.known import PaperIndex, Untitled, leave_out_held, title_key
from labnews.io.plan import (
    FindingKind,
    ImportPlan,
    PlannedAuthor,
    PlannedPaper,
    VenuePlanner,
    gc_paused,
)
from labnews.store import queries
from labnews.store.database import read_file_bytes

MAX_FILE: Final = 200_000_000
"""Bytes of a .bib file read at most: a larger file is refused before it is read."""
MAX_TITLE: Final = 2_000
MAX_NAME: Final = 200
MAX_NOTE: Final = 20_000
MAX_AUTHORS: Final = 5_000
MAX_DECODE: Final = 20_000
"""Characters handed to pylatexenc at most; longer values only lose their braces."""
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
_YEAR = re.compile(r"\{?\s*(\d{4})[a-z]?\s*\}?")
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?")
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
    }
)

_ARXIV_PREPRINT = re.compile(
    r"^(?:arxiv|corr)\b(?:\s+preprint)?(?:\s*,?\s*(?:arxiv\s*)?:?\s*(\S+))?$", re.I
)


# --- reading a file ----------------------------------------------------------------------------


def read_text(path: Path, plan: ImportPlan, *, fallbacks: Sequence[str] = ()) -> str:
    """A text file's content, decoded forgivingly; a binary or huge file is a LabnewsError.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; then each of
    ``fallbacks`` is tried; then undecodable bytes become U+FFFD and the plan says where.
    NUL characters are dropped and line ends become ``\\n``.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise LabnewsError(f"{path.name} is too large to import ({size:,} bytes)")
        data = read_file_bytes(path)
    except OSError as exc:
        raise LabnewsError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if _looks_binary(data):
            raise LabnewsError(f"{path.name} is not a text file (it holds binary data)")
        text = _decode(data, plan, fallbacks)
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        plan.note("warning", f"the file holds {nuls} NUL characters; they were dropped")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Bytes that text holds: all but the C0 controls other than tab, line ends, form feed and ESC.
_TEXT_BYTES: Final = bytes(b for b in range(256) if not (b < 9 or (13 < b < 32 and b != 27)))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = len(sample.translate(None, _TEXT_BYTES))  # what is left is the control bytes
    return controls > len(sample) // 10


def _decode(data: bytes, plan: ImportPlan, fallbacks: Sequence[str]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding in fallbacks:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plan.note("warning", f"the file is not UTF-8; it was read as {encoding}")
        return text
    line = data.count(b"\n", 0, first_bad) + 1
    plan.note(
        "warning", "the file is not valid UTF-8; bytes that are not were replaced by \ufffd", line
    )
    return data.decode("utf-8", errors="replace")


# --- LaTeX to text -----------------------------------------------------------------------------

_SYMBOL_ACCENTS: Final = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    '"': "\u0308",
}
_LETTER_ACCENTS: Final = {
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_SPECIAL_LETTERS: Final = {
    "ss": "ß",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "i": "ı",
    "j": "ȷ",
    "l": "ł",
    "L": "Ł",
    "o": "ø",
    "O": "Ø",
}
_BASE = r"\\[ij](?![A-Za-z])|[A-Za-z]"
# The forms real .bib files use for names and titles ({\"u}, \'{e}, \c{c}, {\ss}, \&, {CVPR}),
# decoded in one regex pass: pylatexenc gives the same text but takes ~0.3 ms a value.
_LATEX_TOKEN = re.compile(
    r"\\(?:"
    rf"(?P<sym>[`'^~=.\"])(?:\{{\s*(?P<b1>{_BASE})\s*\}}|(?P<b2>{_BASE}))"
    rf"|(?P<let>[uvHckrdb])(?:\s*\{{\s*(?P<b3>{_BASE})\s*\}}|\s+(?P<b4>{_BASE}))"
    r"|(?P<sp>ss|ae|AE|oe|OE|aa|AA|[ijlLoO])(?![A-Za-z])(?:\{\}|[ \t\n]*)"
    r"|(?P<esc>[&%$#_{}])"
    r")|(?P<brace>[{}])|(?P<tilde>~)"
)
_PLAIN = re.compile(r"[\\{}~$]|--|``|''|[?!]`")
_NEEDS_PYLATEXENC = re.compile(r"(?<!\\)\$|--|``|''|[?!]`")
_BARE_SPECIAL = re.compile(r"(?<!\\)([&%#])")
_HAS_SPECIAL = re.compile(r"[&%#]")
_BEYOND_BRACES = re.compile(r"[~$]|--|``|''|[?!]`")
_UNESCAPED_BRACE = re.compile(r"(?<!\\)[{}]")


def _escaped(match: re.Match[str]) -> str:
    return "\\" + match[1]


def _token(match: re.Match[str]) -> str:
    if match["brace"] is not None:
        return ""
    if match["tilde"] is not None:
        return " "
    if match["esc"] is not None:
        return match["esc"]
    if match["sp"] is not None:
        return _SPECIAL_LETTERS[match["sp"]]
    if match["sym"] is not None:
        accent = _SYMBOL_ACCENTS[match["sym"]]
        base = match["b1"] or match["b2"]
    else:
        accent = _LETTER_ACCENTS[match["let"]]
        base = match["b3"] or match["b4"]
    letter = base[1] if base.startswith("\\") else base
    return unicodedata.normalize("NFC", letter + accent)


@cache
def _latex_converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text()


def decode_latex(text: str) -> str:
    """A BibTeX value as plain text: accents composed, protective braces gone, spaces folded."""
    decoded, _ok = _decode_latex(text)
    return decoded


def _decode_latex(text: str) -> tuple[str, bool]:
    """The decoded text, and False when the LaTeX could not be read and only braces went."""
    if not text:
        return "", True
    if not _PLAIN.search(text):
        return " ".join(text.split()), True
    if "\\" not in text and not _BEYOND_BRACES.search(text):
        # Only protective braces ({CVPR}, {{Title}}): the most common case, removed directly.
        return " ".join(text.replace("{", "").replace("}", "").split()), True
    # A bare & % or # in a .bib value means the character itself (LaTeX would eat it).
    source = _BARE_SPECIAL.sub(_escaped, text) if _HAS_SPECIAL.search(text) else text
    if not _NEEDS_PYLATEXENC.search(source):
        fast = _LATEX_TOKEN.sub(_token, source)
        if "\\" not in fast:
            return " ".join(fast.split()), True
    if len(source) <= MAX_DECODE:
        try:
            return " ".join(str(_latex_converter().latex_to_text(source)).split()), True
        except (RecursionError, MemoryError):
            pass
        except Exception:  # pylatexenc on hostile input: fall back to braces removed
            pass
    return " ".join(_UNESCAPED_BRACE.sub("", text).split()), False


_ESCAPES: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
}
# LaTeX ligatures (-- ``  '' ?` !`) would turn into other characters on the way back.
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")


def escape_latex(text: str) -> str:
    """Text as a BibTeX value that ``decode_latex`` turns back into the same text."""
    escaped = "".join(_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))
    return _LIGATURE.sub("{}", escaped)


# --- BibTeX values -----------------------------------------------------------------------------

_VALUE_TOKEN = re.compile(r'(?<!\\)[{}"#]')


def _pieces(raw: str) -> list[str]:
    """The ``#``-joined parts of a raw field value (braces and quotes keep their ``#``)."""
    if "#" not in raw:
        return [raw]
    pieces: list[str] = []
    depth, quoted, start = 0, False, 0
    for match in _VALUE_TOKEN.finditer(raw):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            pieces.append(raw[start : match.start()])
            start = match.end()
    pieces.append(raw[start:])
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
    pieces = []
    depth, start = 0, 0
    for match in pattern.finditer(text):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


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
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_AND_TOP = re.compile(r"(?<!\\)[{}]|\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(",")
_COMMA_TOP = re.compile(r"(?<!\\)[{}]|,")


def split_authors(raw: str, known: dict[str, str] | None = None) -> list[str]:
    """Author names from a raw ``author`` value: split on " and ", "Last, First" turned round.

    A name in braces (``{Barnes and Noble}``) is one name, kept as written; "others" (et al.)
    is not a name and is left out. ``known`` caches names already read (a file repeats them).
    """
    cache = {} if known is None else known
    text = " ".join(raw.split())
    parts = _AND.split(text)
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
    return [n for part in _split_top(text, _AND_TOP, _AND) if (n := _author_name(part.strip()))]


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
def _quiet(*names: str) -> Iterator[None]:
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
        with _quiet("bibtexparser"):
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


# --- planning ----------------------------------------------------------------------------------


def plan_bibtex(session: Session, path: Path) -> ImportPlan:
    """Read a .bib file into an ImportPlan: papers to add, venues to create, what was left out."""
    plan = ImportPlan(source=path.name)
    text = read_text(path, plan)
    with _quiet("bibtexparser", "pylatexenc"), gc_paused():
        bib = parse_bibtex(text, plan)
        planner = _Planner(session, plan, bib.entries)
        for entry in bib.entries:
            planner.add(entry)
        planner.finish()
    if not bib.entries and not plan.of_kind("skipped"):
        plan.note("warning", "the file holds no BibTeX entries")
    if bib.pins:  # a labnews export's pinned tally orders; pin only those that differ
        pinned = queries.tally_rules(session).pinned
        plan.pins.update({y: labels for y, labels in bib.pins.items() if pinned.get(y) != labels})
    return plan


def _years_named(entries: Iterable[BibEntry]) -> set[int]:
    """Every four-digit number in the entries' year and date fields: their edition years."""
    # The distinct spellings first: a file of thousands of entries spans a few years.
    spellings = {v for e in entries for n in ("year", "date") if (v := e.fields.get(n))}
    return {int(found) for text in spellings for found in _FOUR_DIGITS.findall(text)}


def _dois_named(entries: Iterable[BibEntry]) -> set[str]:
    """The DOIs the entries give, in their doi field or as a doi.org link."""
    found = set()
    for entry in entries:
        for name in ("doi", "url"):
            text = entry.fields.get(name)
            if text and (doi := doi_of(text)):
                found.add(doi.lower())
    return found


_FOUR_DIGITS = re.compile(r"\d{4}")


class _EntryError(Exception):
    """An entry that cannot become a paper: reported with its key and line, then left out."""

    def __init__(self, kind: FindingKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True, slots=True)
class _Venue:
    """Where an entry appeared: a known venue's short name, or one to create."""

    short: str
    month: int | None
    create: VenueInput | None = None


class _Planner:
    """Turns entries into planned papers, resolving venues and matching members (never creating)."""

    def __init__(self, session: Session, plan: ImportPlan, entries: Sequence[BibEntry]) -> None:
        self.plan = plan
        self.venues = VenuePlanner(session, plan)
        known = self.venues.venues
        self.months: dict[str, int | None] = {}
        for venue in known.values():
            month = venue.month
            if month is None and venue.parent_id is not None:
                month = known[venue.parent_id].month
            self.months[venue.short] = month
        self.directory: MemberDirectory = queries.member_directory(session)
        self.in_news = {m.name for m in self.directory.members if m.in_news}
        self.index = PaperIndex.of_database(session, _years_named(entries), _dois_named(entries))
        self._spellings: dict[tuple[str, str], _Venue | None] = {}
        self._members: dict[str, str | None] = {}
        # Planned authors are immutable: one object per (name, member) serves every paper.
        self._authors_seen: dict[tuple[str, str | None], PlannedAuthor] = {}
        self._names: dict[str, str] = {}
        self._decoded: dict[str, str] = {}
        self._said: set[str] = set()
        self._untitled: list[tuple[Untitled, str]] = []

    def add(self, entry: BibEntry) -> None:
        try:
            paper, venue = self._paper(entry)
        except _EntryError as exc:
            self.plan.note(exc.kind, f"entry {entry.key!r}: {exc.message}", entry.line)
            return
        news = paper.news
        if news is None and venue.month is not None:
            news = year_month(paper.year, venue.month)
        featured = [a.member for a in paper.authors if a.member and a.member in self.in_news]
        duplicate = self.index.duplicate_of(paper, news, featured)
        if duplicate is not None:
            self.plan.note("duplicate", f"entry {entry.key!r} {duplicate}; left out", entry.line)
            return
        if not title_key(paper.title):
            # Untitled entries are matched against the lab all at once, when the file is read.
            named = paper.featured or (featured[0] if featured else None)
            self._untitled.append((Untitled(paper, news, named), f"entry {entry.key!r}"))
        if venue.create is not None:
            self.venues.create(venue.create, entry.line)
        self.plan.papers.append(paper)

    def finish(self) -> None:
        """Leave out the untitled entries the lab already holds."""
        leave_out_held(self.plan, self.index, self._untitled)

    def _warn(self, entry: BibEntry, message: str) -> None:
        self.plan.note("warning", f"entry {entry.key!r}: {message}", entry.line)

    def _paper(self, entry: BibEntry) -> tuple[PlannedPaper, _Venue]:
        values = entry.fields
        if entry.duplicate_fields:
            self._warn(entry, f"repeats {', '.join(entry.duplicate_fields)}; the first is kept")
        arxiv = self._arxiv(values)
        venue = self._venue(entry, arxiv)
        year, date_month = self._year(values)
        news = self._news(entry, year, date_month, venue)
        title = self._text(values.get("title", ""), "title", MAX_TITLE, entry)
        if not title:
            self._warn(entry, "has no title; it becomes an untitled paper")
        authors = self._authors(entry)
        doi_text = values.get("doi")
        doi = doi_of(doi_text)
        if doi_text and doi is None:
            self._warn(entry, f"doi {doi_text[:80]!r} is not a DOI; left out")
        url_text = values.get("url", "").strip()
        url = http_url(url_text)
        if url_text and url is None:
            self._warn(entry, f"url {url_text[:80]!r} is not an http(s) link; left out")
        if doi is None and url is not None:
            doi = doi_of(url) if DOI_PREFIX.match(url) else None
        note = self._text(values.get("note", ""), "note", MAX_NOTE, entry, required=False)
        bibkey = entry.key if 0 < len(entry.key) <= MAX_NAME else None
        paper = PlannedPaper(
            venue=venue.short,
            year=year,
            news=news,
            title=title,
            authors=authors,
            doi=doi,
            arxiv=arxiv,
            url=url,
            bibkey=bibkey,
            note=note or None,
            line=entry.line,
        )
        if entry.has_own_fields:  # what a labnews export adds to BibTeX's own fields
            paper = replace(
                paper,
                featured=self._featured(entry, authors),
                status=self._choice(entry, "status", STATUSES) or "accepted",
                presentation=self._choice(entry, "presentation", PRESENTATIONS),
                code=self._link(entry, "code"),
                project=self._link(entry, "project"),
            )
        return paper, venue

    # --- fields ---

    def _text(
        self, raw: str, name: str, limit: int, entry: BibEntry, *, required: bool = True
    ) -> str:
        if len(raw) > 50 * limit:
            if not required:
                self._warn(entry, f"{name} is longer than {limit:,} characters; left out")
                return ""
            raise _EntryError("error", f"{name} is longer than {limit:,} characters")
        text, ok = _decode_latex(raw)
        if not ok:
            self._warn(
                entry, f"the LaTeX in its {name} could not be read; only braces were removed"
            )
        if len(text) > limit:
            if not required:
                self._warn(entry, f"{name} is longer than {limit:,} characters; left out")
                return ""
            raise _EntryError("error", f"{name} is longer than {limit:,} characters")
        return text

    def _year(self, values: Mapping[str, str]) -> tuple[int, int | None]:
        """The edition year, and the month of a biblatex ``date`` of that year, if any."""
        raw = values.get("year", "").strip()
        date_match = _DATE.match(values.get("date", ""))
        if not raw and date_match:
            raw = date_match[1]
        if not raw:
            raise _EntryError("error", "year is missing: add year = {YYYY}")
        match = _YEAR.fullmatch(raw)
        if match is None:
            raise _EntryError("error", f"year must be a number like 2024, not {raw[:40]!r}")
        year = int(match[1])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise _EntryError(
                "error", f"year must be between {MIN_YEAR} and {MAX_YEAR}, not {year}"
            )
        month = None
        if date_match and date_match[2] and int(date_match[1]) == year:
            month = int(date_match[2])
        return year, month if month and 1 <= month <= 12 else None

    def _news(
        self, entry: BibEntry, year: int, date_month: int | None, venue: _Venue
    ) -> YearMonth | None:
        values = entry.fields
        exact = values.get(PREFIX + "news", "").strip() if entry.has_own_fields else ""
        if exact:
            try:
                return YearMonth.parse(exact, field=PREFIX + "news")
            except LabnewsError as exc:
                raise _EntryError("error", exc.message) from exc
        raw = values.get("month", "").strip()
        if raw:
            month = parse_month(raw)
            if month is None:
                raise _EntryError(
                    "error", f"month must be 1-12 or a month name like jun, not {raw[:40]!r}"
                )
            return YearMonth(year, month)
        if date_month is not None:
            return YearMonth(year, date_month)
        if venue.month is None:
            raise _EntryError(
                "error",
                f"no month, and venue {venue.short} has no typical month: "
                "add month = {...} to the entry",
            )
        return None  # the store dates it by the venue's typical month

    def _authors(self, entry: BibEntry) -> tuple[PlannedAuthor, ...]:
        raw = entry.fields.get("author", "")
        if not raw.strip():
            return ()
        names = split_authors(raw, self._names)
        if len(names) > MAX_AUTHORS:
            raise _EntryError("error", f"author lists more than {MAX_AUTHORS:,} names")
        authors: list[PlannedAuthor] = []
        seen: set[str] = set()
        for index, written in enumerate(names, start=1):
            if len(written) > MAX_NAME:
                raise _EntryError("error", f"author {index} is longer than {MAX_NAME} characters")
            member = self._member(written, entry)
            if member is not None and member in seen:
                self._warn(
                    entry, f"names member {member} twice; the second is kept as a plain name"
                )
                member = None
            if member is not None:
                seen.add(member)
            author = self._authors_seen.get((written, member))
            if author is None:
                author = self._authors_seen[(written, member)] = PlannedAuthor(written, member)
            authors.append(author)
        return tuple(authors)

    def _member(self, written: str, entry: BibEntry) -> str | None:
        """The existing member this author is, if any: BibTeX never creates members."""
        if written in self._members:
            return self._members[written]
        try:
            match = self.directory.find(written)
        except AmbiguousNameError as exc:
            self._warn(entry, f"{exc.message}; kept as a plain name")
            self._members[written] = None
            return None
        member = match.member.name if match else None
        self._members[written] = member
        if member is not None and member != written:
            self.plan.note("matched", f"{written!r} is member {member}", entry.line)
        return member

    def _featured(self, entry: BibEntry, authors: tuple[PlannedAuthor, ...]) -> str | None:
        wanted = decode_latex(entry.fields.get(PREFIX + "featured", ""))
        if not wanted:
            return None
        members = {a.member for a in authors if a.member}
        try:
            match = self.directory.find(wanted)
        except AmbiguousNameError:
            match = None
        if match is not None and match.member.name in members:
            return match.member.name
        return None  # featured by the usual rule: the first member author listed in news

    def _choice(self, entry: BibEntry, name: str, allowed: Sequence[str]) -> str | None:
        value = entry.fields.get(PREFIX + name, "").strip().lower()
        if not value:
            return None
        if value not in allowed:
            self._warn(entry, f"{PREFIX}{name} {value[:40]!r} is not one of {', '.join(allowed)}")
            return None
        return value

    def _link(self, entry: BibEntry, name: str) -> str | None:
        raw = entry.fields.get(PREFIX + name, "").strip()
        link = http_url(raw)
        if raw and link is None:
            self._warn(entry, f"{PREFIX}{name} is not an http(s) link; left out")
        return link

    def _arxiv(self, values: Mapping[str, str]) -> str | None:
        prefix = (values.get("archiveprefix") or values.get("eprinttype") or "").strip().lower()
        eprint = values.get("eprint", "").strip()
        if eprint and prefix in {"", "arxiv"}:
            found = arxiv_of(eprint)
            if found:
                return found
        for name in ("url", "journal", "howpublished", "note"):
            text = values.get(name)
            if not text:
                continue
            url = ARXIV_URL.search(text)
            if url:
                return url[1]
            preprint = _ARXIV_PREPRINT.match(" ".join(text.split()))
            if preprint and preprint[1]:
                found = arxiv_of(preprint[1].rstrip(".,;"))
                if found:
                    return found
        return None

    # --- venues ---

    def _venue(self, entry: BibEntry, arxiv: str | None) -> _Venue:
        values = entry.fields
        exact = decode_latex(values.get(PREFIX + "venue", "")) if entry.has_own_fields else ""
        if exact:
            found = self._lookup(exact)
            if found is not None:
                return found
        spelling = ""
        for name in ("booktitle", "journal", "journaltitle", "howpublished"):
            raw = values.get(name, "")
            if raw.strip():
                # A file names the same few venues again and again: decode each spelling once.
                if raw not in self._decoded:
                    self._decoded[raw] = self._text(raw, name, MAX_TITLE, entry)
                spelling = self._decoded[raw]
                if spelling:
                    break
        if not spelling and not exact:
            if arxiv:
                raise _EntryError("skipped", f"a preprint (arXiv {arxiv}), not an accepted paper")
            raise _EntryError(
                "skipped",
                f"@{entry.kind} names no booktitle, journal or howpublished: "
                "labnews cannot tell where it appeared",
            )
        if not exact and _ARXIV_PREPRINT.match(spelling):
            raise _EntryError("skipped", "a preprint (arXiv), not an accepted paper")
        key = (spelling.casefold(), exact.casefold())
        if key not in self._spellings:
            self._spellings[key] = self._resolve(spelling, exact, entry)
        venue = self._spellings[key]
        if venue is None:
            raise _EntryError("error", f"venue {spelling[:80]!r} is too long for a short name")
        if not exact and venue.short.casefold() == "arxiv":
            raise _EntryError("skipped", "a preprint (arXiv), not an accepted paper")
        return venue

    def _lookup(self, spelling: str) -> _Venue | None:
        short = self.venues.lookup(spelling)
        if short is None:
            return None
        if short in self.months:
            return _Venue(short, self.months[short])
        return self._spellings_by_short().get(short.casefold())

    def _spellings_by_short(self) -> dict[str, _Venue]:
        return {v.short.casefold(): v for v in self._spellings.values() if v is not None}

    def _resolve(self, spelling: str, exact: str, entry: BibEntry) -> _Venue | None:
        """A spelling through the catalog and aliases, with its usual variants; else a new venue."""
        cleaned = _clean_venue(spelling)
        acronym = _acronym(spelling)
        for candidate in (spelling, cleaned, acronym):
            if candidate:
                found = self._lookup(candidate)
                if found is not None:
                    if candidate != spelling:
                        # A variant matched (year, "Proceedings of", an acronym): say which.
                        self.plan.note(
                            "matched", f"{spelling!r} is venue {found.short}", entry.line
                        )
                    return found
        short = exact or acronym or cleaned or spelling
        if len(short) > MAX_NAME:
            return None
        planned = self._spellings_by_short().get(short.casefold())
        if planned is not None:
            return planned
        if entry.kind in {"article", "periodical"}:
            venue_kind = "journal"
        elif re.search(r"\bworkshops?\b", spelling, re.IGNORECASE):
            venue_kind = "workshop"
        else:
            venue_kind = "conference"
        full = spelling if spelling.casefold() != short.casefold() else None
        return _Venue(short, None, VenueInput(short=short, full=full, kind=venue_kind))


_PROCEEDINGS = re.compile(
    r"^(?:in\s+)?(?:the\s+)?(?:proceedings|proc\.)\s+(?:of\s+)?(?:the\s+)?", re.I
)
_ORDINAL = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\b\s*|\b(?:19|20)\d{2}\b|'\d{2}\b", re.I)
_ACRONYM = re.compile(r"\(\s*([A-Za-z][\w\-&/.]{1,30}?)(?:\s*['’]?\s*(?:\d{2}|\d{4}))?\s*\)\s*$")


def _clean_venue(spelling: str) -> str:
    """ "Proceedings of the 40th X Conference (XC 2023)" -> "X Conference (XC)" and the like."""
    text = _PROCEEDINGS.sub("", spelling)
    text = _ORDINAL.sub("", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+\(?\d{1,3}\)?$", "", text.strip())
    return " ".join(text.split()).strip(" ,.;:-")


def _acronym(spelling: str) -> str:
    match = _ACRONYM.search(spelling)
    return match[1] if match else ""


# --- export ------------------------------------------------------------------------------------

_ENTRY_TYPES: Final = {
    "conference": "inproceedings",
    "workshop": "inproceedings",
    "journal": "article",
}
_VENUE_FIELDS: Final = {"inproceedings": "booktitle", "article": "journal", "misc": "howpublished"}
_SKIP_WORDS: Final = frozenset({"a", "an", "the", "on", "of", "in", "for", "to", "and"})
_KEY_UNSAFE = re.compile(r"[\s,{}()\"#%'=\\~]")


def export_bibtex(session: Session, years: Iterable[int] | None) -> str:
    """Valid BibTeX of the papers of the given news years (all when None), oldest first.

    Besides the usual fields each entry carries ``labnews-venue`` (the exact venue), and when
    they say more than the usual fields, ``labnews-news``, ``-featured``, ``-status``,
    ``-presentation``, ``-code`` and ``-project``; pinned tally orders go in ``@comment``s. So an
    export re-imports to the same records, while other tools read it as plain BibTeX.
    """
    wanted = sorted(set(years)) if years is not None else None
    papers = queries.papers_in(session, wanted)
    keys = entry_keys(papers)
    blocks: list[str] = []
    rules = queries.tally_rules(session)
    for year, labels in sorted(rules.pinned.items()):
        if wanted is None or year in wanted:
            listed = json.dumps(list(labels), ensure_ascii=False)
            listed = listed.replace("{", "\\u007b").replace("}", "\\u007d")
            blocks.append(f"@comment{{labnews-pinned {year} {listed}}}\n")
    blocks.extend(_entry_text(paper, keys[paper.id]) for paper in papers)
    return "\n".join(blocks)


def _entry_text(paper: PaperRecord, key: str) -> str:
    kind = _ENTRY_TYPES.get(paper.venue_kind, "misc")
    fields: list[tuple[str, str]] = []
    if paper.title:
        fields.append(("title", "{" + escape_latex(paper.title) + "}"))
    if paper.authors:
        fields.append(("author", " and ".join(_author_text(a.written) for a in paper.authors)))
    fields.append((_VENUE_FIELDS[kind], escape_latex(paper.venue_full or paper.venue_short)))
    fields.append(("year", str(paper.year)))
    fields.append(("month", str(paper.news.month)))
    if paper.doi:
        fields.append(("doi", _verbatim(paper.doi)))
    if paper.arxiv:
        fields.append(("eprint", _verbatim(paper.arxiv)))
        fields.append(("archiveprefix", "arXiv"))
    if paper.url:
        fields.append(("url", _verbatim(paper.url)))
    if paper.note:
        fields.append(("note", escape_latex(paper.note)))
    fields.append((PREFIX + "venue", escape_latex(paper.venue_short)))
    if paper.news.year != paper.year:
        fields.append((PREFIX + "news", str(paper.news)))
    if paper.featured_name:
        fields.append((PREFIX + "featured", escape_latex(paper.featured_name)))
    if paper.status != "accepted":
        fields.append((PREFIX + "status", paper.status))
    if paper.presentation:
        fields.append((PREFIX + "presentation", paper.presentation))
    if paper.code:
        fields.append((PREFIX + "code", _verbatim(paper.code)))
    if paper.project:
        fields.append((PREFIX + "project", _verbatim(paper.project)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def _author_text(name: str) -> str:
    escaped = escape_latex(name)
    # A comma, a lone "and" or "others" would change the name on the way back: braces keep it.
    if "," in name or _AND.search(f" {name} ") or name.casefold() == "others":
        return "{" + escaped + "}"
    return escaped


def _verbatim(value: str) -> str:
    """A link or id as BibTeX writes it: as is, with braces percent-encoded to stay balanced."""
    return value.replace("{", "%7B").replace("}", "%7D")


def _ascii_word(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


def _base_key(paper: PaperRecord) -> str:
    family = ""
    if paper.authors:
        words = paper.authors[0].written.split()
        family = _ascii_word(words[-1]) if words else ""
    word = next(
        (w for w in (_ascii_word(t) for t in paper.title.split()) if w and w not in _SKIP_WORDS),
        "",
    )
    return f"{family or _ascii_word(paper.venue_short) or 'paper'}{paper.year}{word}"


def _suffix(index: int) -> str:
    """a, b, ..., z, aa, ab, ... for the 0th, 1st, ... paper sharing a key."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def entry_keys(papers: Sequence[PaperRecord]) -> dict[int, str]:
    """A unique, stable BibTeX key per paper: its stored key, or author + year + title word.

    Stored keys win; generated keys that several papers share get a, b, c... in paper id order.
    """
    keys: dict[int, str] = {}
    taken: set[str] = set()
    generated: dict[str, list[int]] = {}
    by_id = sorted(papers, key=lambda p: p.id)
    for paper in by_id:
        stored = _KEY_UNSAFE.sub("", paper.bibkey or "")
        if stored and stored.casefold() not in taken:
            keys[paper.id] = stored
            taken.add(stored.casefold())
        else:
            generated.setdefault(_base_key(paper), []).append(paper.id)
    for base, ids in generated.items():
        if len(ids) == 1 and base.casefold() not in taken:
            keys[ids[0]] = base
            taken.add(base.casefold())
            continue
        index = 0
        for paper_id in ids:
            while f"{base}{_suffix(index)}".casefold() in taken:
                index += 1
            keys[paper_id] = f"{base}{_suffix(index)}"
            taken.add(keys[paper_id].casefold())
            index += 1
    return keys
