"""The yearly tally on plain records: every counting and ordering rule of core.tally/core.rules."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labnews.core.records import (
    AuthorRecord,
    LabelCount,
    PaperRecord,
    VenueRecord,
    YearMonth,
    YearTally,
)
from labnews.core.rules import ORDER_MODES, WORKSHOP_MODES, TallyRules
from labnews.core.tally import (
    VenueYearCount,
    label_counts,
    label_counts_from_venues,
    order_labels,
    pack_first,
    paper_label,
    summary_line,
    tallies_from_counts,
    tally_label,
    tally_year,
    tally_years,
    unpack_first,
)

FOLD = TallyRules()
SEPARATE = TallyRules(workshops="separate")
EXCLUDE = TallyRules(workshops="exclude")

_paper_ids = itertools.count(1)
_venue_ids: dict[str, int] = {}


def paper(
    venue: str = "CVPR",
    news: str = "2024-06",
    *,
    kind: str = "conference",
    label: str | None = None,
    parent: str | None = None,
    edition: int | None = None,
    status: str = "accepted",
    position: int = 0,
    authors: Sequence[str] = ("Youngwan Lee",),
    paper_id: int | None = None,
    venue_id: int | None = None,
) -> PaperRecord:
    """A paper at ``venue`` with its news line in ``news``; ids are fresh unless given."""
    month = YearMonth.parse(news)
    return PaperRecord(
        id=next(_paper_ids) if paper_id is None else paper_id,
        venue_id=_venue_ids.setdefault(venue, len(_venue_ids) + 1)
        if venue_id is None
        else venue_id,
        venue_short=venue,
        year=month.year if edition is None else edition,
        news=month,
        title=f"A paper at {venue}",
        venue_kind=kind,
        venue_label=label,
        parent_label=parent,
        authors=tuple(AuthorRecord(name, member_id=i + 1) for i, name in enumerate(authors)),
        featured_id=1 if authors else None,
        featured_name=authors[0] if authors else None,
        status=status,
        position=position,
    )


def papers(count: int, venue: str, news: str, **kwargs: object) -> list[PaperRecord]:
    """``count`` papers at one venue in one month, in positions 0, 1, ..."""
    return [paper(venue, news, position=i, **kwargs) for i in range(count)]  # type: ignore[arg-type]


def lab_2024() -> list[PaperRecord]:
    """The lab's 2024: 19 papers, built newest month first as the news page lists them."""
    return [
        *papers(3, "NeurIPS", "2024-12"),
        *papers(6, "ECCV", "2024-09"),
        *papers(1, "ICML", "2024-08"),
        *papers(2, "AVSS", "2024-07"),
        *papers(5, "CVPR", "2024-06"),
        *papers(2, "ETRI J.", "2024-02", kind="journal"),
    ]


def lab_2023() -> list[PaperRecord]:
    """The lab's 2023: 9 papers; ICCV and ETRI J. share October."""
    return [
        *papers(1, "NeurIPS", "2023-12"),
        paper("ICCV", "2023-10", position=0),
        paper("ETRI J.", "2023-10", kind="journal", position=1),
        *papers(4, "CVPR", "2023-06"),
        *papers(1, "ICLR", "2023-05"),
        *papers(1, "AAAI", "2023-02"),
    ]


def items(tally: YearTally) -> list[tuple[str, int]]:
    return list(tally.items)


# --- what counts, and where -----------------------------------------------------------------


def test_paper_counts_once_in_its_news_year_whatever_its_member_authors() -> None:
    one = paper(
        "CVPR", "2024-06", authors=("Youngwan Lee", "Ham Jaeseok", "Kwanyong Park", "Bae Kangmin")
    )
    tally = tally_year([one], FOLD, 2024)
    assert tally == YearTally(year=2024, total=1, items=(("CVPR", 1),))


def test_paper_with_no_member_author_still_counts() -> None:
    assert tally_year([paper(authors=())], FOLD, 2024).total == 1


def test_paper_counts_in_the_year_of_its_news_month_not_its_edition_year() -> None:
    late = paper("ICCV Workshop", "2025-01", kind="workshop", parent="ICCV", edition=2024)
    assert tally_years([late], FOLD) == (YearTally(2025, 1, (("ICCV", 1),)),)
    assert tally_year([late], FOLD, 2024) == YearTally(2024, 0, ())


