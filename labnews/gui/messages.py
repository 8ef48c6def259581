"""The store's and importers' sentences in the interface language, translated at the window.

The store and the importers know no Qt (the layers say so), and they write their sentences in
English for the command line. The window passes every such sentence through ``shown()``: each
kind of sentence is one English template here (``{name}`` is any text, ``{n}`` and ``{year}``
digits), found again in the sentence, and said as the template's translation with the same
values. A sentence no template matches is shown as it came; ``tests/gui/test_korean_messages.py``
drives the window in Korean and fails on any English that reaches it.
"""

from __future__ import annotations

import re
from functools import cache
from string import Formatter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labnews.gui.words import word

CONTEXT = "StoreMessages"

_TEMPLATES = (
    # What a change did (the status line).
    QT_TRANSLATE_NOOP("StoreMessages", "Added member {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Updated member {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed member {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added venue {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Updated venue {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed venue {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added a paper to {venue}: {year} now has 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added a paper to {venue}: {year} now has {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "Updated a paper at {venue}: {year} now has 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "Updated a paper at {venue}: {year} now has {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added no papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed a paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "Added {kind} {title}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Updated {kind} {title}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed 1 achievement"),
    QT_TRANSLATE_NOOP("StoreMessages", "Removed {n} achievements"),
    QT_TRANSLATE_NOOP("StoreMessages", "Saved the tally rules"),
    QT_TRANSLATE_NOOP("StoreMessages", "Saved {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Pinned the {year} tally order"),
    QT_TRANSLATE_NOOP("StoreMessages", "Unpinned the {year} tally order"),
    QT_TRANSLATE_NOOP("StoreMessages", "Loaded the demo lab: {n} papers, {m} members"),
    QT_TRANSLATE_NOOP("StoreMessages", "Imported 1 paper from {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "Imported {n} papers from {name}"),
    # What the checks find (Tools > Check the database).
    QT_TRANSLATE_NOOP(
        "StoreMessages", "{n} papers have no title yet (known only from a news line)"
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "paper #{id} has no venue (edit it to choose one)"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is listed twice on paper #{id}"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "{name} is listed twice on paper #{id}; removed the later entry"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "paper #{id} features a member who is not among its authors"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "paper #{id} features a member who is not among its authors; now features its first "
        "member author in news",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "{n} papers share the DOI {name}"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "workshop {name} has no parent conference (edit it to choose one)"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "workshop {name} has no parent conference ({other} looks like it)"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "workshop {name} has no parent conference; now under {other}"
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "venues are each other's parents: {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "the lab has no venues at all"),
    QT_TRANSLATE_NOOP("StoreMessages", "the lab has no venues at all; added the built-in ones"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "indexes disagree with their tables (the records themselves are whole)"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "indexes disagree with their tables; rebuilt them from the records"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "paper #{id} ({venue}, news {year}-{month}) has no lab member among its authors: it "
        "counts in the tally but no news line names anyone",
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "and {n} more papers have no lab member among their authors"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "paper #{id} (untitled) is probably one of papers {name} ({other}): merge it by hand",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "merged paper #{id} into paper #{other} ({name})"),
    # Why a change was refused (a dialog says it).
    QT_TRANSLATE_NOOP("StoreMessages", "there is no paper #{id}"),
    QT_TRANSLATE_NOOP("StoreMessages", "there is no member #{id}"),
    QT_TRANSLATE_NOOP("StoreMessages", "there is no venue #{id}"),
    QT_TRANSLATE_NOOP("StoreMessages", "there is no achievement #{id}"),
    QT_TRANSLATE_NOOP("StoreMessages", "there is already a member named {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "left ({other}) must not come before joined ({name})"),
    QT_TRANSLATE_NOOP("StoreMessages", "a venue cannot be its own parent"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} cannot be the parent: it would make a cycle"),
    QT_TRANSLATE_NOOP("StoreMessages", "alias {name} already belongs to {other}"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "{name} is already the venue {other} (or one of its aliases)"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "venue {name} is not in this lab yet; the venue catalog has it: add the venue {other} "
        "first",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "venue {name} is not a known venue; closest: {other}"),
    QT_TRANSLATE_NOOP("StoreMessages", "venue {name} is not a known venue"),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "parent {name} is not in this lab yet; the venue catalog has it: add the venue {other} "
        "first",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "parent {name} is not a known venue; closest: {other}"),
    QT_TRANSLATE_NOOP("StoreMessages", "parent {name} is not a known venue"),
    QT_TRANSLATE_NOOP("StoreMessages", "a member is listed twice"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is listed twice among the authors"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "venue {name} has no typical month; give the news month (YYYY-MM)"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "the featured member {name} must be one of the paper's authors"
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "the featured member does not exist"),
    QT_TRANSLATE_NOOP("StoreMessages", "this paper is already recorded as paper #{id} {name}"),
    QT_TRANSLATE_NOOP("StoreMessages", "doi {name} already exists on paper #{id}"),
    QT_TRANSLATE_NOOP("StoreMessages", "no papers to remove"),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "paper #{id} was changed by someone else since you opened it; reload it and make your "
        "change again",
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "member {name} was changed by someone else since you opened it; reload it and make "
        "your change again",
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "venue {name} was changed by someone else since you opened it; reload it and make your "
        "change again",
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "achievement {name} was changed by someone else since you opened it; reload it and "
        "make your change again",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "member {name} is still {uses}; remove or edit those first"),
    QT_TRANSLATE_NOOP("StoreMessages", "venue {name} {uses}; move or remove those first"),
    # The parts of {uses} above, joined there by " and ".
    QT_TRANSLATE_NOOP("StoreMessages", "an author of 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "an author of {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "named in the news of 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "named in the news of {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "named by 1 achievement"),
    QT_TRANSLATE_NOOP("StoreMessages", "named by {n} achievements"),
    QT_TRANSLATE_NOOP("StoreMessages", "has 1 paper"),
    QT_TRANSLATE_NOOP("StoreMessages", "has {n} papers"),
    QT_TRANSLATE_NOOP("StoreMessages", "is the parent of {name}"),
    # Why a file cannot be read or written (the import wizard, adopting, publishing). The
    # loosest come last: the first template that matches a sentence wins.
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is too large to import ({size} bytes)"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is not a text file (it holds binary data)"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is too large to be a news file ({size} characters)"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is too large to be a news page ({size} characters)"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is too large to be a news file"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} holds no .md or .html news files"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "{name} is neither a YAML news list nor a script with an array"
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is not valid YAML at line {n}: {problem}"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is not valid YAML: {problem}"),
    QT_TRANSLATE_NOOP("StoreMessages", "{name} is nested too deeply to be a news list"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "{name} holds no list of news items (each with a date and a text)"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "{name} holds no array of news items "
        "(expected e.g. export const news = [{{date: ..., title: ...}}])",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "the BibTeX file is nested too deeply to read"),
    QT_TRANSLATE_NOOP("StoreMessages", "the BibTeX file could not be read ({problem})"),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "a BibTeX value joins @string macros into more than {size} characters; the file is refused",
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "the file is not valid JSON (line {n}, column {m}: {problem})"
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "the JSON file is nested too deeply to read"),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "the file holds a number of {size} digits; it is not a labnews export"
    ),
    QT_TRANSLATE_NOOP("StoreMessages", 'the file is not a labnews export (no "format": "labnews")'),
    QT_TRANSLATE_NOOP(
        "StoreMessages", "the file's labnews format version is missing or not a number"
    ),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "the file was written by a newer labnews (format version {n}); update labnews to import it",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", '"{name}" in the file must be a list'),
    QT_TRANSLATE_NOOP("StoreMessages", "line {n}: the CSV cannot be read ({problem})"),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "the CSV header names no labnews table: a papers table has venue and year columns, "
        "members a name column, venues a short column, achievements kind, title and date",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "the import has {n} errors; first: {problem}"),
    QT_TRANSLATE_NOOP("StoreMessages", "the import names {name}, who is not a member"),
    QT_TRANSLATE_NOOP("StoreMessages", "cannot write {name}: the folder {other} does not exist"),
    QT_TRANSLATE_NOOP("StoreMessages", "cannot write {name}: it is a folder"),
    QT_TRANSLATE_NOOP(
        "StoreMessages",
        "cannot write {name}: it is not a regular file (a pipe, socket or device)",
    ),
    QT_TRANSLATE_NOOP("StoreMessages", "cannot write {name}: {problem}"),
    QT_TRANSLATE_NOOP("StoreMessages", "cannot read {name}: {problem}"),
    QT_TRANSLATE_NOOP("StoreMessages", "{path} does not exist"),
)
TEMPLATES: tuple[str, ...] = tuple(map(str, _TEMPLATES))
"""The English sentences, as the store and the importers write them, with their values named."""

