"""What a pasted text names: a DOI, an arXiv id, an OpenReview, DBLP or ACL Anthology paper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import parse_qs, unquote, urlsplit

from labnews.core.errors import ValidationError

Service = Literal["crossref", "arxiv", "openreview", "dblp", "acl"]

ACCEPTED: Final = (
    "a DOI (10.1109/..., doi:..., https://doi.org/...), an arXiv id or link (2406.01234), "
    "an OpenReview link (https://openreview.net/forum?id=...), a DBLP key or link "
    "(conf/cvpr/ParkLH24) or an ACL Anthology link (https://aclanthology.org/2024.acl-long.123/)"
)


class UnknownIdentifier(ValidationError):
    """The text names no paper labnews can look up; the message says what would do."""


@dataclass(frozen=True)
class Identifier:
    """A paper's id at one service: Crossref (a DOI), arXiv, OpenReview, DBLP or ACL Anthology."""

    service: Service
    id: str

    def __str__(self) -> str:
        return f"{self.service}:{self.id}"

    @property
    def service_name(self) -> str:
        """The service as people name it: "Crossref", "arXiv", "ACL Anthology"."""
        return SERVICE_NAMES[self.service]


SERVICE_NAMES: Final[dict[str, str]] = {
    "crossref": "Crossref",
    "arxiv": "arXiv",
    "openreview": "OpenReview",
    "dblp": "DBLP",
    "acl": "ACL Anthology",
}


_DOI: Final = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX: Final = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
# DataCite registers arXiv's own DOIs, not Crossref: those are asked of arXiv.
_ARXIV_DOI: Final = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_ARXIV_NEW: Final = r"\d{4}\.\d{4,5}"
_ARXIV_OLD: Final = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID: Final = re.compile(rf"^({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?$")
_ARXIV_PREFIX: Final = re.compile(r"^arxiv\s*:\s*", re.IGNORECASE)
_ARXIV_HOSTS: Final = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
_ARXIV_PATH: Final = re.compile(r"^/(?:abs|pdf|html)/(.+?)(?:\.pdf)?/?$")
_OPENREVIEW_HOSTS: Final = frozenset({"openreview.net", "www.openreview.net"})
_OPENREVIEW_ID: Final = re.compile(r"^[A-Za-z0-9_\-]{5,40}$")
_DBLP_HOSTS: Final = frozenset(
    {"dblp.org", "www.dblp.org", "dblp.uni-trier.de", "dblp.dagstuhl.de"}
)
_DBLP_KEY: Final = re.compile(
    r"^(?:conf|journals|books|series|reference|phd|tr|persons|ms)(?:/[\w\-'+.]+){2,}$"
)
_DBLP_PATH: Final = re.compile(r"^/rec/(?:bibtex\d?/|xml/)?(.+?)(?:\.(?:html|xml|bib|ris|nt))?$")
_ACL_HOSTS: Final = frozenset({"aclanthology.org", "www.aclanthology.org", "aclweb.org"})
_ACL_NEW: Final = re.compile(r"^(\d{4})\.([a-z0-9][a-z0-9\-]*)\.(\d+)$", re.IGNORECASE)
_ACL_OLD: Final = re.compile(r"^([A-Z])(\d{2})-(\d{4})$")
_ACL_PATH: Final = re.compile(r"^/(?:anthology/)?([^/]+?)(?:\.(?:pdf|bib|xml))?/?$")


def identify(text: str) -> Identifier:
    """The service and id a DOI, arXiv id, OpenReview, DBLP or ACL Anthology text names.

    Raises UnknownIdentifier (one line: what was given, what is accepted) for anything else.
    """
    cleaned = text.strip().strip("<>").strip()
    found = _identify(cleaned) if cleaned else None
    if found is None:
        shown = repr(cleaned[:80] + ("..." if len(cleaned) > 80 else "")) if cleaned else "nothing"
        raise UnknownIdentifier(f"{shown} is not a paper id labnews can look up: give {ACCEPTED}")
    return found


def _identify(text: str) -> Identifier | None:
    if _DOI_PREFIX.match(text) or _DOI.match(text):
        return _doi(unquote(_DOI_PREFIX.sub("", text).strip()))
    arxiv = _arxiv_id(_ARXIV_PREFIX.sub("", text))
    if arxiv:
        return Identifier("arxiv", arxiv)
    if _DBLP_KEY.match(text):
        return Identifier("dblp", text)
    if _ACL_NEW.match(text) or _ACL_OLD.match(text):
        return Identifier("acl", text)
    if "://" not in text and re.match(r"^[\w.\-]+\.[a-z]{2,}/", text):
        text = "https://" + text  # a link pasted without its scheme
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"}:
        return None
    host = parts.netloc.lower().split(":")[0]
    path = unquote(parts.path)
    if host in _ARXIV_HOSTS:
        match = _ARXIV_PATH.match(path)
        arxiv = _arxiv_id(match[1]) if match else None
        return Identifier("arxiv", arxiv) if arxiv else None
    if host in _OPENREVIEW_HOSTS and path.rstrip("/") in {"/forum", "/pdf"}:
        ids = parse_qs(parts.query).get("id", [])
        return Identifier("openreview", ids[0]) if ids and _OPENREVIEW_ID.match(ids[0]) else None
    if host in _DBLP_HOSTS:
        match = _DBLP_PATH.match(path)
        if match and _DBLP_KEY.match(match[1]):
            return Identifier("dblp", match[1])
        return None
    if host in _ACL_HOSTS:
        match = _ACL_PATH.match(path)
        if match and (_ACL_NEW.match(match[1]) or _ACL_OLD.match(match[1])):
            return Identifier("acl", match[1])
    return None


def _doi(doi: str) -> Identifier | None:
    if not _DOI.match(doi):
        return None
    arxiv = _ARXIV_DOI.match(doi)
    if arxiv:
        found = _arxiv_id(arxiv[1])
        return Identifier("arxiv", found) if found else None
    return Identifier("crossref", doi)


def _arxiv_id(text: str) -> str | None:
    """The id without its version: the paper, whose latest version carries its journal ref."""
    match = _ARXIV_ID.match(text.strip())
    return match[1] if match else None
