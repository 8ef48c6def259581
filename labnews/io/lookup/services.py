"""Each service's answer read into a FoundPaper: Crossref, arXiv, OpenReview, DBLP, ACL."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote
from xml.etree import ElementTree

from labnews.core.errors import LabnewsError
from labnews.core.links import arxiv_of, doi_of, http_url
from labnews.io.lookup.fetch import LookupFailed, ServiceURLs, get
from labnews.io.lookup.found import JOURNAL_SHORTS, FoundPaper, known_short, refined, short_in
from labnews.io.lookup.identify import Identifier, Service
from labnews.store.catalog import catalog_short_of_issn

if TYPE_CHECKING:
    import httpx

_TAG: Final = re.compile(r"<[^>]+>")
_FOUR_DIGITS: Final = re.compile(r"\b((?:19|20)\d{2})\b")
_WORKSHOP: Final = re.compile(r"\bworkshops?\b", re.IGNORECASE)


def _plain(text: object) -> str:
    """One line of text: markup such as Crossref's <i> and entities removed, spaces folded."""
    if not isinstance(text, str):
        return ""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


@dataclass(frozen=True, slots=True)
class _Asking:
    """One lookup at one service: asks it, and words what its answer lacks in one line."""

    client: httpx.Client
    urls: ServiceURLs
    ident: Identifier
    name: str
    """The service as the messages name it ("the ACL Anthology")."""
    what: str
    """The record asked for as the messages name it ("DBLP record conf/wacv/ParkLL25")."""

    def answer(self, path: str, missing: str, params: Mapping[str, str] | None = None) -> bytes:
        """The body of the service's answer to ``path``; ``missing`` is the sentence for a 404."""
        return get(
            self.client,
            self.urls.of(self.ident.service),
            path,
            params=params,
            service=self.name,
            missing=missing,
        )

    def malformed(self, why: str) -> LookupFailed:
        return LookupFailed(f"{self.name}'s answer for {self.what} could not be read ({why})")

    def json_field(self, content: bytes, key: str) -> object:
        """The ``key`` of the JSON object the service answered (None when it has none)."""
        try:
            data = json.loads(content)
        except (ValueError, RecursionError) as exc:
            raise self.malformed("not JSON") from exc
        return data.get(key) if isinstance(data, dict) else None

    def xml(self, content: bytes) -> ElementTree.Element:
        # Answers carry no DTD of their own; expat never fetches external entities.
        try:
            return ElementTree.fromstring(content)
        except ElementTree.ParseError as exc:
            raise self.malformed("not XML") from exc

    def title(self, text: str) -> str:
        """The paper's title, refused when the answer gives none."""
        if not text:
            raise self.malformed("no title")
        return text

    def year(self, value: object) -> int:
        if isinstance(value, int) and 1900 <= value <= 2200:
            return value
        if isinstance(value, str) and value.strip().isdigit():
            return self.year(int(value))
        raise self.malformed("no year")


# --- Crossref ----------------------------------------------------------------------------------


def crossref(client: httpx.Client, urls: ServiceURLs, ident: Identifier) -> FoundPaper:
    """A work from Crossref's REST API: ``/works/{doi}``, a JSON "message"."""
    ask = _Asking(client, urls, ident, "Crossref", f"DOI {ident.id}")
    answer = ask.answer(
        "/works/" + quote(ident.id, safe="/:;()"), f"Crossref has no work with DOI {ident.id}"
    )
    message = ask.json_field(answer, "message")
    if not isinstance(message, dict):
        raise ask.malformed("no message")
    title = ask.title(_plain(_first(message.get("title"))))
    authors = tuple(name for person in _list(message.get("author")) if (name := _person(person)))
    event = _dict(message.get("event"))
    container = _plain(_first(message.get("container-title")))
    event_name = _plain(event.get("name"))
    venue = container or event_name
    kind = message.get("type")
    workshop = bool(_WORKSHOP.search(f"{container} {event_name}"))
    acronym = _plain(event.get("acronym")) or _paren_acronym(container)
    # A journal names no acronym; its ISSN finds it in the catalog (TPAMI's 0162-8828).
    short = known_short(acronym) or catalog_short_of_issn(_list(message.get("ISSN")))
    if short is None and workshop and acronym.upper().endswith("W"):
        short = known_short(acronym[:-1])  # "CVPRW": the CVPR workshops
    parts = _date_parts(message.get("published")) or _date_parts(message.get("issued"))
    if not parts:
        raise ask.malformed("no year")
    doi = doi_of(_plain(message.get("DOI"))) or ident.id
    return FoundPaper(
        source=ident,
        title=title,
        authors=authors,
        venue=venue,
        venue_short=refined(short, workshop=workshop),
        workshop=workshop,
        journal=kind == "journal-article",
        preprint=kind == "posted-content",
        year=ask.year(parts[0]),
        month=parts[1] if len(parts) > 1 and 1 <= parts[1] <= 12 else None,
        doi=doi,
        arxiv=None,
        url=http_url(_plain(message.get("URL"))) or f"https://doi.org/{doi}",
    )


