"""A paper's details in BibTeX fields of labnews's own: written by the export, read back here.

- ``labnews-links``: every labelled link in order, as ``[label](url)`` one after another;
- ``labnews-equal``: the places (from 1) of the authors of equal contribution, "1, 2";
- ``labnews-also``: the venues where the paper was also presented, joined by " || ";
- ``labnews-accepted``: the day of acceptance, YYYY-MM-DD.

The presentation ("long talk") travels in ``labnews-presentation`` with the other own fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Final

from labnews.core.links import http_url, site_path
from labnews.core.records import PaperLink, PaperRecord
from labnews.io.bibtex import PREFIX, verbatim_value
from labnews.io.plan import PlannedPaper

LINKS: Final = PREFIX + "links"
EQUAL: Final = PREFIX + "equal"
ALSO: Final = PREFIX + "also"
ACCEPTED: Final = PREFIX + "accepted"
_ALSO_SEPARATOR: Final = " || "
# "[label](url)": a label may hold "]" (not "]("); a URL may hold balanced parentheses
# ("https://en.wikipedia.org/wiki/Foo_(bar)"), as Markdown itself allows.
_LINK: Final = re.compile(r"\[(.*?)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")


def _text(value: str) -> str:
    """Free text as an own field holds it: braces kept balanced (read back as they were)."""
    return value.replace("{", "%7B").replace("}", "%7D")


def _untext(value: str) -> str:
    return value.replace("%7B", "{").replace("%7D", "}")


def detail_fields(paper: PaperRecord) -> list[tuple[str, str]]:
    """The own fields of the details ``paper`` has (none for a paper without them)."""
    fields: list[tuple[str, str]] = []
    if paper.links:
        links = " ".join(
            f"[{_text(link.label)}]({verbatim_value(link.url)})" for link in paper.links
        )
        fields.append((LINKS, links))
    equal = [str(place) for place, author in enumerate(paper.authors, start=1) if author.equal]
    if equal:
        fields.append((EQUAL, ", ".join(equal)))
    if paper.also_presented:
        fields.append((ALSO, _ALSO_SEPARATOR.join(_text(line) for line in paper.also_presented)))
    if paper.accepted:
        fields.append((ACCEPTED, paper.accepted.isoformat()))
    return fields


def with_details(
    paper: PlannedPaper, fields: Mapping[str, str], warn: Callable[[str], None]
) -> PlannedPaper:
    """``paper`` with the details its entry's own fields give; what cannot be read is said
    through ``warn`` and left out."""
    changes: dict[str, object] = {}
    raw = fields.get(LINKS, "").strip()
    if raw:
        found = [(_untext(label).strip(), url.replace("%7B", "{").replace("%7D", "}"))
                 for label, url in _LINK.findall(raw)]  # fmt: skip
        links = tuple(
            PaperLink(label, url)
            for label, url in found
            if label and (http_url(url) or site_path(url))
        )
        if len(links) != len(found) or not found:
            warn(f"{LINKS} holds links without a label or an http(s) address; left out")
        changes["links"] = links
    raw = fields.get(EQUAL, "").strip()
    if raw:
        places = {int(p) for p in re.findall(r"\d+", raw)}
        if any(not 1 <= p <= len(paper.authors) for p in places):
            warn(f"{EQUAL} names an author the entry does not have; those are left out")
        changes["authors"] = tuple(
            replace(author, equal=place in places)
            for place, author in enumerate(paper.authors, start=1)
        )
    raw = fields.get(ALSO, "").strip()
    if raw:
        lines = (" ".join(_untext(line).split()) for line in raw.split(_ALSO_SEPARATOR.strip()))
        changes["also_presented"] = tuple(line for line in lines if line)
    raw = fields.get(ACCEPTED, "").strip()
    if raw:
        try:
            changes["accepted"] = date.fromisoformat(raw)
        except ValueError:
            warn(f"{ACCEPTED} {raw[:40]!r} is not a day (YYYY-MM-DD); left out")
    return replace(paper, **changes) if changes else paper  # type: ignore[arg-type]