def test_withdrawn_papers_never_count() -> None:
    records = [
        paper("CVPR", status="accepted"),
        paper("CVPR", status="withdrawn"),
        paper("ECCV", "2024-09", status="withdrawn"),
    ]
    assert tally_year(records, FOLD, 2024) == YearTally(2024, 1, (("CVPR", 1),))


def test_a_year_of_only_withdrawn_papers_has_no_tally() -> None:
    records = [paper("CVPR", "2022-06", status="withdrawn")]
    assert tally_years(records, FOLD) == ()
    assert tally_year(records, FOLD, 2022) == YearTally(2022, 0, ())


def test_published_and_accepted_papers_count() -> None:
    records = [paper("CVPR", status="accepted"), paper("CVPR", status="published")]
    assert tally_year(records, FOLD, 2024) == YearTally(2024, 2, (("CVPR", 2),))


# --- labels: workshops, explicit labels, parents -------------------------------------------


@pytest.mark.parametrize(
    ("short", "kind", "label", "parent", "rules", "expected"),
    [
        ("CVPR", "conference", None, None, FOLD, "CVPR"),
        ("ICCV Workshop", "workshop", None, "ICCV", FOLD, "ICCV"),
        ("ICCV Workshop", "workshop", None, "ICCV", SEPARATE, "ICCV Workshop"),
        ("ICCV Workshop", "workshop", None, "ICCV", EXCLUDE, None),
        ("ICCV Workshop", "workshop", "ICCVW", "ICCV", FOLD, "ICCVW"),
        ("ICCV Workshop", "workshop", "ICCVW", "ICCV", EXCLUDE, None),
        ("VL Workshop", "workshop", None, None, FOLD, "VL Workshop"),
        ("ETRI J.", "journal", "SCI-E", None, FOLD, "SCI-E"),
        ("ACL Findings", "conference", None, "ACL", FOLD, "ACL"),
        ("ACL Findings", "other", None, "ACL", SEPARATE, "ACL"),
        ("ACL Findings", "conference", None, "ACL", EXCLUDE, "ACL"),
        ("CVPR Demo", "other", "Demos", "CVPR", FOLD, "Demos"),
    ],
)
def test_tally_label_follows_the_rules(
    short: str,
    kind: str,
    label: str | None,
    parent: str | None,
    rules: TallyRules,
    expected: str | None,
) -> None:
    assert tally_label(short, kind, label, parent, rules) == expected


def test_paper_label_reads_the_papers_venue_fields() -> None:
    workshop = paper("CVPR Workshop", kind="workshop", parent="CVPR")
    assert paper_label(workshop, FOLD) == "CVPR"
    assert paper_label(workshop, SEPARATE) == "CVPR Workshop"
    assert paper_label(workshop, EXCLUDE) is None


def _with_workshops() -> list[PaperRecord]:
    return [
        *papers(2, "ICCV", "2024-10"),
        *papers(3, "ICCV Workshop", "2024-10", kind="workshop", parent="ICCV"),
        paper("CVPR Workshop", "2024-06", kind="workshop", parent="CVPR"),
    ]


def test_workshop_papers_fold_into_parent_label_by_default() -> None:
    tally = tally_year(_with_workshops(), TallyRules(), 2024)
    assert tally == YearTally(2024, 6, (("CVPR", 1), ("ICCV", 5)))


def test_workshop_papers_separate_rule_keeps_workshop_label() -> None:
    tally = tally_year(_with_workshops(), SEPARATE, 2024)
    assert tally == YearTally(2024, 6, (("CVPR Workshop", 1), ("ICCV", 2), ("ICCV Workshop", 3)))


def test_workshop_papers_exclude_rule_leaves_workshops_out() -> None:
    tally = tally_year(_with_workshops(), EXCLUDE, 2024)
    assert tally == YearTally(2024, 2, (("ICCV", 2),))


def test_explicit_label_wins_several_journals_labelled_sci_e_count_together() -> None:
    records = [
        paper("ETRI J.", "2024-02", kind="journal", label="SCI-E"),
        paper("TPAMI", "2024-03", kind="journal", label="SCI-E"),
        paper("IEEE TIP", "2024-11", kind="journal", label="SCI-E"),
        *papers(2, "CVPR", "2024-06"),
        paper("Pattern Recognit.", "2024-08", kind="journal"),
    ]
    tally = tally_year(records, FOLD, 2024)
    assert tally == YearTally(2024, 6, (("SCI-E", 3), ("CVPR", 2), ("Pattern Recognit.", 1)))


