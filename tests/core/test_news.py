"""news_entries: records -> the month lines, on plain records (no database).

What a month line says ("Five papers accepted to CVPR 2024 (...)") is decided here: which papers
are news, how they group into clauses, which names a clause carries, and the order of the lines.
"""

from __future__ import annotations

from itertools import count

import pytest

from labnews.core.news import Clause, NewsEntry, NewsName, news_entries
from labnews.core.records import AchievementRecord, AuthorRecord, PaperRecord, YearMonth
from labnews.core.render import build_context, find_format, render_text
from labnews.core.rules import TallyRules
from labnews.core.tally import tally_years
from labnews.resources import resource

# Venue ids of the tiny catalog these tests use: (id, short, kind, parent label).
CVPR = (1, "CVPR", "conference", None)
ECCV = (2, "ECCV", "conference", None)
ICCV = (3, "ICCV", "conference", None)
ETRI = (4, "ETRI J.", "journal", None)
NEURIPS = (5, "NeurIPS", "conference", None)
CVPRW = (6, "CVPRW", "workshop", "CVPR")
AAAI = (7, "AAAI", "conference", None)

# Members: id -> (display name, native name).
MEMBERS = {
    1: ("Kwanyong Park", "박관용"),
    2: ("Youngwan Lee", "이영완"),
    3: ("Bae Kangmin", None),
    4: ("Jo Youngjoo", None),
    5: ("Ham Jaeseok", "함재석"),
    6: ("Park Minho", None),
    7: ("Yun Kimin", None),
}

_ids = count(1000)


def paper(
    venue: tuple[int, str, str, str | None],
    news: str,
    featured: int | None = None,
    *,
    year: int | None = None,
    position: int = 0,
    status: str = "accepted",
    paper_id: int | None = None,
) -> PaperRecord:
    """A paper record at ``venue`` whose news month is ``news`` (YYYY-MM)."""
    venue_id, short, kind, parent = venue
    month = YearMonth.parse(news)
    name, native = MEMBERS[featured] if featured is not None else (None, None)
    return PaperRecord(
        id=paper_id if paper_id is not None else next(_ids),
        venue_id=venue_id,
        venue_short=short,
        venue_kind=kind,
        parent_label=parent,
        year=year if year is not None else month.year,
        news=month,
        title=f"A paper at {short}",
        featured_id=featured,
        featured_name=name,
        featured_native=native,
        status=status,
        position=position,
    )


def achievement(
    date: str, title: str, *, day: int | None = None, achievement_id: int = 1
) -> AchievementRecord:
    return AchievementRecord(
        id=achievement_id,
        kind="award",
        title=title,
        date=YearMonth.parse(date),
        day=day,
        members=(AuthorRecord("Youngwan Lee", 2, "이영완"),),
    )


def months(entries: tuple[NewsEntry, ...]) -> list[str]:
    return [f"{e.year}/{e.month:02d}" for e in entries]


def names(clause: Clause) -> list[str]:
    return [n.name for n in clause.names]


def yearly_text(papers: list[PaperRecord], rules: TallyRules | None = None) -> str:
    """The papers through the built-in yearly template, as `labnews news` would write them."""
    rules = rules or TallyRules()
    context = build_context(
        tallies=tally_years(papers, rules), entries=news_entries(papers, rules), papers=papers
    )
    return render_text(find_format("yearly", resource("templates"), None), context)


# --- one line per month, or per venue -----------------------------------------------------------


def test_papers_of_one_month_share_one_line_by_default() -> None:
    papers = [
        paper(ICCV, "2023-10", 6, position=0),
        paper(ETRI, "2023-10", 7, position=1),
        paper(CVPR, "2023-06", 5),
    ]
    entries = news_entries(papers, TallyRules())
    assert months(entries) == ["2023/10", "2023/06"]
    assert [c.venue for c in entries[0].clauses] == ["ICCV 2023", "ETRI J."]
    assert [c.venue for c in entries[1].clauses] == ["CVPR 2023"]


def test_the_shared_line_reads_as_the_labs_own_page_does() -> None:
    papers = [paper(ICCV, "2023-10", 6, position=0), paper(ETRI, "2023-10", 7, position=1)]
    assert (
        " -- **(2023/10)**: One paper accepted to ICCV 2023 (Park Minho), "
        "One paper accepted to ETRI J. (Yun Kimin) <br>"
    ) in yearly_text(papers).splitlines()


