"""Papers as BibTeX that re-imports exactly: entry keys, escaped values, labnews-* fields."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from sqlalchemy.orm import Session

from labnews.core.records import PaperRecord
from labnews.io.bibdetails import detail_fields
from labnews.io.bibtex import PREFIX, author_value, entry_text, link_fields, verbatim_value
from labnews.io.latex import escape_latex
from labnews.store import queries

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
        fields.append(("author", " and ".join(author_value(a.written) for a in paper.authors)))
    fields.append((_VENUE_FIELDS[kind], escape_latex(paper.venue_full or paper.venue_short)))
    fields.append(("year", str(paper.year)))
    fields.append(("month", str(paper.news.month)))
    fields += link_fields(paper.doi, paper.arxiv, paper.url)
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
        fields.append((PREFIX + "code", verbatim_value(paper.code)))
    if paper.project:
        fields.append((PREFIX + "project", verbatim_value(paper.project)))
    fields += detail_fields(paper)
    return entry_text(kind, key, fields)


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


def paper_entries(papers: Sequence[PaperRecord]) -> dict[int, str]:
    """Each paper's own BibTeX entry, by paper id (a Hugo Blox publication's ``cite.bib``)."""
    keys = entry_keys(papers)
    return {paper.id: _entry_text(paper, keys[paper.id]) for paper in papers}