def _person(person: object) -> str:
    """ "Given Family" of a Crossref author; a group author has a "name" only."""
    if not isinstance(person, dict):
        return ""
    written = _plain(f"{_plain(person.get('given'))} {_plain(person.get('family'))}")
    return written or _plain(person.get("name"))


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _date_parts(value: object) -> list[int]:
    """[year, month?, day?] of a Crossref date ({"date-parts": [[2024, 6, 17]]})."""
    if not isinstance(value, dict):
        return []
    parts = _first(value.get("date-parts"))
    if not isinstance(parts, list):
        return []
    return [p for p in parts if isinstance(p, int)]


_PAREN: Final = re.compile(r"\(\s*([A-Za-z][\w\-]*?)(?:\s*['’]?\s*\d{2,4})?\s*\)\s*$")


def _paren_acronym(container: str) -> str:
    match = _PAREN.search(container)
    return match[1] if match else ""


# --- arXiv -------------------------------------------------------------------------------------

_ATOM: Final = "{http://www.w3.org/2005/Atom}"
_ARXIV: Final = "{http://arxiv.org/schemas/atom}"
_ACCEPTED: Final = re.compile(
    r"\b(?:accepted|to appear|published|presented)\b[^.;]*?\b(?:at|to|in|by|for|as)\s+"
    r"(?:the\s+)?([^.;()]+)",
    re.IGNORECASE,
)


def arxiv(client: httpx.Client, urls: ServiceURLs, ident: Identifier) -> FoundPaper:
    """A paper from the arXiv API's Atom feed: ``/api/query?id_list={id}``."""
    ask = _Asking(client, urls, ident, "arXiv", f"arXiv {ident.id}")
    missing = f"arXiv has no paper {ident.id}"
    root = ask.xml(ask.answer("/api/query", missing, {"id_list": ident.id, "max_results": "1"}))
    entry = root.find(f"{_ATOM}entry")
    # An unknown id gives a feed without entries, or (for a malformed one) an entry "Error".
    if entry is None or _text(entry, f"{_ATOM}title") == "Error":
        raise LookupFailed(missing)
    title = ask.title(_text(entry, f"{_ATOM}title"))
    authors = tuple(
        name
        for author in entry.findall(f"{_ATOM}author")
        if (name := _text(author, f"{_ATOM}name"))
    )
    journal_ref = _text(entry, f"{_ARXIV}journal_ref")
    comment = _text(entry, f"{_ARXIV}comment")
    published = _text(entry, f"{_ATOM}published")
    date = re.match(r"^(\d{4})-(\d{2})", published)
    if date is None:
        raise ask.malformed("no date")
    hint = journal_ref
    if not hint:
        accepted = _ACCEPTED.search(comment)
        hint = " ".join(accepted[1].split()) if accepted else ""
    short = short_in(hint) if hint else None
    workshop = bool(_WORKSHOP.search(hint))
    year = int(date[1])
    named_year = _FOUR_DIGITS.search(hint)
    if hint and named_year:
        year = int(named_year[1])
    # The submission month dates a preprint; a venue's paper takes the venue's month instead.
    month = None if short else int(date[2])
    doi = _text(entry, f"{_ARXIV}doi")
    return FoundPaper(
        source=ident,
        title=title,
        authors=authors,
        venue=hint,
        venue_short=refined(short, workshop=workshop),
        workshop=workshop,
        journal=short in JOURNAL_SHORTS,
        preprint=not journal_ref,
        year=year,
        month=month,
        doi=doi_of(doi) if doi else None,
        arxiv=ident.id,
        url=f"https://arxiv.org/abs/{ident.id}",
    )