def test_explicit_label_of_a_workshop_wins_over_folding() -> None:
    records = [paper("ICCV"), paper("CLVL", kind="workshop", parent="ICCV", label="ICCVW")]
    assert items(tally_year(records, FOLD, 2024)) == [("ICCV", 1), ("ICCVW", 1)]


def test_workshop_without_a_parent_counts_under_its_own_name() -> None:
    records = [paper("VL Workshop", kind="workshop")]
    assert items(tally_year(records, FOLD, 2024)) == [("VL Workshop", 1)]
    assert items(tally_year(records, SEPARATE, 2024)) == [("VL Workshop", 1)]
    assert tally_year(records, EXCLUDE, 2024).total == 0


@pytest.mark.parametrize("rules", [FOLD, SEPARATE, EXCLUDE], ids=WORKSHOP_MODES)
def test_non_workshop_venue_with_a_parent_findings_counts_under_the_parent(
    rules: TallyRules,
) -> None:
    records = [
        *papers(2, "ACL", "2024-05"),
        paper("Findings of ACL", "2024-05", parent="ACL", position=2),
    ]
    assert tally_year(records, rules, 2024) == YearTally(2024, 3, (("ACL", 3),))


# --- order ----------------------------------------------------------------------------------


def test_tally_order_is_first_appearance_oldest_month_first() -> None:
    tally = tally_year(lab_2024(), FOLD, 2024)
    assert [label for label, _ in tally.items] == [
        "ETRI J.",
        "CVPR",
        "AVSS",
        "ICML",
        "ECCV",
        "NeurIPS",
    ]


def test_first_appearance_within_a_month_goes_by_position() -> None:
    # Built so that paper ids run against positions: position must decide, not the id.
    records = [
        paper("ETRI J.", "2023-10", kind="journal", position=1),
        paper("ICCV", "2023-10", position=0),
    ]
    assert items(tally_year(records, FOLD, 2023)) == [("ICCV", 1), ("ETRI J.", 1)]


def test_first_appearance_counts_a_labels_earliest_paper() -> None:
    records = [
        paper("ECCV", "2024-09"),
        paper("CVPR", "2024-06"),
        paper("CVPR Workshop", "2024-03", kind="workshop", parent="CVPR"),
    ]
    assert items(tally_year(records, FOLD, 2024)) == [("CVPR", 2), ("ECCV", 1)]
    assert items(tally_year(records, SEPARATE, 2024)) == [
        ("CVPR Workshop", 1),
        ("CVPR", 1),
        ("ECCV", 1),
    ]


def test_tally_order_by_count_breaks_ties_by_first_appearance() -> None:
    tally = tally_year(lab_2024(), TallyRules(order="count"), 2024)
    assert items(tally) == [
        ("ECCV", 6),
        ("CVPR", 5),
        ("NeurIPS", 3),
        ("ETRI J.", 2),
        ("AVSS", 2),
        ("ICML", 1),
    ]


def test_tally_order_alpha_ignores_case() -> None:
    records = [*lab_2024(), paper("aaai", "2024-12")]
    tally = tally_year(records, TallyRules(order="alpha"), 2024)
    assert [label for label, _ in tally.items] == [
        "aaai",
        "AVSS",
        "CVPR",
        "ECCV",
        "ETRI J.",
        "ICML",
        "NeurIPS",
    ]


def test_a_pinned_order_wins_over_the_rule() -> None:
    pin = ("NeurIPS", "ECCV", "ICML", "AVSS", "CVPR", "ETRI J.")
    for order in ORDER_MODES:
        rules = TallyRules(order=order).with_pin(2024, pin)
        assert [label for label, _ in tally_year(lab_2024(), rules, 2024).items] == list(pin)


def test_labels_the_pin_does_not_name_follow_in_rule_order() -> None:
    rules = TallyRules().with_pin(2024, ("ECCV", "CVPR"))
    assert items(tally_year(lab_2024(), rules, 2024)) == [
        ("ECCV", 6),
        ("CVPR", 5),
        ("ETRI J.", 2),
        ("AVSS", 2),
        ("ICML", 1),
        ("NeurIPS", 3),
    ]
    by_count = TallyRules(order="count").with_pin(2024, ("ICML",))
    assert items(tally_year(lab_2024(), by_count, 2024)) == [
        ("ICML", 1),
        ("ECCV", 6),
        ("CVPR", 5),
        ("NeurIPS", 3),
        ("ETRI J.", 2),
        ("AVSS", 2),
    ]


