"""The papers view: search, year, venue and member filters (and a tally label) over the table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, Final, cast

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from labnews.core.errors import LabnewsError
from labnews.core.records import MemberRecord, PaperRecord
from labnews.core.rules import TallyRules
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.deferred import deferred
from labnews.gui.messages import shown
from labnews.gui.models.papers import Column, PapersModel
from labnews.gui.models.records import Prepared
from labnews.gui.threads import hold_until_finished
from labnews.gui.views.authors_delegate import AuthorsDelegate
from labnews.gui.views.records import RecordsView

if TYPE_CHECKING:
    from labnews.gui.lab_change import LabChange
    from labnews.gui.main_window import MainWindow
    from labnews.gui.views.overview import OverviewView
    from labnews.store import queries
    from labnews.store.database import Database
else:
    queries = deferred("labnews.store.queries")

# Starting widths in average characters: a news month, "ETRI J. 2024", a year, a title...
_WIDTHS = (11, 14, 5, 60, 38, 16, 10)

BACKGROUND_FROM: Final = 5_000
"""A lab with more papers than this shows its newest ones at once and reads the rest on a worker
thread: reading 100,000 papers takes seconds, and the window must answer meanwhile."""
FIRST_ROWS: Final = 400
"""How many of the newest papers a large lab shows at once: more than a screen holds."""
READER_DELAY_MS: Final = 50
"""How long after the window answered a change the reader starts: the rows paint first."""


class PapersReader(QThread):
    """Reads every paper in its own session and prepares them for the model, off the window's
    thread (SQLite's driver lets the window's thread run while it waits on the file)."""

    read = Signal(int, object, object)
    """The load's generation, the model's Prepared records, and the members (None when not
    asked for)."""
    failed = Signal(int, str)
    """The load's generation and why it failed."""

    def __init__(
        self,
        database: Database,
        generation: int,
        prepare: Callable[[Iterable[PaperRecord]], Prepared[PaperRecord]],
        *,
        with_members: bool = False,
    ) -> None:
        super().__init__()
        self.database = database
        self.generation = generation
        self.prepare = prepare
        self.with_members = with_members
        hold_until_finished(self)

    def run(self) -> None:
        try:
            with self.database.session() as session:
                papers = queries.papers_in(session)
                members = queries.members(session) if self.with_members else None
            prepared = self.prepare(papers)
        except LabnewsError as error:
            self.failed.emit(self.generation, error.message)
            return
        except Exception as error:  # a thread's error would be lost: the window says it
            self.failed.emit(self.generation, f"{error.__class__.__name__}: {error}")
            return
        self.read.emit(self.generation, prepared, members)


