"""The papers table: news month, venue, year, title, authors, featured member, status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from labnews.core.records import AuthorRecord, PaperRecord, venue_edition
from labnews.core.rules import TallyRules
from labnews.core.tally import paper_label
from labnews.gui.models.records import RecordsModel
from labnews.gui.models.roles import ALIGNMENT_ROLE, FONT_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE

translate = QCoreApplication.translate

AUTHOR_RUNS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""data() role of the authors column: ``((name, is_member), ...)`` for the bold-members delegate."""

_CENTER = Qt.AlignmentFlag.AlignCenter
_LAST = "\U0010ffff"  # sorts after any text


class Column(IntEnum):
    """The papers table's columns, in display order."""

    NEWS = 0
    VENUE = 1
    YEAR = 2
    TITLE = 3
    AUTHORS = 4
    FEATURED = 5
    STATUS = 6


def headers() -> tuple[str, ...]:
    return (
        translate("PapersModel", "News month"),
        translate("PapersModel", "Venue"),
        translate("PapersModel", "Year"),
        translate("PapersModel", "Title"),
        translate("PapersModel", "Authors"),
        translate("PapersModel", "Featured"),
        translate("PapersModel", "Status"),
    )


def status_text(status: str) -> str:
    """A paper status as the tables and forms show it."""
    return {
        "accepted": translate("PapersModel", "accepted"),
        "published": translate("PapersModel", "published"),
        "withdrawn": translate("PapersModel", "withdrawn"),
    }.get(status, status)


def author_label(author: AuthorRecord) -> str:
    """One author for a tooltip: the member's name with their native name and spelling."""
    label = author.name
    if author.native:
        label += f" ({author.native})"
    if author.as_written and author.as_written != author.name:
        label += " " + translate("PapersModel", "as “{0}”").format(author.as_written)
    return label