def test_pin_matching_is_case_insensitive() -> None:
    rules = TallyRules().with_pin(2024, ("neurips", "eccv", "etri j."))
    assert [label for label, _ in tally_year(lab_2024(), rules, 2024).items] == [
        "NeurIPS",
        "ECCV",
        "ETRI J.",
        "CVPR",
        "AVSS",
        "ICML",
    ]


def test_a_pinned_label_without_papers_does_not_appear() -> None:
    rules = TallyRules().with_pin(2024, ("AAAI", "CVPR"))
    tally = tally_year(lab_2024(), rules, 2024)
    assert "AAAI" not in dict(tally.items)
    assert tally.items[0] == ("CVPR", 5)
    assert tally.total == 19


def test_a_pin_orders_only_its_own_year() -> None:
    rules = TallyRules().with_pin(2023, ("NeurIPS", "AAAI"))
    records = [*lab_2024(), *lab_2023()]
    assert tally_year(records, rules, 2024).items[0] == ("ETRI J.", 2)
    assert tally_year(records, rules, 2023).items[:2] == (("NeurIPS", 1), ("AAAI", 1))


def test_an_imported_pin_reproduces_the_labs_2023_tally() -> None:
    # The lab page lists NeurIPS (December) before ETRI J. (October) in 2023: an import pins that.
    assert summary_line(tally_year(lab_2023(), FOLD, 2023)) == (
        "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 ETRI J., 1 NeurIPS)"
    )
    rules = FOLD.with_pin(2023, ("AAAI", "ICLR", "CVPR", "ICCV", "NeurIPS", "ETRI J."))
    assert summary_line(tally_year(lab_2023(), rules, 2023)) == (
        "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J.)"
    )


def test_order_labels_keeps_only_the_asked_year() -> None:
    counts = [
        LabelCount(2024, "CVPR", 5, pack_first(6, 0, 1)),
        LabelCount(2023, "CVPR", 4, pack_first(6, 0, 2)),
        LabelCount(2024, "ETRI J.", 2, pack_first(2, 0, 3)),
    ]
    assert order_labels(counts, FOLD, 2024) == [counts[2], counts[0]]
    assert order_labels(counts, FOLD, 2022) == []


# --- years ----------------------------------------------------------------------------------


def test_tally_years_lists_newest_year_first() -> None:
    records = [
        *lab_2023(),
        paper("BMVC", "2022-11"),
        *lab_2024(),
        paper("ECCV", "2022-10"),
    ]
    tallies = tally_years(records, FOLD)
    assert [t.year for t in tallies] == [2024, 2023, 2022]
    assert [t.total for t in tallies] == [19, 9, 2]
    assert tallies[2].items == (("ECCV", 1), ("BMVC", 1))


def test_tally_years_of_no_papers_is_empty() -> None:
    assert tally_years([], FOLD) == ()


def test_tally_year_of_an_empty_year_is_total_zero() -> None:
    assert tally_year(lab_2024(), FOLD, 2021) == YearTally(year=2021, total=0, items=())


def test_tally_year_counts_only_that_year() -> None:
    records = [*lab_2024(), *lab_2023()]
    assert tally_year(records, FOLD, 2024) == tally_year(lab_2024(), FOLD, 2024)
    assert tally_year(records, FOLD, 2023).total == 9


def test_tally_year_accepts_a_one_shot_iterator() -> None:
    assert tally_year(iter(lab_2024()), FOLD, 2024).total == 19


def test_tally_total_is_the_sum_of_its_items() -> None:
    tally = tally_year(lab_2024(), FOLD, 2024)
    assert tally.total == sum(count for _, count in tally.items) == 19


# --- summary_line ---------------------------------------------------------------------------


def test_summary_line_of_the_labs_2024() -> None:
    assert summary_line(tally_year(lab_2024(), FOLD, 2024)) == (
        "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)"
    )


def test_summary_line_says_1_paper_in_the_singular() -> None:
    assert summary_line(tally_year([paper("ICML", "2024-08")], FOLD, 2024)) == (
        "2024: 1 paper (1 ICML)"
    )


