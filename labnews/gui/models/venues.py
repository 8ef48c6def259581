"""The venues table: short name, full name, kind, parent, tally label, typical month, aliases."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from labnews.core.records import VenueRecord
from labnews.core.rules import TallyRules
from labnews.core.tally import venue_labels
from labnews.gui.models.records import RecordsModel
from labnews.gui.models.roles import FOREGROUND_ROLE, TOOLTIP_ROLE
from labnews.gui.words import word

translate = QCoreApplication.translate


class Column(IntEnum):
    """The venues table's columns, in display order."""

    SHORT = 0
    FULL = 1
    KIND = 2
    PARENT = 3
    LABEL = 4
    MONTH = 5
    ALIASES = 6


def month_name(month: int | None) -> str:
    """The month's name in the interface language ("June"), or "" for None."""
    if month is None:
        return ""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)


class VenuesModel(RecordsModel[VenueRecord]):
    """Venues as rows; the label column shows what the tally counts each venue as."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                translate("VenuesModel", "Short name"),
                translate("VenuesModel", "Full name"),
                translate("VenuesModel", "Kind"),
                translate("VenuesModel", "Part of"),
                translate("VenuesModel", "Counts as"),
                translate("VenuesModel", "Typical month"),
                translate("VenuesModel", "Other spellings"),
            ),
            (
                lambda v: v.short,
                lambda v: v.full or "",
                lambda v: word("venue kind", v.kind),
                lambda v: v.parent_short or "",
                lambda v: self.counts_as(v) or "",
                lambda v: month_name(v.month),
                lambda v: ", ".join(v.aliases),
            ),
            (
                lambda v: (v.short.casefold(), v.id),
                lambda v: ((v.full or "").casefold(), v.id),
                lambda v: (v.kind, v.short.casefold(), v.id),
                lambda v: (v.parent_short is None, (v.parent_short or "").casefold(), v.id),
                lambda v: ((self.counts_as(v) or "").casefold(), v.id),
                lambda v: (v.month is None, v.month or 0, v.id),
                lambda v: (", ".join(v.aliases).casefold(), v.id),
            ),
            parent,
        )
        self._rules = TallyRules()
        self._labels: dict[int, str | None] = {}
        self._muted = QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))

    def set_venues(self, venues: Iterable[VenueRecord], rules: TallyRules) -> None:
        """Show these venues, with tally labels as these rules count them."""
        records = tuple(venues)
        self._rules = rules
        self._labels = venue_labels(records, rules)
        self.set_records(records)

    def counts_as(self, venue: VenueRecord) -> str | None:
        """The tally label papers at this venue count under; None when the rules leave it out."""
        return self._labels.get(venue.id, venue.label or venue.short)

    def haystack(self, record: VenueRecord) -> str:
        parts = (record.short, record.full or "", record.parent_short or "", *record.aliases)
        return "\n".join(parts).casefold()

    def record_id(self, record: VenueRecord) -> int:
        return record.id

    def extra_data(self, record: VenueRecord, column: int, role: int) -> Any:
        explicit = bool(record.label)
        if role == FOREGROUND_ROLE and column == Column.LABEL and not explicit:
            return self._muted
        if role == TOOLTIP_ROLE and column == Column.LABEL:
            if explicit:
                return translate("VenuesModel", "Set on this venue")
            if self.counts_as(record) is None:
                return translate("VenuesModel", "The tally rules leave workshop papers out")
            return translate(
                "VenuesModel", "The default: its own short name, or its conference's for a workshop"
            )
        if role == TOOLTIP_ROLE and column == Column.FULL:
            return record.full
        return None