def _text(element: ElementTree.Element, path: str) -> str:
    found = element.find(path)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


# --- OpenReview --------------------------------------------------------------------------------

_OPENREVIEW_VENUES: Final = {
    "neurips.cc": "NeurIPS",
    "iclr.cc": "ICLR",
    "icml.cc": "ICML",
    "aaai.org": "AAAI",
    "tmlr": "TMLR",
}
_NOT_ACCEPTED: Final = re.compile(r"(?:^|/)(?:Rejected|Withdrawn|Desk_Rejected)?_?Submission$")


def openreview(client: httpx.Client, urls: ServiceURLs, ident: Identifier) -> FoundPaper:
    """A forum's note from OpenReview API v2: ``/notes?id={id}``, content values as {"value": x}."""
    ask = _Asking(client, urls, ident, "OpenReview", f"OpenReview note {ident.id}")
    missing = f"OpenReview has no paper {ident.id}"
    answer = ask.answer("/notes", missing, {"id": ident.id})
    notes = ask.json_field(answer, "notes")
    if not isinstance(notes, list):
        raise ask.malformed("no notes")
    if not notes or not isinstance(notes[0], dict):
        raise LookupFailed(missing)
    note = notes[0]
    content = _dict(note.get("content"))

    def value(name: str) -> Any:
        field = content.get(name)
        return field.get("value") if isinstance(field, dict) else None

    title = ask.title(_plain(value("title")))
    authors = tuple(name for a in _list(value("authors")) if (name := _plain(a)))
    venue = _plain(value("venue"))
    venueid = _plain(value("venueid"))
    group = venueid.split("/")[0].casefold()
    short = _OPENREVIEW_VENUES.get(group)
    workshop = "/workshop" in venueid.casefold() or bool(_WORKSHOP.search(venue))
    if short == "NeurIPS" and "datasets_and_benchmarks" in venueid.casefold():
        short = "NeurIPS Datasets and Benchmarks"
        workshop = False
    named_year = re.search(r"/((?:19|20)\d{2})(?:/|$)", venueid) or _FOUR_DIGITS.search(venue)
    pdate = note.get("pdate") or note.get("cdate")
    if named_year:
        year = int(named_year[1])
    elif isinstance(pdate, int | float) and pdate > 0:
        year = datetime.fromtimestamp(pdate / 1000, UTC).year
    else:
        raise ask.malformed("no year")
    # pdate is the decision date (September for NeurIPS): the venue's own month dates the news.
    preprint = (
        not venueid or bool(_NOT_ACCEPTED.search(venueid)) or venue.startswith("Submitted to")
    )
    forum = _plain(note.get("forum")) or ident.id
    return FoundPaper(
        source=ident,
        title=title,
        authors=authors,
        venue=venue,
        venue_short=refined(short, workshop=workshop) if short else None,
        workshop=workshop,
        journal=short == "TMLR",
        preprint=preprint,
        year=year,
        month=None,
        doi=None,
        arxiv=None,
        url=f"https://openreview.net/forum?id={forum}",
    )


# --- DBLP --------------------------------------------------------------------------------------

