"""One plain-dict form of a paper, for JSON, CSV and the command line: written and read here.

The keys are the paper input's own field names, so a field added to ``PaperInput`` and
``PaperRecord`` travels through every export and import of this form without another edit.
People and venues are named, not numbered, so the dict means the same in another lab.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any, Final

from labnews.core.errors import ValidationError
from labnews.core.inputs import AuthorInput, PaperInput
from labnews.core.records import PaperRecord, YearMonth

NEWS_KEY: Final = "news_month"
"""The one key of a paper's news month (older files also wrote ``news`` and ``month``)."""

# Input fields whose plain form differs from the value: the rest are copied as they are.
_SPELLED: Final = frozenset({"venue", "news", "authors", "featured"})
PLAIN_FIELDS: Final = tuple(f.name for f in fields(PaperInput) if f.name not in _SPELLED)
PAPER_KEYS: Final = ("venue", NEWS_KEY, "authors", "featured", *PLAIN_FIELDS)


def paper_to_dict(paper: PaperRecord) -> dict[str, Any]:
    """The paper as plain values: authors as {"name" as written, "member" name or None}."""
    data: dict[str, Any] = {
        "venue": paper.venue_short,
        NEWS_KEY: str(paper.news),
        "authors": [
            {"name": a.written, "member": a.name if a.is_member else None} for a in paper.authors
        ],
        "featured": paper.featured_name,
    }
    data.update({name: getattr(paper, name) for name in PLAIN_FIELDS})
    return {key: data[key] for key in PAPER_KEYS}


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
            AuthorInput(name=str(a.get("name") or ""), member_id=known.get(a.get("member") or ""))
            for a in data.get("authors") or ()
        ),
        featured=known.get(featured) if featured else None,
        **{name: data[name] for name in PLAIN_FIELDS if name in data},
    )
