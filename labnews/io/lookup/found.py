"""A paper as a service describes it, the venue short names services spell by key, and BibTeX."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from labnews.io.bibtex import PREFIX, author_value, entry_text, link_fields
from labnews.io.latex import escape_latex
from labnews.io.lookup.identify import Identifier

# The catalog's short names (resources/venues.csv) of venues services name by acronym or key.
# Only these are trusted: an acronym not listed leaves the venue to the catalog's spellings.
KNOWN_SHORTS: Final = {
    short.casefold(): short
    for short in (
        "AAAI",
        "IJCAI",
        "CVPR",
        "ICCV",
        "ECCV",
        "WACV",
        "BMVC",
        "ACCV",
        "3DV",
        "ICIP",
        "ICPR",
        "MICCAI",
        "ACL",
        "EMNLP",
        "NAACL",
        "EACL",
        "AACL",
        "COLING",
        "LREC",
        "ICASSP",
        "Interspeech",
        "NeurIPS",
        "ICML",
        "ICLR",
        "AISTATS",
        "UAI",
        "ICRA",
        "IROS",
        "CoRL",
        "KDD",
        "SIGIR",
        "CIKM",
        "CHI",
        "TPAMI",
        "IJCV",
        "TIP",
        "TMLR",
        "JMLR",
        "TNNLS",
        "TACL",
    )
} | {"nips": "NeurIPS", "pami": "TPAMI", "t-pami": "TPAMI"}
WORKSHOP_SHORTS: Final = frozenset(
    {
        "CVPR Workshop", "ICCV Workshop", "ECCV Workshop", "WACV Workshop", "ACCV Workshop",
        "NeurIPS Workshop", "ICML Workshop", "ICLR Workshop", "AAAI Workshop", "ACL Workshop",
        "EMNLP Workshop",
    }
)  # fmt: skip
JOURNAL_SHORTS: Final = frozenset(
    {"TPAMI", "IJCV", "TIP", "TMLR", "JMLR", "TNNLS", "TACL", "Computational Linguistics"}
)
FINDINGS_OF: Final = frozenset({"ACL", "EMNLP", "NAACL"})

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z0-9\-]*")


def known_short(acronym: str | None) -> str | None:
    """The catalog short name an acronym such as "CVPR 2024" or "NeurIPS'24" means, if listed."""
    if not acronym:
        return None
    word = re.sub(r"(?:\s*['’]?\s*\d{2,4})+$", "", acronym.strip()).strip()
    return KNOWN_SHORTS.get(word.casefold())


def short_in(text: str) -> str | None:
    """The first listed acronym written as a word of ``text`` ("Accepted to NeurIPS 2024")."""
    for word in _WORD.findall(text):
        found = KNOWN_SHORTS.get(word.casefold())
        # Case must match, or be all capitals: "chi" or "uai" inside a sentence is no venue.
        if found and (word == found or word.isupper()):
            return found
    return None


def refined(short: str | None, *, workshop: bool, findings: bool = False) -> str | None:
    """A main venue's short name turned into its workshop's or Findings' catalog name, if any."""
    if short is None:
        return None
    if workshop:
        named = f"{short} Workshop"
        return named if named in WORKSHOP_SHORTS else None
    if findings:
        return f"Findings of {short}" if short in FINDINGS_OF else None
    return short


@dataclass(frozen=True)
class FoundPaper:
    """A paper as a service describes it, ready to be confirmed and recorded.

    ``venue`` is the service's own spelling; ``venue_short`` the catalog short name when the
    service names the venue by a key labnews knows (else None: the importer resolves the
    spelling). ``preprint`` says the service knows no venue that accepted it.
    """

    source: Identifier
    title: str
    authors: tuple[str, ...]
    venue: str
    venue_short: str | None
    workshop: bool
    journal: bool
    preprint: bool
    year: int
    month: int | None
    doi: str | None
    arxiv: str | None
    url: str | None

    def bibtex(self, key: str) -> str:
        """The paper as one BibTeX entry, as labnews' BibTeX import reads it back."""
        if self.journal:
            kind, venue_field = "article", "journal"
        elif self.preprint:
            kind, venue_field = "misc", "howpublished"
        else:
            kind, venue_field = "inproceedings", "booktitle"
        fields: list[tuple[str, str]] = [("title", "{" + escape_latex(self.title) + "}")]
        if self.authors:
            fields.append(("author", " and ".join(author_value(name) for name in self.authors)))
        if self.venue:
            fields.append((venue_field, escape_latex(self.venue)))
        fields.append(("year", str(self.year)))
        if self.month is not None:
            fields.append(("month", str(self.month)))
        fields += link_fields(self.doi, self.arxiv, self.url)
        if self.venue_short:
            fields.append((PREFIX + "venue", escape_latex(self.venue_short)))
        safe_key = re.sub(r"[\s,{}()\"#%'=\\~]", "", key) or "paper"
        return entry_text(kind, safe_key, fields)