def test_venue_lines_rule_gives_each_venue_its_own_line_in_first_paper_order() -> None:
    papers = [
        paper(ICCV, "2023-10", 6, position=0),
        paper(ETRI, "2023-10", 7, position=1),
        paper(ICCV, "2023-10", 5, position=2),
        paper(CVPR, "2023-06", 5),
    ]
    entries = news_entries(papers, TallyRules(lines="venue"))
    assert months(entries) == ["2023/10", "2023/10", "2023/06"]
    assert [len(e.clauses) for e in entries] == [1, 1, 1]
    assert [e.clauses[0].venue for e in entries] == ["ICCV 2023", "ETRI J.", "CVPR 2023"]
    assert entries[0].clauses[0].count == 2
    assert names(entries[0].clauses[0]) == ["Park Minho", "Ham Jaeseok"]


def test_clauses_follow_their_first_papers_position_not_their_ids() -> None:
    # ETRI J. was entered later (higher id) but placed first in the month.
    papers = [
        paper(ICCV, "2023-10", 6, position=1, paper_id=1),
        paper(ETRI, "2023-10", 7, position=0, paper_id=2),
        paper(ICCV, "2023-10", 5, position=2, paper_id=3),
    ]
    (entry,) = news_entries(papers, TallyRules())
    assert [c.venue_short for c in entry.clauses] == ["ETRI J.", "ICCV"]
    assert entry.clauses[1].paper_ids == (1, 3)
    assert entry.paper_ids == (2, 1, 3)


def test_input_order_does_not_matter_only_positions_do() -> None:
    ordered = [
        paper(ICCV, "2023-10", 6, position=0, paper_id=1),
        paper(ETRI, "2023-10", 7, position=1, paper_id=2),
    ]
    assert news_entries(ordered, TallyRules()) == news_entries(ordered[::-1], TallyRules())


# --- names -------------------------------------------------------------------------------------


def test_a_member_with_two_papers_is_named_once_in_paper_order() -> None:
    papers = [
        paper(CVPR, "2024-06", 1, position=0),
        paper(CVPR, "2024-06", 2, position=1),
        paper(CVPR, "2024-06", 2, position=2),
        paper(CVPR, "2024-06", 3, position=3),
        paper(CVPR, "2024-06", 4, position=4),
    ]
    (entry,) = news_entries(papers, TallyRules())
    (clause,) = entry.clauses
    assert clause.count == 5
    assert names(clause) == ["Kwanyong Park", "Youngwan Lee", "Bae Kangmin", "Jo Youngjoo"]
    assert clause.names[0] == NewsName("Kwanyong Park", "박관용")
    assert (
        " -- **(2024/06)**: Five papers accepted to CVPR 2024 "
        "(Kwanyong Park, Youngwan Lee, Bae Kangmin, Jo Youngjoo) <br>"
    ) in yearly_text(papers).splitlines()


def test_a_paper_without_a_featured_member_counts_but_adds_no_name() -> None:
    papers = [
        paper(NEURIPS, "2024-12", 1, position=0),
        paper(NEURIPS, "2024-12", None, position=1),
        paper(NEURIPS, "2024-12", 5, position=2),
    ]
    (entry,) = news_entries(papers, TallyRules())
    (clause,) = entry.clauses
    assert clause.count == 3
    assert names(clause) == ["Kwanyong Park", "Ham Jaeseok"]
    assert len(clause.paper_ids) == 3


def test_a_clause_without_any_named_member_has_no_parentheses() -> None:
    papers = [paper(ETRI, "2024-02", None), paper(CVPR, "2024-06", 1)]
    lines = yearly_text(papers).splitlines()
    assert " -- **(2024/02)**: One paper accepted to ETRI J. <br>" in lines
    assert " -- **(2024/06)**: One paper accepted to CVPR 2024 (Kwanyong Park) <br>" in lines


def test_a_featured_id_without_a_name_adds_no_name() -> None:
    nameless = PaperRecord(
        id=1, venue_id=1, venue_short="CVPR", year=2024, news=YearMonth(2024, 6), featured_id=9
    )
    (entry,) = news_entries([nameless], TallyRules())
    assert entry.clauses[0].names == ()


# --- what is not news --------------------------------------------------------------------------


def test_a_withdrawn_paper_is_not_news() -> None:
    papers = [
        paper(CVPR, "2024-06", 1, position=0),
        paper(CVPR, "2024-06", 2, position=1, status="withdrawn", paper_id=77),
        paper(ECCV, "2024-09", 5, status="withdrawn"),
    ]
    entries = news_entries(papers, TallyRules())
    assert months(entries) == ["2024/06"]
    (clause,) = entries[0].clauses
    assert clause.count == 1
    assert names(clause) == ["Kwanyong Park"]
    assert 77 not in entries[0].paper_ids


