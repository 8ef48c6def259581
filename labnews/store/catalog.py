"""The built-in venue catalog (resources/venues.csv) that every new lab database starts with.

A lab database is seeded once, when it is made: venues the catalog gains later reach an older
lab through ``catalog_spellings`` and ``catalog_venue`` (an import that names one plans it from
its catalog row) and ``catalog_input`` (adding a venue by a name the catalog knows fills in
the rest), not by being added to the lab behind its back.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from labnews.core.inputs import VenueInput
from labnews.core.names import venue_spelling_key
from labnews.core.records import VENUE_KINDS
from labnews.resources import resource
from labnews.store import queries
from labnews.store.models import Venue, VenueAlias


@dataclass(frozen=True, slots=True)
class CatalogVenue:
    """One row of the catalog file."""

    short: str
    full: str
    kind: str
    parent: str | None
    label: str | None
    month: int | None
    aliases: tuple[str, ...]
    issn: str | None = None
    """The journal's ISSN (print, else electronic), only where it is known for certain."""


def read_catalog(path: Path | None = None) -> tuple[CatalogVenue, ...]:
    """Read and check the catalog; a broken row is a packaging bug, so it raises ValueError."""
    source = path or resource("venues.csv")
    rows = []
    with open(source, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind = row["kind"].strip()
            if kind not in VENUE_KINDS:
                raise ValueError(f"{source}:{line}: unknown kind {kind!r}")
            month = row["month"].strip()
            rows.append(
                CatalogVenue(
                    short=row["short"].strip(),
                    full=row["full"].strip(),
                    kind=kind,
                    parent=row["parent"].strip() or None,
                    label=row["label"].strip() or None,
                    month=int(month) if month else None,
                    aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                    issn=(row.get("issn") or "").strip().upper() or None,
                )
            )
    return tuple(rows)


@cache
def catalog_spellings() -> dict[str, str]:
    """Every built-in alias and full name, by ``venue_spelling_key``, to its venue's short name.

    A lab database is seeded once: aliases the catalog learns later (a service's new spelling)
    reach an older lab's imports through this, when the lab still has that short name.
    """
    found: dict[str, str] = {}
    for venue in read_catalog():
        for spelling in (*venue.aliases, venue.full):
            found.setdefault(venue_spelling_key(spelling), venue.short)
    return found


@cache
def _by_short() -> dict[str, CatalogVenue]:
    return {venue.short.casefold(): venue for venue in read_catalog()}


def catalog_venue(spelling: str) -> CatalogVenue | None:
    """The catalog venue a spelling (short name, alias or full name) means, if any."""
    short = catalog_spellings().get(venue_spelling_key(spelling), spelling)
    return _by_short().get(short.casefold())


def missing_catalog_venue(session: Session, spelling: str) -> CatalogVenue | None:
    """The catalog venue a spelling means, when the lab has no venue by its short name (nor as
    an alias or full name): one the catalog gained after the lab was made."""
    row = catalog_venue(spelling)
    if row is None or queries.venue_lookup_id(session, row.short) is not None:
        return None
    return row


def catalog_input(session: Session, spelling: str) -> VenueInput | None:
    """The catalog venue a spelling means, as the input of a new venue for this lab (None when
    the catalog has no such venue or the lab has it already).

    Its aliases that no venue of the lab spells already, and its conference as parent only
    when the lab has that conference (by the lab's own short name for it).
    """
    row = missing_catalog_venue(session, spelling)
    if row is None:
        return None
    taken = {venue_spelling_key(s) for s in session.scalars(select(Venue.short))}
    taken.update(venue_spelling_key(a) for a in session.scalars(select(VenueAlias.alias)))
    aliases: dict[str, str] = {}
    for alias in row.aliases:
        key = venue_spelling_key(alias)
        if key not in taken and key != venue_spelling_key(row.short):
            aliases.setdefault(key, alias)
    parent_id = queries.venue_lookup_id(session, row.parent) if row.parent else None
    parent = queries.venues(session, [parent_id])[0].short if parent_id is not None else None
    return VenueInput(
        short=row.short,
        full=row.full or None,
        kind=row.kind,
        parent=parent,
        label=row.label,
        month=row.month,
        aliases=tuple(aliases.values()),
    )


@cache
def _by_issn() -> dict[str, str]:
    return {venue.issn: venue.short for venue in read_catalog() if venue.issn}


def catalog_short_of_issn(issns: Iterable[object]) -> str | None:
    """The short name of the catalog journal with one of these ISSNs (as Crossref lists them)."""
    known = _by_issn()
    for issn in issns:
        if isinstance(issn, str) and (short := known.get(issn.strip().upper())):
            return short
    return None


def seed_catalog(session: Session) -> int:
    """Insert the catalog venues that are not in the database yet (batched); returns how many."""
    catalog = read_catalog()
    existing = {s.lower() for s in session.scalars(select(Venue.short))}
    fresh = [v for v in catalog if v.short.lower() not in existing]
    if not fresh:
        return 0
    session.execute(
        insert(Venue),
        [
            {
                "short": v.short,
                "full": v.full,
                "kind": v.kind,
                "label": v.label,
                "month": v.month,
                "version": 1,
            }
            for v in fresh
        ],
    )
    ids = {short.lower(): vid for vid, short in session.execute(select(Venue.id, Venue.short))}
    taken = {a.lower() for a in session.scalars(select(VenueAlias.alias))}
    alias_rows = []
    for venue in fresh:
        for alias in venue.aliases:
            if alias.lower() not in taken and alias.lower() not in ids:
                taken.add(alias.lower())
                alias_rows.append({"venue_id": ids[venue.short.lower()], "alias": alias})
    if alias_rows:
        session.execute(insert(VenueAlias), alias_rows)
    for venue in fresh:
        if venue.parent:
            session.execute(
                update(Venue)
                .where(Venue.id == ids[venue.short.lower()])
                .values(parent_id=ids[venue.parent.lower()])
            )
    return len(fresh)
