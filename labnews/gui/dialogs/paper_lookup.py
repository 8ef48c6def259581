"""The paper dialog's row that fills a new paper from its DOI or link, through a lookup service."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from labnews.core.errors import AmbiguousNameError
from labnews.core.inputs import AuthorInput, PaperInput
from labnews.core.records import VenueRecord
from labnews.gui.dialogs.forms import Form, MonthEdit, RecordDialog, YearEdit, line, muted_label
from labnews.gui.dialogs.people import PeopleEditor
from labnews.gui.lookup_worker import LookupAnswer, PaperLookup
from labnews.gui.widgets import button

if TYPE_CHECKING:
    from labnews.core.names import MemberDirectory
    from labnews.store.database import Database


class LinkFill(RecordDialog[PaperInput]):
    """The paper dialog's lookup: asks a service about a linked paper and fills the fields."""

    database: Database
    lookup: PaperLookup | None
    venue: QLineEdit
    year: YearEdit
    news: MonthEdit
    title: QLineEdit
    authors: PeopleEditor
    doi: QLineEdit
    arxiv: QLineEdit
    url: QLineEdit
    _venue: VenueRecord | None
    _news_touched: bool
    _directory: MemberDirectory

    def _add_lookup(self, form: Form) -> None:
        """The row that fills a new paper from its DOI or link (asked only on Fill or Paste)."""
        self.lookup = PaperLookup(self.database, self)
        self.fill_button = button(
            self.tr("Fill"), self.tr("Ask the service for the paper's details"), self.fill
        )
        self.paste_button = button(
            self.tr("Paste"), self.tr("Paste a link from the clipboard and fill"), self.paste
        )
        for made in (self.fill_button, self.paste_button):
            made.setAutoDefault(False)
        self.lookup_text = form.add(
            "lookup",
            self.tr("From a lin&k:"),
            line("", placeholder=self.tr("DOI, arXiv, OpenReview, DBLP or ACL Anthology link")),
            tip=self.tr("labnews asks the service only when you press Fill or Paste"),
            beside=[self.paste_button, self.fill_button],
        )
        self.lookup_info = muted_label()
        self.lookup_info.setWordWrap(True)
        self.lookup_info.setVisible(False)
        form.layout.addRow("", self.lookup_info)
        self.lookup.answered.connect(self._fill_from)
        self.lookup.failed.connect(self._say_lookup)
        self.lookup.running_changed.connect(self._lookup_running)

    def paste(self) -> None:
        """Paste the clipboard's text into the link field and fill from it."""
        clipboard = QGuiApplication.clipboard()
        self.lookup_text.setText(clipboard.text().strip())
        self.fill()

    def fill(self) -> None:
        """Fill the form from the link (or Cancel the question on its way)."""
        assert self.lookup is not None
        if self.lookup.running:
            self.lookup.cancel()
            self._say_lookup(self.tr("Cancelled."))
            return
        text = self.lookup_text.text().strip()
        if not text:
            self._say_lookup(self.tr("Paste or type a DOI, arXiv, OpenReview or DBLP link."))
            return
        self._say_lookup(self.tr("Asking…"))
        self.lookup.start(text)

    def _lookup_running(self, running: bool) -> None:
        self.fill_button.setText(self.tr("Cancel") if running else self.tr("Fill"))
        self.paste_button.setEnabled(not running)

    def _say_lookup(self, message: str) -> None:
        self.lookup_info.setText(message)
        self.lookup_info.setVisible(bool(message))

    def _fill_from(self, answer: LookupAnswer) -> None:
        found, planned = answer.found, answer.planned
        source = found.source.service_name
        if answer.held:
            self._say_lookup(self.tr("Already in the lab: “{0}”.").format(found.title))
            return
        self.year.setValue(planned.year if planned is not None else found.year)
        self.venue.setText(planned.venue if planned is not None else "")
        if planned is not None and planned.news is not None:
            self._news_touched = True
            self.news.setValue(planned.news)
        self.title.setText(found.title)
        self.authors.set_people(self._author_inputs(found.authors))
        for edit, value in (
            (self.doi, found.doi),
            (self.arxiv, found.arxiv),
            (self.url, found.url),
        ):
            if value:
                edit.setText(value)
        if planned is None:
            message = self.tr("{0} knows no venue that accepted it yet: type the venue.")
        elif self._venue is None:
            message = self.tr(
                "Filled from {0}; its venue is not in the lab yet: add it with New venue."
            )
        else:
            message = self.tr("Filled from {0}: check the fields, then save.")
        self._say_lookup(message.format(source))
        self.validate()

    def _author_inputs(self, names: Sequence[str]) -> tuple[AuthorInput, ...]:
        """Each name as a member when it means one (in either name order), else as written."""
        people = []
        for name in names:
            try:
                match = self._directory.find(name)
            except AmbiguousNameError:
                match = None  # several members share it: the person picks in the list
            people.append(AuthorInput(name, match.member.id if match is not None else None))
        return tuple(people)
