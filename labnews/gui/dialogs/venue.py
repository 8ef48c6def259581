"""The venue dialog: short and full name, kind, parent, tally label, usual month, spellings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget

from labnews.core.errors import LabnewsError
from labnews.core.inputs import VenueInput
from labnews.core.records import VENUE_KINDS, VenueRecord
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import (
    RecordDialog,
    box_lines,
    line,
    optional,
)
from labnews.gui.models.venues import month_name
from labnews.gui.words import word

VenueCheck = Callable[[VenueInput], LabnewsError | None]


class VenueDialog(RecordDialog[VenueInput]):
    """Add or edit a venue: returns the VenueInput to save."""

    def __init__(
        self,
        parent: QWidget | None,
        initial: VenueInput | None,
        *,
        venues: Sequence[VenueRecord] = (),
        venue_id: int | None = None,
        check: VenueCheck | None = None,
    ) -> None:
        title = self.tr("Edit venue") if venue_id is not None else self.tr("New venue")
        super().__init__(parent, title, check=check)
        # A venue cannot be its own parent; the store also refuses longer cycles.
        self._parents = {v.short.casefold(): v for v in venues if v.id != venue_id}
        for venue in venues:
            for alias in venue.aliases:
                if venue.id != venue_id:
                    self._parents.setdefault(alias.casefold(), venue)
        start = initial or VenueInput(short="")
        form = self.form
        self.short = form.add(
            "short name",
            self.tr("Short &name:"),
            line(start.short, placeholder="CVPR"),
            tip=self.tr("How news lines and the tally name the venue"),
        )
        self.full = form.add(
            "full name",
            self.tr("&Full name:"),
            line(start.full, placeholder=self.tr("Conference on Computer Vision and …")),
        )
        self.kind = form.add(
            "kind",
            self.tr("&Kind:"),
            ChoiceBox(((word("venue kind", k), k) for k in VENUE_KINDS), start.kind),
            tip=self.tr("Journals print without a year: “ETRI J.”, not “ETRI J. 2024”"),
        )
        self.parent_venue = form.add(
            "parent",
            self.tr("&Part of:"),
            line(start.parent, placeholder=self.tr("The conference of a workshop")),
            tip=self.tr("A workshop's papers count under its conference by default"),
        )
        completer = QCompleter(QStringListModel(sorted(v.short for v in venues), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.parent_venue.setCompleter(completer)
        self.label = form.add(
            "label",
            self.tr("&Counts as:"),
            line(start.label, placeholder=self.tr("Its short name (a workshop: its conference's)")),
            tip=self.tr("The tally label; give several journals “SCI-E” to count them together"),
        )
        self.month = form.add(
            "typical month",
            self.tr("Usual &month:"),
            ChoiceBox(
                [(self.tr("not fixed"), None), *((month_name(m), m) for m in range(1, 13))],
                start.month,
            ),
            tip=self.tr("Fills in the news month of a new paper at this venue"),
        )
        self.aliases = self.spellings_field(
            start.aliases,
            "CVPR (1)\nCVPRW",
            self.tr("One per line: DBLP and BibTeX spellings, to recognise the venue"),
        )
        self.homepage = self.link_field("homepage", self.tr("&Homepage:"), start.homepage)
        self.watch(
            self.short, self.full, self.kind, self.parent_venue, self.label, self.month,
            self.aliases, self.homepage,
        )  # fmt: skip
        self.finish_layout()

    def complete(self) -> bool:
        return bool(self.short.text().strip())

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        parent = self.parent_venue.text().strip()
        if parent and parent.casefold() not in self._parents:
            found["parent"] = self.tr("No other venue is called “{0}”.").format(parent)
        return found

    def read(self) -> VenueInput:
        month = self.month.value()
        return VenueInput(
            short=" ".join(self.short.text().split()),
            full=optional(self.full.text()),
            kind=str(self.kind.value()),
            parent=optional(self.parent_venue.text()),
            label=optional(self.label.text()),
            month=month if isinstance(month, int) else None,
            aliases=box_lines(self.aliases),
            homepage=optional(self.homepage.text()),
        )