def test_summary_line_of_an_empty_year_has_no_brackets() -> None:
    assert summary_line(YearTally(2021, 0, ())) == "2021: 0 papers"


def test_summary_line_of_two_papers_is_plural() -> None:
    assert summary_line(YearTally(2022, 2, (("CVPR", 2),))) == "2022: 2 papers (2 CVPR)"


# --- the SQL-side path equals the in-memory path --------------------------------------------

CATALOG: dict[int, VenueRecord] = {
    venue.id: venue
    for venue in (
        VenueRecord(1, "CVPR", month=6),
        VenueRecord(2, "CVPR Workshop", kind="workshop", parent_id=1, parent_short="CVPR"),
        VenueRecord(3, "ICCV", month=10),
        VenueRecord(4, "ICCV Workshop", kind="workshop", parent_id=3, parent_short="ICCV"),
        VenueRecord(5, "ETRI J.", kind="journal", label="SCI-E"),
        VenueRecord(6, "TPAMI", kind="journal", label="SCI-E"),
        VenueRecord(7, "ACL"),
        VenueRecord(8, "Findings of ACL", parent_id=7, parent_short="ACL"),
        VenueRecord(9, "NeurIPS", month=12),
        VenueRecord(10, "VL Workshop", kind="workshop"),
        VenueRecord(11, "CVPR Demo", kind="other", parent_id=1, parent_short="CVPR", label="Demos"),
        VenueRecord(12, "CLVL", kind="workshop", parent_id=3, parent_short="ICCV", label="ICCVW"),
        VenueRecord(13, "Pattern Recognit.", kind="journal"),
        VenueRecord(14, "AAAI Journal Track", parent_id=15, parent_short="AAAI"),
        VenueRecord(15, "AAAI", label="AAAI (all)"),
    )
}
CATALOG_LABELS = (
    "CVPR",
    "CVPR Workshop",
    "ICCV",
    "ICCV Workshop",
    "SCI-E",
    "TPAMI",
    "ACL",
    "NeurIPS",
    "VL Workshop",
    "Demos",
    "ICCVW",
    "Pattern Recognit.",
    "AAAI (all)",
    "cvpr",
    "sci-e",
)


def paper_at(
    venue_id: int, news: YearMonth, *, paper_id: int, position: int = 0, status: str = "accepted"
) -> PaperRecord:
    """A paper at a catalog venue, its venue fields filled in as the store's query fills them."""
    venue = CATALOG[venue_id]
    parent = CATALOG[venue.parent_id] if venue.parent_id is not None else None
    return paper(
        venue.short,
        str(news),
        kind=venue.kind,
        label=venue.label,
        parent=(parent.label or parent.short) if parent else None,
        status=status,
        position=position,
        paper_id=paper_id,
        venue_id=venue_id,
    )


def grouped_by_venue(records: Iterable[PaperRecord]) -> list[VenueYearCount]:
    """What ``SELECT year, venue_id, count(*), min(...) ... GROUP BY`` returns for these papers."""
    groups: dict[tuple[int, int], list[PaperRecord]] = {}
    for record in records:
        if record.counted:
            groups.setdefault((record.news.year, record.venue_id), []).append(record)
    return [
        VenueYearCount(
            year=year,
            venue_id=venue_id,
            count=len(group),
            first=min(pack_first(p.news.month, p.position, p.id) for p in group),
        )
        for (year, venue_id), group in groups.items()
    ]


def catalog_papers() -> list[PaperRecord]:
    ids = itertools.count(1000)
    spec = [
        (1, "2024-06", 3),
        (2, "2024-06", 2),
        (3, "2023-10", 1),
        (4, "2023-10", 2),
        (5, "2024-02", 2),
        (6, "2024-11", 1),
        (7, "2024-08", 1),
        (8, "2024-08", 2),
        (9, "2024-12", 3),
        (10, "2024-07", 1),
        (11, "2024-06", 1),
        (12, "2023-10", 1),
        (13, "2023-04", 1),
        (14, "2023-02", 1),
        (15, "2023-02", 1),
    ]
    result = [
        paper_at(venue_id, YearMonth.parse(news), paper_id=next(ids), position=i)
        for venue_id, news, count in spec
        for i in range(count)
    ]
    result.append(paper_at(9, YearMonth(2024, 12), paper_id=next(ids), status="withdrawn"))
    return result


