"""The overview's members table: each member's counted papers in one news year, and where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from labnews.core.records import MemberRecord, PaperRecord, YearMonth
from labnews.gui.models.records import ModelIndex
from labnews.gui.models.roles import ALIGNMENT_ROLE, DISPLAY_ROLE, ROW_FLAGS, TOOLTIP_ROLE

translate = QCoreApplication.translate


class Column(IntEnum):
    """The members table's columns."""

    MEMBER = 0
    PAPERS = 1
    VENUES = 2


@dataclass(frozen=True, slots=True)
class MemberYear:
    """One member's year: how many counted papers, and at which venues (most first)."""

    member_id: int
    name: str
    native: str | None
    papers: int
    venues: tuple[tuple[str, int], ...]
    featured: int
    joined: YearMonth | None = None
    """Set for a member who joined in the year and has no counted paper in it yet."""


def member_years(
    papers: Iterable[PaperRecord], year: int, members: Iterable[MemberRecord] = ()
) -> list[MemberYear]:
    """Every member with counted papers in the news year, most papers first; then the members
    who joined that year without a paper yet (they are in the lab, so in its year too)."""
    members = tuple(members)  # read twice: for native names, then for who joined
    natives = {m.id: m.native for m in members}
    counts: dict[int, int] = {}
    featured: dict[int, int] = {}
    names: dict[int, str] = {}
    venues: dict[int, dict[str, int]] = {}
    for paper in papers:
        if paper.news.year != year or not paper.counted:
            continue
        seen: set[int] = set()
        for author in paper.authors:
            member = author.member_id
            if member is None or member in seen:
                continue
            seen.add(member)
            names[member] = author.name
            natives.setdefault(member, author.native)
            counts[member] = counts.get(member, 0) + 1
            at = venues.setdefault(member, {})
            at[paper.venue_short] = at.get(paper.venue_short, 0) + 1
        if paper.featured_id is not None:
            featured[paper.featured_id] = featured.get(paper.featured_id, 0) + 1
    rows = [
        MemberYear(
            member_id=member,
            name=names[member],
            native=natives.get(member),
            papers=count,
            venues=tuple(sorted(venues[member].items(), key=lambda item: (-item[1], item[0]))),
            featured=featured.get(member, 0),
        )
        for member, count in counts.items()
    ]
    for record in members:
        if record.joined is not None and record.joined.year == year and record.id not in counts:
            rows.append(
                MemberYear(record.id, record.name, record.native, 0, (), 0, joined=record.joined)
            )
    rows.sort(key=lambda row: (-row.papers, row.name.casefold()))
    return rows


def venues_text(row: MemberYear) -> str:
    """Where the member's papers of the year are ("2 CVPR, 1 ECCV"), or when they joined."""
    if row.joined is not None and not row.venues:
        return translate("YearMembersModel", "joined {0}, no paper yet").format(row.joined)
    return ", ".join(f"{count} {venue}" for venue, count in row.venues)


class YearMembersModel(QAbstractTableModel):
    """Rows of MemberYear: name, number of papers, venues ("3 CVPR, 1 ECCV")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MemberYear] = []

    def set_rows(self, rows: Iterable[MemberYear]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[MemberYear]:
        return list(self._rows)

    def row_at(self, row: int) -> MemberYear:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if role != DISPLAY_ROLE or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            {
                Column.MEMBER: translate("YearMembersModel", "Member"),
                Column.PAPERS: translate("YearMembersModel", "Papers"),
                Column.VENUES: translate("YearMembersModel", "Venues"),
            }.get(Column(section))
            if 0 <= section < len(Column)
            else None
        )

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY_ROLE:
            if column == Column.MEMBER:
                return row.name
            if column == Column.PAPERS:
                return str(row.papers)
            return venues_text(row)
        if role == ALIGNMENT_ROLE and column == Column.PAPERS:
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP_ROLE:
            if column == Column.MEMBER:
                name = f"{row.name} ({row.native})" if row.native else row.name
                return translate(
                    "YearMembersModel", "{0}: named in the news for {1} of these papers"
                ).format(name, row.featured)
            if column == Column.VENUES:
                # The column is the narrowest place for the longest text: the tip says it all.
                return venues_text(row)
            return translate("YearMembersModel", "Double-click to see these papers")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
