"""One dataclass built from another object's values of the same names (a row, a record, options).

Building by name means a field added to both sides travels without an edit at every place that
copies it; a field the source lacks fails loudly (AttributeError) instead of going missing.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar, cast

_T = TypeVar("_T")


@cache
def field_names(kind: type) -> tuple[str, ...]:
    """The dataclass's field names, in order, read once per class (imports build thousands)."""
    return tuple(f.name for f in fields(kind))


def by_name(source: object, kind: type[_T], **differing: Any) -> _T:
    """A ``kind`` holding ``source``'s values: fields of the same name are copied, the ones named
    in ``differing`` (spelled or shaped differently in the source) are given."""
    copied = {
        name: getattr(source, name)
        for name in field_names(cast(type, kind))
        if name not in differing
    }
    return kind(**copied, **differing)
