"""The achievements table: date, kind, title, members, organisation."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from labnews.core.records import AchievementRecord
from labnews.gui.models.records import RecordsModel
from labnews.gui.models.roles import ALIGNMENT_ROLE, TOOLTIP_ROLE

translate = QCoreApplication.translate


class Column(IntEnum):
    """The achievements table's columns, in display order."""

    DATE = 0
    KIND = 1
    TITLE = 2
    MEMBERS = 3
    ORGANISATION = 4


def kind_text(kind: str) -> str:
    """An achievement kind as the tables and forms show it."""
    return {
        "award": translate("AchievementsModel", "award"),
        "talk": translate("AchievementsModel", "talk"),
        "grant": translate("AchievementsModel", "grant"),
        "challenge": translate("AchievementsModel", "challenge"),
        "service": translate("AchievementsModel", "service"),
        "media": translate("AchievementsModel", "media"),
        "other": translate("AchievementsModel", "other"),
    }.get(kind, kind)


def date_text(record: AchievementRecord) -> str:
    """``2024-06`` or, with a day, ``2024-06-12``."""
    return f"{record.date}-{record.day:02d}" if record.day else str(record.date)


class AchievementsModel(RecordsModel[AchievementRecord]):
    """Awards, talks, grants and other news as rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                translate("AchievementsModel", "Date"),
                translate("AchievementsModel", "Kind"),
                translate("AchievementsModel", "Title"),
                translate("AchievementsModel", "Members"),
                translate("AchievementsModel", "Organisation"),
            ),
            (
                date_text,
                lambda a: kind_text(a.kind),
                lambda a: a.title,
                lambda a: ", ".join(m.name for m in a.members),
                lambda a: a.organisation or "",
            ),
            (
                lambda a: (a.date, a.day or 0, a.id),
                lambda a: (a.kind, a.date, a.id),
                lambda a: (a.title.casefold(), a.id),
                lambda a: (tuple(m.name.casefold() for m in a.members), a.id),
                lambda a: ((a.organisation or "").casefold(), a.id),
            ),
            parent,
        )

    def haystack(self, record: AchievementRecord) -> str:
        parts = (
            record.title,
            record.kind,
            record.organisation or "",
            record.sentence or "",
            *(m.name for m in record.members),
        )
        return "\n".join(parts).casefold()

    def record_id(self, record: AchievementRecord) -> int:
        return record.id

    def extra_data(self, record: AchievementRecord, column: int, role: int) -> Any:
        if role == ALIGNMENT_ROLE and column == Column.DATE:
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP_ROLE and column == Column.TITLE:
            return record.sentence or record.title
        return None
