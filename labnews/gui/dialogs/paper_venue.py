"""The venue field's completion: every spelling of every venue, and the venue each one means."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from labnews.core.records import VenueRecord
from labnews.gui.models.roles import DISPLAY_ROLE, EDIT_ROLE

VENUE_SHORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class VenueSpellings(QAbstractListModel):
    """Every spelling of every venue (short, full name, aliases) for completion.

    The completer matches and inserts the spelling (edit role); the popup also says which venue
    a long name or alias means ("CVPR (1) — CVPR").
    """

    def __init__(self, venues: Sequence[VenueRecord], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []
        self.set_venues(venues)

    def set_venues(self, venues: Sequence[VenueRecord]) -> None:
        self.beginResetModel()
        rows: dict[tuple[str, str], None] = {}
        for venue in venues:
            for spelling in (venue.short, venue.full, *venue.aliases):
                if spelling:
                    rows[(spelling, venue.short)] = None
        self._rows = sorted(rows, key=lambda r: (r[0] != r[1], r[0].casefold()))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        spelling, short = self._rows[index.row()]
        if role == EDIT_ROLE:
            return spelling
        if role == DISPLAY_ROLE:
            return spelling if spelling == short else f"{spelling}  —  {short}"
        if role == VENUE_SHORT_ROLE:
            return short
        return None
