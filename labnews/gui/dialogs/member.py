"""The member dialog: name as the news prints it, native name, other spellings, role, dates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from labnews.core.errors import LabnewsError, ValidationError
from labnews.core.inputs import MemberInput
from labnews.core.records import ROLES, YearMonth
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import (
    RecordDialog,
    box_lines,
    line,
    optional,
)
from labnews.gui.words import word

MemberCheck = Callable[[MemberInput], LabnewsError | None]


def _month_text(value: YearMonth | None) -> str:
    return str(value) if value else ""


class MemberDialog(RecordDialog[MemberInput]):
    """Add or edit a lab member: returns the MemberInput to save."""

    def __init__(
        self,
        parent: QWidget | None,
        initial: MemberInput | None,
        *,
        editing: bool = False,
        check: MemberCheck | None = None,
    ) -> None:
        title = self.tr("Edit member") if editing else self.tr("New member")
        super().__init__(parent, title, check=check)
        start = initial or MemberInput(name="")
        form = self.form
        self.name = form.add(
            "name",
            self.tr("&Name:"),
            line(start.name, placeholder=self.tr("As the news prints it: Ham Jaeseok")),
            tip=self.tr("Printed exactly like this in news lines; either name order is fine"),
        )
        self.native = form.add(
            "native name",
            self.tr("Na&tive name:"),
            line(start.native, placeholder="함재석"),
            tip=self.tr("The name in its own script, for the Korean news"),
        )
        self.aliases = self.spellings_field(
            start.aliases,
            self.tr("Jaeseok Ham\nJ. Ham"),
            self.tr("One per line: how papers and imported pages write this name"),
        )
        self.role = form.add(
            "role", self.tr("&Role:"), ChoiceBox(((word("role", r), r) for r in ROLES), start.role)
        )
        self.in_news = form.add(
            "in_news",
            self.tr("In the news:"),
            QCheckBox(self.tr("Named in ne&ws lines")),
            tip=self.tr("Off for the PI, whose name is on every paper and never listed"),
        )
        self.in_news.setChecked(start.in_news)
        self.joined = form.add(
            "joined",
            self.tr("&Joined:"),
            line(_month_text(start.joined), placeholder="YYYY-MM"),
        )
        self.left = form.add(
            "left", self.tr("&Left:"), line(_month_text(start.left), placeholder="YYYY-MM")
        )
        self.homepage = self.link_field("homepage", self.tr("&Homepage:"), start.homepage)
        self.orcid = form.add(
            "orcid", self.tr("OR&CID:"), line(start.orcid, placeholder="0000-0000-0000-0000")
        )
        self.note = form.add("note", self.tr("Not&e:"), QPlainTextEdit(start.note or ""))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.watch(
            self.name, self.native, self.aliases, self.role, self.in_news, self.joined,
            self.left, self.homepage, self.orcid, self.note,
        )  # fmt: skip
        self.finish_layout()

    def _month(self, key: str, text: str) -> YearMonth | None:
        text = text.strip()
        return YearMonth.parse(text, field=key) if text else None

    def complete(self) -> bool:
        return bool(self.name.text().strip())

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        months: dict[str, YearMonth | None] = {}
        for key, edit in (("joined", self.joined), ("left", self.left)):
            try:
                months[key] = self._month(key, edit.text())
            except ValidationError:
                found[key] = self.tr("Write the month as YYYY-MM, like 2024-03.")
        joined, left = months.get("joined"), months.get("left")
        if joined and left and left < joined:
            found["left"] = self.tr("Leaving cannot come before joining.")
        return found

    def read(self) -> MemberInput:
        return MemberInput(
            name=" ".join(self.name.text().split()),
            native=optional(self.native.text()),
            aliases=box_lines(self.aliases),
            role=str(self.role.value()),
            in_news=self.in_news.isChecked(),
            joined=self._month("joined", self.joined.text()),
            left=self._month("left", self.left.text()),
            homepage=optional(self.homepage.text()),
            orcid=optional(self.orcid.text()),
            note=optional(self.note.toPlainText()),
        )