_CHECK_NAMES = (
    QT_TRANSLATE_NOOP("CheckNames", "integrity"),
    QT_TRANSLATE_NOOP("CheckNames", "foreign keys"),
    QT_TRANSLATE_NOOP("CheckNames", "indexes"),
    QT_TRANSLATE_NOOP("CheckNames", "venue catalog"),
    QT_TRANSLATE_NOOP("CheckNames", "placeholders"),
    QT_TRANSLATE_NOOP("CheckNames", "paper without venue"),
    QT_TRANSLATE_NOOP("CheckNames", "member listed twice"),
    QT_TRANSLATE_NOOP("CheckNames", "featured member"),
    QT_TRANSLATE_NOOP("CheckNames", "duplicate DOI"),
    QT_TRANSLATE_NOOP("CheckNames", "workshop without parent"),
    QT_TRANSLATE_NOOP("CheckNames", "venue cycle"),
    QT_TRANSLATE_NOOP("CheckNames", "ambiguous alias"),
    QT_TRANSLATE_NOOP("CheckNames", "probable duplicate"),
    QT_TRANSLATE_NOOP("CheckNames", "no member"),
)
CHECK_NAMES: tuple[str, ...] = tuple(map(str, _CHECK_NAMES))
"""The names of ``labnews check``'s checks, as the Check dialog shows them."""

