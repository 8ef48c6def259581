"""The papers view: search, year, venue and member filters (and a tally label) over the table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from labnews.core.records import MemberRecord, PaperRecord
from labnews.core.rules import TallyRules
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.deferred import deferred
from labnews.gui.models.papers import Column, PapersModel
from labnews.gui.views.authors_delegate import AuthorsDelegate
from labnews.gui.views.records import RecordsView

if TYPE_CHECKING:
    from labnews.gui.lab_change import LabChange
    from labnews.store import queries
else:
    queries = deferred("labnews.store.queries")

# Starting widths in average characters: a news month, "ETRI J. 2024", a year, a title...
_WIDTHS = (11, 14, 5, 60, 38, 16, 10)


class PapersView(RecordsView[PaperRecord]):
    """Every paper, newest news month first, narrowed by the search box and the filters.

    The tally label filter has no box of its own: the overview's chart sets it, and a button
    that names it takes it off again.
    """

    model: PapersModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            PapersModel(),
            kind="papers",
            sort=(Column.NEWS, Qt.SortOrder.DescendingOrder),
            can_duplicate=True,
            parent=parent,
        )
        self.set_texts(
            nouns=(self.tr("paper"), self.tr("papers")),
            add=self.tr("&New acceptance…"),
            add_tip=self.tr("Record a newly accepted paper (Ctrl+N)"),
            search=self.tr("Search titles, authors and venues"),
            empty=self.tr(
                "No papers yet. Record an accepted paper, import the lab's news page or a "
                "BibTeX file, or try labnews on the demo lab."
            ),
        )
        self.year_filter = self._filter(self.tr("Show one news year's papers"))
        self.venue_filter = self._filter(self.tr("Show one venue's papers"))
        self.member_filter = self._filter(self.tr("Show the papers a member wrote"))
        self.label_filter: str | None = None
        self.label_button = QToolButton()
        self.label_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.label_button.setToolTip(self.tr("Show the papers of every tally label again"))
        self.label_button.clicked.connect(lambda _checked=False: self.show_label(None))
        self.label_button.setVisible(False)
        self.bar_filters.addWidget(self.label_button)
        self._members: tuple[MemberRecord, ...] = ()
        self.table.setItemDelegateForColumn(Column.AUTHORS, AuthorsDelegate(self.table))
        self.set_column_widths(_WIDTHS)
        # The title takes the room left over; the other columns keep their widths.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, header.ResizeMode.Stretch)
        self.refresh_filters()

    def _filter(self, tip: str) -> ChoiceBox:
        combo = ChoiceBox()
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(ChoiceBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._filters_changed)
        self.bar_filters.addWidget(combo)
        return combo

    # --- records in ---------------------------------------------------------------------------

    def answer(self, update: LabChange) -> None:
        """Read again what a change moved: the members, the rules, its years' papers (or all)."""
        if update.touches("member"):
            self.set_members(update.members)
        if update.touches("venue", "settings"):
            self.set_rules(update.rules)
        if update.touches("paper"):
            years = update.change.years
            if years:
                self.replace_years(years, queries.papers_in(update.session, years))
            else:
                self.set_papers(queries.papers_in(update.session))

    def set_papers(self, papers: Iterable[PaperRecord]) -> None:
        self.model.set_records(papers)
        self.refresh_filters()

    def replace_years(self, years: Iterable[int], papers: Iterable[PaperRecord]) -> None:
        """Fresh records for the news years a change moved; the rest stay as they are."""
        self.model.replace_years(years, papers)
        self.refresh_filters()

    def set_rules(self, rules: TallyRules) -> None:
        """The tally rules, which say what label each paper counts under."""
        self.model.set_rules(rules)

    def set_members(self, members: Iterable[MemberRecord]) -> None:
        self._members = tuple(members)
        self.refresh_filters()

    # --- the filters --------------------------------------------------------------------------

    def refresh_filters(self) -> None:
        """Offer the years, venues and members there are now, keeping what is chosen."""
        self.year_filter.set_choices(
            [(self.tr("All years"), None), *((str(y), y) for y in self.model.news_years())],
            self.year_filter.value(),
        )
        self.venue_filter.set_choices(
            [(self.tr("All venues"), None), *((s, i) for i, s in self.model.venues())],
            self.venue_filter.value(),
        )
        members = sorted(self._members, key=lambda m: m.name.casefold())
        self.member_filter.set_choices(
            [(self.tr("All members"), None), *((m.name, m.id) for m in members)],
            self.member_filter.value(),
        )
        self._filters_changed()

    def show_year(self, year: int | None) -> None:
        """Show only one news year's papers (None: every year)."""
        if not self.year_filter.set_value(year):
            self.year_filter.set_value(None)

    def show_venue(self, venue_id: int | None) -> None:
        if not self.venue_filter.set_value(venue_id):
            self.venue_filter.set_value(None)

    def show_member(self, member_id: int | None) -> None:
        if not self.member_filter.set_value(member_id):
            self.member_filter.set_value(None)

    def show_label(self, label: str | None) -> None:
        """Show only the papers the tally counts under ``label`` (None: every label)."""
        self.label_filter = label
        self.label_button.setText(self.tr("Counted as {0}  ✕").format(label) if label else "")
        self.label_button.setVisible(label is not None)
        self._filters_changed()

    def show_tally(self, year: int, label: str | None) -> None:
        """Show exactly the papers a bar of the overview's chart counts: one year, one label."""
        self.search.clear()
        self.apply_search()
        self.show_venue(None)
        self.show_member(None)
        self.show_year(year)
        self.show_label(label)

    def _filters_changed(self) -> None:
        def chosen(combo: ChoiceBox) -> int | None:
            value = combo.value()
            return value if isinstance(value, int) else None

        self.model.set_filters(
            year=chosen(self.year_filter),
            venue_id=chosen(self.venue_filter),
            member_id=chosen(self.member_filter),
            label=self.label_filter,
        )
