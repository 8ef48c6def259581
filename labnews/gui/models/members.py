"""The members table: name, native name, role, in the news, joined, left, aliases."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from labnews.core.records import MemberRecord
from labnews.gui.models.records import RecordsModel
from labnews.gui.models.roles import ALIGNMENT_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE
from labnews.gui.words import word

translate = QCoreApplication.translate


class Column(IntEnum):
    """The members table's columns, in display order."""

    NAME = 0
    NATIVE = 1
    ROLE = 2
    IN_NEWS = 3
    JOINED = 4
    LEFT = 5
    ALIASES = 6


class MembersModel(RecordsModel[MemberRecord]):
    """Lab members as rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        yes, no = translate("MembersModel", "yes"), translate("MembersModel", "no")
        # Korean news prints a member without one in Latin letters: the gap is shown, not blank.
        missing = translate("MembersModel", "(none yet)")
        super().__init__(
            (
                translate("MembersModel", "Name"),
                translate("MembersModel", "Native name"),
                translate("MembersModel", "Role"),
                translate("MembersModel", "In news"),
                translate("MembersModel", "Joined"),
                translate("MembersModel", "Left"),
                translate("MembersModel", "Other spellings"),
            ),
            (
                lambda m: m.name,
                lambda m: m.native or (missing if m.in_news else ""),
                lambda m: word("role", m.role),
                lambda m: yes if m.in_news else no,
                lambda m: str(m.joined) if m.joined else "",
                lambda m: str(m.left) if m.left else "",
                lambda m: ", ".join(m.aliases),
            ),
            (
                lambda m: (m.name.casefold(), m.id),
                lambda m: (not m.native, m.native or "", m.id),
                lambda m: (m.role, m.name.casefold(), m.id),
                lambda m: (m.in_news, m.name.casefold(), m.id),
                lambda m: (m.joined is None, m.joined or (0, 0), m.id),
                lambda m: (m.left is None, m.left or (0, 0), m.id),
                lambda m: (", ".join(m.aliases).casefold(), m.id),
            ),
            parent,
        )
        self._muted = QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))

    def haystack(self, record: MemberRecord) -> str:
        return "\n".join(
            (record.name, record.native or "", *record.aliases, record.role)
        ).casefold()

    def record_id(self, record: MemberRecord) -> int:
        return record.id

    def extra_data(self, record: MemberRecord, column: int, role: int) -> Any:
        if role == FOREGROUND_ROLE and column == Column.IN_NEWS and not record.in_news:
            return self._muted
        if role == FOREGROUND_ROLE and column == Column.NATIVE and not record.native:
            return self._muted
        if role == TOOLTIP_ROLE and column == Column.NATIVE and not record.native:
            return translate(
                "MembersModel",
                "No native name: Korean news prints this member in Latin letters among the "
                "Hangul names. Double-click to add one.",
            )
        if role == ALIGNMENT_ROLE and column in (Column.IN_NEWS, Column.JOINED, Column.LEFT):
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP_ROLE and column == Column.IN_NEWS:
            if record.in_news:
                return translate("MembersModel", "News lines name this member")
            return translate(
                "MembersModel", "News lines never name this member (the PI, for example)"
            )
        return None