@pytest.mark.parametrize("order", ORDER_MODES)
@pytest.mark.parametrize("workshops", WORKSHOP_MODES)
def test_tallies_from_venue_counts_equal_tallies_from_paper_records(
    workshops: str, order: str
) -> None:
    rules = TallyRules(workshops=workshops, order=order).with_pin(2023, ("iccvw", "AAAI (all)"))
    records = catalog_papers()
    from_sql = tallies_from_counts(
        label_counts_from_venues(grouped_by_venue(records), CATALOG, rules), rules
    )
    assert from_sql == tally_years(records, rules)
    assert [t.year for t in from_sql] == [2024, 2023]


def test_label_counts_from_venues_merges_venues_that_share_a_label() -> None:
    rows = [
        VenueYearCount(2024, 5, 2, pack_first(2, 0, 11)),
        VenueYearCount(2024, 6, 1, pack_first(1, 3, 40)),
        VenueYearCount(2024, 1, 3, pack_first(6, 0, 12)),
        VenueYearCount(2024, 2, 2, pack_first(6, 4, 13)),
        VenueYearCount(2023, 1, 4, pack_first(6, 0, 14)),
    ]
    merged = sorted(label_counts_from_venues(rows, CATALOG, FOLD), key=lambda c: (c.year, c.label))
    assert merged == [
        LabelCount(2023, "CVPR", 4, pack_first(6, 0, 14)),
        LabelCount(2024, "CVPR", 5, pack_first(6, 0, 12)),
        LabelCount(2024, "SCI-E", 3, pack_first(1, 3, 40)),
    ]


def test_label_counts_from_venues_leaves_out_excluded_workshops() -> None:
    rows = [
        VenueYearCount(2024, 2, 2, pack_first(6, 0, 1)),
        VenueYearCount(2024, 1, 1, pack_first(6, 1, 2)),
    ]
    assert label_counts_from_venues(rows, CATALOG, EXCLUDE) == [
        LabelCount(2024, "CVPR", 1, pack_first(6, 1, 2))
    ]


def test_label_counts_uses_a_parents_explicit_label_for_a_folded_child() -> None:
    rows = [
        VenueYearCount(2023, 14, 1, pack_first(2, 0, 1)),
        VenueYearCount(2023, 15, 2, pack_first(2, 1, 2)),
    ]
    assert label_counts_from_venues(rows, CATALOG, FOLD) == [
        LabelCount(2023, "AAAI (all)", 3, pack_first(2, 0, 1))
    ]


def test_label_counts_remembers_each_labels_earliest_paper() -> None:
    records = [
        paper("CVPR", "2024-06", position=2, paper_id=50),
        paper("CVPR", "2024-06", position=1, paper_id=51),
        paper("CVPR", "2023-06", position=0, paper_id=52),
        paper("CVPR", "2024-06", position=1, paper_id=53, status="withdrawn"),
    ]
    counts = sorted(label_counts(records, FOLD), key=lambda c: c.year)
    assert counts == [
        LabelCount(2023, "CVPR", 1, pack_first(6, 0, 52)),
        LabelCount(2024, "CVPR", 2, pack_first(6, 1, 51)),
    ]


# --- properties over random labs ------------------------------------------------------------


@st.composite
def random_lab(draw: st.DrawFn) -> list[PaperRecord]:
    specs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(sorted(CATALOG)),
                st.integers(2022, 2025),
                st.integers(1, 12),
                st.integers(0, 4),
                st.sampled_from(("accepted", "accepted", "published", "withdrawn")),
            ),
            max_size=40,
        )
    )
    return [
        paper_at(venue_id, YearMonth(year, month), paper_id=i, position=position, status=status)
        for i, (venue_id, year, month, position, status) in enumerate(specs, start=1)
    ]


@st.composite
def random_rules(draw: st.DrawFn) -> TallyRules:
    rules = TallyRules(
        workshops=draw(st.sampled_from(WORKSHOP_MODES)), order=draw(st.sampled_from(ORDER_MODES))
    )
    pins = draw(
        st.dictionaries(
            st.integers(2022, 2025),
            # Case-insensitive duplicates ("CVPR", "cvpr") in one pin are left out on purpose.
            st.lists(
                st.sampled_from(CATALOG_LABELS), min_size=1, max_size=5, unique_by=str.casefold
            ),
            max_size=2,
        )
    )
    for year, labels in pins.items():
        rules = rules.with_pin(year, tuple(labels))
    return rules


