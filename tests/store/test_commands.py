"""Store commands: bad input is refused naming the field, with nothing written; counts are right."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from labnews.core.errors import (
    AmbiguousNameError,
    ConflictError,
    DuplicateError,
    InUseError,
    LabnewsError,
    NotFoundError,
    ValidationError,
)
from labnews.core.inputs import (
    AchievementInput,
    AuthorInput,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.records import YearMonth
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.models import Paper


def _paper_count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Paper)) or 0)


def _add_member(database: Database, name: str, **fields: object) -> int:
    with database.session(write=True) as session:
        change = commands.add_member(session, MemberInput(name=name, **fields))  # type: ignore[arg-type]
    return change.ids[0]


@pytest.mark.parametrize(
    ("paper", "field", "words"),
    [
        (PaperInput(venue="CVPR", year=1800), "year", "between 1900 and 2100"),
        (PaperInput(venue="CVPR", year=2024, news=None, status="rejected"), "status", "one of"),
        (PaperInput(venue="No Such Venue", year=2024), "venue", "not a known venue"),
        (PaperInput(venue="ETRI J.", year=2024), "month", "no typical month"),
        (PaperInput(venue="CVPR", year=2024, url="javascript:alert(1)"), "url", "http"),
        (PaperInput(venue="CVPR", year=2024, doi="not a doi"), "doi", "10.1234"),
        (PaperInput(venue="CVPR", year=2024, presentation="keynote"), "presentation", "one of"),
        (
            PaperInput(venue="CVPR", year=2024, authors=(AuthorInput(name="   "),)),
            "author 1",
            "must not be empty",
        ),
    ],
)
def test_a_bad_paper_is_refused_naming_the_field_and_nothing_is_written(
    database: Database, paper: PaperInput, field: str, words: str
) -> None:
    with pytest.raises(LabnewsError) as caught, database.session(write=True) as session:
        commands.add_paper(session, paper)
    assert caught.value.field == field
    assert words in caught.value.message
    assert _paper_count(database) == 0


def test_a_month_outside_1_to_12_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        YearMonth(2024, 13)
    assert caught.value.field == "month"


def test_an_unknown_venue_lists_the_closest_names(database: Database) -> None:
    with pytest.raises(NotFoundError, match="closest: CVPR"), database.session() as session:
        queries.find_venue(session, "CVRP")


def test_a_duplicate_paper_names_the_one_it_duplicates(database: Database) -> None:
    title = "KOALA: Fast and Memory-Efficient Latent Diffusion Models"
    with database.session(write=True) as session:
        first = commands.add_paper(session, PaperInput(venue="CVPR", year=2024, title=title))
    with pytest.raises(DuplicateError) as caught, database.session(write=True) as session:
        commands.add_paper(
            session, PaperInput(venue="cvpr (1)", year=2024, title=f"  {title.upper()} ")
        )
    assert f"paper #{first.ids[0]}" in caught.value.message
    assert "CVPR 2024" in caught.value.message
    assert _paper_count(database) == 1


def test_placeholder_papers_without_titles_are_not_duplicates(database: Database) -> None:
    with database.session(write=True) as session:
        commands.add_paper(session, PaperInput(venue="CVPR", year=2024))
        commands.add_paper(session, PaperInput(venue="CVPR", year=2024))
    assert _paper_count(database) == 2


def test_a_doi_cannot_be_recorded_twice(database: Database) -> None:
    with database.session(write=True) as session:
        commands.add_paper(session, PaperInput(venue="CVPR", year=2024, doi="10.1000/ABC"))
    with (
        pytest.raises(DuplicateError, match="already exists"),
        database.session(write=True) as session,
    ):
        commands.add_paper(
            session, PaperInput(venue="ICCV", year=2023, doi="https://doi.org/10.1000/abc")
        )


def test_the_news_month_defaults_to_the_venues_typical_month(database: Database) -> None:
    with database.session(write=True) as session:
        change = commands.add_paper(session, PaperInput(venue="NeurIPS", year=2024))
        paper = queries.paper_by_id(session, change.ids[0])
    assert paper.news == YearMonth(2024, 12)
    assert change.message == "Added a paper to NeurIPS 2024: 2024 now has 1 paper"


def test_a_workshop_without_a_month_takes_its_conferences_month(database: Database) -> None:
    with database.session(write=True) as session:
        commands.add_venue(
            session, VenueInput(short="Tiny Workshop", parent="ICCV", kind="workshop")
        )
        change = commands.add_paper(session, PaperInput(venue="Tiny Workshop", year=2023))
        assert queries.paper_by_id(session, change.ids[0]).news == YearMonth(2023, 10)


def test_the_featured_member_is_the_first_author_listed_in_news(database: Database) -> None:
    pi = _add_member(database, "Yong-Ju Lee", in_news=False)
    student = _add_member(database, "Ham Jaeseok")
    with database.session(write=True) as session:
        change = commands.add_paper(
            session,
            PaperInput(
                venue="CVPR",
                year=2024,
                authors=(
                    AuthorInput(name="Outside Person"),
                    AuthorInput(member_id=pi),
                    AuthorInput(member_id=student),
                ),
            ),
        )
        paper = queries.paper_by_id(session, change.ids[0])
    assert paper.featured_name == "Ham Jaeseok"
    assert [a.name for a in paper.authors] == ["Outside Person", "Yong-Ju Lee", "Ham Jaeseok"]


def test_a_member_listed_twice_on_a_paper_is_refused(database: Database) -> None:
    member = _add_member(database, "Ham Jaeseok")
    with (
        pytest.raises(ValidationError, match="listed twice"),
        database.session(write=True) as session,
    ):
        commands.add_paper(
            session,
            PaperInput(
                venue="CVPR",
                year=2024,
                authors=(AuthorInput(member_id=member), AuthorInput(member_id=member)),
            ),
        )


def test_member_names_are_unique_ignoring_case(database: Database) -> None:
    _add_member(database, "Ham Jaeseok")
    with pytest.raises(DuplicateError, match="already a member"):
        _add_member(database, "ham jaeseok")


def test_a_member_name_of_only_spaces_is_refused(database: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        _add_member(database, "   ")
    assert caught.value.field == "name"


def test_venue_short_names_and_aliases_are_unique_ignoring_case(database: Database) -> None:
    with pytest.raises(DuplicateError, match="CVPR"), database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="cvpr"))
    with pytest.raises(DuplicateError, match="NeurIPS"), database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="New Venue", aliases=("nips",)))


def test_a_venue_cannot_become_its_own_ancestor(database: Database) -> None:
    with database.session(write=True) as session:
        cvpr = queries.find_venue(session, "CVPR")
        with pytest.raises(ValidationError, match="cycle"):
            commands.update_venue(
                session,
                cvpr.id,
                VenueInput(short="CVPR", kind="conference", parent="CVPR Workshop"),
            )


def test_removing_a_venue_in_use_says_by_what(demo_database: Database) -> None:
    with pytest.raises(InUseError) as caught, demo_database.session(write=True) as session:
        commands.remove_venue(session, queries.find_venue(session, "CVPR").id)
    assert "has 10 papers" in caught.value.message
    assert "CVPR Workshop" in caught.value.message


def test_removing_a_member_on_papers_says_how_many(demo_database: Database) -> None:
    with (
        pytest.raises(InUseError, match="an author of 4 papers"),
        demo_database.session(write=True) as session,
    ):
        commands.remove_member(session, queries.find_member(session, "Jaeseok Ham").id)


def test_removing_several_papers_is_all_or_nothing(demo_database: Database) -> None:
    with pytest.raises(NotFoundError), demo_database.session(write=True) as session:
        commands.remove_papers(session, [1, 2, 99999])
    assert _paper_count(demo_database) == 41
    with demo_database.session(write=True) as session:
        change = commands.remove_papers(session, [1, 2])
    assert change.message == "Removed 2 papers"
    assert _paper_count(demo_database) == 39


def test_a_stale_edit_is_refused_as_a_conflict(demo_database: Database) -> None:
    with demo_database.session() as session:
        seen = queries.paper_by_id(session, 1)
    edit = PaperInput(venue=seen.venue_short, year=seen.year, news=seen.news, title="First edit")
    with demo_database.session(write=True) as session:
        commands.update_paper(session, 1, edit, expected_version=seen.version)
    late = PaperInput(venue=seen.venue_short, year=seen.year, news=seen.news, title="Late edit")
    with (
        pytest.raises(ConflictError, match="changed by someone else"),
        demo_database.session(write=True) as session,
    ):
        commands.update_paper(session, 1, late, expected_version=seen.version)
    with demo_database.session() as session:
        assert queries.paper_by_id(session, 1).title == "First edit"


def test_an_ambiguous_author_name_lists_the_candidates(database: Database) -> None:
    _add_member(database, "Lee Jiwon")
    _add_member(database, "Jiwon Lee", aliases=())
    with database.session() as session:
        directory = queries.member_directory(session)
    with pytest.raises(AmbiguousNameError) as caught:
        directory.find("LEE JIWON")
    assert set(caught.value.candidates) == {"Lee Jiwon", "Jiwon Lee"}


def test_an_achievement_needs_a_title_and_a_real_day(database: Database) -> None:
    with pytest.raises(ValidationError) as caught, database.session(write=True) as session:
        commands.add_achievement(
            session, AchievementInput(kind="award", title="  ", date=YearMonth(2025, 4))
        )
    assert caught.value.field == "title"
    with (
        pytest.raises(ValidationError, match="between 1 and 30"),
        database.session(write=True) as session,
    ):
        commands.add_achievement(
            session, AchievementInput(kind="award", title="Prize", date=YearMonth(2025, 4), day=31)
        )
