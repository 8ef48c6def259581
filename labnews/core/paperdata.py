"""One plain-dict form of a paper, for JSON, CSV and the command line: written and read here.

The keys are the paper's own field names (``core.records.PaperFields``), so a field added
there travels through every export and import of this form without another edit.
People and venues are named, not numbered, so the dict means the same in another lab.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from typing import Any, Final

from labnews.core.errors import ValidationError
from labnews.core.inputs import AuthorInput, PaperInput
from labnews.core.records import AuthorRecord, PaperFields, PaperLink, PaperRecord, YearMonth

NEWS_KEY: Final = "news_month"
"""The one key of a paper's news month (older files also wrote ``news`` and ``month``)."""

# The keys in the order the tables and JSON documents write them: the paper's place (venue,
# year, news month), title and people, then its own fields as ``PaperFields`` declares them.
_LEADING: Final = ("venue", "year", NEWS_KEY, "title", "authors", "featured")
# Fields whose plain form differs from the value: the rest are copied as they are.
_SPELLED: Final = frozenset(
    {"venue", "news", "authors", "featured", "links", "also_presented", "accepted"}
)
PAPER_KEYS: Final = (
    *_LEADING,
    *(f.name for f in fields(PaperFields) if f.name not in _LEADING),
)
PLAIN_FIELDS: Final = tuple(key for key in PAPER_KEYS if key not in _SPELLED | {NEWS_KEY})
RULED: Final = frozenset(
    {
        "title",
        "status",
        "presentation",
        "doi",
        "arxiv",
        "url",
        "code",
        "project",
        "note",
        "links",
        "also_presented",
        "accepted",
    }
)
"""The paper fields the store and the table import check each by a rule of its own."""
UNRULED: Final = tuple(f for f in fields(PaperFields) if f.name not in RULED)
"""The other fields (bibkey, and a field added to ``PaperFields``): read and kept by their
type, text cleaned as text, under their own names."""


def paper_to_dict(paper: PaperRecord) -> dict[str, Any]:
    """The paper as plain values: authors as {"name" as written, "member" name or None, and
    "equal": true for an equal contribution}, links as {"label", "url"} in order."""
    data: dict[str, Any] = {
        "venue": paper.venue_short,
        NEWS_KEY: str(paper.news),
        "authors": [_author_dict(a) for a in paper.authors],
        "featured": paper.featured_name,
        "links": [{"label": link.label, "url": link.url} for link in paper.links],
        "also_presented": list(paper.also_presented),
        "accepted": paper.accepted.isoformat() if paper.accepted else None,
    }
    data.update({name: getattr(paper, name) for name in PLAIN_FIELDS})
    return {key: data[key] for key in PAPER_KEYS}


def _author_dict(author: AuthorRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": author.written,
        "member": author.name if author.is_member else None,
    }
    if author.equal:
        data["equal"] = True
    return data


def _links(value: Any) -> tuple[PaperLink, ...]:
    if not value:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ValidationError("a paper's links must be a list of {label, url}", field="links")
    return tuple(
        PaperLink(str(item.get("label") or ""), str(item.get("url") or "")) for item in value
    )


def _accepted(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(
            f"accepted must look like YYYY-MM-DD, not {value!r}", field="accepted"
        ) from None


def paper_from_dict(
    data: Mapping[str, Any], member_ids: Mapping[str, int] | None = None
) -> PaperInput:
    """The input a ``paper_to_dict`` dict records; members are found by name in ``member_ids``
    (an author whose member is not there stays a plain name)."""
    unknown = set(data) - set(PAPER_KEYS) - {"id"}
    if unknown:
        raise ValidationError(f"a paper has no field {sorted(unknown)[0]!r}", field="paper")
    known = member_ids or {}
    news = data.get(NEWS_KEY)
    featured = data.get("featured")
    return PaperInput(
        venue=str(data["venue"]),
        news=YearMonth.parse(str(news), field=NEWS_KEY) if news else None,
        authors=tuple(
            AuthorInput(
                name=str(a.get("name") or ""),
                member_id=known.get(a.get("member") or ""),
                equal=bool(a.get("equal")),
            )
            for a in data.get("authors") or ()
        ),
        featured=known.get(featured) if featured else None,
        links=_links(data.get("links")),
        also_presented=tuple(str(line) for line in data.get("also_presented") or ()),
        accepted=_accepted(data.get("accepted")),
        **{name: data[name] for name in PLAIN_FIELDS if name in data},
    )
