"""``labnews lookup ID``: a paper found by its DOI, arXiv, OpenReview, DBLP or ACL link; with
``--add`` (or ``labnews add paper --from ID``) recorded, through the BibTeX import's planner."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from labnews.cli.common import PROG, close_lab, open_lab, say
from labnews.core.errors import ValidationError

if TYPE_CHECKING:
    from labnews.io.lookup import FoundPaper
    from labnews.io.plan import ImportPlan


def cmd_lookup(args: argparse.Namespace) -> int:
    """Show what the identifier names and how it would land in the lab; record it with --add."""
    return record_found(args, args.identifier, add=args.add)


def record_found(args: argparse.Namespace, identifier: str, *, add: bool) -> int:
    """Look the paper up (the one network call, asked for), plan it, and with ``add`` apply it."""
    from labnews.io.lookup import find_paper, identify, plan_found
    from labnews.io.plan import apply_plan

    # The identifier is checked before anything opens the lab or the network.
    found = _overridden(find_paper(identify(identifier)), args)
    print(_described(found))
    if found.preprint:
        raise ValidationError(
            f"{found.source.service_name} knows no venue that accepted it (a preprint); "
            "give --venue SHORT to record where it was accepted",
            field="venue",
        )
    database = open_lab(args, until_done=True)
    succeeded = False
    try:
        with database.session() as session:
            plan = plan_found(session, found, identifier)
        _check(plan)
        print(plan.report())
        if plan.is_empty:
            print(plan.nothing_to_import())
        elif add:
            with database.session(write=True) as session:
                change = apply_plan(session, plan)
            say(f"{PROG}: {change.message}")
            print(*change.ids)
        else:
            say(f"{PROG}: nothing recorded; add --add to record it")
        succeeded = True
    finally:
        close_lab(database, succeeded=succeeded)
    return 0


def _overridden(found: FoundPaper, args: argparse.Namespace) -> FoundPaper:
    """What the person said wins over the service: the venue (then no longer a preprint), year."""
    venue = getattr(args, "venue", None)
    year = getattr(args, "year", None)
    if venue:
        found = dataclasses.replace(found, venue=venue, venue_short=venue, preprint=False)
    if year:
        found = dataclasses.replace(found, year=year)
    return found


def _check(plan: ImportPlan) -> None:
    """A looked-up paper that cannot be recorded is refused in one line, as an import's error."""
    errors = plan.of_kind("error") or plan.of_kind("skipped")
    if errors and not plan.present:
        raise ValidationError(f"cannot record it: {errors[0].message}", field="identifier")


def _described(found: FoundPaper) -> str:
    """What the service answered, one field a line, for the person to confirm."""
    venue = found.venue_short or found.venue or "-"
    if found.venue_short and found.venue and found.venue != found.venue_short:
        venue = f"{found.venue_short} ({found.venue})"
    rows = [
        ("found", f"{found.source.service_name} {found.source.id}"),
        ("title", found.title),
        ("authors", ", ".join(found.authors) or "-"),
        ("venue", venue + (" [preprint]" if found.preprint else "")),
        ("year", str(found.year) + (f"-{found.month:02d}" if found.month else "")),
        ("doi", found.doi or "-"),
        ("arxiv", found.arxiv or "-"),
        ("url", found.url or "-"),
    ]
    return "\n".join(f"{name + ':':9}{value}" for name, value in rows)
