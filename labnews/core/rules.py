"""TallyRules: how papers are grouped, ordered and laid out; the lab's own format by default."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Final

from labnews.core.errors import ValidationError

WORKSHOP_MODES: Final = ("fold", "separate", "exclude")
ORDER_MODES: Final = ("first", "count", "alpha")
LINE_MODES: Final = ("month", "venue")
WORKSHOP_LINE_NAMES: Final = ("workshop", "conference")


def _frozen_pins(pins: Mapping[int, tuple[str, ...]]) -> Mapping[int, tuple[str, ...]]:
    return MappingProxyType({int(y): tuple(labels) for y, labels in sorted(pins.items())})


@dataclass(frozen=True, slots=True)
class TallyRules:
    """The counting and layout rules every output follows; stored in the database, shared by all.

    - ``workshops``: ``fold`` counts a workshop under its conference's label, ``separate`` under its
      own, ``exclude`` leaves workshop papers out of the tally and the news.
    - ``order``: tally labels by first appearance in the year (``first``), ``count`` or ``alpha``.
    - ``lines``: one news line per month (``month``) or one per venue and month (``venue``).
    - ``pinned``: per-year label orders set by hand or read from an imported page; they win.
    - ``conference_years``: years whose month lines name a workshop paper's conference ("Six
      papers accepted to ECCV 2024" holding two ECCV Workshop papers); other years name the
      workshop ("Three papers accepted to ICCV Workshop 2025"). Lists and tallies are unchanged.
    """

    workshops: str = "fold"
    order: str = "first"
    lines: str = "month"
    pinned: Mapping[int, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    conference_years: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("workshops", self.workshops, WORKSHOP_MODES),
            ("order", self.order, ORDER_MODES),
            ("lines", self.lines, LINE_MODES),
        ):
            if value not in allowed:
                raise ValidationError(
                    f"{name} must be one of {', '.join(allowed)}, not {value!r}", field=name
                )
        object.__setattr__(self, "pinned", _frozen_pins(self.pinned))
        object.__setattr__(self, "conference_years", frozenset(self.conference_years))

    def with_workshop_lines(self, year: int, name: str) -> TallyRules:
        """These rules with ``year``'s month lines naming a workshop paper's ``conference``
        or its ``workshop`` (the default)."""
        if name not in WORKSHOP_LINE_NAMES:
            raise ValidationError(
                f"workshop lines must name one of {', '.join(WORKSHOP_LINE_NAMES)}, not {name!r}",
                field="workshop_lines",
            )
        years = set(self.conference_years)
        if name == "conference":
            years.add(year)
        else:
            years.discard(year)
        return replace(self, conference_years=frozenset(years))

    def with_pin(self, year: int, labels: tuple[str, ...] | None) -> TallyRules:
        """These rules with ``year``'s order pinned to ``labels`` (or unpinned for None)."""
        pins = dict(self.pinned)
        if labels:
            pins[year] = tuple(labels)
        else:
            pins.pop(year, None)
        return replace(self, pinned=pins)

    def to_json(self) -> str:
        return json.dumps(
            {
                "workshops": self.workshops,
                "order": self.order,
                "lines": self.lines,
                "pinned": {str(y): list(labels) for y, labels in self.pinned.items()},
                # Only when set: rules stored before it read and write the same text.
                **(
                    {"conference_years": sorted(self.conference_years)}
                    if self.conference_years
                    else {}
                ),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> TallyRules:
        """Read rules stored by ``to_json``; unknown keys are ignored, for older versions."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"stored tally rules are not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ValidationError("stored tally rules must be a JSON object")
        stored = data.get("pinned", {})
        if not isinstance(stored, dict):
            raise ValidationError("stored tally rules have pinned orders that are not a mapping")
        pins: dict[int, tuple[str, ...]] = {}
        for year, labels in stored.items():
            if not str(year).isdigit() or not isinstance(labels, list):
                raise ValidationError(
                    f"stored tally rules pin {year!r} to {labels!r}: expected a year and a list"
                )
            pins[int(year)] = tuple(str(label) for label in labels)
        years = data.get("conference_years", [])
        if not isinstance(years, list) or not all(isinstance(y, int) for y in years):
            raise ValidationError("stored tally rules have conference years that are not years")
        return cls(
            workshops=str(data.get("workshops", "fold")),
            order=str(data.get("order", "first")),
            lines=str(data.get("lines", "month")),
            pinned=pins,
            conference_years=frozenset(years),
        )

    def describe(self) -> str:
        """The rules as the ``labnews rules`` command prints them."""
        lines = [
            f"workshops: {self.workshops}",
            f"order: {self.order}",
            f"lines: {self.lines}",
        ]
        for year, labels in sorted(self.pinned.items(), reverse=True):
            lines.append(f"pinned {year}: {', '.join(labels)}")
        for year in sorted(self.conference_years, reverse=True):
            lines.append(f"workshop lines {year}: conference")
        return "\n".join(lines)
