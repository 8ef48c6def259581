"""Links a paper may carry: a DOI, an arXiv id, an http(s) URL, read from what people write.

One set of rules for every way in (forms, the command line, BibTeX, tables): the store refuses
what these reject, and importers leave it out before planning.
"""

from __future__ import annotations

import re

_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_ARXIV = re.compile(rf"^{_ARXIV_ID}$")
ARXIV_URL = re.compile(rf"arxiv\.org/(?:abs|pdf)/({_ARXIV_ID})", re.IGNORECASE)


def doi_of(text: str | None) -> str | None:
    """A DOI without its https://doi.org/ or doi: prefix, or None when the text is not one."""
    if not text:
        return None
    cleaned = DOI_PREFIX.sub("", text.strip()).strip()
    return cleaned if _DOI.match(cleaned) else None


def arxiv_of(text: str | None) -> str | None:
    """An arXiv id from "2312.04005", "arXiv:2312.04005" or an arxiv.org link, else None."""
    if not text:
        return None
    cleaned = text.strip()
    url = ARXIV_URL.search(cleaned)
    if url:
        return url[1]
    cleaned = re.sub(r"^arxiv\s*:\s*", "", cleaned, flags=re.IGNORECASE)
    return cleaned if _ARXIV.match(cleaned) else None


_SITE_PATH = re.compile(r"^(?!/)[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~%-]+)*$")


def site_path(text: str | None) -> str | None:
    """A path on the page's own site ("assets/poster/x.pdf"), or None: no scheme, no "//",
    no "..", so it can only name a file beside the page."""
    if not text:
        return None
    cleaned = text.strip()
    if ".." in cleaned.split("/") or not _SITE_PATH.match(cleaned):
        return None
    return cleaned


def http_url(text: str | None) -> str | None:
    """An http or https link, or None: no javascript: or data: URL reaches a page."""
    if not text:
        return None
    cleaned = text.strip()
    return cleaned if _URL.match(cleaned) else None
