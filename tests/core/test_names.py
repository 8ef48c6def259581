"""Person names: spelling-insensitive keys, finding a member by any spelling, and near misses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labnews.core.errors import AmbiguousNameError, ValidationError
from labnews.core.names import MemberDirectory, clean_name, closest, name_key
from labnews.core.records import MemberRecord

LAB = (
    MemberRecord(1, "Ham Jaeseok", native="함재석", aliases=("J. Ham",), role="phd"),
    MemberRecord(2, "Jongryul Lee", native="이종렬", role="researcher"),
    MemberRecord(3, "José García", role="postdoc"),
    MemberRecord(4, "Youngwan Lee", aliases=("Y. Lee", "Lee Youngwan"), role="researcher"),
    MemberRecord(5, "Kwanyong Park", role="phd"),
    MemberRecord(6, "Kim Daehoe", native="김대회", role="ms"),
    MemberRecord(7, "Park Minho", role="alumni"),
    MemberRecord(8, "Lee Seongwon", role="phd"),
)


@pytest.fixture
def lab() -> MemberDirectory:
    return MemberDirectory(LAB)


# --- clean_name -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("Ham Jaeseok", "Ham Jaeseok"),
        ("  Ham   Jaeseok  ", "Ham Jaeseok"),
        ("Ham\tJaeseok\n", "Ham Jaeseok"),
        ("Ham\x00 Jaeseok", "Ham Jaeseok"),
        ("함재석", "함재석"),
    ],
)
def test_clean_name_folds_spaces_and_keeps_the_spelling(text: str, cleaned: str) -> None:
    assert clean_name(text) == cleaned


@pytest.mark.parametrize("text", ["", " ", "   ", "\t\n", "\x00", " \x00 "])
def test_clean_name_refuses_a_name_of_only_spaces_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_name(text, field="display name")
    assert info.value.field == "display name"
    assert str(info.value) == "display name must not be empty"


def test_clean_name_names_name_by_default() -> None:
    with pytest.raises(ValidationError) as info:
        clean_name("   ")
    assert info.value.field == "name"


# --- name_key -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ham Jaeseok", "Jaeseok Ham"),
        ("Ham Jaeseok", "ham jaeseok"),
        ("Ham Jaeseok", "  HAM    Jaeseok "),
        ("Jong-Ryul Lee", "Jongryul Lee"),
        ("Jong‐Ryul Lee", "Jongryul Lee"),  # U+2010 hyphen
        ("Jong–Ryul Lee", "Lee Jongryul"),  # en dash
        ("José García", "Jose Garcia"),
        ("José García", "GARCIA, JOSE"),
        ("Müller Jürgen", "Jurgen Muller"),
        ("J. Ham", "Ham J"),
        ("O'Brien Seán", "Sean OBrien"),
        ("함재석", "함재석"),
        ("Ｋｉｍ Ｄａｅｈｏｅ", "Kim Daehoe"),  # full-width letters
    ],
)
def test_name_key_ignores_order_case_spaces_hyphens_dots_and_accents(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Youngwan Lee", "Jongryul Lee"),
        ("Kwanyong Park", "Kwanyoung Park"),
        ("Ham Jaeseok", "Ham Jaeseo"),
        ("함재석", "함재성"),
        ("Kim Daehoe", "Kim Dae Hoe Lee"),
    ],
)
def test_name_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_name_key_is_lowercase_tokens_in_sorted_order() -> None:
    assert name_key("  Ham  Jaeseok ") == "ham jaeseok"
    assert name_key("Youngwan LEE") == "lee youngwan"
    assert name_key("José García") == "garcia jose"


def test_name_key_keeps_hangul_syllables_composed() -> None:
    assert name_key("함재석") == "함재석"
    assert name_key("김 대회") == "김 대회"


def test_name_key_of_punctuation_only_is_empty() -> None:
    assert name_key(" - . ") == ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Łukasz Kowalski", "Lukasz Kowalski"),
        ("Đặng Văn", "Dang Van"),
        ("Søren Kier", "Soren Kier"),
    ],
)
def test_name_key_folds_letters_with_a_stroke(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúüñçÁÉÍÓÚÜÑÇ"
_HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
_token = st.one_of(
    st.text(st.sampled_from(_LETTERS), min_size=1, max_size=10),
    st.text(_HANGUL, min_size=1, max_size=4),
)


@settings(database=None)
@given(_token, _token)
def test_name_key_is_the_same_in_either_order_of_a_two_token_name(first: str, second: str) -> None:
    assert name_key(f"{first} {second}") == name_key(f"{second} {first}")
    assert name_key(f"{first} {second}") == name_key(f"{second}, {first}")


@settings(database=None)
@given(st.lists(_token, min_size=1, max_size=4).map(" ".join))
def test_name_key_ignores_case_and_is_idempotent(name: str) -> None:
    key = name_key(name)
    assert name_key(name.upper()) == key
    assert name_key(name.lower()) == key
    assert name_key(name.swapcase()) == key
    assert name_key(key) == key


@settings(database=None)
@given(st.lists(_token, min_size=1, max_size=4), st.lists(st.sampled_from([" ", "  ", "\t"])))
def test_name_key_ignores_extra_spaces(tokens: list[str], pads: list[str]) -> None:
    padded = "".join(pads) + "   ".join(tokens) + "".join(pads)
    assert name_key(padded) == name_key(" ".join(tokens))


# --- MemberDirectory.find -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "member_id", "matched"),
    [
        ("Ham Jaeseok", 1, "Ham Jaeseok"),
        ("Jaeseok Ham", 1, "Ham Jaeseok"),
        ("jaeseok HAM", 1, "Ham Jaeseok"),
        ("  Jaeseok   Ham ", 1, "Ham Jaeseok"),
        ("함재석", 1, "함재석"),
        ("J. Ham", 1, "J. Ham"),
        ("Ham J", 1, "J. Ham"),
        ("Jong-Ryul Lee", 2, "Jongryul Lee"),
        ("Lee Jongryul", 2, "Jongryul Lee"),
        ("이종렬", 2, "이종렬"),
        ("Jose Garcia", 3, "José García"),
        ("García, José", 3, "José García"),
        ("Y. Lee", 4, "Y. Lee"),
        ("Lee Youngwan", 4, "Youngwan Lee"),
        ("Daehoe Kim", 6, "Kim Daehoe"),
    ],
)
def test_find_matches_a_member_by_any_spelling_in_either_order(
    lab: MemberDirectory, name: str, member_id: int, matched: str
) -> None:
    match = lab.find(name)
    assert match is not None
    assert match.member.id == member_id
    assert match.member == LAB[member_id - 1]
    assert match.matched == matched


@pytest.mark.parametrize("name", ["Kaiming He", "Kwanyoung Park", "Ham", "", "   ", "김대호"])
def test_find_returns_none_when_no_member_has_the_name(lab: MemberDirectory, name: str) -> None:
    assert lab.find(name) is None


def test_find_refuses_an_ambiguous_name_listing_both_candidates() -> None:
    directory = MemberDirectory(
        [MemberRecord(10, "Kim Minjun"), MemberRecord(11, "Minjun Kim"), *LAB]
    )
    with pytest.raises(AmbiguousNameError) as info:
        directory.find("minjun kim", field="author 3")
    assert info.value.candidates == ("Kim Minjun", "Minjun Kim")
    assert info.value.field == "author 3"
    assert str(info.value) == (
        "author 3 'minjun kim' matches several members: Kim Minjun, Minjun Kim"
    )


def test_find_refuses_an_alias_two_members_share() -> None:
    directory = MemberDirectory(
        [
            MemberRecord(20, "Seongwon Lee", aliases=("S. Lee",)),
            MemberRecord(21, "Sanghun Lee", aliases=("S. Lee",)),
        ]
    )
    with pytest.raises(AmbiguousNameError) as info:
        directory.find("S. Lee")
    assert info.value.candidates == ("Sanghun Lee", "Seongwon Lee")
    assert info.value.field == "author"
    # Their full names still tell them apart.
    match = directory.find("Lee Seongwon")
    assert match is not None
    assert match.member.id == 20


def test_one_member_with_two_spellings_of_the_same_key_is_not_ambiguous() -> None:
    directory = MemberDirectory(
        [MemberRecord(1, "Ham Jaeseok", aliases=("Jaeseok Ham", "HAM JAESEOK"))]
    )
    match = directory.find("jaeseok ham")
    assert match is not None
    assert match.member.id == 1
    assert match.matched == "Ham Jaeseok"


def test_empty_native_name_and_aliases_match_nothing() -> None:
    directory = MemberDirectory([MemberRecord(1, "Ham Jaeseok", native="", aliases=("", "-"))])
    assert directory.find("") is None
    assert directory.find("-") is None


def test_directory_keeps_its_members_in_order(lab: MemberDirectory) -> None:
    assert lab.members == LAB


# --- suggest / closest ----------------------------------------------------------------------


def test_suggest_offers_the_close_member_for_a_near_miss(lab: MemberDirectory) -> None:
    assert lab.find("Kwanyoung Park") is None
    assert lab.suggest("Kwanyoung Park") == ("Kwanyong Park",)


def test_suggest_works_in_either_name_order(lab: MemberDirectory) -> None:
    suggestions = lab.suggest("Jaesuk Ham")
    assert suggestions[:1] == ("Ham Jaeseok",)


def test_suggest_offers_nobody_for_a_name_far_from_every_member(lab: MemberDirectory) -> None:
    assert lab.suggest("Zhuangzi Xu") == ()


def test_suggest_never_names_a_member_twice_and_respects_the_limit(lab: MemberDirectory) -> None:
    suggestions = lab.suggest("Youngwan Le", limit=1)
    assert suggestions == ("Youngwan Lee",)
    many = lab.suggest("Lee Youngwan", limit=3)
    assert many[0] == "Youngwan Lee"
    assert len(many) == len(set(many)) <= 3


def test_suggest_in_an_empty_directory_is_empty() -> None:
    assert MemberDirectory([]).suggest("Ham Jaeseok") == ()


def test_closest_names_the_venue_a_typo_meant() -> None:
    assert closest("CVRP", ["CVPR", "ECCV", "ICCV", "NeurIPS"])[0] == "CVPR"
    assert closest("neurips", ["CVPR", "NeurIPS"]) == ["NeurIPS"]


def test_closest_drops_far_choices_and_duplicates() -> None:
    assert closest("AAAI", ["NeurIPS", "ETRI J."]) == []
    assert closest("CVPR", ["CVPR", "CVPR", "cvpr"], limit=3) == ["CVPR", "cvpr"]