_DBLP_STREAMS: Final = {
    "conf/cvpr": "CVPR",
    "conf/iccv": "ICCV",
    "conf/eccv": "ECCV",
    "conf/wacv": "WACV",
    "conf/bmvc": "BMVC",
    "conf/accv": "ACCV",
    "conf/nips": "NeurIPS",
    "conf/iclr": "ICLR",
    "conf/icml": "ICML",
    "conf/aaai": "AAAI",
    "conf/ijcai": "IJCAI",
    "conf/acl": "ACL",
    "conf/emnlp": "EMNLP",
    "conf/naacl": "NAACL",
    "conf/eacl": "EACL",
    "conf/coling": "COLING",
    "conf/lrec": "LREC",
    "conf/icassp": "ICASSP",
    "conf/interspeech": "Interspeech",
    "conf/icra": "ICRA",
    "conf/iros": "IROS",
    "conf/miccai": "MICCAI",
    "conf/icip": "ICIP",
    "conf/icpr": "ICPR",
    "conf/aistats": "AISTATS",
    "conf/uai": "UAI",
    "conf/kdd": "KDD",
    "conf/sigir": "SIGIR",
    "conf/cikm": "CIKM",
    "conf/chi": "CHI",
    "journals/pami": "TPAMI",
    "journals/ijcv": "IJCV",
    "journals/tip": "TIP",
    "journals/tmlr": "TMLR",
    "journals/jmlr": "JMLR",
    "journals/tnn": "TNNLS",
    "journals/tacl": "TACL",
}
_HOMONYM: Final = re.compile(r"\s+\d{4}$")
_RECORD_TAGS: Final = ("inproceedings", "article", "proceedings", "incollection", "book")


def dblp(client: httpx.Client, urls: ServiceURLs, ident: Identifier) -> FoundPaper:
    """A record from DBLP: ``/rec/{key}.xml``, <dblp><inproceedings key=...>...</dblp>."""
    ask = _Asking(client, urls, ident, "DBLP", f"DBLP record {ident.id}")
    missing = f"DBLP has no record {ident.id}"
    root = ask.xml(ask.answer(f"/rec/{quote(ident.id, safe='/')}.xml", missing))
    record = next((r for tag in _RECORD_TAGS if (r := root.find(tag)) is not None), None)
    if record is None:
        raise ask.malformed("no record")
    title = _text(record, "title")
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]  # DBLP ends every title with a period of its own
    ask.title(title)
    authors = tuple(
        _HOMONYM.sub("", name)
        for author in record.findall("author")
        if (name := " ".join("".join(author.itertext()).split()))
    )
    key = record.get("key") or ident.id
    stream = "/".join(key.split("/")[:2])
    journal_name = _text(record, "journal")
    booktitle = _text(record, "booktitle")
    venue = booktitle or journal_name
    crossref_key = _text(record, "crossref")
    workshop = (
        bool(_WORKSHOP.search(booktitle))
        or crossref_key.endswith("w")
        or bool(re.search(r"\d{2}w$", key))
    )
    preprint = stream == "journals/corr"
    short = _DBLP_STREAMS.get(stream)
    findings = "findings" in booktitle.casefold()
    links = [e for ee in record.findall("ee") if (e := " ".join("".join(ee.itertext()).split()))]
    eprint_arxiv = _text(record, "eprinttype").casefold() == "arxiv"
    found_arxiv = arxiv_of(_text(record, "eprint")) if eprint_arxiv else None
    doi = None
    for link in links:
        linked = doi_of(link)
        if linked and linked.lower().startswith("10.48550/arxiv."):
            found_arxiv = found_arxiv or arxiv_of(linked[len("10.48550/arxiv.") :])
        elif linked:
            doi = doi or linked
        elif arxiv_of(link):
            found_arxiv = found_arxiv or arxiv_of(link)
    url = next((u for link in links if (u := http_url(link)) and not doi_of(u)), None)
    month = _month(_text(record, "month"))
    return FoundPaper(
        source=ident,
        title=title,
        authors=authors,
        venue=venue,
        venue_short=None if preprint else refined(short, workshop=workshop, findings=findings),
        workshop=workshop,
        journal=record.tag == "article" and not preprint,
        preprint=preprint,
        year=ask.year(_text(record, "year")),
        month=month,
        doi=doi,
        arxiv=found_arxiv,
        url=url or (f"https://doi.org/{doi}" if doi else f"https://dblp.org/rec/{key}"),
    )


