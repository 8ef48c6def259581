"""Queries: records out of the database, and the SQL-side tally that equals the in-memory one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from labnews.core.inputs import PaperInput, VenueInput
from labnews.core.names import venue_spelling_key, venue_spellings
from labnews.core.records import YearMonth
from labnews.core.rules import TallyRules
from labnews.core.tally import own_label, summary_line, tally_years
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.models import Venue

DEMO_SUMMARY = [
    "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)",
    "2023: 9 papers (1 AAAI, 1 ICLR, 4 CVPR, 1 ICCV, 1 NeurIPS, 1 ETRI J.)",
    "2022: 6 papers (1 ETRI J., 2 CVPR, 2 ECCV, 1 BMVC)",
    # The PI's older papers, from the lab's publication list.
    "2021: 1 paper (1 EMNLP)",
    "2020: 1 paper (1 ECCV)",
    "2018: 1 paper (1 ITSC)",
    "2014: 2 papers (1 J. Supercomput., 1 Information Sciences)",
    "2011: 1 paper (1 IEICE Trans. Inf. Syst.)",
    "2009: 1 paper (1 Cluster Computing)",
]


def test_the_demo_lab_tallies_as_its_homepage_does(demo_database: Database) -> None:
    with demo_database.session() as session:
        assert [summary_line(t) for t in queries.tallies(session)] == DEMO_SUMMARY


@pytest.mark.parametrize(
    "rules",
    [
        TallyRules(),
        TallyRules(workshops="separate", order="count"),
        TallyRules(workshops="exclude", order="alpha"),
        TallyRules(pinned={2024: ("NeurIPS", "CVPR")}),
    ],
)
def test_the_sql_tally_equals_the_tally_of_the_records(
    demo_database: Database, rules: TallyRules
) -> None:
    with demo_database.session(write=True) as session:
        commands.add_paper(session, PaperInput(venue="CVPR Workshop", year=2024))
        commands.add_paper(session, PaperInput(venue="NeurIPS", year=2024, status="withdrawn"))
        papers = queries.papers_in(session)
        assert queries.tallies(session, rules) == tally_years(papers, rules)


def test_the_sql_own_label_equals_the_core_rule(demo_database: Database) -> None:
    with demo_database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="Blank", label=""))
        venues = {v.id: v for v in queries.venues(session)}
        rows = session.execute(select(Venue.id, queries.own_label_sql(Venue))).all()
    assert dict(rows) == {venue_id: own_label(venue) for venue_id, venue in venues.items()}


def test_venue_lookup_finds_short_names_aliases_and_full_names(database: Database) -> None:
    with database.session() as session:
        for spelling in (
            "cvpr",
            "CVPR (1)",
            "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
            "  CVPR  ",
        ):
            assert queries.find_venue(session, spelling).short == "CVPR"
        assert queries.find_venue(session, "NIPS").short == "NeurIPS"
        assert queries.find_venue(session, "CVPRW").short == "CVPR Workshop"


def test_the_in_memory_spelling_index_resolves_as_the_lookup_query(database: Database) -> None:
    """Imports resolve venues through venue_spellings: it must agree with venue_lookup_id."""
    with database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="Müller Symposium", full="Straße Conference"))
        # Two journals may share a full name: the older one is meant, both ways.
        for short in ("AJL", "ZJ"):
            commands.add_venue(
                session, VenueInput(short=short, full="Journal of Robots", kind="journal")
            )
        catalog = queries.venues(session)
        index = venue_spellings(catalog)
        spellings = [
            text
            for venue in catalog
            for text in (venue.short, *venue.aliases, venue.full or "")
            if text
        ]
        assert len(spellings) > 300
        for text in spellings:
            for form in (text, text.upper(), f"  {text.lower()} "):
                assert index.get(venue_spelling_key(form)) == queries.venue_lookup_id(
                    session, form
                ), form
        assert index.get(venue_spelling_key("No Such Venue")) is None
        older = queries.find_venue(session, "AJL").id
        assert index[venue_spelling_key("journal of robots")] == older
        assert queries.venue_lookup_id(session, "Journal of Robots") == older


def test_papers_with_dois_finds_them_by_lookup_and_by_one_read(database: Database) -> None:
    """Few DOIs asked of a large lab are looked up; many, of a small one, read at once."""
    with database.session(write=True) as session:
        for n in range(12):
            commands.add_paper(
                session, PaperInput(venue="CVPR", year=2024, title=f"P{n}", doi=f"10.1000/P.{n}")
            )
        by_lookup = queries.papers_with_dois(session, ["10.1000/p.3", "10.9999/none"])
        by_reading = queries.papers_with_dois(
            session, ["10.1000/P.3", "10.1000/p.4", "10.1000/p.5", "10.9999/none"]
        )
    assert by_lookup == {"10.1000/p.3": 4}
    assert by_reading == {"10.1000/p.3": 4, "10.1000/p.4": 5, "10.1000/p.5": 6}


def test_relabelled_journals_count_together(demo_database: Database) -> None:
    with demo_database.session(write=True) as session:
        for short in ("ETRI J.", "IEEE Access"):
            venue = queries.find_venue(session, short)
            commands.update_venue(
                session,
                venue.id,
                VenueInput(
                    short=venue.short,
                    full=venue.full,
                    kind=venue.kind,
                    label="SCI-E",
                    aliases=venue.aliases,
                ),
            )
        commands.add_paper(
            session, PaperInput(venue="IEEE Access", year=2024, news=YearMonth(2024, 3))
        )
        (tally,) = queries.tallies(session, years=[2024])
    assert ("SCI-E", 3) in tally.items
    assert tally.total == 20


def test_papers_of_a_member_and_of_a_year(demo_database: Database) -> None:
    with demo_database.session() as session:
        ham = queries.find_member(session, "Jaeseok Ham")
        mine = queries.papers_in(session, member_id=ham.id)
        assert len(mine) == 4
        assert {p.news.year for p in queries.papers_in(session, [2023])} == {2023}
        assert queries.news_years(session)[:3] == (2025, 2024, 2023)
