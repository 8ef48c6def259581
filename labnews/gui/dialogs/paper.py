"""The "New acceptance" dialog, which also edits a paper: where, when, who, and the links."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCompleter,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import LabnewsError
from labnews.core.inputs import AUTO, FeaturedChoice, PaperInput
from labnews.core.links import site_path
from labnews.core.names import closest
from labnews.core.records import (
    PRESENTATIONS,
    STATUSES,
    MemberRecord,
    PaperLink,
    PaperRecord,
    VenueRecord,
    YearMonth,
    fold_links,
    venue_edition,
)
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.deferred import deferred
from labnews.gui.dialogs.forms import (
    Form,
    MonthEdit,
    YearEdit,
    line,
    looks_like_link,
    muted_label,
    optional,
)
from labnews.gui.dialogs.links import LinksEditor
from labnews.gui.dialogs.paper_lookup import LinkFill
from labnews.gui.dialogs.paper_venue import VENUE_SHORT_ROLE, VenueSpellings
from labnews.gui.dialogs.people import PeopleEditor
from labnews.gui.lookup_worker import PaperLookup
from labnews.gui.models.papers import status_text
from labnews.gui.models.roles import EDIT_ROLE
from labnews.gui.models.venues import month_name
from labnews.gui.widgets import button
from labnews.gui.words import word

if TYPE_CHECKING:
    from labnews.store import catalog, queries
    from labnews.store.catalog import CatalogVenue
    from labnews.store.database import Database
else:
    catalog = deferred("labnews.store.catalog")
    queries = deferred("labnews.store.queries")


VenueCreator = Callable[[QWidget, str], VenueRecord | None]
"""Creates a venue on the spot (the window's own flow, so it can be undone), from typed text."""

PaperCheck = Callable[[PaperInput], LabnewsError | None]

_LINK_FIELDS = (
    "url",
    "doi",
    "arxiv",
    "code",
    "project",
    "links",
    "also_presented",
    "accepted",
    "bibkey",
    "note",
)


class PaperDialog(LinkFill):
    """Record a new acceptance, or edit a paper: returns the PaperInput to save."""

    def __init__(
        self,
        parent: QWidget | None,
        initial: PaperInput | None,
        *,
        database: Database,
        paper_id: int | None = None,
        create_venue: VenueCreator | None = None,
        check: PaperCheck | None = None,
    ) -> None:
        title = self.tr("Edit paper") if paper_id is not None else self.tr("New acceptance")
        super().__init__(parent, title, check=check)
        self.database = database
        self.paper_id = paper_id
        self._create_venue = create_venue
        self.duplicate: PaperRecord | None = None
        self.discard_box: QMessageBox | None = None
        self._venue: VenueRecord | None = None
        # The catalog's venue for a name the lab lacks: read with the venue, not at every check.
        self._from_catalog: CatalogVenue | None = None
        self._filling = False
        today = datetime.date.today()
        start = initial or PaperInput(venue="", year=today.year)
        # An existing news month is the user's choice; a new paper's follows the venue.
        self._news_touched = start.news is not None
        self._initial_featured = start.featured
        self._named_a_member = any(a.member_id is not None for a in start.authors)
        with database.session() as session:
            self._venues = {v.id: v for v in queries.venues(session)}
            directory = queries.member_directory(session)

        self._directory = directory
        paper = Form()
        self.lookup: PaperLookup | None = None
        if paper_id is None:
            self._add_lookup(paper)
        self.venue = paper.add(
            "venue",
            self.tr("&Venue:"),
            line(start.venue, placeholder=self.tr("CVPR, NeurIPS, ETRI J., …")),
            tip=self.tr("Short name, full name or any other spelling of the venue"),
            beside=[self._new_venue_button()],
        )
        self._spellings = VenueSpellings(tuple(self._venues.values()), self)
        completer = QCompleter(self._spellings, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionRole(EDIT_ROLE)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._venue_chosen)
        self.venue.setCompleter(completer)
        self.venue_info = muted_label()
        self.venue_info.setVisible(False)
        paper.layout.addRow("", self.venue_info)
        self.year = paper.add(
            "year",
            self.tr("&Year:"),
            YearEdit(start.year),
            tip=self.tr("The edition: NeurIPS 2024 is 2024"),
        )
        self.news = paper.add(
            "month",
            self.tr("&News month:"),
            MonthEdit(start.news or YearMonth(today.year, today.month)),
            tip=self.tr("The month of the news line; filled in from the venue's usual month"),
        )
        self.title = paper.add(
            "title",
            self.tr("&Title:"),
            line(start.title, placeholder=self.tr("Leave empty if not known yet")),
        )
        self.equal_button = QPushButton(self.tr("E&qual"))
        self.equal_button.setToolTip(
            self.tr("Mark the selected author as of equal contribution (or unmark them)")
        )
        self.equal_button.setAutoDefault(False)
        self.authors = paper.add(
            "authors",
            self.tr("&Authors:"),
            PeopleEditor(directory, outsiders=True),
            tip=self.tr("Members in bold; others are outside authors"),
            beside=[self.equal_button],
        )
        self.equal_button.clicked.connect(self.authors.toggle_equal)
        self.authors.set_people(start.authors)
        self.featured = paper.add(
            "featured",
            self.tr("&Featured:"),
            ChoiceBox(),
            tip=self.tr(
                "The member the paper's news line names. Left as it is, that is the first author "
                "who is a lab member shown in the news (not the PI), and it follows the author "
                "list; choose a member to fix it."
            ),
        )
        self.status = paper.add(
            "status",
            self.tr("Stat&us:"),
            ChoiceBox(((status_text(s), s) for s in STATUSES), start.status),
            tip=self.tr("Withdrawn papers are never counted"),
        )
        self.presentation = paper.add(
            "presentation",
            self.tr("P&resentation:"),
            ChoiceBox(
                [(self.tr("none"), None), *((self.presentation_text(p), p) for p in PRESENTATIONS)],
                start.presentation,
            ),
        )

        links = Form()
        self.url = self.link_field("url", self.tr("Paper &URL:"), start.url, form=links)
        self.doi = links.add("doi", self.tr("&DOI:"), line(start.doi, placeholder="10.1234/…"))
        self.arxiv = links.add(
            "arxiv", self.tr("ar&Xiv:"), line(start.arxiv, placeholder="2312.04005")
        )
        self.code = self.link_field("code", self.tr("&Code:"), start.code, form=links)
        self.project = self.link_field(
            "project", self.tr("P&roject page:"), start.project, form=links
        )
        self.links = links.add(
            "links",
            self.tr("All lin&ks:"),
            LinksEditor(start.links),
            tip=self.tr(
                "Every link in the order the publication list shows it, each with its label: "
                "paper, code, project page, demo, slides, poster..."
            ),
        )
        self._syncing_links = False
        for kind, edit in (("url", self.url), ("code", self.code), ("project", self.project)):
            edit.textEdited.connect(lambda text, kind=kind: self._kind_edited(kind, text))
        self.links.changed.connect(self._links_edited)
        self.also_presented = links.add(
            "also_presented",
            self.tr("Also presented &at:"),
            QPlainTextEdit("\n".join(start.also_presented)),
            tip=self.tr("Other venues where the same paper was shown, one a line; never counted"),
        )
        self.also_presented.setTabChangesFocus(True)
        self.also_presented.setMaximumHeight(70)
        self.accepted_on = links.add(
            "accepted",
            self.tr("Accepted o&n:"),
            line(start.accepted.isoformat() if start.accepted else None, placeholder="YYYY-MM-DD"),
            tip=self.tr("The day of acceptance, if known"),
        )
        self.bibkey = links.add("bibkey", self.tr("&BibTeX key:"), line(start.bibkey))
        self.note = links.add("note", self.tr("N&ote:"), QPlainTextEdit(start.note or ""))
        self.note.setTabChangesFocus(True)
        # Ctrl+Enter saves from the text boxes too, rather than starting a new line.
        self.note.installEventFilter(self)
        self.also_presented.installEventFilter(self)
        # Store errors name fields on either tab; one form answers for both.
        paper.include(links)
        self.form = paper

        self.tabs = QTabWidget()
        for form, label in ((paper, self.tr("&Paper")), (links, self.tr("&Links and note"))):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.addLayout(form.layout)
            page_layout.addStretch(1)
            self.tabs.addTab(page, label)

        self._rebuild_featured(start.featured)
        self.authors.changed.connect(lambda: self._rebuild_featured(self.featured_choice()))
        self.venue.textChanged.connect(self._venue_typed)
        self.year.textChanged.connect(self._when_changed)
        self.news.textEdited.connect(self._news_edited)
        self.watch(
            self.venue, self.year, self.news, self.title, self.featured, self.status,
            self.presentation, self.url, self.doi, self.arxiv, self.code, self.project,
            self.bibkey, self.note, self.also_presented, self.accepted_on,
        )  # fmt: skip
        self.links.changed.connect(self._edited)
        self.authors.changed.connect(self._edited)
        self._resolve_venue()
        self.finish_layout(self.tabs)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        # Typing starts at the venue (the link row above it is one Shift+Tab away), and Esc
        # asks before throwing away anything typed since the dialog opened.
        self.venue.setFocus(Qt.FocusReason.OtherFocusReason)
        if paper_id is None:  # a new paper has the link row
            # Paste and Fill come before the link field, so that it is one Shift+Tab away.
            QWidget.setTabOrder(self.paste_button, self.fill_button)
            QWidget.setTabOrder(self.fill_button, self.lookup_text)
            QWidget.setTabOrder(self.lookup_text, self.venue)
        self._opened_as = self._snapshot()

    # --- the venue ------------------------------------------------------------------------------

    @property
    def resolved_venue(self) -> VenueRecord | None:
        """The venue the venue field names, if it names one."""
        return self._venue

    def venue_completions(self, text: str) -> list[str]:
        """The short names of the venues that completion offers for ``text``."""
        completer = self.venue.completer()
        assert completer is not None
        completer.setCompletionPrefix(text)
        model = completer.completionModel()
        return [model.index(row, 0).data(VENUE_SHORT_ROLE) for row in range(model.rowCount())]

    def _new_venue_button(self) -> QPushButton:
        made = button(
            self.tr("New venue…"),
            self.tr("Add a venue that is not in the list yet"),
            self.create_venue,
        )
        made.setAutoDefault(False)
        self.new_venue_button = made
        return made

    def create_venue(self) -> None:
        """Create a venue on the spot (named by what is typed) and choose it."""
        if self._create_venue is None:
            return
        created = self._create_venue(self, self.venue.text().strip())
        if created is None:
            return
        with self.database.session() as session:
            self._venues = {v.id: v for v in queries.venues(session)}
        self._spellings.set_venues(tuple(self._venues.values()))
        self.venue.setText(created.short)
        self._venue_typed()  # the text may not have changed, but what it names has
        self.validate()

    def _venue_chosen(self, _spelling: str) -> None:
        # The completer writes the chosen spelling after this signal; then show the short name.
        QTimer.singleShot(0, self._show_short_name)

    def _show_short_name(self) -> None:
        if self._venue is not None and self.venue.text() != self._venue.short:
            self.venue.setText(self._venue.short)

    def _venue_typed(self) -> None:
        self._resolve_venue()
        self._when_changed()

    def _resolve_venue(self) -> None:
        text = self.venue.text().strip()
        venue = None
        self._from_catalog = None
        if text:
            with self.database.session() as session:
                venue_id = queries.venue_lookup_id(session, text)
                if venue_id is None:
                    self._from_catalog = catalog.missing_catalog_venue(session, text)
            venue = self._venues.get(venue_id) if venue_id is not None else None
        self._venue = venue
        self.venue_info.setVisible(venue is not None)
        if venue is None:
            self.venue_info.setText("")
            return
        parts = [venue.full or venue.short, word("venue kind", venue.kind)]
        month = self._typical_month(venue)
        if month is not None:
            parts.append(self.tr("usually in {0}").format(month_name(month)))
        else:
            parts.append(self.tr("no usual month: set the news month"))
        self.venue_info.setText(" · ".join(parts))

    def _typical_month(self, venue: VenueRecord) -> int | None:
        if venue.month is not None:
            return venue.month
        parent = self._venues.get(venue.parent_id) if venue.parent_id is not None else None
        return parent.month if parent is not None else None

    # --- the news month -------------------------------------------------------------------------

    def _news_edited(self) -> None:
        if not self._filling:
            self._news_touched = True

    def _when_changed(self) -> None:
        """Fill the news month from the venue's usual month, until the user sets it."""
        if self._news_touched or self._venue is None:
            return
        month = self._typical_month(self._venue)
        year = self.year.value()
        if month is None or year is None:
            return
        self._filling = True
        try:
            self.news.setValue(YearMonth(year, month))
        finally:
            self._filling = False

    # --- the featured member --------------------------------------------------------------------

    def featured_choice(self) -> FeaturedChoice:
        value = self.featured.value()
        return value if value is None or isinstance(value, int) else AUTO

    def automatic_featured(self) -> MemberRecord | None:
        """The member "automatically" means now: the first author who is in the news."""
        return next((m for m in self.authors.members() if m.in_news), None)

    def _featured_to_save(self) -> FeaturedChoice:
        chosen = self.featured_choice()
        automatic = self.automatic_featured()
        # An edit that leaves the featured member as it was saves it as it was: the same
        # member, fixed, rather than "automatic" (which would follow later author changes).
        initial = self._initial_featured
        if chosen == AUTO and isinstance(initial, int) and automatic and automatic.id == initial:
            return initial
        return chosen

    def choose_featured(self, value: FeaturedChoice) -> bool:
        """Choose the featured member (an author's member id, AUTO, or None for nobody)."""
        return self.featured.set_value(value)

    def _rebuild_featured(self, keep: FeaturedChoice) -> None:
        members = self.authors.members()
        automatic = self.automatic_featured()
        first = (
            self.tr("{0} (the first author who is a member shown in the news)").format(
                automatic.name
            )
            if automatic
            else self.tr("Nobody yet (no author is a member shown in the news)")
        )
        items: list[tuple[str, object]] = [(first, AUTO)]
        items += [(member.name, member.id) for member in members]
        items.append((self.tr("Nobody"), None))
        # A saved choice that is what automatic would pick shows as automatic.
        if isinstance(keep, int) and automatic is not None and keep == automatic.id:
            keep = AUTO
        self.featured.set_choices(items, keep)

    # --- validation -----------------------------------------------------------------------------

    def presentation_text(self, presentation: str) -> str:
        """A presentation kind as the form shows it."""
        return {
            "oral": self.tr("oral"),
            "spotlight": self.tr("spotlight"),
            "poster": self.tr("poster"),
            "findings": self.tr("findings"),
            "demo": self.tr("demo"),
        }.get(presentation, presentation)

    def complete(self) -> bool:
        return self._venue is not None

    def _unknown_venue(self, text: str) -> str:
        """What the venue field says of a name no venue of the lab goes by."""
        known = self._from_catalog
        if known is not None:
            # A venue the catalog gained after this lab was made: New venue fills it in.
            message = self.tr("{0} is not in this lab yet; the venue catalog has it.").format(
                f"{known.short} ({known.full})" if known.full else known.short
            )
            if self._create_venue is not None:
                message += " " + self.tr("Add it with the New venue button.")
            return message
        near = closest(text, [v.short for v in self._venues.values()])
        message = self.tr("No venue is called “{0}”.").format(text)
        if near:
            message += " " + self.tr("Did you mean {0}?").format(", ".join(near))
        if self._create_venue is not None:
            message += " " + self.tr("Or add it with the New venue button.")
        return message

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        text = self.venue.text().strip()
        if text and self._venue is None:
            found["venue"] = self._unknown_venue(text)
        # A wrong year or month stays as typed, named at its field (never clamped or dropped).
        for key, when in (("year", self.year), ("month", self.news)):
            wrong = when.problem()
            if wrong is not None:
                found[key] = wrong
        for index, (label, url) in enumerate(self.links.rows(), start=1):
            # A link of no known kind may also be a file of the member's site (assets/x.pdf).
            own_file = PaperLink(label, url).kind is None and site_path(url) is not None
            if (label or url) and not (label and (looks_like_link(url) or own_file)):
                found["links"] = self.tr(
                    "Link {0} needs a label and an http:// or https:// link."
                ).format(index)
                break
        if self.accepted_on.text().strip() and self._accepted_day() is None:
            found["accepted"] = self.tr("Give the day as YYYY-MM-DD, or leave it empty.")
        self.duplicate = self._find_duplicate()
        if self.duplicate is not None:
            other = self.duplicate
            edition = venue_edition(other.venue_short, other.venue_kind, other.year)
            found["title"] = self.tr("Already recorded as paper #{0}, “{1}” ({2}).").format(
                other.id, other.title, edition
            )
        return found

    def _find_duplicate(self) -> PaperRecord | None:
        title = self.title.text().strip()
        year = self.year.value()
        if self._venue is None or not title or year is None:
            return None
        with self.database.session() as session:
            return queries.find_duplicate_paper(
                session, title, self._venue.id, year, exclude_id=self.paper_id
            )

    def confirm(self, value: PaperInput) -> bool:
        """Ask before saving a paper no news line would name: Yes saves, No returns to the form.

        A new paper is asked about, and an edit that takes away its last member author; an
        edit of a paper that named no member before was asked about when it was entered.
        """
        if any(a.member_id is not None for a in value.authors):
            return True
        if self.paper_id is not None and not self._named_a_member:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("No lab member"),
            self.tr(
                "None of the authors is a lab member; the paper will count in the tally but no "
                "news line will name anyone. Save it anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        try:
            box.exec()
            return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def field_key(self, field: str | None) -> str | None:
        if field is not None and field.startswith("author"):
            return "authors"
        return super().field_key(field)

    def reveal(self, key: str) -> None:
        self.tabs.setCurrentIndex(1 if key in _LINK_FIELDS else 0)

    def _kind_edited(self, kind: str, text: str) -> None:
        """A paper, code or project link typed in its own field is that kind's row of the
        links table: set, added, or removed when the field is cleared."""
        if self._syncing_links:
            return
        links = list(self.links.links())
        at = next((i for i, link in enumerate(links) if link.kind == kind), None)
        value = text.strip()
        if not value and at is not None:
            del links[at]
        elif value:
            links = list(
                fold_links(
                    tuple(links),
                    value if kind == "url" else None,
                    value if kind == "code" else None,
                    value if kind == "project" else None,
                )[0]
            )
        self._syncing_links = True
        try:
            self.links.set_links(links)
        finally:
            self._syncing_links = False

    def _links_edited(self) -> None:
        """The table is the links themselves: the paper, code and project fields follow it."""
        if self._syncing_links:
            return
        _links, url, code, project = fold_links(self.links.links(), None, None, None)
        self._syncing_links = True
        try:
            for edit, value in ((self.url, url), (self.code, code), (self.project, project)):
                if edit.text() != (value or ""):
                    edit.setText(value or "")
        finally:
            self._syncing_links = False

    def _accepted_day(self) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(self.accepted_on.text().strip())
        except ValueError:
            return None

    def read(self) -> PaperInput:
        venue = self._venue
        year, news = self.year.value(), self.news.value()
        if year is None:
            raise LabnewsError(self.year.problem() or "", field="year")
        if news is None:
            raise LabnewsError(self.news.problem() or "", field="month")
        return PaperInput(
            venue=venue.short if venue is not None else self.venue.text().strip(),
            year=year,
            news=news,
            title=" ".join(self.title.text().split()),
            authors=self.authors.people(),
            featured=self._featured_to_save(),
            status=str(self.status.value()),
            presentation=_optional_choice(self.presentation.value()),
            doi=optional(self.doi.text()),
            arxiv=optional(self.arxiv.text()),
            url=optional(self.url.text()),
            code=optional(self.code.text()),
            project=optional(self.project.text()),
            bibkey=optional(self.bibkey.text()),
            note=optional(self.note.toPlainText()),
            links=self.links.links(),
            also_presented=tuple(
                " ".join(text.split())
                for text in self.also_presented.toPlainText().splitlines()
                if text.strip()
            ),
            accepted=self._accepted_day(),
        )

    # --- the keyboard ---------------------------------------------------------------------------

    def _snapshot(self) -> tuple[object, ...]:
        """Everything the user can type or choose, to tell whether Esc would lose any of it."""
        texts = (
            self.venue, self.year, self.news, self.title, self.authors.entry, self.url,
            self.doi, self.arxiv, self.code, self.project, self.accepted_on, self.bibkey,
        )  # fmt: skip
        lookup = self.lookup_text.text() if self.lookup is not None else ""
        return (
            *(edit.text() for edit in texts),
            lookup,
            self.authors.people(),
            self.links.links(),
            self.note.toPlainText(),
            self.also_presented.toPlainText(),
            self.featured.currentIndex(),
            self.status.currentIndex(),
            self.presentation.currentIndex(),
        )

    def has_changes(self) -> bool:
        """Whether anything differs from what the dialog opened with."""
        return self._snapshot() != self._opened_as

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves on and Ctrl+Enter saves; Esc asks before losing what was typed.

        Only keys no field used arrive here: the author entry takes Enter to add a name, a
        completion popup takes it to choose, a text box to start a new line.
        """
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if enter and control:
            self.accept()
            return
        focused = self.focusWidget()
        if enter and not isinstance(focused, QAbstractButton):
            if self.lookup is not None and focused is self.lookup_text:
                self.fill()
            else:
                self.move_on()
            return
        if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if not self.has_changes() or self.ask_discard():
                self.reject()
            return
        super().keyPressEvent(event)

    def move_on(self) -> None:
        """Focus the next field, past the buttons beside fields (New venue, Paste, Add, Up…)."""
        for _ in range(len(self.findChildren(QWidget))):
            self.focusNextChild()
            if not isinstance(self.focusWidget(), QAbstractButton):
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched in (self.note, self.also_presented)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def ask_discard(self) -> bool:
        """Ask whether to throw away what was typed: True discards, False keeps editing."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Discard what you typed in this paper?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        # Enter or Esc on the question keeps the typing: only a deliberate Discard loses it.
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box
        typing_in = self.focusWidget()
        try:
            box.exec()
            kept = box.clickedButton() is not discard
        finally:
            self.discard_box = None
            box.deleteLater()
        if kept and typing_in is not None:
            typing_in.setFocus(Qt.FocusReason.OtherFocusReason)  # the typing goes on there
        return not kept


def _optional_choice(value: object) -> str | None:
    return value if isinstance(value, str) else None
