"""Building a dataclass from another object's values of the same names."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from labnews.core.byname import by_name, field_names


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    label: str = ""


def test_same_named_values_are_copied_and_the_differing_ones_given() -> None:
    row = SimpleNamespace(x=1, y=2, label="row", extra="ignored")
    assert by_name(row, Point) == Point(1, 2, "row")
    assert by_name(row, Point, label="given") == Point(1, 2, "given")
    assert field_names(Point) == ("x", "y", "label")


def test_a_field_the_source_lacks_fails_loudly() -> None:
    with pytest.raises(AttributeError, match="label"):
        by_name(SimpleNamespace(x=1, y=2), Point)