def _month(text: str) -> int | None:
    from labnews.io.bibtex import parse_month

    return parse_month(text) if text else None


# --- ACL Anthology -----------------------------------------------------------------------------

_ACL_OLD_VENUES: Final = {
    "P": "ACL",
    "D": "EMNLP",
    "N": "NAACL",
    "E": "EACL",
    "C": "COLING",
    "L": "LREC",
    "Q": "TACL",
    "J": "Computational Linguistics",
    "W": None,
}
_ACL_JOURNALS: Final = {"tacl": "TACL", "cl": "Computational Linguistics"}
_ACL_MAIN: Final = frozenset({"long", "short", "main", "demo", "demos", "industry", "tutorials"})


def acl(client: httpx.Client, urls: ServiceURLs, ident: Identifier) -> FoundPaper:
    """A paper from the ACL Anthology: ``/{id}.bib``, one BibTeX entry."""
    from labnews.io.bibtex import parse_bibtex, split_authors
    from labnews.io.latex import decode_latex
    from labnews.io.plan import ImportPlan

    ask = _Asking(client, urls, ident, "the ACL Anthology", f"ACL Anthology paper {ident.id}")
    answer = ask.answer(f"/{quote(ident.id)}.bib", f"the ACL Anthology has no paper {ident.id}")
    try:
        text = answer.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ask.malformed("not UTF-8") from exc
    if "@" not in text:
        raise ask.malformed("not BibTeX")
    plan = ImportPlan(source=f"{ident.id}.bib")
    try:
        entries = parse_bibtex(text, plan).entries
    except LabnewsError as exc:
        raise ask.malformed("not BibTeX") from exc
    if not entries:
        raise ask.malformed("not BibTeX")
    entry = entries[0]
    fields: Mapping[str, str] = entry.fields
    title = ask.title(decode_latex(fields.get("title", "")))
    authors = tuple(split_authors(fields.get("author", "")))
    journal = entry.kind == "article"
    venue = decode_latex(fields.get("booktitle") or fields.get("journal") or "")
    short, workshop, findings = _acl_venue(ident.id)
    workshop = workshop or bool(_WORKSHOP.search(venue))
    if short in JOURNAL_SHORTS:
        journal = True
    year_text = re.sub(r"\D", "", fields.get("year", ""))
    return FoundPaper(
        source=ident,
        title=title,
        authors=authors,
        venue=venue,
        venue_short=refined(short, workshop=workshop, findings=findings),
        workshop=workshop,
        journal=journal,
        preprint=False,
        year=ask.year(year_text),
        month=_month(fields.get("month", "")),
        doi=doi_of(fields.get("doi")),
        arxiv=None,
        url=http_url(fields.get("url")) or f"https://aclanthology.org/{ident.id}/",
    )


def _acl_venue(anthology_id: str) -> tuple[str | None, bool, bool]:
    """(short, workshop, findings) from the collection an Anthology id names."""
    old = re.match(r"^([A-Z])\d{2}-\d{4}$", anthology_id)
    if old:
        letter = old[1]
        return _ACL_OLD_VENUES.get(letter), letter == "W", False
    collection = anthology_id.split(".")[1].lower()
    pieces = collection.split("-")
    if pieces[0] == "findings" and len(pieces) > 1:
        return known_short(pieces[1]), False, True
    if pieces[0] in _ACL_JOURNALS:
        return _ACL_JOURNALS[pieces[0]], False, False
    short = known_short(pieces[0])
    if short is not None and (len(pieces) == 1 or pieces[-1] in _ACL_MAIN):
        return short, False, False
    if short is not None and pieces[-1] in {"srw", "ws"}:
        return short, True, False
    # Any other collection ("2024.repl4nlp-1", "2024.wmt-1") is a workshop's proceedings.
    return None, True, False


FINDERS: Final[dict[Service, Callable[[httpx.Client, ServiceURLs, Identifier], FoundPaper]]] = {
    "crossref": crossref,
    "arxiv": arxiv,
    "openreview": openreview,
    "dblp": dblp,
    "acl": acl,
}