def test_published_papers_are_news_like_accepted_ones() -> None:
    papers = [paper(CVPR, "2024-06", 1, status="published")]
    assert months(news_entries(papers, TallyRules())) == ["2024/06"]


def test_workshops_excluded_by_the_rules_are_not_news() -> None:
    papers = [
        paper(CVPRW, "2024-06", 3, position=0),
        paper(CVPR, "2024-06", 1, position=1),
        paper(CVPRW, "2024-07", 4),
    ]
    excluded = news_entries(papers, TallyRules(workshops="exclude"))
    assert months(excluded) == ["2024/06"]
    assert [c.venue for c in excluded[0].clauses] == ["CVPR 2024"]
    folded = news_entries(papers, TallyRules(workshops="fold"))
    assert months(folded) == ["2024/07", "2024/06"]
    assert [c.venue for c in folded[1].clauses] == ["CVPRW 2024", "CVPR 2024"]


def test_no_papers_make_no_news() -> None:
    assert news_entries([], TallyRules()) == ()


# --- how a clause names its venue --------------------------------------------------------------


@pytest.mark.parametrize(
    ("venue", "expected"),
    [(CVPR, "CVPR 2024"), (CVPRW, "CVPRW 2024"), (ETRI, "ETRI J.")],
)
def test_conferences_and_workshops_say_their_year_journals_do_not(
    venue: tuple[int, str, str, str | None], expected: str
) -> None:
    (entry,) = news_entries([paper(venue, "2024-06", 1)], TallyRules())
    assert entry.clauses[0].venue == expected
    assert entry.clauses[0].venue_kind == venue[2]


def test_the_edition_year_is_the_papers_year_not_its_news_year() -> None:
    # AAAI 2025 papers are announced in the December before.
    (entry,) = news_entries([paper(AAAI, "2024-12", 1, year=2025)], TallyRules())
    assert (entry.year, entry.month) == (2024, 12)
    assert entry.clauses[0].venue == "AAAI 2025"
    assert entry.clauses[0].year == 2025


def test_two_editions_in_one_month_are_two_clauses() -> None:
    papers = [
        paper(AAAI, "2024-12", 1, year=2025, position=0),
        paper(AAAI, "2024-12", 2, year=2024, position=1),
    ]
    (entry,) = news_entries(papers, TallyRules())
    assert [c.venue for c in entry.clauses] == ["AAAI 2025", "AAAI 2024"]


# --- order and achievements --------------------------------------------------------------------


def test_lines_come_newest_first_across_years() -> None:
    papers = [
        paper(ETRI, "2022-04", 1),
        paper(CVPR, "2024-06", 2),
        paper(NEURIPS, "2023-12", 5),
        paper(ECCV, "2024-09", 3),
        paper(ICCV, "2023-10", 6),
    ]
    entries = news_entries(papers, TallyRules())
    assert months(entries) == ["2024/09", "2024/06", "2023/12", "2023/10", "2022/04"]
    assert all(e.kind == "papers" for e in entries)


def test_achievements_sit_among_the_month_lines_in_date_order() -> None:
    papers = [paper(ETRI, "2024-02", 1), paper(CVPR, "2024-06", 2)]
    award = achievement("2024-04", "Best Paper Award")
    later = achievement("2025-04", "Prime Minister's Commendation", achievement_id=2)
    entries = news_entries(papers, TallyRules(), [later, award])
    assert months(entries) == ["2025/04", "2024/06", "2024/04", "2024/02"]
    assert [e.kind for e in entries] == ["achievement", "papers", "achievement", "papers"]
    assert entries[2].achievement == award
    assert entries[2].clauses == ()
    assert entries[2].paper_ids == ()


def test_achievements_of_one_month_come_latest_day_first() -> None:
    early = achievement("2024-04", "Early", day=3, achievement_id=5)
    late = achievement("2024-04", "Late", day=20, achievement_id=4)
    entries = news_entries([], TallyRules(), [early, late])
    assert [e.achievement.title for e in entries if e.achievement] == ["Late", "Early"]


def test_achievements_are_left_out_unless_given() -> None:
    entries = news_entries([paper(CVPR, "2024-06", 1)], TallyRules())
    assert all(e.achievement is None for e in entries)
