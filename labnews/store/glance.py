"""A first look at a lab file with the standard library's SQLite driver alone: the newest
papers, for the papers table's first screen while SQLAlchemy is still being imported.

Importing SQLAlchemy and the store takes longer than everything else between the window's first
paint and a table a person can use; these rows need none of it. They are the records
``queries.newest_papers`` reads (tests/store/test_glance.py holds the two equal), made by the
same ``paperrows`` functions. The glance only reads: a file that is not at this labnews's
schema, or that SQLite cannot read, gives no rows, and the real opening says why.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from labnews.core.errors import LabnewsError
from labnews.core.records import PaperRecord
from labnews.store import HEAD_REVISION
from labnews.store.paperrows import PAPER_ROW, authors_by_paper, links_by_paper, paper_record
from labnews.store.sqlitefile import read_facts, read_steadily

_NEWEST: Final = (
    "SELECT id FROM paper ORDER BY news_year DESC, news_month DESC, position DESC, id DESC LIMIT ?"
)
# The same columns and order as queries._paper_select (the parent's label: own_label_sql).
_PAPERS: Final = f"""
SELECT venue.short AS venue_short, venue.kind AS venue_kind, venue.label AS venue_label,
       coalesce(nullif(parent.label, ''), parent.short) AS parent_label,
       parent.short AS parent_short, venue."full" AS venue_full,
       featured.name AS featured_name, featured.native AS featured_native, paper.*
FROM paper
JOIN venue ON paper.venue_id = venue.id
LEFT OUTER JOIN venue AS parent ON venue.parent_id = parent.id
LEFT OUTER JOIN member AS featured ON paper.featured_id = featured.id
WHERE paper.id IN ({_NEWEST})
ORDER BY paper.news_year, paper.news_month, paper.position, paper.id
"""
_AUTHORS: Final = f"""
SELECT authorship.paper_id, authorship.name, authorship.member_id, member.name, member.native,
       authorship.equal
FROM authorship LEFT OUTER JOIN member ON authorship.member_id = member.id
WHERE authorship.paper_id IN ({_NEWEST})
ORDER BY authorship.paper_id, authorship.position
"""
_LINKS: Final = f"""
SELECT paper_id, label, url FROM paper_link
WHERE paper_id IN ({_NEWEST})
ORDER BY paper_id, position
"""
CONVERTERS: Final[dict[str, Callable[[Any], Any]]] = {
    "DATE": lambda text: None if text is None else date.fromisoformat(text),
    "BOOLEAN": lambda number: None if number is None else bool(number),
}
"""What SQLAlchemy makes of the column types the driver returns as text or numbers."""


@dataclass(frozen=True, slots=True)
class Glance:
    """The newest papers of a lab, and how many papers it holds in all."""

    papers: tuple[PaperRecord, ...]
    total: int


def newest_papers(path: Path, limit: int) -> Glance | None:
    """The ``limit`` newest papers of the lab file at ``path``, as ``queries.newest_papers``
    gives them; None when the file is missing, at another schema revision, or unreadable."""
    try:
        if not path.is_file():
            return None
        return read_steadily(path, lambda conn: _read(conn, limit))
    except (sqlite3.Error, OSError, LabnewsError, LookupError, ValueError, TypeError):
        # Whatever stops the glance, the real opening meets too, and reports it properly.
        return None


def _read(conn: sqlite3.Connection, limit: int) -> Glance | None:
    if read_facts(conn).revision != HEAD_REVISION:
        return None
    conn.row_factory = sqlite3.Row
    convert = {
        row["name"]: CONVERTERS[row["type"].upper()]
        for row in conn.execute("PRAGMA table_info(paper)")
        if row["type"].upper() in CONVERTERS
    }
    authors = authors_by_paper(conn.execute(_AUTHORS, (limit,)))
    links = links_by_paper(conn.execute(_LINKS, (limit,)))
    shared: dict[object, Any] = {}
    records = []
    for row in conn.execute(_PAPERS, (limit,)):
        values = [convert[name](row[name]) if name in convert else row[name] for name in PAPER_ROW]
        paper_id = row["id"]
        records.append(
            paper_record(values, authors.get(paper_id, ()), shared, links.get(paper_id, ()))
        )
    (total,) = conn.execute("SELECT count(*) FROM paper").fetchone()
    return Glance(tuple(records), int(total))
