"""The overview: a year at a glance: its tally, the chart, its members, what is not published."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labnews.core.news import NewsEntry, news_entries
from labnews.core.records import MemberRecord, PaperRecord, YearTally
from labnews.core.rules import TallyRules
from labnews.core.tally import paper_label, summary_line
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.deferred import deferred
from labnews.gui.fonts import has_hangul, korean_font
from labnews.gui.lab_change import OVERVIEW_KINDS
from labnews.gui.models.year_members import Column, YearMembersModel, member_years
from labnews.gui.views.chart import ChartPanel
from labnews.gui.views.empty import ActionButtons
from labnews.gui.wording import entry_date, entry_text, tally_sentence
from labnews.io.chart import chart_data_from_tallies

if TYPE_CHECKING:
    from labnews.gui.lab_change import LabChange
    from labnews.store import settings as lab_settings
else:
    # The lab's settings are read once there is data: after the paint.
    lab_settings = deferred("labnews.store.settings")

MAX_UNPUBLISHED = 6
"""News lines listed as not yet published; more are summed up in one line."""

_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class LabSnapshot:
    """What the overview shows, read in one session: the lab, its tallies, papers, members."""

    lab_name: str = ""
    tallies: tuple[YearTally, ...] = ()
    papers: tuple[PaperRecord, ...] = ()
    members: tuple[MemberRecord, ...] = ()
    rules: TallyRules = field(default_factory=TallyRules)
    published: frozenset[int] | None = None
    """Ids of the papers in the last block published into the homepage (None: never)."""


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


@dataclass(frozen=True, slots=True)
class Unpublished:
    """The newest news lines the homepage lacks, and how many it lacks in all."""

    entries: tuple[NewsEntry, ...] = ()
    total: int = 0


def unpublished(
    papers: Sequence[PaperRecord],
    rules: TallyRules,
    published: frozenset[int] | None,
    limit: int = MAX_UNPUBLISHED,
) -> Unpublished:
    """Paper news lines with a paper the last published block did not have, newest first.

    Only the newest months are turned into lines: the lines of 100,000 papers take a second
    to build, and the overview shows a handful. The rest are only counted, grouped as
    core.news groups papers into lines (a month, or a month and venue edition).
    """
    counted = [p for p in papers if p.counted and paper_label(p, rules) is not None]

    def line_of(paper: PaperRecord) -> tuple[int, ...]:
        month = (paper.news.year, paper.news.month)
        return month if rules.lines == "month" else (*month, paper.venue_id, paper.year)

    lines = {line_of(p) for p in counted if published is None or p.id not in published}
    per_month = Counter((line[0], line[1]) for line in lines)
    months: set[tuple[int, int]] = set()
    for month in sorted(per_month, reverse=True):
        if sum(per_month[m] for m in months) >= limit:
            break
        months.add(month)
    recent = [p for p in counted if (p.news.year, p.news.month) in months]
    entries = [
        entry
        for entry in news_entries(recent, rules)
        if published is None or any(pid not in published for pid in entry.paper_ids)
    ]
    return Unpublished(tuple(entries[:limit]), len(lines))


class OverviewView(QScrollArea):
    """One year at a glance; the chart covers every year, and its bars lead to the papers."""

    bar_clicked = Signal(int, str)
    """A chart bar was clicked: year and tally label ("" for "Other")."""
    member_papers_requested = Signal(int, int)
    """A member's row was opened: member id and year."""
    year_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.snapshot = LabSnapshot()
        # The year to show when the next lab is read (see want_year).
        self._wanted_year: int | None = None
        self._new_lab = False
        self._lines: list[str] = []
        self._sentence = ""
        self._unpublished = Unpublished()
        page = QWidget()
        page.setBackgroundRole(QPalette.ColorRole.Base)
        page.setAutoFillBackground(True)

        self.lab = QLabel()
        font = QFont(self.lab.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.lab.setFont(font)
        self.lab.setTextFormat(Qt.TextFormat.PlainText)
        self.year_box = ChoiceBox()
        self.year_box.setToolTip(self.tr("The news year to look at"))
        self.year_box.setSizeAdjustPolicy(ChoiceBox.SizeAdjustPolicy.AdjustToContents)
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.year_label = QLabel(self.tr("&Year:"))
        self.year_label.setBuddy(self.year_box)
        header = QHBoxLayout()
        header.addWidget(self.lab, 1)
        header.addWidget(self.year_label)
        header.addWidget(self.year_box)

        self.sentence = QLabel()
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.sentence.font())
        big.setPointSizeF(big.pointSizeF() * 1.45)
        self.sentence.setFont(big)
        # On an empty lab the sentence says how to start; these buttons do it.
        self.empty_actions = ActionButtons()
        self.caption = muted(
            self.tr(
                "As the yearly tally counts them: by news month, each paper once, "
                "withdrawn papers left out."
            )
        )

        self.chart = ChartPanel()
        self.chart.bar_clicked.connect(self.bar_clicked)
        self.unpublished_title = section_title(self.tr("Not on the homepage yet"))
        self.unpublished_note = muted()
        self.unpublished = QLabel()
        self.unpublished.setTextFormat(Qt.TextFormat.RichText)
        self.unpublished.setWordWrap(True)
        self.unpublished.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unpublished.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The year's chart above what the homepage still lacks; the members beside both.
        chart_box = QVBoxLayout()
        chart_box.setSpacing(6)
        chart_box.addWidget(section_title(self.tr("Papers per year")))
        chart_box.addWidget(self.chart, 1)
        chart_box.addSpacing(14)
        chart_box.addWidget(self.unpublished_title)
        chart_box.addWidget(self.unpublished_note)
        chart_box.addWidget(self.unpublished)

        self.members_model = YearMembersModel(self)
        self.members_table = QTableView()
        self.members_table.setModel(self.members_model)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setAlternatingRowColors(True)
        self.members_table.setShowGrid(False)
        self.members_table.setWordWrap(False)
        self.members_table.setTabKeyNavigation(False)
        self.members_table.verticalHeader().setVisible(False)
        rows = self.members_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.members_table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setSectionResizeMode(Column.MEMBER, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(Column.PAPERS, QHeaderView.ResizeMode.ResizeToContents)
        columns.setStretchLastSection(True)
        self.members_table.setToolTip(
            self.tr("Double-click a member, or press Return, to see their papers")
        )
        self.members_table.activated.connect(self._member_opened)
        self.members_title = section_title("")
        members_label_box = QVBoxLayout()
        members_label_box.setSpacing(6)
        members_label_box.addWidget(self.members_title)
        members_label_box.addWidget(self.members_table, 1)

        middle = QHBoxLayout()
        middle.setSpacing(28)
        middle.addLayout(chart_box, 3)
        middle.addLayout(members_label_box, 2)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addSpacing(4)
        layout.addWidget(self.sentence)
        layout.addWidget(self.empty_actions)
        layout.addWidget(self.caption)
        layout.addSpacing(14)
        layout.addLayout(middle, 1)
        self.setWidget(page)
        self._papers: Callable[[], tuple[PaperRecord, ...]] = tuple
        self._members: Callable[[], tuple[MemberRecord, ...]] = tuple
        self.show_snapshot(LabSnapshot())

    def set_empty_actions(self, actions: Sequence[QAction]) -> None:
        """The window's actions that start an empty lab, offered as buttons under the sentence."""
        self.empty_actions.set_actions(actions)

    def want_year(self, year: int | None) -> None:
        """Show ``year`` when the next lab is read (its own remembered year), else its newest.

        Each lab keeps its own year: the year chosen in one lab does not carry to the next.
        """
        self._wanted_year = year
        self._new_lab = True

    # --- data in --------------------------------------------------------------------------------

    def read_records_from(
        self,
        papers: Callable[[], tuple[PaperRecord, ...]],
        members: Callable[[], tuple[MemberRecord, ...]],
    ) -> None:
        """Where the papers and members come from: the tables, which answer a change first."""
        self._papers, self._members = papers, members

    def answer(self, update: LabChange) -> None:
        """Show the lab again when papers, venues, members or rules changed."""
        if not update.touches(*OVERVIEW_KINDS):
            return
        session = update.session
        self.show_snapshot(
            LabSnapshot(
                lab_name=lab_settings.setting_text(session, lab_settings.LAB_NAME),
                tallies=update.tallies,
                papers=self._papers(),
                members=self._members(),
                rules=update.rules,
                published=lab_settings.published_papers(session),
            )
        )

    def show_snapshot(self, snapshot: LabSnapshot) -> None:
        """Show the lab as read; the chosen year stays chosen while it has papers."""
        self.snapshot = snapshot
        self.lab.setText(snapshot.lab_name or self.tr("Your lab"))
        self._lines = [summary_line(t) for t in snapshot.tallies]
        years = sorted({t.year for t in snapshot.tallies if t.total}, reverse=True)
        chosen = self._wanted_year if self._new_lab else self.year_box.value()
        self._new_lab = False
        self.year_box.set_choices(
            [(str(year), year) for year in years], chosen if chosen in years else None
        )
        # A lab without papers has no year to choose: no empty box, the sentence says how to start.
        self.year_box.setVisible(bool(years))
        self.year_label.setVisible(bool(years))
        self._unpublished = unpublished(snapshot.papers, snapshot.rules, snapshot.published)
        self._show_year()
        self._show_unpublished()

    def year(self) -> int | None:
        value = self.year_box.value()
        return value if isinstance(value, int) else None

    def show_year(self, year: int) -> bool:
        """Look at another year; False when it has no papers."""
        return self.year_box.set_value(year)

    def _year_chosen(self) -> None:
        self._show_year()
        year = self.year()
        if year is not None:
            self.year_changed.emit(year)

    def _show_year(self) -> None:
        snapshot = self.snapshot
        year = self.year()
        tally = next((t for t in snapshot.tallies if t.year == year), None)
        if tally is None:
            self._sentence = self.tr(
                "No papers yet: record one with New acceptance (Ctrl+N), or import the lab's "
                "news page with File › Import (Ctrl+I)."
            )
            self.sentence.setText(html.escape(self._sentence))
        self.empty_actions.setVisible(tally is None)
        self.caption.setVisible(tally is not None)
        if tally is not None:
            rich = tally_sentence(tally)
            self._sentence = html.unescape(_TAGS.sub("", rich))
            self.sentence.setText(rich)
        self.chart.set_data(chart_data_from_tallies(snapshot.tallies), highlight=year)
        rows = member_years(snapshot.papers, year, snapshot.members) if year is not None else []
        self.members_model.set_rows(rows)
        self.members_title.setText(
            self.tr("Members in {0}").format(year) if year is not None else self.tr("Members")
        )

    def _show_unpublished(self) -> None:
        entries = self._unpublished.entries
        published = self.snapshot.published
        if published is None:
            self.unpublished_note.setText(
                self.tr(
                    "The homepage has not been published from labnews yet: every news line is "
                    "new to it. Publish from the News view."
                )
            )
        elif entries:
            self.unpublished_note.setText(
                self.tr("News lines with papers added since the homepage was last published.")
            )
        else:
            self.unpublished_note.setText(
                self.tr("Everything is on the homepage: no paper was added since it was published.")
            )
        rows = []
        for entry in entries[:MAX_UNPUBLISHED]:
            rows.append(
                "<tr>"
                f'<td style="padding: 2px 18px 2px 0; white-space: nowrap;">'
                f"<b>{html.escape(entry_date(entry))}</b></td>"
                f'<td style="padding: 2px 0;">{html.escape(entry_text(entry))}</td>'
                "</tr>"
            )
        more = self._unpublished.total - len(entries)
        if more > 0:
            rest = html.escape(self.tr("and {0} more").format(more))
            rows.append(f'<tr><td></td><td style="padding: 2px 0;"><i>{rest}</i></td></tr>')
        text = f"<table>{''.join(rows)}</table>" if rows else ""
        # One font for mixed Korean and Latin lines, so the dates sit on the lines' baseline.
        self.unpublished.setFont(
            korean_font(self.font(), fixed=False) if has_hangul(text) else self.font()
        )
        self.unpublished.setText(text)
        self.unpublished.setVisible(bool(rows))

    # --- what tests and the window read ---------------------------------------------------------

    def lines(self) -> list[str]:
        """The tally lines, one per year, newest first (``2024: 19 papers (...)``)."""
        return list(self._lines)

    def sentence_text(self) -> str:
        """The chosen year's tally sentence as plain text."""
        return self._sentence

    def unpublished_lines(self) -> list[str]:
        """The news lines listed as not on the homepage yet (the newest few)."""
        return [f"{entry_date(e)} {entry_text(e)}" for e in self._unpublished.entries]

    def unpublished_count(self) -> int:
        """How many news lines the homepage lacks in all."""
        return self._unpublished.total

    def _member_opened(self, index: QModelIndex) -> None:
        year = self.year()
        if index.isValid() and year is not None:
            self.member_papers_requested.emit(
                self.members_model.row_at(index.row()).member_id, year
            )