_DIGITS = {"n", "m", "id", "year", "month"}
_WORDS = {"kind"}


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    # The formatter's own reading of the template: ``{{`` and ``}}`` come out as braces.
    for literal, name, _spec, _conversion in Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in _DIGITS:
            parts.append(rf"(?P<{name}>\d+)")
        elif name == "uses":
            # What still uses a record starts with one of these: the name before it ends there.
            parts.append(r"(?P<uses>(?:has |is the parent |an author |named ).+?)")
        elif name in _WORDS:
            parts.append(rf"(?P<{name}>\w+)")
        elif name == "path":
            # A file's path holds no ": ", which a sentence would put before its reason.
            parts.append(r"(?P<path>(?:(?!: ).)+)")
        else:
            parts.append(rf"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def shown(text: str) -> str:
    """``text`` from the store or an importer, in the interface language where it is known."""
    for template in TEMPLATES:
        match = _pattern(template).fullmatch(text)
        if match is not None:
            translated = QCoreApplication.translate(CONTEXT, template)
            values = match.groupdict()
            if "kind" in values:
                values["kind"] = word("achievement kind", values["kind"])
            if "uses" in values:
                parts = [shown(part) for part in values["uses"].split(" and ")]
                values["uses"] = ", ".join(parts)
            try:
                return translated.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
    return text


def check_name(name: str) -> str:
    """A check's name in the interface language ("placeholders" → "자리표시")."""
    return QCoreApplication.translate("CheckNames", name) if name in CHECK_NAMES else name


def capitalised(text: str) -> str:
    """A sentence of the store's ("there is no paper #3") as the start of a window's message."""
    return text[:1].upper() + text[1:]
