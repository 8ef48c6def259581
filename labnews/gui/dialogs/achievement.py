"""The achievement dialog: an award, talk, grant or other news that is not a paper."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QSpinBox, QWidget

from labnews.core.errors import LabnewsError
from labnews.core.inputs import AchievementInput, AuthorInput
from labnews.core.names import MemberDirectory
from labnews.core.records import ACHIEVEMENT_KINDS, MemberRecord, YearMonth
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import (
    RecordDialog,
    line,
    looks_like_link,
    month_box,
    month_of,
    optional,
)
from labnews.gui.dialogs.people import PeopleEditor
from labnews.gui.models.achievements import kind_text

AchievementCheck = Callable[[AchievementInput], LabnewsError | None]


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
        super().__init__(parent, "")
        title = self.tr("Edit achievement") if editing else self.tr("New achievement")
        self.setWindowTitle(title)
        self.check = check
        today = datetime.date.today()
        start = initial or AchievementInput(
            kind="award", title="", date=YearMonth(today.year, today.month)
        )
        form = self.form
        self.kind = form.add(
            "kind",
            self.tr("&Kind:"),
            ChoiceBox(((kind_text(k), k) for k in ACHIEVEMENT_KINDS), start.kind),
        )
        self.title = form.add(
            "title",
            self.tr("&Title:"),
            line(start.title, placeholder=self.tr("Best Paper Award")),
        )
        self.date = form.add(
            "date",
            self.tr("&Month:"),
            month_box(start.date),
            tip=self.tr("The month of its news line"),
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
        self.url = form.add("url", self.tr("&Link:"), line(start.url, placeholder="https://"))
        self.sentence = form.add(
            "sentence",
            self.tr("Se&ntence:"),
            line(start.sentence, placeholder=self.tr("Leave empty to use the generated one")),
            tip=self.tr("The news line, word for word, when the generated one is not right"),
        )
        self.watch(
            self.kind, self.title, self.date, self.day, self.organisation, self.url,
            self.sentence,
        )  # fmt: skip
        self.members.changed.connect(self._edited)
        self.finish_layout()

    def complete(self) -> bool:
        return bool(self.title.text().strip())

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        month = month_of(self.date)
        last = calendar.monthrange(month.year, month.month)[1]
        if self.day.value() > last:
            found["day"] = self.tr("{0} has {1} days.").format(month, last)
        if self.url.text().strip() and not looks_like_link(self.url.text()):
            found["url"] = self.tr("This must be an http:// or https:// link.")
        return found

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
        )
