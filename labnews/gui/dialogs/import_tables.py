"""The import wizard's review tables: the plan's papers, members, venues, achievements and
report, each row changeable where the plan allows."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWizard

from labnews.core.records import YearMonth
from labnews.gui.import_choices import (
    NOT_A_MEMBER,
    AchievementRow,
    ImportChoices,
    MemberRow,
    PaperRow,
    TallyRow,
    VenueRow,
)
from labnews.gui.models.plan import ChoiceDelegate, PlanColumn, PlanRowsModel
from labnews.gui.words import word
from labnews.io.plan import Finding


class _Target(Protocol):
    """A plan row whose name the import can put under another (a member's, a venue's)."""

    target: str


Retargeted = TypeVar("Retargeted", bound=_Target)


class _Optional(Protocol):
    """A plan row the user can leave out of the import (a paper, an achievement)."""

    include: bool


Included = TypeVar("Included", bound=_Optional)


def _wrapped_tip(text: str) -> str:
    """A tooltip Qt wraps to a readable width: a plain-text tooltip is one line however long
    (a report line names an entry, its spelling and the reason), and is cut at the edge."""
    return f"<p>{html.escape(text)}</p>"


def plan_table(model: PlanRowsModel[object], *, stretch: int = -1) -> QTableView:
    """A table over plan rows: whole-row selection, editing by a click or F2, fixed row height."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.SelectedClicked
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    delegate = ChoiceDelegate(table)
    for number, column in enumerate(model.columns):
        if column.set_value is not None:
            table.setItemDelegateForColumn(number, delegate)
    return table


