"""Inputs rebuilt from records: what re-adds a deleted record and what an edit form starts from."""

from __future__ import annotations

from labnews.core.inputs import (
    AchievementInput,
    AuthorInput,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.records import AchievementRecord, MemberRecord, PaperRecord, VenueRecord


def paper_input(paper: PaperRecord) -> PaperInput:
    """The input that records this paper again exactly (its featured member included)."""
    return PaperInput(
        venue=paper.venue_short,
        year=paper.year,
        news=paper.news,
        title=paper.title,
        # A member author keeps the spelling the paper used; an outsider is only a name.
        authors=tuple(
            AuthorInput(name=a.as_written or "", member_id=a.member_id)
            if a.is_member
            else AuthorInput(name=a.name)
            for a in paper.authors
        ),
        featured=paper.featured_id,
        status=paper.status,
        presentation=paper.presentation,
        doi=paper.doi,
        arxiv=paper.arxiv,
        url=paper.url,
        code=paper.code,
        project=paper.project,
        bibkey=paper.bibkey,
        note=paper.note,
    )


def member_input(member: MemberRecord) -> MemberInput:
    return MemberInput(
        name=member.name,
        native=member.native,
        aliases=member.aliases,
        role=member.role,
        in_news=member.in_news,
        joined=member.joined,
        left=member.left,
        homepage=member.homepage,
        orcid=member.orcid,
        note=member.note,
    )


def venue_input(venue: VenueRecord) -> VenueInput:
    return VenueInput(
        short=venue.short,
        full=venue.full,
        kind=venue.kind,
        parent=venue.parent_short,
        label=venue.label,
        month=venue.month,
        aliases=venue.aliases,
        homepage=venue.homepage,
    )


def achievement_input(achievement: AchievementRecord) -> AchievementInput:
    return AchievementInput(
        kind=achievement.kind,
        title=achievement.title,
        date=achievement.date,
        day=achievement.day,
        members=tuple(m.member_id for m in achievement.members if m.member_id is not None),
        organisation=achievement.organisation,
        url=achievement.url,
        sentence=achievement.sentence,
    )
