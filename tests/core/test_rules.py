"""TallyRules: validation naming the field, JSON storage, pins and the printed description."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labnews.core.errors import ValidationError
from labnews.core.rules import LINE_MODES, ORDER_MODES, WORKSHOP_MODES, TallyRules


def test_default_rules_are_the_labs_own_format() -> None:
    rules = TallyRules()
    assert rules.workshops == "fold"
    assert rules.order == "first"
    assert rules.lines == "month"
    assert dict(rules.pinned) == {}


@pytest.mark.parametrize(
    ("field", "value"),
    [("workshops", "merge"), ("order", "random"), ("lines", "year"), ("order", "First")],
)
def test_a_bad_mode_is_refused_naming_the_field(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as info:
        TallyRules(**{field: value})  # type: ignore[arg-type]
    assert info.value.field == field
    assert str(info.value).startswith(f"{field} must be one of ")
    assert repr(value) in str(info.value)


def test_the_refusal_lists_the_allowed_modes() -> None:
    with pytest.raises(ValidationError) as info:
        TallyRules(workshops="merge")
    assert str(info.value) == "workshops must be one of fold, separate, exclude, not 'merge'"


@pytest.mark.parametrize("workshops", WORKSHOP_MODES)
@pytest.mark.parametrize("order", ORDER_MODES)
@pytest.mark.parametrize("lines", LINE_MODES)
def test_every_allowed_mode_is_accepted(workshops: str, order: str, lines: str) -> None:
    rules = TallyRules(workshops=workshops, order=order, lines=lines)
    assert (rules.workshops, rules.order, rules.lines) == (workshops, order, lines)


def test_pins_are_frozen_and_their_labels_become_tuples() -> None:
    source = {2024: ["CVPR", "ECCV"]}
    rules = TallyRules(pinned=source)  # type: ignore[arg-type]
    source[2024].append("ICML")
    assert rules.pinned[2024] == ("CVPR", "ECCV")
    with pytest.raises(TypeError):
        rules.pinned[2023] = ("AAAI",)  # type: ignore[index]


def test_rules_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        TallyRules().order = "count"  # type: ignore[misc]


def test_with_pin_returns_new_rules_and_leaves_the_old_ones_alone() -> None:
    rules = TallyRules(order="count")
    pinned = rules.with_pin(2023, ("AAAI", "ICLR", "CVPR", "ICCV", "NeurIPS", "ETRI J."))
    assert pinned.pinned[2023] == ("AAAI", "ICLR", "CVPR", "ICCV", "NeurIPS", "ETRI J.")
    assert pinned.order == "count"
    assert dict(rules.pinned) == {}


def test_with_pin_replaces_a_years_pin_and_keeps_other_years() -> None:
    rules = TallyRules().with_pin(2023, ("AAAI",)).with_pin(2024, ("CVPR",))
    rules = rules.with_pin(2024, ("ECCV", "CVPR"))
    assert dict(rules.pinned) == {2023: ("AAAI",), 2024: ("ECCV", "CVPR")}


@pytest.mark.parametrize("unpin", [None, ()])
def test_with_pin_none_or_empty_unpins_the_year(unpin: tuple[str, ...] | None) -> None:
    rules = TallyRules().with_pin(2023, ("AAAI",)).with_pin(2024, ("CVPR",))
    rules = rules.with_pin(2024, unpin)
    assert dict(rules.pinned) == {2023: ("AAAI",)}
    assert dict(rules.with_pin(2022, None).pinned) == {2023: ("AAAI",)}


def test_to_json_is_stable_sorted_and_keeps_non_ascii_labels() -> None:
    rules = TallyRules(workshops="separate", order="alpha", pinned={2024: ("CVPR", "정보과학회")})
    assert rules.to_json() == (
        '{"lines": "month", "order": "alpha", "pinned": {"2024": ["CVPR", "정보과학회"]}, '
        '"workshops": "separate"}'
    )


def test_json_round_trip_gives_equal_rules() -> None:
    rules = TallyRules(
        workshops="exclude",
        order="count",
        lines="venue",
        pinned={2023: ("AAAI", "ICLR", "CVPR"), 2024: ("ETRI J.", "CVPR")},
    )
    again = TallyRules.from_json(rules.to_json())
    assert again == rules
    assert again.pinned[2023] == ("AAAI", "ICLR", "CVPR")


def test_from_json_fills_missing_keys_with_defaults_and_ignores_unknown_ones() -> None:
    assert TallyRules.from_json("{}") == TallyRules()
    rules = TallyRules.from_json('{"order": "count", "colour": "blue"}')
    assert rules == TallyRules(order="count")


@pytest.mark.parametrize("text", ["", "{", "not json", "{'order': 'count'}"])
def test_from_json_refuses_text_that_is_not_json(text: str) -> None:
    with pytest.raises(ValidationError, match="not valid JSON"):
        TallyRules.from_json(text)


@pytest.mark.parametrize("text", ["[]", '"fold"', "3", "null"])
def test_from_json_refuses_json_that_is_not_an_object(text: str) -> None:
    with pytest.raises(ValidationError, match="must be a JSON object"):
        TallyRules.from_json(text)


def test_from_json_refuses_a_stored_bad_mode_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        TallyRules.from_json('{"workshops": "merge"}')
    assert info.value.field == "workshops"


@pytest.mark.parametrize(
    "text",
    ['{"pinned": {"last year": ["CVPR"]}}', '{"pinned": {"2024": 5}}', '{"pinned": 5}'],
)
def test_from_json_refuses_malformed_pins_with_a_validation_error(text: str) -> None:
    with pytest.raises(ValidationError):
        TallyRules.from_json(text)


def test_from_json_does_not_split_a_string_pin_into_characters() -> None:
    try:
        rules = TallyRules.from_json('{"pinned": {"2024": "CVPR"}}')
    except ValidationError:
        return
    assert rules.pinned[2024] == ("CVPR",)


def test_describe_prints_modes_then_pins_newest_year_first() -> None:
    rules = TallyRules(order="count").with_pin(2023, ("AAAI", "ICLR")).with_pin(2024, ("CVPR",))
    assert rules.describe() == (
        "workshops: fold\norder: count\nlines: month\npinned 2024: CVPR\npinned 2023: AAAI, ICLR"
    )


def test_describe_without_pins_prints_only_the_modes() -> None:
    assert TallyRules().describe() == "workshops: fold\norder: first\nlines: month"


_labels = st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=5).map(tuple)


@settings(database=None)
@given(
    st.sampled_from(WORKSHOP_MODES),
    st.sampled_from(ORDER_MODES),
    st.sampled_from(LINE_MODES),
    st.dictionaries(st.integers(1900, 2100), _labels, max_size=4),
)
def test_any_rules_survive_a_json_round_trip(
    workshops: str, order: str, lines: str, pins: dict[int, tuple[str, ...]]
) -> None:
    rules = TallyRules(workshops=workshops, order=order, lines=lines, pinned=pins)
    assert TallyRules.from_json(rules.to_json()) == rules