class ReviewTables(QWizard):
    """The import wizard's part that turns the plan's choices into the review page's tables."""

    findings_model: PlanRowsModel[object]

    def _papers_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def venue_choices(_row: PaperRow) -> list[tuple[str, str]]:
            return [(short, short) for short in choices.venue_choices()]

        def set_include(row: PaperRow, value: bool) -> None:
            choices.set_paper_included(row, value)

        def set_venue(row: PaperRow, value: str) -> None:
            choices.set_paper_venue(row, value)

        def month_choices(row: PaperRow) -> list[tuple[str, str]]:
            # The edition's year and the years either side: a paper's news can come the year
            # before (accepted in autumn for a winter conference) or after (a journal).
            year = row.paper.year
            months = [
                str(YearMonth(y, m)) for y in (year - 1, year, year + 1) for m in range(1, 13)
            ]
            return [(month, month) for month in months]

        def set_month(row: PaperRow, value: str) -> None:
            choices.set_paper_news(row, YearMonth.parse(value, field="news month"))

        # The paper dialog's words for a paper without a news month, already translated.
        no_month = QCoreApplication.translate("PaperDialog", "no usual month: set the news month")
        month_tip = QCoreApplication.translate(
            "PaperDialog", "The month of the news line; filled in from the venue's usual month"
        )
        venue_tip = self.tr("Double-click (or F2) to choose another venue")

        def month_text(row: PaperRow) -> str:
            if row.news is not None:
                return str(row.news)
            return no_month if choices.lacks(row) == "month" else ""

        def venue_text(row: PaperRow) -> str:
            return "" if choices.lacks(row) == "venue" else row.venue

        def why_left_out(row: PaperRow, otherwise: str) -> str:
            """A left-out paper's reason (as the Report gives it), else the column's tip."""
            if row.problem and choices.lacks(row):
                return _wrapped_tip(row.problem)
            return otherwise

        def authors(row: PaperRow) -> str:
            return ", ".join(a.written for a in row.paper.authors)

        columns: list[PlanColumn[PaperRow]] = [
            self._import_column(
                set_include,
                lambda row: why_left_out(row, self.tr("Untick to leave this paper out")),
            ),
            PlanColumn(self.tr("Line"), lambda row: str(row.paper.line or "")),
            PlanColumn(
                self.tr("News month"),
                month_text,
                choices=month_choices,
                value=lambda row: str(row.news) if row.news else "",
                set_value=set_month,
                tooltip=lambda row: why_left_out(row, month_tip),
            ),
            PlanColumn(
                self.tr("Venue"),
                venue_text,
                choices=venue_choices,
                value=lambda row: row.venue,
                set_value=set_venue,
                tooltip=lambda row: why_left_out(row, venue_tip),
            ),
            PlanColumn(self.tr("Year"), lambda row: str(row.paper.year)),
            PlanColumn(
                self.tr("Title"),
                lambda row: row.paper.title or self.tr("(title unknown)"),
                tooltip=lambda row: row.paper.title or None,
            ),
            PlanColumn(self.tr("Authors"), authors, tooltip=authors),
        ]
        return self._model(columns, choices.papers, active=lambda row: row.include)

    def _member_choice_label(self, kind: str, value: str) -> str:
        if kind == "new":
            return self.tr("a new member “{0}”").format(value)
        if kind == "none":
            return self.tr("not a member (a plain name)")
        return value

    def _members_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def member_choices(row: MemberRow) -> list[tuple[str, str]]:
            return [
                (self._member_choice_label(kind, value), value)
                for kind, value in choices.member_choices(row)
            ]

        def becomes(row: MemberRow) -> str:
            if row.target == NOT_A_MEMBER and row.maybe:
                return self.tr("maybe a person: tick to make a member")
            if row.target == NOT_A_MEMBER:
                return self._member_choice_label("none", "")
            if row.is_new and row.target == row.name:
                return self._member_choice_label("new", row.name)
            return row.target

        def set_member(row: MemberRow, value: bool) -> None:
            row.target = (row.name if row.is_new else row.target or row.name) if value else ""

        columns: list[PlanColumn[MemberRow]] = [
            PlanColumn(
                self.tr("Member"),
                lambda _row: "",
                checked=lambda row: row.target != NOT_A_MEMBER,
                set_checked=set_member,
                tooltip=lambda _row: self.tr("Untick to keep this name as a plain author name"),
            ),
            PlanColumn(self.tr("Name"), lambda row: row.name),
            PlanColumn(self.tr("Written as"), lambda row: ", ".join(row.written)),
            PlanColumn(self.tr("Papers"), lambda row: str(row.papers)),
            self._becomes_column(
                becomes,
                member_choices,
                self.tr("Double-click (or F2) to match this name to another member"),
            ),
        ]
        return self._model(columns, choices.members, active=lambda row: row.target != NOT_A_MEMBER)

    def _venues_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def venue_choices(row: VenueRow) -> list[tuple[str, str]]:
            return [(self.tr("a new venue “{0}”").format(row.short), row.short)] + [
                (short, short) for short in choices.existing_venues
            ]

        def becomes(row: VenueRow) -> str:
            if row.target == row.short:
                return self.tr("a new venue “{0}”").format(row.short)
            return row.target

        columns: list[PlanColumn[VenueRow]] = [
            PlanColumn(self.tr("Short name"), lambda row: row.short),
            PlanColumn(self.tr("Kind"), lambda row: word("venue kind", row.kind)),
            PlanColumn(self.tr("Part of"), lambda row: row.parent or ""),
            PlanColumn(self.tr("Papers"), lambda row: str(row.papers)),
            self._becomes_column(
                becomes,
                venue_choices,
                self.tr("Double-click (or F2) to put these papers under a venue you already have"),
            ),
        ]
        return self._model(columns, choices.venues)

    def _import_column(
        self,
        set_include: Callable[[Included, bool], None],
        tooltip: Callable[[Included], str | None] | None = None,
    ) -> PlanColumn[Included]:
        """The box that takes a paper or an achievement into the import, or leaves it out."""
        return PlanColumn(
            self.tr("Import"),
            lambda _row: "",
            checked=lambda row: row.include,
            set_checked=set_include,
            tooltip=tooltip,
        )

    def _becomes_column(
        self,
        text: Callable[[Retargeted], str],
        choices: Callable[[Retargeted], list[tuple[str, str]]],
        tip: str,
    ) -> PlanColumn[Retargeted]:
        """The column that says what a member's or venue's name becomes, and changes it."""

        def set_target(row: Retargeted, value: str) -> None:
            row.target = value

        return PlanColumn(
            self.tr("Becomes"),
            text,
            choices=choices,
            value=lambda row: row.target,
            set_value=set_target,
            tooltip=lambda _row: tip,
        )

    def _achievements_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        def set_include(row: AchievementRow, value: bool) -> None:
            row.include = value

        columns: list[PlanColumn[AchievementRow]] = [
            self._import_column(set_include),
            PlanColumn(self.tr("Date"), lambda row: str(row.achievement.date)),
            PlanColumn(self.tr("Kind"), lambda row: word("achievement kind", row.achievement.kind)),
            PlanColumn(self.tr("Title"), lambda row: row.achievement.title),
            PlanColumn(self.tr("Members"), lambda row: ", ".join(row.achievement.members)),
        ]
        return self._model(columns, choices.achievements, active=lambda row: row.include)

    def _tally_model(self, choices: ImportChoices) -> PlanRowsModel[object]:
        """The tally labels and pinned orders the source implies, each taken or left out."""

        def set_include(row: TallyRow, value: bool) -> None:
            row.include = value

        def what(row: TallyRow) -> str:
            if row.year is None:
                venue = choices.labelled_venue(row)
                return self.tr("Count {0} as {1} in the tallies").format(venue, row.label)
            return self.tr("Pin the {0} tally order: {1}").format(row.year, ", ".join(row.order))

        columns: list[PlanColumn[TallyRow]] = [
            PlanColumn(
                self.tr("Take"),
                lambda _row: "",
                checked=lambda row: row.include,
                set_checked=set_include,
            ),
            PlanColumn(self.tr("Rule"), what),
        ]
        return self._model(columns, choices.tally, active=lambda row: row.include)

    def _model(
        self,
        columns: list[PlanColumn[PaperRow]]
        | list[PlanColumn[MemberRow]]
        | list[PlanColumn[VenueRow]]
        | list[PlanColumn[AchievementRow]]
        | list[PlanColumn[TallyRow]],
        rows: list[PaperRow]
        | list[MemberRow]
        | list[VenueRow]
        | list[AchievementRow]
        | list[TallyRow],
        *,
        active: Callable[..., bool] = lambda _row: True,
    ) -> PlanRowsModel[object]:
        # The row types differ per table; the model only hands each row back to its columns.
        return PlanRowsModel(columns, rows, active=active, parent=self)  # type: ignore[arg-type]

    def _findings_table(self, findings: list[Finding]) -> QTableView:
        kinds = {
            "error": self.tr("error"),
            "mismatch": self.tr("arithmetic"),
            "warning": self.tr("warning"),
            "duplicate": self.tr("duplicate"),
            "skipped": self.tr("skipped"),
            "matched": self.tr("matched"),
        }
        order = list(kinds)
        rows = sorted(findings, key=lambda f: (order.index(f.kind), f.line or 0))
        columns: list[PlanColumn[Finding]] = [
            PlanColumn(self.tr("Kind"), lambda f: kinds.get(f.kind, f.kind)),
            PlanColumn(self.tr("Line"), lambda f: str(f.line) if f.line is not None else ""),
            PlanColumn(
                self.tr("What"), lambda f: f.message, tooltip=lambda f: _wrapped_tip(f.message)
            ),
        ]
        model: PlanRowsModel[object] = PlanRowsModel(columns, rows, parent=self)  # type: ignore[arg-type]
        self.findings_model = model
        return plan_table(model)
