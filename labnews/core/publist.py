"""The data of a publication list: the lab's (who is in bold is a lab setting) or one member's.

Plain dicts for the ``publications`` templates, built from paper records only: each paper's
authors with their bold and equal-contribution marks, its venue as the list names it (a
workshop under its conference's short name), its presentation, the venues where it was also
presented, and its labelled links in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from labnews.core.records import PaperRecord
from labnews.core.words import author_position

_ABSOLUTE: Final = re.compile(r"^(?:https?://|doi:)", re.IGNORECASE)
BOLD_CHOICES: Final = ("owner", "members", "nobody")
"""Who is in bold on the lab's list: the page's owner (the PI), every member, or nobody."""


def bold_ids(choice: str, owner_id: int | None, member_ids: Sequence[int]) -> frozenset[int]:
    """The members printed in bold for a ``BOLD_CHOICES`` choice."""
    if choice == "members":
        return frozenset(member_ids)
    if choice == "owner" and owner_id is not None:
        return frozenset({owner_id})
    return frozenset()


def _links(paper: PaperRecord, safe: Callable[[str], str]) -> list[dict[str, str]]:
    """The paper's labelled links that may be written; a DOI or arXiv id stands in for a
    paper that has no link labelled as the paper itself."""
    links = [{"label": link.label, "url": safe(link.url)} for link in paper.links]
    if paper.url is None:
        if paper.arxiv:
            links.insert(0, {"label": "paper", "url": safe(f"https://arxiv.org/abs/{paper.arxiv}")})
        elif paper.doi:
            links.insert(0, {"label": "paper", "url": safe(f"https://doi.org/{paper.doi}")})
    return [link for link in links if link["url"]]


def paper_data(
    paper: PaperRecord, bold: frozenset[int], lang: str, safe: Callable[[str], str]
) -> dict[str, Any]:
    """One paper as the publication templates see it."""
    doi_url = f"https://doi.org/{paper.doi}" if paper.doi else ""
    arxiv_url = f"https://arxiv.org/abs/{paper.arxiv}" if paper.arxiv else ""
    is_workshop = paper.venue_kind == "workshop" and paper.parent_short is not None
    links = _links(paper, safe)
    return {
        "id": paper.id,
        "title": paper.title,
        "placeholder": paper.is_placeholder,
        "venue": paper.venue_short,
        # The lab's list names a workshop by its full name and its conference's short name.
        "venue_shown": paper.parent_short if is_workshop else paper.venue_short,
        "venue_full": paper.venue_full or paper.venue_short,
        "venue_kind": paper.venue_kind,
        "year": paper.year,
        "news_year": paper.news.year,
        "news_month": paper.news.month,
        "authors": [
            {
                "name": (a.native or a.name) if lang == "ko" and a.member_id else a.name,
                "written": a.written,
                "member": a.member_id is not None,
                "bold": a.member_id is not None and a.member_id in bold,
                "equal": a.equal,
            }
            for a in paper.authors
        ],
        "equal_contribution": any(a.equal for a in paper.authors),
        "status": paper.status,
        "presentation": paper.presentation or "",
        "also_presented": list(paper.also_presented),
        "accepted": paper.accepted.isoformat() if paper.accepted else "",
        "all_links": links,
        # The lab's list links only to the web; a member's own site also to its own files.
        "web_links": [link for link in links if _ABSOLUTE.match(link["url"])],
        # The known kinds by name, as templates written before labelled links read them.
        "links": {
            "paper": paper.url or arxiv_url or doi_url or "",
            "arxiv": arxiv_url,
            "doi": doi_url,
            "code": paper.code or "",
            "project": paper.project or "",
        },
    }


def publication_list(
    papers: Sequence[PaperRecord],
    *,
    lang: str,
    bold: frozenset[int] | None = None,
    safe: Callable[[str], str],
    member_id: int | None = None,
) -> list[dict[str, Any]]:
    """The counted papers newest first (by news month, then their order in it), each as
    ``paper_data``; only ``member_id``'s papers when given. Without ``bold``, every member
    is in bold. ``safe`` gives a link that may be written, or "" (which leaves it out)."""
    if bold is None:
        bold = frozenset(a.member_id for p in papers for a in p.authors if a.member_id is not None)
    counted = [p for p in papers if p.counted]
    if member_id is not None:
        counted = [p for p in counted if any(a.member_id == member_id for a in p.authors)]
    counted.sort(key=lambda p: (p.news, p.position, p.id), reverse=True)
    listed = [paper_data(p, bold, lang, safe) for p in counted]
    if member_id is not None:
        # A member's own page says where they stand among the authors ("First Author").
        for data, paper in zip(listed, counted, strict=True):
            place = next(i for i, a in enumerate(paper.authors, 1) if a.member_id == member_id)
            data["author_position"] = author_position(place, lang)
    return listed
