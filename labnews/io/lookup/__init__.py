"""Find a paper from its DOI, arXiv id, OpenReview, DBLP or ACL Anthology link (asked, never idle).

``identify`` reads what a person pasted; ``find_paper`` asks that service (Crossref, arXiv,
OpenReview, DBLP or the ACL Anthology) and returns a FoundPaper, whose ``bibtex()`` feeds the
BibTeX import planner. Every failure is a LabnewsError with one line to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labnews.io.lookup.fetch import LookupFailed, ServiceURLs, new_client, user_agent
from labnews.io.lookup.found import FoundPaper
from labnews.io.lookup.identify import Identifier, UnknownIdentifier, identify

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.orm import Session

    from labnews.io.plan import ImportPlan

__all__ = [
    "FoundPaper",
    "Identifier",
    "LookupFailed",
    "ServiceURLs",
    "UnknownIdentifier",
    "find_paper",
    "identify",
    "new_client",
    "plan_found",
    "user_agent",
]


def find_paper(
    identifier: Identifier | str,
    *,
    urls: ServiceURLs | None = None,
    client: httpx.Client | None = None,
) -> FoundPaper:
    """The paper ``identifier`` names, as its service describes it.

    ``urls`` defaults to ServiceURLs.from_env(); ``client`` to a new_client() closed afterwards
    (pass one to set other timeouts or to share its connections). Raises UnknownIdentifier for
    text that names no paper and LookupFailed when the service cannot answer.
    """
    from labnews.io.lookup.services import FINDERS

    ident = identify(identifier) if isinstance(identifier, str) else identifier
    where = urls if urls is not None else ServiceURLs.from_env()
    if client is not None:
        return FINDERS[ident.service](client, where, ident)
    with new_client() as own:
        return FINDERS[ident.service](own, where, ident)


def plan_found(session: Session, found: FoundPaper, source: str) -> ImportPlan:
    """The found paper as the BibTeX import plans it: its venue on the catalog's, its authors on
    the lab's members, and a paper the lab already holds said as held, not planned again."""
    from labnews.io.bibplan import plan_bibtex_text

    key = f"{found.source.service}-{found.source.id}"
    return plan_bibtex_text(session, found.bibtex(key), source=source)