class PapersView(RecordsView[PaperRecord]):
    """Every paper, newest news month first, narrowed by the search box and the filters.

    The tally label filter has no box of its own: the overview's chart sets it, and a button
    that names it takes it off again.
    """

    model: PapersModel
    records_loaded = Signal()
    """Every paper is in the table now (after a large lab's background read)."""

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
        self.background_from = BACKGROUND_FROM
        self.first_rows = FIRST_ROWS
        self._generation = 0
        self._loading_total: int | None = None
        self._reader: PapersReader | None = None
        self._glanced = False
        """The table shows the rows read before the lab was open (show_newest)."""
        self._members_pending: int | None = None
        """The generation of the background read that brings the members (the member filter
        waits for them), or None when they are here."""
        self._wanted_member: int | None = None
        # A member the user picks overrules one asked for before the members arrived.
        self.member_filter.activated.connect(self._forget_wanted_member)
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
        # The first rows shown before the lab was open are of these papers: keep the user's place.
        glanced, self._glanced = self._glanced, False
        with self._keeping_place() if glanced else nullcontext():
            if update.touches("venue", "settings"):
                self.set_rules(update.rules)
            members_later = False
            if update.touches("paper"):
                years = update.change.years
                if self.loading or not years:
                    # Records read before this change would undo it on arrival: read them again.
                    members_later = self._read_all(update)
                else:
                    self.replace_years(years, queries.papers_in(update.session, years))
            if update.touches("member") and not members_later:
                self.set_members(update.members)

    # --- a large lab's papers, read in the background -----------------------------------------

    @property
    def loading(self) -> bool:
        """True while a large lab's papers are still being read (the table shows the newest)."""
        return self._loading_total is not None

    def _read_all(self, update: LabChange) -> bool:
        """Read every paper, a large lab's in the background; True if the members come with
        them (a large lab has many: the first rows must not wait for them)."""
        self._generation += 1
        window = self.window_
        database = window.database if window is not None else None
        if database is None:
            self._loading_total = None
            self.set_papers(queries.papers_in(update.session))
            return False
        total = queries.all_papers_count(update.session)
        if total <= max(self.background_from, self.first_rows):
            self._loading_total = None
            self.set_papers(queries.papers_in(update.session))
            return False
        self._loading_total = total
        generation = self._generation
        # Members still coming with an overtaken read come with this one instead.
        with_members = update.touches("member") or self._members_pending is not None
        if with_members:
            self._members_pending = generation
        self.set_papers(queries.newest_papers(update.session, self.first_rows))
        # The reader starts once the window has answered this change and painted: the window
        # is usable first, and the reader does not compete with the other views' reads.
        QTimer.singleShot(
            READER_DELAY_MS, lambda: self._start_reader(database, generation, with_members)
        )
        return with_members

    def _start_reader(self, database: Database, generation: int, with_members: bool) -> None:
        if generation != self._generation:
            return
        reader = PapersReader(database, generation, self.model.prepare, with_members=with_members)
        reader.read.connect(self._papers_read)
        reader.failed.connect(self._reading_failed)
        reader.finished.connect(reader.deleteLater)
        self._reader = reader
        reader.start(QThread.Priority.LowPriority)

    def _papers_read(
        self,
        generation: int,
        prepared: Prepared[PaperRecord],
        members: tuple[MemberRecord, ...] | None,
    ) -> None:
        if generation != self._generation:
            return  # an older read, overtaken by a change
        self._loading_total = None
        self._reader = None
        with self._keeping_place():
            self.model.adopt(prepared)
            if members is not None and self._members_pending == generation:
                self.set_members(members)
            else:
                self.refresh_filters()
        self.records_loaded.emit()

    @contextmanager
    def _keeping_place(self) -> Iterator[None]:
        """The rows chosen and the scroll stay where they were while the records are replaced
        by fresher ones of the same papers."""
        chosen = [self.model.record_id(r) for r in self.selected_records()]
        scrolled = self.table.verticalScrollBar().value()
        yield
        if chosen:
            self.select_ids(chosen)
        self.table.verticalScrollBar().setValue(scrolled)

    def show_newest(self, papers: Iterable[PaperRecord], total: int) -> None:
        """A lab's newest papers, shown before the lab is open (the window's first rows); the
        opening reads every paper in their place."""
        self._generation += 1  # a read under way is of another lab
        self._glanced = True
        rows = tuple(papers)
        self._loading_total = total if total > len(rows) else None
        self.set_papers(rows)

    def drop_newest(self) -> None:
        """Take away the first rows of a lab that could not be opened after all."""
        if self._glanced:
            self._glanced = False
            self._loading_total = None
            self.set_papers(())

    def _reading_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loading_total = None
        self._reader = None
        window = self.window_
        if self._members_pending == generation and window is not None:
            # The members were to come with the papers: read them here, or the member filter
            # would keep the previous lab's.
            self._members_pending = None
            database = window.database
            if database is not None:
                try:
                    with database.session() as session:
                        self.set_members(queries.members(session))
                except LabnewsError:
                    pass  # the lab is unreadable: the status line below says so
        self._members_pending = None
        self._update_count()
        if window is not None:
            window.statusBar().showMessage(
                self.tr("Only the newest papers could be read: {0}").format(shown(message))
            )

    def bind_window(self, window: MainWindow) -> None:
        super().bind_window(window)
        # The overview's lists (a year's members, what is unpublished) come from this table.
        self.records_loaded.connect(lambda: _show_papers_in_overview(window, self))

    def _update_count(self) -> None:
        total = self._loading_total if hasattr(self, "_loading_total") else None
        if total is None:
            super()._update_count()
            return
        self.count_label.setText(
            self.tr("{0} of {1} {2}, reading the rest…").format(
                self.locale().toString(self.model.rowCount()),
                self.locale().toString(total),
                self._nouns[1],
            )
        )

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
        self._members_pending = None  # these are as fresh as any a read under way brings
        self.refresh_filters()
        wanted, self._wanted_member = self._wanted_member, None
        if wanted is not None:
            self.show_member(wanted)

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

    def _forget_wanted_member(self, _index: int) -> None:
        self._wanted_member = None

    def show_member(self, member_id: int | None) -> None:
        """Show only one member's papers (None: everyone's); asked while a large lab's members
        are still being read, it is done when they arrive."""
        self._wanted_member = None
        if not self.member_filter.set_value(member_id):
            self.member_filter.set_value(None)
            if self._members_pending is not None:
                self._wanted_member = member_id

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


def _show_papers_in_overview(window: MainWindow, papers: PapersView) -> None:
    # An overview not built yet reads the whole table when it is built.
    overview = cast("OverviewView | None", window.built_view("overview"))
    if overview is not None:
        overview.show_snapshot(replace(overview.snapshot, papers=papers.model.records))
