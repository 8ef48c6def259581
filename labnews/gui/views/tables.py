"""The members, venues and achievements views: a search box over each table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from labnews.core.records import AchievementRecord, MemberRecord, VenueRecord
from labnews.gui.deferred import deferred
from labnews.gui.models.achievements import AchievementsModel, Column
from labnews.gui.models.members import MembersModel
from labnews.gui.models.venues import VenuesModel
from labnews.gui.views.records import RecordsView

if TYPE_CHECKING:
    from labnews.gui.lab_change import LabChange
    from labnews.store import queries
else:
    queries = deferred("labnews.store.queries")


class MembersView(RecordsView[MemberRecord]):
    """The lab's members."""

    model: MembersModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(MembersModel(), kind="members", parent=parent)
        self.set_texts(
            nouns=(self.tr("member"), self.tr("members")),
            add=self.tr("&New member…"),
            add_tip=self.tr("Add a lab member"),
            search=self.tr("Search names, native names and other spellings"),
            empty=self.tr(
                "No members yet. Add the lab's members (authors who match them are linked to "
                "them), import them, or try labnews on the demo lab."
            ),
        )
        self.set_column_widths((22, 12, 14, 8, 9, 9, 30))

    def answer(self, update: LabChange) -> None:
        if update.touches("member"):
            self.model.set_records(update.members)


class VenuesView(RecordsView[VenueRecord]):
    """Conferences, journals and workshops, with what the tally counts each as."""

    model: VenuesModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(VenuesModel(), kind="venues", parent=parent)
        self.set_texts(
            nouns=(self.tr("venue"), self.tr("venues")),
            add=self.tr("&New venue…"),
            add_tip=self.tr("Add a conference, journal or workshop"),
            search=self.tr("Search short names, full names and other spellings"),
            empty=self.tr(
                "No venues yet. Add a conference, journal or workshop, or import a table of them."
            ),
        )
        self.set_column_widths((16, 58, 11, 12, 12, 12, 30))

    def answer(self, update: LabChange) -> None:
        # The settings hold the tally rules, which say what each venue counts as.
        if update.touches("venue", "settings"):
            self.model.set_venues(queries.venues(update.session), update.rules)


class AchievementsView(RecordsView[AchievementRecord]):
    """Awards, talks, grants and other news that is not a paper."""

    model: AchievementsModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            AchievementsModel(),
            kind="achievements",
            sort=(Column.DATE, Qt.SortOrder.DescendingOrder),
            parent=parent,
        )
        self.set_texts(
            nouns=(self.tr("achievement"), self.tr("achievements")),
            add=self.tr("&New achievement…"),
            add_tip=self.tr("Add an award, talk, grant or other news"),
            search=self.tr("Search titles, members and organisations"),
            empty=self.tr(
                "No achievements yet: awards, talks, grants and other news that is not a paper. "
                "Add one, import them, or try labnews on the demo lab."
            ),
        )
        self.set_column_widths((11, 11, 60, 30, 24))

    def answer(self, update: LabChange) -> None:
        if update.touches("achievement"):
            self.model.set_records(queries.achievements_in(update.session))
