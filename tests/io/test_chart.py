"""Chart colours: each venue keeps its colour when other venues come, go or change rank."""

from __future__ import annotations

from labnews.core.records import YearTally
from labnews.io.chart import OTHER, OTHER_COLOR, PALETTE, chart_data_from_tallies, label_color

LAB = [
    YearTally(2022, 4, (("CVPR", 2), ("ETRI J.", 1), ("AVSS", 1))),
    YearTally(2023, 5, (("ICCV", 2), ("CVPR", 2), ("NeurIPS", 1))),
    YearTally(2024, 6, (("CVPR", 3), ("ECCV", 2), ("ICML", 1))),
]


def _colors(tallies: list[YearTally]) -> dict[str, str]:
    data = chart_data_from_tallies(tallies)
    return {label: label_color(data, label) for label in data.labels}


def test_adding_a_venue_keeps_every_existing_labels_colour() -> None:
    before = _colors(LAB)
    for newcomer in ("WACV", "AAAI", "TPAMI", "ACL", "Findings of EMNLP", "3DV", "BMVC"):
        grown = [*LAB[:2], YearTally(2024, 8, (*LAB[2].items, (newcomer, 2)))]
        after = _colors(grown)
        assert {label: after[label] for label in before} == before, newcomer
        # ... and the newcomer gets a colour of its own, not one already on the chart.
        assert after[newcomer] not in before.values()


def test_a_venue_moving_up_the_ranking_keeps_its_colour() -> None:
    before = _colors(LAB)
    busier = [*LAB[:2], YearTally(2024, 16, (("CVPR", 3), ("ECCV", 2), ("ICML", 11)))]
    after = _colors(busier)
    assert chart_data_from_tallies(busier).labels[0] == "ICML"  # it now sits at the bottom
    assert after == before


def test_colours_are_distinct_on_one_chart_and_the_same_in_every_run() -> None:
    colors = _colors(LAB)
    assert len(set(colors.values())) == len(colors)
    assert set(colors.values()) <= set(PALETTE)
    # CRC-32 of the name, not Python's salted hash: a fixed value, whatever the process.
    assert colors["CVPR"] == _colors([YearTally(2020, 1, (("CVPR", 1),))])["CVPR"]


def test_the_other_segment_keeps_its_grey() -> None:
    many = [YearTally(2024, 20, tuple((f"V{i}", 20 - i) for i in range(20)))]
    data = chart_data_from_tallies(many, max_labels=12)
    assert data.labels[-1] == OTHER
    assert label_color(data, OTHER) == OTHER_COLOR
    kept = [label_color(data, label) for label in data.labels[:-1]]
    assert len(set(kept)) == len(kept) == 11
