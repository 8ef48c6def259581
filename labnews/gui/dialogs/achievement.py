"""The achievement dialog: an award, talk, project or other news that is not a paper, with what
a page's Projects, Talks and Awards sections show (period, placement, description, links)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labnews.core import sections
from labnews.core.errors import LabnewsError, ValidationError
from labnews.core.inputs import AchievementInput, AuthorInput
from labnews.core.names import MemberDirectory
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    MAX_YEAR,
    MIN_YEAR,
    AchievementLink,
    MemberRecord,
    YearMonth,
)
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import (
    RecordDialog,
    box_lines,
    line,
    lines_box,
    month_box,
    month_of,
    optional,
)
from labnews.gui.dialogs.people import PeopleEditor
from labnews.gui.models.achievements import LinksModel
from labnews.gui.words import word

AchievementCheck = Callable[[AchievementInput], LabnewsError | None]


def _optional_number(low: int, high: int, value: int | None, empty: str) -> QSpinBox:
    """A number that may be left out: the value below ``low`` reads as ``empty``."""
    spin = QSpinBox()
    spin.setRange(low - 1, high)
    spin.setSpecialValueText(empty)
    spin.setValue(value if value is not None else low - 1)
    return spin


def _number_of(spin: QSpinBox) -> int | None:
    return None if spin.value() == spin.minimum() else spin.value()


class LinksEditor(QWidget):
    """An achievement's links as a small table (kind, label, URL) with Add and Remove."""

    def __init__(self, links: tuple[AchievementLink, ...]) -> None:
        super().__init__()
        self.model = LinksModel(links, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            LinksModel.URL, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setFixedHeight(self.table.fontMetrics().lineSpacing() * 7)
        self.table.setToolTip(
            self.tr(
                "Kind: link (a labelled link such as Homepage), video (a YouTube link is "
                "embedded, its start time kept), embed (another page shown in a frame) or image"
            )
        )
        self.add_button = QPushButton(self.tr("&Add link"))
        self.remove_button = QPushButton(self.tr("Remo&ve link"))
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _add(self) -> None:
        row = self.model.add_link()
        self.table.setCurrentIndex(self.model.index(row, LinksModel.URL))
        self.table.edit(self.model.index(row, LinksModel.URL))

    def _remove(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.remove_link(current.row())


class AchievementDialog(RecordDialog[AchievementInput]):
    """Add or edit an achievement: returns the AchievementInput to save."""

    def __init__(
        self,
        parent: QWidget | None,
        initial: AchievementInput | None,
        *,
        members: Sequence[MemberRecord],
        editing: bool = False,
        check: AchievementCheck | None = None,
    ) -> None:
        title = self.tr("Edit achievement") if editing else self.tr("New achievement")
        super().__init__(parent, title, check=check)
        today = datetime.date.today()
        start = initial or AchievementInput(
            kind="award", title="", date=YearMonth(today.year, today.month)
        )
        form = self.form
        self.kind = form.add(
            "kind",
            self.tr("&Kind:"),
            ChoiceBox(((word("achievement kind", k), k) for k in ACHIEVEMENT_KINDS), start.kind),
        )
        self.title = form.add(
            "title",
            self.tr("&Title:"),
            line(start.title, placeholder=self.tr("Best Paper Award")),
        )
        self.year_only = QCheckBox(self.tr("&Year only"))
        self.year_only.setChecked(start.year_only)
        self.year_only.setToolTip(self.tr("The month is not known: pages write the year alone"))
        self.date = form.add(
            "date",
            self.tr("&Month:"),
            month_box(start.date),
            tip=self.tr("The month of its news line"),
            beside=(self.year_only,),
        )
        self.day = form.add("day", self.tr("&Day:"), QSpinBox())
        self.day.setRange(0, 31)
        self.day.setSpecialValueText(self.tr("not given"))
        self.day.setValue(start.day or 0)
        self.members = form.add(
            "members",
            self.tr("M&embers:"),
            PeopleEditor(MemberDirectory(members), outsiders=False),
        )
        self.members.set_people(AuthorInput(member_id=m) for m in start.members)
        self.organisation = form.add(
            "organisation",
            self.tr("&Organisation:"),
            line(start.organisation, placeholder=self.tr("Who gave it, or where")),
        )
        self.url = self.link_field("url", self.tr("&Link:"), start.url)
        self.sentence = form.add(
            "sentence",
            self.tr("Se&ntence:"),
            line(start.sentence, placeholder=self.tr("Leave empty to use the generated one")),
            tip=self.tr("The news line, word for word, when the generated one is not right"),
        )
        self.in_news = form.add(
            "in_news", "", QCheckBox(self.tr("Announce it in the yearly &news"))
        )
        self.in_news.setChecked(start.in_news)
        form.heading(self.tr("On the page"))
        self.role = form.add(
            "role",
            self.tr("&Role:"),
            line(start.role, placeholder=self.tr("Project Investigator")),
            tip=self.tr("The member's part in a project"),
        )
        self.end_year = form.add(
            "end_year",
            self.tr("&End year:"),
            _optional_number(MIN_YEAR, MAX_YEAR, start.end_year, self.tr("not given")),
            tip=self.tr("A project's last year; it starts in the year of its date"),
        )
        self.teams = _optional_number(1, 1_000_000, start.teams, self.tr("of ? teams"))
        self.teams.setPrefix(self.tr("of "))
        self.rank = form.add(
            "rank",
            self.tr("R&ank:"),
            _optional_number(1, 1_000_000, start.rank, self.tr("not given")),
            beside=(self.teams,),
            tip=self.tr("A challenge's place, of how many teams"),
        )
        self.description = form.add(
            "description",
            self.tr("Descri&ption:"),
            lines_box(
                (start.description or "").splitlines(),
                placeholder=self.tr("One line each"),
            ),
        )
        self.links = form.add("links", self.tr("Lin&ks:"), LinksEditor(start.links))
        self.watch(
            self.kind, self.title, self.date, self.day, self.organisation, self.url,
            self.sentence, self.year_only, self.in_news, self.role, self.end_year, self.rank,
            self.teams, self.description,
        )  # fmt: skip
        self.members.changed.connect(self._edited)
        self.links.model.dataChanged.connect(self._edited)
        self.links.model.rowsInserted.connect(self._edited)
        self.links.model.rowsRemoved.connect(self._edited)
        self.finish_layout()

    def complete(self) -> bool:
        return bool(self.title.text().strip())

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        month = month_of(self.date)
        last = calendar.monthrange(month.year, month.month)[1]
        if self.day.value() > last:
            found["day"] = self.tr("{0} has {1} days.").format(month, last)
        if self.year_only.isChecked() and self.day.value():
            found["day"] = self.tr("A date known to the year only has no day.")
        end = _number_of(self.end_year)
        if end is not None and end < month_of(self.date).year:
            found["end_year"] = self.tr("It ends before it starts.")
        rank, teams = _number_of(self.rank), _number_of(self.teams)
        if teams is not None and (rank is None or rank > teams):
            found["rank"] = self.tr("A place among the teams: 1 to {0}.").format(teams)
        try:
            sections.check_links(self.links.model.links())
        except ValidationError as exc:
            # The rule's own words name the link ("link 2 URL must be an http or https link").
            found["links"] = exc.message
        return found

    def field_key(self, field: str | None) -> str | None:
        if field is not None and field.startswith("link"):
            return "links"
        return super().field_key(field)

    def read(self) -> AchievementInput:
        return AchievementInput(
            kind=str(self.kind.value()),
            title=" ".join(self.title.text().split()),
            date=month_of(self.date),
            day=self.day.value() or None,
            members=tuple(self.members.member_ids()),
            organisation=optional(self.organisation.text()),
            url=optional(self.url.text()),
            sentence=optional(self.sentence.text()),
            year_only=self.year_only.isChecked(),
            end_year=_number_of(self.end_year),
            role=optional(self.role.text()),
            description="\n".join(box_lines(self.description)) or None,
            rank=_number_of(self.rank),
            teams=_number_of(self.teams),
            in_news=self.in_news.isChecked(),
            links=self.links.model.links(),
        )
