"""Achievement commands keep the page fields and links, refuse bad ones naming the field, and
write nothing when they refuse."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from labnews.core.errors import ValidationError
from labnews.core.inputs import AchievementInput, MemberInput
from labnews.core.records import AchievementLink, YearMonth
from labnews.core.snapshots import achievement_input
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.models import Achievement, AchievementLinkRow

PROJECT = AchievementInput(
    kind="project",
    title="Development of AI Autonomy",
    date=YearMonth(2022, 1),
    year_only=True,
    end_year=2026,
    role="Project Investigator",
    description="Agents that see.\nAnd speak.",
    in_news=False,
    links=(
        AchievementLink("link", "https://etri-visualintelligence.github.io/clara/", "Homepage"),
        AchievementLink("image", "images//clara-motivation.png", "image description"),
        AchievementLink("video", "https://youtu.be/4DJ-0Z70E0E"),
    ),
)


def _rows(database: Database) -> tuple[int, int]:
    with database.session() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Achievement)) or 0),
            int(session.scalar(select(func.count()).select_from(AchievementLinkRow)) or 0),
        )


def test_a_project_reads_back_exactly_as_it_was_entered(database: Database) -> None:
    with database.session(write=True) as session:
        pi = commands.add_member(session, MemberInput(name="Yong-Ju Lee")).ids[0]
        change = commands.add_achievement(session, dataclasses.replace(PROJECT, members=(pi,)))
    with database.session() as session:
        record = queries.achievement_by_id(session, change.ids[0])
    assert achievement_input(record) == dataclasses.replace(PROJECT, members=(pi,))
    assert _rows(database) == (1, 3)


def test_an_update_replaces_the_links_in_their_new_order(database: Database) -> None:
    with database.session(write=True) as session:
        achievement_id = commands.add_achievement(session, PROJECT).ids[0]
    reordered = dataclasses.replace(PROJECT, links=PROJECT.links[::-1][:2], rank=None)
    with database.session(write=True) as session:
        commands.update_achievement(session, achievement_id, reordered)
    with database.session() as session:
        assert queries.achievement_by_id(session, achievement_id).links == reordered.links
    with database.session(write=True) as session:
        commands.remove_achievements(session, [achievement_id])
    assert _rows(database) == (0, 0)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_year": 2021}, "end_year"),
        ({"end_year": 2200}, "end_year"),
        ({"rank": 0}, "rank"),
        ({"rank": 3, "teams": 2}, "rank"),
        ({"teams": 20}, "rank"),
        ({"day": 5}, "day"),
        ({"links": (AchievementLink("video", "javascript:alert(1)"),)}, "link 1 URL"),
        ({"links": (AchievementLink("poster", "https://x.example"),)}, "link 1 kind"),
        ({"kind": "party"}, "kind"),
    ],
)
def test_a_bad_page_field_is_refused_naming_it_and_nothing_is_written(
    database: Database, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as refused, database.session(write=True) as session:
        commands.add_achievement(session, dataclasses.replace(PROJECT, **changes))  # type: ignore[arg-type]
    assert refused.value.field == field
    assert _rows(database) == (0, 0)
