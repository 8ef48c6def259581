"""A member's page: their papers and achievements, and their own lists to copy or preview."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import LabnewsError
from labnews.core.publist import publication_list
from labnews.core.records import MemberRecord
from labnews.core.sections import newest_first
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.messages import capitalised, shown
from labnews.gui.models.achievements import date_text
from labnews.gui.widgets import button
from labnews.gui.wording import LANGUAGE_NAMES, interface_language
from labnews.gui.words import word
from labnews.io import newsfile
from labnews.store import queries

if TYPE_CHECKING:
    from labnews.gui.main_window import MainWindow
    from labnews.store.database import Database

PAPER_COLUMNS = 4
ACHIEVEMENT_COLUMNS = 3


def _table(headers: Sequence[str]) -> QTableWidget:
    """A read-only table of whole rows, its last column (the title) taking the room left."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.verticalHeader().setVisible(False)
    columns = table.horizontalHeader()
    columns.setStretchLastSection(True)
    columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            # A long title is cut at the column's edge: the tooltip holds all of it.
            item.setToolTip(value)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()


class MemberPage(QDialog):
    """One member's papers (newest first, with their place among the authors) and
    achievements; buttons copy the member's own lists as ``labnews news --member`` writes
    them, or show the publication list in the News view."""

    news_requested = Signal(str)
    """The member's name: show their publication list in the News view."""

    def __init__(
        self, database: Database, member: MemberRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.member = member
        self.setWindowTitle(self.tr("Member's page: {0}").format(member.name))
        self.resize(820, 560)
        heading = QLabel(f"<b>{escape(member.name)}</b>")
        if member.native:
            heading.setText(f"<b>{escape(member.name)}</b> ({escape(member.native)})")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.paper_table = _table(
            (self.tr("Venue"), self.tr("Year"), self.tr("Author position"), self.tr("Title"))
        )
        self.achievement_table = _table((self.tr("Date"), self.tr("Kind"), self.tr("Title")))
        self.papers_box = QGroupBox()
        papers_layout = QVBoxLayout(self.papers_box)
        papers_layout.addWidget(self.paper_table)
        self.achievements_box = QGroupBox()
        achievements_layout = QVBoxLayout(self.achievements_box)
        achievements_layout.addWidget(self.achievement_table)

        # The copies are written in a language of their own, as `news --lang` is.
        self.lang_box = ChoiceBox(LANGUAGE_NAMES, self._lab_language())
        self.lang_box.setToolTip(self.tr("The language of the lists copied or shown in the news"))
        choices = QFormLayout()
        choices.addRow(self.tr("&Language of the lists:"), self.lang_box)

        copies = (
            (
                "publications",
                self.tr("Copy &publication list"),
                self.tr(
                    "The member's own publication list, as the News view's publications format"
                ),
            ),
            ("awards", self.tr("Copy &awards"), self.tr("The member's awards and challenges")),
            (
                "portfolio",
                self.tr("Copy p&ortfolio"),
                self.tr(
                    "Headings for a portfolio: the papers in the order accepted, then challenges"
                ),
            ),
        )
        self.copy_publications_button, self.copy_awards_button, self.copy_portfolio_button = (
            button(text, tip, partial(self.copy, list_format)) for list_format, text, tip in copies
        )
        self.news_button = button(
            self.tr("Open in &News view"),
            self.tr("Show this member's publication list in the News view"),
            self.open_in_news,
        )
        buttons = QHBoxLayout()
        for made in (
            self.copy_publications_button,
            self.copy_awards_button,
            self.copy_portfolio_button,
            self.news_button,
        ):
            buttons.addWidget(made)
        buttons.addStretch(1)
        # What the last button did, or why it could not (a broken template, say).
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.papers_box, 3)
        layout.addWidget(self.achievements_box, 2)
        layout.addLayout(choices)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.load()

    def _lab_language(self) -> str:
        """The lab's news language, as `labnews news` uses without --lang."""
        with self.database.session() as session:
            try:
                _fmt, lang = newsfile.resolve_request(
                    session, newsfile.NewsRequest(format="publications")
                )
            except LabnewsError:
                return interface_language()
        return lang

    def load(self) -> None:
        """Read the member's papers and achievements again."""
        lang = "ko" if interface_language() == "ko" else "en"
        with self.database.session() as session:
            papers = publication_list(
                queries.papers_in(session, None),
                lang=lang,
                safe=lambda url: url,
                member_id=self.member.id,
            )
            achievements = [
                a
                for a in queries.achievements_in(session, None)
                if any(m.member_id == self.member.id for m in a.members)
            ]
        _fill(
            self.paper_table,
            [
                (p["venue"], str(p["year"]), p["author_position"], p["title"])
                for p in papers
                if not p["placeholder"]
            ],
        )
        _fill(
            self.achievement_table,
            [
                (date_text(a), word("achievement kind", a.kind), a.title)
                for a in newest_first(achievements)
            ],
        )
        self.papers_box.setTitle(self.tr("Papers ({0})").format(self.paper_table.rowCount()))
        self.achievements_box.setTitle(
            self.tr("Achievements ({0})").format(self.achievement_table.rowCount())
        )
        has_papers = self.paper_table.rowCount() > 0
        self.copy_publications_button.setEnabled(has_papers)
        self.copy_portfolio_button.setEnabled(has_papers or self.achievement_table.rowCount() > 0)
        self.news_button.setEnabled(has_papers)

    def language(self) -> str:
        value = self.lang_box.value()
        return value if isinstance(value, str) else "en"

    def list_text(self, format_name: str) -> str:
        """The member's list in a format, as `labnews news --format F --member NAME` prints it."""
        request = newsfile.NewsRequest(
            format=format_name, lang=self.language(), member=self.member.name
        )
        with self.database.session() as session:
            _fmt, text = newsfile.render_news(session, request)
        return text

    def copy(self, format_name: str) -> bool:
        """Put the member's list on the clipboard; a failure is said under the buttons."""
        try:
            text = self.list_text(format_name)
        except LabnewsError as error:
            self.status.setText(capitalised(shown(error.message)))
            return False
        QGuiApplication.clipboard().setText(text)
        names = {
            "publications": self.tr("Publication list copied."),
            "awards": self.tr("Awards copied."),
            "portfolio": self.tr("Portfolio copied."),
        }
        self.status.setText(names.get(format_name, ""))
        return True

    def open_in_news(self) -> None:
        """Ask for the News view on this member's publication list, and close the page."""
        self.news_requested.emit(self.member.name)
        self.accept()


def show_in_news(window: MainWindow, name: str, lang: str) -> None:
    """Switch the News view to this member's publication list, in the page's language."""
    news = window.news
    news.set_format("publications")
    news.set_language(lang)
    news.member_box.set_value(name)
    window.show_view("news")


def open_member_page(window: MainWindow) -> MemberPage | None:
    """Open the page of the member selected in the Members view (None: nobody is selected)."""
    database = window.database
    members = window.built_records_view("members")
    if database is None or members is None or window.current_view() != "members":
        return None
    member = members.current_record()
    if not isinstance(member, MemberRecord):
        return None
    page = MemberPage(database, member, window)
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    page.news_requested.connect(lambda name: show_in_news(window, name, page.language()))
    page.open()
    return page
