"""A paper's rows made into its record: how the paper, authorship and link tables are read,
shared by the SQLAlchemy queries and the first screen's standard-library glance (no SQLAlchemy).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Final

from labnews.core.paperdata import UNRULED
from labnews.core.records import AuthorRecord, PaperLink, PaperRecord, year_month

PLAIN_NAMES: Final = tuple(field.name for field in UNRULED)
"""The paper fields without a rule of their own (bibkey, and a field added to PaperFields):
read from the columns of their names, after the others."""
PAPER_ROW: Final = (
    "id",
    "venue_id",
    "venue_short",
    "year",
    "news_year",
    "news_month",
    "title",
    "venue_kind",
    "venue_label",
    "parent_label",
    "venue_full",
    "featured_id",
    "featured_name",
    "featured_native",
    "status",
    "presentation",
    "doi",
    "arxiv",
    "note",
    "also_presented",
    "accepted",
    "parent_short",
    "position",
    "version",
    *PLAIN_NAMES,
)
"""The values of a paper row, by label, in the order ``paper_record`` takes them: the paper
table's columns under their own names, its venue's and featured member's under these."""


def paper_record(
    values: Sequence[Any],
    authors: tuple[AuthorRecord, ...],
    shared: dict[object, Any],
    links: tuple[PaperLink, ...] = (),
) -> PaperRecord:
    """A record from one paper row's values in ``PAPER_ROW`` order.

    Values that repeat from paper to paper (venue names, statuses, member names, years) are
    kept once in ``shared``: the driver makes a new object for each, and at 100,000 papers
    the copies would take 40 MB.
    """
    keep = shared.setdefault
    (
        paper_id,
        venue_id,
        venue_short,
        year,
        news_year,
        news_month,
        title,
        venue_kind,
        venue_label,
        parent_label,
        venue_full,
        featured_id,
        featured_name,
        featured_native,
        status,
        presentation,
        doi,
        arxiv,
        note,
        also_presented,
        accepted,
        parent_short,
        position,
        version,
        *plain,
    ) = values
    return PaperRecord(
        id=paper_id,
        venue_id=keep(venue_id, venue_id),
        venue_short=keep(venue_short, venue_short),
        year=keep(year, year),
        news=year_month(news_year, news_month),
        title=title or "",
        venue_kind=keep(venue_kind, venue_kind),
        venue_label=keep(venue_label, venue_label) or None,
        parent_label=keep(parent_label, parent_label),
        venue_full=keep(venue_full, venue_full),
        authors=authors,
        featured_id=keep(featured_id, featured_id),
        featured_name=keep(featured_name, featured_name),
        featured_native=keep(featured_native, featured_native),
        status=keep(status, status),
        presentation=keep(presentation, presentation),
        doi=doi,
        arxiv=arxiv,
        note=note,
        links=links,
        also_presented=tuple(also_presented.split("\n")) if also_presented else (),
        accepted=accepted,
        parent_short=keep(parent_short, parent_short),
        position=position,
        version=version,
        **dict(zip(PLAIN_NAMES, plain, strict=True)),
    )


def authors_by_paper(rows: Iterable[Sequence[Any]]) -> dict[int, tuple[AuthorRecord, ...]]:
    """The authors of each paper, from rows of (paper id, name as written, member id, member's
    name, member's native name, equal) in paper and position order.

    Equal author records are shared (they are frozen): a member on 500 papers is one object,
    which keeps a university-sized papers table small and quick to load.
    """
    shared: dict[tuple[str | None, int | None, bool], AuthorRecord] = {}
    result: dict[int, list[AuthorRecord]] = defaultdict(list)
    for paper_id, written, member_id, name, native, equal in rows:
        key = (written, member_id, bool(equal))
        record = shared.get(key)
        if record is None:
            if member_id is not None:
                record = AuthorRecord(name, member_id, native, written, bool(equal))
            else:
                record = AuthorRecord(written or "", equal=bool(equal))
            shared[key] = record
        result[paper_id].append(record)
    return {pid: tuple(authors) for pid, authors in result.items()}


def links_by_paper(rows: Iterable[Sequence[Any]]) -> dict[int, tuple[PaperLink, ...]]:
    """The labelled links of each paper, from rows of (paper id, label, url) in paper and
    position order."""
    result: dict[int, list[PaperLink]] = defaultdict(list)
    for paper_id, label, url in rows:
        result[paper_id].append(PaperLink(label, url))
    return {pid: tuple(links) for pid, links in result.items()}
