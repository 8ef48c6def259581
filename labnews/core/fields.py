"""Field rules stated once: what the store, the importers and the forms accept in a record's field.

The store calls these before it writes; importers and forms call the same ones to say what is
wrong before the store is asked. Choice tuples also generate the schema's check constraints.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Final

from labnews.core.errors import ValidationError
from labnews.core.links import arxiv_of, doi_of, http_url

MAX_TEXT: Final = 2_000
MAX_NOTE: Final = 20_000
MAX_LABEL: Final = 200
"""A link's label: what the database's short text columns hold."""


def clean_text(value: str | None, field: str, *, limit: int = MAX_TEXT) -> str | None:
    """Optional free text: spaces folded at the ends, NUL refused, length capped."""
    if value is None:
        return None
    if "\x00" in value:
        raise ValidationError(f"{field} must not contain NUL characters", field=field)
    cleaned = value.strip()
    if len(cleaned) > limit:
        raise ValidationError(f"{field} is longer than {limit} characters", field=field)
    return cleaned or None


def required_text(value: str | None, field: str, *, limit: int = MAX_TEXT) -> str:
    """Text that must be there, its inner runs of spaces folded to one."""
    cleaned = clean_text(value, field, limit=limit)
    if cleaned is None:
        raise ValidationError(f"{field} must not be empty", field=field)
    return " ".join(cleaned.split())


def choice(value: str, allowed: Sequence[str], field: str) -> str:
    """One of ``allowed`` (a kind, status, role...), else an error listing them."""
    if value not in allowed:
        raise ValidationError(
            f"{field} must be one of {', '.join(allowed)}, not {value!r}", field=field
        )
    return value


def link(value: str | None, field: str) -> str | None:
    """A link: only http and https are kept, so no javascript: or data: URL reaches a page."""
    cleaned = clean_text(value, field)
    if cleaned is None:
        return None
    if http_url(cleaned) is None:
        raise ValidationError(
            f"{field} must be an http or https link, not {cleaned!r}", field=field
        )
    return cleaned


def _identifier(
    value: str | None, field: str, read: Callable[[str], str | None], example: str
) -> str | None:
    """An identifier ``read`` finds in the text, None when blank; anything else is refused."""
    cleaned = clean_text(value, field)
    if cleaned is None:
        return None
    found = read(cleaned)
    if found is None:
        raise ValidationError(f"{field} must look like {example}, not {cleaned!r}", field=field)
    return found


def doi(value: str | None) -> str | None:
    """A DOI without its https://doi.org/ or doi: prefix, or None when blank."""
    return _identifier(value, "doi", doi_of, "10.1234/abc")


def arxiv(value: str | None) -> str | None:
    """An arXiv id from an id or an arxiv.org link, or None when blank."""
    return _identifier(value, "arxiv", arxiv_of, "2312.04005")


def pin_order(
    labels: Sequence[str], *, year: int, known: Collection[str] | None = None
) -> tuple[str, ...]:
    """A year's pinned tally order: labels cleaned, none blank, none named twice and, when the
    year's ``known`` labels are given, none that counts no paper that year."""
    cleaned = tuple(required_text(label, "label") for label in labels)
    if len({c.casefold() for c in cleaned}) != len(cleaned):
        raise ValidationError("a label is named twice in the order", field="label")
    if known is not None:
        present = {label.casefold() for label in known}
        unknown = [label for label in cleaned if label.casefold() not in present]
        if unknown:
            raise ValidationError(
                f"{year} has no papers counted as {', '.join(unknown)}", field="labels"
            )
    return cleaned


def sql_in(column: str, allowed: Sequence[str]) -> str:
    """The check constraint text "column IN ('a', 'b')" for a choice tuple."""
    return f"{column} IN ({', '.join(repr(value) for value in allowed)})"
