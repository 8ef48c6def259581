"""Records: year-months, the year and month bounds, venue editions and what a paper record says."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labnews.core.errors import AmbiguousNameError, LabnewsError, ValidationError
from labnews.core.inputs import AUTO, PaperInput
from labnews.core.records import (
    MAX_YEAR,
    MIN_YEAR,
    AuthorRecord,
    Change,
    PaperRecord,
    YearMonth,
    check_month,
    check_year,
    venue_edition,
)


def paper(*, status: str = "accepted", title: str = "Masked Autoencoders") -> PaperRecord:
    """A CVPR 2024 paper with the given status and title."""
    return PaperRecord(
        id=1,
        venue_id=1,
        venue_short="CVPR",
        year=2024,
        news=YearMonth(2024, 6),
        title=title,
        status=status,
    )


# --- YearMonth.parse ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06", YearMonth(2024, 6)),
        ("2024/6", YearMonth(2024, 6)),
        ("2024/06", YearMonth(2024, 6)),
        ("2024-12", YearMonth(2024, 12)),
        ("2024.1", YearMonth(2024, 1)),
        ("  2023-02  ", YearMonth(2023, 2)),
        ("1900-01", YearMonth(1900, 1)),
        ("2100-12", YearMonth(2100, 12)),
    ],
)
def test_year_month_parse_accepts_dash_slash_and_dot_forms(text: str, expected: YearMonth) -> None:
    assert YearMonth.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-13",
        "2024-00",
        "1800-01",
        "2101-01",
        "June",
        "",
        "2024",
        "24-06",
        "2024-06-01",
        "2024-",
    ],
)
def test_year_month_parse_refuses_bad_text_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        YearMonth.parse(text, field="news")
    assert info.value.field == "news"
    assert "news" in str(info.value)


def test_year_month_parse_names_month_by_default() -> None:
    with pytest.raises(ValidationError) as info:
        YearMonth.parse("June")
    assert info.value.field == "month"
    assert str(info.value) == "month must look like YYYY-MM, not 'June'"


def test_year_month_parse_out_of_range_year_says_the_bounds() -> None:
    with pytest.raises(ValidationError) as info:
        YearMonth.parse("1800-01", field="joined")
    assert info.value.field == "joined"
    assert str(info.value) == "joined must be between 1900 and 2100, not 1800"


def test_year_month_parse_out_of_range_month_says_the_bounds() -> None:
    with pytest.raises(ValidationError) as info:
        YearMonth.parse("2024-13", field="news")
    assert str(info.value) == "news must be between 1 and 12, not 13"


def test_year_month_prints_zero_padded() -> None:
    assert str(YearMonth(2024, 6)) == "2024-06"
    assert str(YearMonth(2024, 12)) == "2024-12"


def test_year_month_orders_by_year_then_month() -> None:
    months = [YearMonth(2025, 1), YearMonth(2024, 12), YearMonth(2024, 2), YearMonth(2024, 6)]
    assert sorted(months) == [
        YearMonth(2024, 2),
        YearMonth(2024, 6),
        YearMonth(2024, 12),
        YearMonth(2025, 1),
    ]


@pytest.mark.parametrize(
    ("year", "month", "field"),
    [(2024, 0, "month"), (2024, 13, "month"), (1899, 6, "year"), (2101, 6, "year")],
)
def test_year_month_refuses_out_of_range_values_when_built_directly(
    year: int, month: int, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        YearMonth(year, month)
    assert info.value.field == field


def test_year_month_is_frozen() -> None:
    month = YearMonth(2024, 6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        month.month = 7  # type: ignore[misc]


@settings(database=None)
@given(st.integers(MIN_YEAR, MAX_YEAR), st.integers(1, 12))
def test_year_month_text_round_trips(year: int, month: int) -> None:
    value = YearMonth(year, month)
    assert YearMonth.parse(str(value)) == value
    assert YearMonth.parse(f"{year}/{month}") == value


# --- check_year / check_month ---------------------------------------------------------------


@pytest.mark.parametrize("year", [1900, 1901, 2024, 2099, 2100])
def test_check_year_returns_a_year_inside_the_bounds(year: int) -> None:
    assert check_year(year) == year


@pytest.mark.parametrize("year", [0, 1899, 2101, -2024])
def test_check_year_refuses_a_year_outside_the_bounds_naming_the_field(year: int) -> None:
    with pytest.raises(ValidationError) as info:
        check_year(year, field="edition")
    assert info.value.field == "edition"
    assert str(info.value) == f"edition must be between 1900 and 2100, not {year}"


def test_check_year_names_year_by_default() -> None:
    with pytest.raises(ValidationError) as info:
        check_year(1800)
    assert info.value.field == "year"


@pytest.mark.parametrize("month", range(1, 13))
def test_check_month_returns_every_calendar_month(month: int) -> None:
    assert check_month(month) == month


@pytest.mark.parametrize("month", [0, 13, -1, 100])
def test_check_month_refuses_a_month_outside_1_to_12_naming_the_field(month: int) -> None:
    with pytest.raises(ValidationError) as info:
        check_month(month, field="typical month")
    assert info.value.field == "typical month"
    assert str(info.value) == f"typical month must be between 1 and 12, not {month}"


# --- venue_edition --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("short", "kind", "year", "expected"),
    [
        ("CVPR", "conference", 2024, "CVPR 2024"),
        ("NeurIPS", "conference", 2023, "NeurIPS 2023"),
        ("ICCV Workshop", "workshop", 2024, "ICCV Workshop 2024"),
        ("ETRI J.", "journal", 2024, "ETRI J."),
        ("TPAMI", "journal", 2022, "TPAMI"),
    ],
)
def test_venue_edition_is_short_year_for_conferences_and_workshops_short_for_journals(
    short: str, kind: str, year: int, expected: str
) -> None:
    assert venue_edition(short, kind, year) == expected


# --- PaperRecord / AuthorRecord -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "counted"), [("accepted", True), ("published", True), ("withdrawn", False)]
)
def test_paper_counted_only_unless_withdrawn(status: str, counted: bool) -> None:
    assert paper(status=status).counted is counted


@pytest.mark.parametrize(
    ("title", "placeholder"),
    [("", True), ("   ", True), ("\t\n", True), ("Masked Autoencoders", False), (" X ", False)],
)
def test_paper_without_a_title_is_a_placeholder(title: str, placeholder: bool) -> None:
    assert paper(title=title).is_placeholder is placeholder


def test_paper_record_defaults_to_an_accepted_conference_paper_with_no_authors() -> None:
    record = paper()
    assert record.status == "accepted"
    assert record.venue_kind == "conference"
    assert record.authors == ()
    assert record.featured_id is None
    assert record.position == 0


def test_paper_record_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        paper().status = "withdrawn"  # type: ignore[misc]


def test_author_is_a_member_only_with_a_member_id() -> None:
    assert AuthorRecord("Ham Jaeseok", member_id=3, native="함재석").is_member
    assert AuthorRecord("Kaiming He", member_id=0).is_member
    assert not AuthorRecord("Kaiming He").is_member


# --- Change / inputs / errors ---------------------------------------------------------------


def test_change_equality_ignores_extra() -> None:
    first = Change("Added a paper", frozenset({"paper"}), frozenset({2024}), (7,), {"undo": 1})
    second = Change("Added a paper", frozenset({"paper"}), frozenset({2024}), (7,), {})
    assert first == second
    assert hash(first) == hash(second)


def test_paper_input_features_the_first_news_member_by_default() -> None:
    entered = PaperInput(venue="CVPR", year=2024)
    assert entered.featured == AUTO == "auto"
    assert entered.news is None
    assert entered.status == "accepted"


def test_labnews_error_prints_its_message_and_keeps_the_field() -> None:
    error = ValidationError("title must not be empty", field="title")
    assert isinstance(error, LabnewsError)
    assert str(error) == "title must not be empty"
    assert error.message == "title must not be empty"
    assert error.field == "title"
    assert LabnewsError("plain").field is None


def test_ambiguous_name_error_carries_its_candidates() -> None:
    error = AmbiguousNameError("author 'M. Kim' matches several members", ("A", "B"), field="x")
    assert error.candidates == ("A", "B")
    assert error.field == "x"
    assert isinstance(error, LabnewsError)