def _counted_in_tally(record: PaperRecord, rules: TallyRules) -> bool:
    excluded = record.venue_kind == "workshop" and rules.workshops == "exclude"
    return record.status in ("accepted", "published") and not excluded


@settings(database=None, max_examples=200)
@given(random_lab(), random_rules())
def test_tally_total_equals_the_counted_non_excluded_papers(
    records: list[PaperRecord], rules: TallyRules
) -> None:
    tallies = tally_years(records, rules)
    assert sum(t.total for t in tallies) == sum(_counted_in_tally(p, rules) for p in records)
    for tally in tallies:
        in_year = [p for p in records if p.news.year == tally.year]
        assert tally.total == sum(_counted_in_tally(p, rules) for p in in_year)
        assert tally.total == sum(count for _, count in tally.items)
        labels = [label for label, _ in tally.items]
        assert len(labels) == len(set(labels))
        assert all(count > 0 for _, count in tally.items)
        assert tally_year(records, rules, tally.year) == tally
    years = [t.year for t in tallies]
    assert years == sorted(years, reverse=True)


@settings(database=None, max_examples=200)
@given(random_lab(), random_rules())
def test_sql_side_path_equals_in_memory_path_for_random_labs(
    records: list[PaperRecord], rules: TallyRules
) -> None:
    from_sql = tallies_from_counts(
        label_counts_from_venues(grouped_by_venue(records), CATALOG, rules), rules
    )
    assert from_sql == tally_years(records, rules)


@settings(database=None, max_examples=100)
@given(random_lab(), random_rules(), st.data())
def test_tally_does_not_depend_on_the_order_papers_arrive_in(
    records: list[PaperRecord], rules: TallyRules, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(records))
    assert tally_years(shuffled, rules) == tally_years(records, rules)


@settings(database=None, max_examples=200)
@given(random_lab(), random_rules())
def test_pinned_labels_lead_in_pin_order_and_the_rest_keep_rule_order(
    records: list[PaperRecord], rules: TallyRules
) -> None:
    unpinned = TallyRules(workshops=rules.workshops, order=rules.order)
    for tally in tally_years(records, rules):
        labels = [label for label, _ in tally.items]
        plain = [label for label, _ in tally_year(records, unpinned, tally.year).items]
        assert sorted(labels) == sorted(plain)
        pin = [label.casefold() for label in rules.pinned.get(tally.year, ())]
        named = [label for label in labels if label.casefold() in pin]
        rest = [label for label in labels if label.casefold() not in pin]
        assert labels == named + rest
        present = {label.casefold() for label in labels}
        assert [label.casefold() for label in named] == [p for p in pin if p in present]
        assert rest == [label for label in plain if label.casefold() not in pin]


@settings(database=None, max_examples=100)
@given(random_lab(), st.sampled_from(WORKSHOP_MODES))
def test_each_order_rule_holds_on_random_labs(records: list[PaperRecord], workshops: str) -> None:
    for tally in tally_years(records, TallyRules(workshops=workshops, order="count")):
        counts = [count for _, count in tally.items]
        assert counts == sorted(counts, reverse=True)
    for tally in tally_years(records, TallyRules(workshops=workshops, order="alpha")):
        keys = [label.casefold() for label, _ in tally.items]
        assert keys == sorted(keys)
    for tally in tally_years(records, TallyRules(workshops=workshops, order="first")):
        firsts = [
            min(
                (p.news.month, p.position, p.id)
                for p in records
                if p.news.year == tally.year
                and p.counted
                and paper_label(p, TallyRules(workshops=workshops)) == label
            )
            for label, _ in tally.items
        ]
        assert firsts == sorted(firsts)


@given(
    st.integers(1, 12),
    st.integers(0, 999_999),
    st.integers(1, 999_999_999),
    st.integers(1, 12),
    st.integers(0, 999_999),
    st.integers(1, 999_999_999),
)
def test_packed_first_orders_like_the_tuple_it_packs(
    month: int, position: int, paper_id: int, month2: int, position2: int, paper_id2: int
) -> None:
    one, two = (month, position, paper_id), (month2, position2, paper_id2)
    assert unpack_first(pack_first(*one)) == one
    assert (pack_first(*one) < pack_first(*two)) == (one < two)