class PapersModel(RecordsModel[PaperRecord]):
    """Papers as rows; filters by news year, venue, member and tally label besides the search."""

    def __init__(self, parent: QObject | None = None) -> None:
        unknown = translate("PapersModel", "title unknown")
        super().__init__(
            headers(),
            (
                lambda p: str(p.news),
                lambda p: venue_edition(p.venue_short, p.venue_kind, p.year),
                lambda p: str(p.year),
                lambda p: p.title or unknown,
                lambda p: ", ".join(a.name for a in p.authors),
                lambda p: p.featured_name or "",
                lambda p: status_text(p.status),
            ),
            # One plain int or str per record: ties keep the load order (news month, then
            # position), and a sort of 100,000 plain values takes a few tens of milliseconds.
            (
                lambda p: p.news.year * 100 + p.news.month,
                lambda p: p.venue_short.casefold(),
                lambda p: p.year,
                lambda p: p.title.casefold() if p.title else _LAST,  # unknown titles go last
                lambda p: ", ".join(a.name for a in p.authors).casefold(),
                lambda p: (p.featured_name or _LAST).casefold(),
                lambda p: p.status,
            ),
            parent,
        )
        self.year: int | None = None
        self.venue_id: int | None = None
        self.member_id: int | None = None
        self.label: str | None = None
        self.rules = TallyRules()
        self._news_years: list[int] = []
        self._venue_ids: list[int] = []
        self._member_ids: list[set[int | None]] = []
        self._labels: list[str | None] = []
        italic = QFont()
        italic.setItalic(True)
        self._italic = italic
        palette = QApplication.palette()
        self._muted = QBrush(palette.color(QPalette.ColorRole.PlaceholderText))

    # --- RecordsModel ---------------------------------------------------------------------------

    def haystack(self, record: PaperRecord) -> str:
        parts = [record.title, record.venue_short, record.venue_full or "", str(record.year)]
        for author in record.authors:
            parts.append(author.name)
            if author.as_written:
                parts.append(author.as_written)
            if author.native:
                parts.append(author.native)
        return "\n".join(parts).casefold()

    def record_id(self, record: PaperRecord) -> int:
        return record.id

    def build_index(self, records: Sequence[PaperRecord]) -> Any:
        rules = self.rules
        return (
            [p.news.year for p in records],
            [p.venue_id for p in records],
            [{a.member_id for a in p.authors} for p in records],
            [paper_label(p, rules) if p.counted else None for p in records],
        )

    def use_index(self, index: Any) -> None:
        self._news_years, self._venue_ids, self._member_ids, self._labels = index

    def index_key(self) -> Any:
        return self.rules

    def narrow(self, source: list[int]) -> list[int]:
        # Plain lists compared in comprehensions: a method call per record would cost more.
        if self.year is not None:
            years, year = self._news_years, self.year
            source = [i for i in source if years[i] == year]
        if self.venue_id is not None:
            venues, venue = self._venue_ids, self.venue_id
            source = [i for i in source if venues[i] == venue]
        if self.member_id is not None:
            members, member = self._member_ids, self.member_id
            source = [i for i in source if member in members[i]]
        if self.label is not None:
            labels, label = self._labels, self.label
            source = [i for i in source if labels[i] == label]
        return source

    def extra_data(self, record: PaperRecord, column: int, role: int) -> Any:
        if role == AUTHOR_RUNS_ROLE:
            return tuple((a.name, a.is_member) for a in record.authors)
        if role == FONT_ROLE:
            return self._italic if column == Column.TITLE and not record.title else None
        if role == FOREGROUND_ROLE:
            muted = record.status == "withdrawn" or (column == Column.TITLE and not record.title)
            return self._muted if muted else None
        if role == ALIGNMENT_ROLE:
            return _CENTER if column in (Column.NEWS, Column.YEAR) else None
        if role == TOOLTIP_ROLE:
            return self._tooltip(record, column)
        return None

    def _tooltip(self, record: PaperRecord, column: int) -> str | None:
        if column == Column.TITLE:
            if record.title:
                return record.title
            return translate(
                "PapersModel", "The title is not known yet: this paper came from a news line."
            )
        if column == Column.AUTHORS:
            return "\n".join(author_label(a) for a in record.authors) or None
        if column == Column.VENUE:
            return record.venue_full or record.venue_short
        if column == Column.FEATURED and record.featured_name:
            return translate("PapersModel", "The member this paper's news line names")
        return None

    # --- filters --------------------------------------------------------------------------------

    def set_filters(
        self,
        *,
        year: int | None = None,
        venue_id: int | None = None,
        member_id: int | None = None,
        label: str | None = None,
    ) -> None:
        """Show only one news year, venue, member or tally label's papers (None: all of them).

        A label filter shows the papers the tally counts under it: withdrawn papers, and
        workshops the rules leave out, are not among them.
        """
        wanted = (year, venue_id, member_id, label)
        if wanted == (self.year, self.venue_id, self.member_id, self.label):
            return
        self.year, self.venue_id, self.member_id, self.label = wanted
        self.refilter()

    def set_rules(self, rules: TallyRules) -> None:
        """The tally rules that say which label each paper counts under."""
        if rules == self.rules:
            return
        self.rules = rules
        self.index_records()
        self.refilter()

    def replace_years(self, years: Iterable[int], papers: Iterable[PaperRecord]) -> None:
        """Swap in fresh records for the given news years only (what a Change says moved)."""
        moved = set(years)
        kept = [p for p in self.records if p.news.year not in moved]
        merged = [*kept, *papers]
        # The order papers_in gives: the load order that sort ties fall back on.
        merged.sort(key=lambda p: (p.news.year, p.news.month, p.position, p.id))
        self.set_records(merged)

    def news_years(self) -> list[int]:
        """The news years the papers fall in, newest first."""
        return sorted({p.news.year for p in self.records}, reverse=True)

    def labels(self) -> list[str]:
        """The tally labels the papers count under, by name."""
        return sorted({label for label in self._labels if label}, key=str.casefold)

    def venues(self) -> list[tuple[int, str]]:
        """(id, short name) of the venues that have papers, by name."""
        found = {p.venue_id: p.venue_short for p in self.records}
        return sorted(found.items(), key=lambda item: item[1].casefold())
