"""The built-in venue catalog: its journals, one venue per spelling, ISSNs that check out."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from labnews.core.errors import NotFoundError
from labnews.core.inputs import VenueInput
from labnews.core.names import venue_spelling_key
from labnews.store import commands, queries
from labnews.store.catalog import (
    CatalogVenue,
    catalog_input,
    catalog_short_of_issn,
    catalog_venue,
    read_catalog,
)
from labnews.store.database import Database
from labnews.store.models import Venue, VenueAlias

_ISSN = re.compile(r"\d{4}-\d{3}[\dX]")

# Short names tests, the demo lab and labs' databases already use: they never change.
KEPT = (
    "AAAI", "CVPR", "ICCV", "ECCV", "NeurIPS", "ICML", "ICLR", "AVSS", "BMVC", "ITSC", "EMNLP",
    "CVPR Workshop", "ECCV Workshop", "Findings of ACL", "NeurIPS Datasets and Benchmarks",
    "TPAMI", "IJCV", "TIP", "TNNLS", "Pattern Recognition", "Neurocomputing", "ETRI J.",
    "Information Sciences", "J. Supercomput.", "IEICE Trans. Inf. Syst.", "Cluster Computing",
    "IEEE Access", "Sensors", "Applied Sciences", "Electronics", "Remote Sensing", "RA-L",
    "Knowledge-Based Systems", "Expert Systems with Applications", "CVIU", "TGRS", "MedIA",
    "Information Fusion", "ACM Computing Surveys", "arXiv",
)  # fmt: skip


def _check_digit_holds(issn: str) -> bool:
    digits = issn.replace("-", "")
    total = sum(int(d) * weight for d, weight in zip(digits[:7], range(8, 1, -1), strict=True))
    expected = (11 - total % 11) % 11
    return digits[7] == ("X" if expected == 10 else str(expected))


def test_the_catalog_knows_the_journals_labs_publish_in() -> None:
    catalog = read_catalog()
    journals = [v for v in catalog if v.kind == "journal"]
    assert len(journals) >= 300
    shorts = {v.short for v in catalog}
    assert set(KEPT) <= shorts
    for word in ("IEEE", "ACM"):
        assert sum(word in v.full for v in journals) >= 25, word
    # MDPI, Elsevier, Springer, Korean and Chinese titles are known by name.
    assert {
        "MDPI AI",
        "Drones",
        "Mathematics",
        "Entropy",
        "Sustainability",
        "J. Imaging",
        "Signal Processing",
        "ISPRS J.",
        "RSE",
        "ASOC",
        "MVA",
        "The Visual Computer",
        "AIR",
        "KSII TIIS",
        "JKSCI",
        "JCN",
        "MIR",
        "SCIS",
        "Science Robotics",
        "PNAS",
    } <= {v.short for v in journals}
    assert all(v.full for v in journals)
    assert all(v.month is None and v.parent is None for v in journals)


def test_no_spelling_means_two_venues() -> None:
    """A short name, alias or full name (case and spacing ignored) belongs to one row only."""
    owner: dict[str, str] = {}
    clashes = []
    for venue in read_catalog():
        for spelling in dict.fromkeys((venue.short, venue.full, *venue.aliases)):
            key = venue_spelling_key(spelling)
            if owner.setdefault(key, venue.short) != venue.short:
                clashes.append((spelling, owner[key], venue.short))
    assert clashes == []


def test_every_issn_is_well_formed_checks_out_and_names_one_journal() -> None:
    with_issn = [v for v in read_catalog() if v.issn]
    assert len(with_issn) >= 250
    for venue in with_issn:
        assert venue.issn is not None
        assert _ISSN.fullmatch(venue.issn), venue
        assert _check_digit_holds(venue.issn), venue
        assert venue.kind == "journal", venue
    assert len({v.issn for v in with_issn}) == len(with_issn)


def test_a_crossref_issn_and_any_spelling_find_the_catalog_journal() -> None:
    assert catalog_short_of_issn(["1939-1404"]) == "JSTARS"
    assert catalog_short_of_issn([None, "2041-1723"]) == "Nature Communications"
    assert catalog_short_of_issn(["0000-0000"]) is None
    found = catalog_venue("IEEE Trans. Geosci. Remote Sens.")
    assert isinstance(found, CatalogVenue)
    assert found.short == "TGRS"
    assert found.issn == "0196-2892"
    assert catalog_venue("tpami") is not None
    assert catalog_venue("Journal of Foo Studies") is None


def test_a_new_lab_holds_every_catalog_venue_and_alias(database: Database) -> None:
    catalog = read_catalog()
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Venue)) == len(catalog)
        aliases = session.scalar(select(func.count()).select_from(VenueAlias))
        (jstars,) = queries.venues_by_short(session, ["JSTARS"])
        assert queries.find_venue(session, "J-STARS").short == "JSTARS"
        assert queries.find_venue(session, "INFFUS").short == "Information Fusion"
    # Every alias is written: none was dropped for clashing with another venue's.
    assert aliases == sum(len(v.aliases) for v in catalog)
    assert (jstars.kind, jstars.label) == ("journal", None)


def _forget_venues(database: Database, *shorts: str) -> None:
    """Make the lab one made before the catalog had these venues (workshops first)."""
    with database.session(write=True) as session:
        for short in shorts:
            commands.remove_venue(session, queries.find_venue(session, short).id)


def test_a_venue_the_catalog_gained_later_comes_whole_to_an_older_lab(database: Database) -> None:
    _forget_venues(database, "TGRS")
    with database.session(write=True) as session:
        ijcv = queries.find_venue(session, "IJCV")
        # Another venue of this lab already goes by one of TGRS's spellings: it stays there.
        commands.update_venue(
            session, ijcv.id, VenueInput(short="IJCV", kind="journal", aliases=("IEEE TGRS",))
        )
    with database.session() as session:
        by_short = catalog_input(session, "TGRS")
        by_alias = catalog_input(session, "IEEE Trans. Geosci. Remote Sens.")
        assert catalog_input(session, "IJCV") is None  # the lab has it
        assert catalog_input(session, "No Such Journal") is None
    assert by_short == by_alias
    assert by_short == VenueInput(
        short="TGRS",
        full="IEEE Transactions on Geoscience and Remote Sensing",
        kind="journal",
        aliases=(
            "IEEE Trans. Geosci. Remote. Sens.",
            "IEEE Trans. Geosci. Remote Sens.",
            "IEEE Transactions on Geoscience and Remote Sensing",
            "IEEE Trans Geosci Remote Sens",
        ),
    )
    with database.session(write=True) as session:
        commands.add_venue(session, by_short)  # the store takes it as it is
    with database.session() as session:
        assert queries.find_venue(session, "IEEE Trans Geosci Remote Sens").short == "TGRS"


def test_a_catalog_workshop_keeps_its_conference_only_where_the_lab_has_it(
    database: Database,
) -> None:
    _forget_venues(database, "CVPR Workshop", "ECCV Workshop", "ECCV", "ICCV Workshop")
    with database.session(write=True) as session:
        # The lab calls ICCV by a name of its own; the catalog's "ICCV" is its alias.
        iccv = queries.find_venue(session, "ICCV")
        commands.update_venue(
            session, iccv.id, VenueInput(short="IEEE ICCV", month=10, aliases=("ICCV",))
        )
    with database.session() as session:
        cvprw = catalog_input(session, "CVPRW")
        eccvw = catalog_input(session, "ECCV Workshop")
        iccvw = catalog_input(session, "ICCV Workshop")
    assert iccvw is not None
    assert iccvw.parent == "IEEE ICCV"
    assert cvprw is not None
    assert eccvw is not None
    assert (cvprw.short, cvprw.kind, cvprw.parent, cvprw.month) == (
        "CVPR Workshop", "workshop", "CVPR", 6,
    )  # fmt: skip
    assert (eccvw.short, eccvw.kind, eccvw.parent, eccvw.month) == (
        "ECCV Workshop", "workshop", None, 10,
    )  # fmt: skip


def test_naming_a_catalog_venue_the_lab_lacks_says_to_add_it(database: Database) -> None:
    _forget_venues(database, "TGRS")
    with database.session() as session, pytest.raises(NotFoundError) as missing:
        queries.find_venue(session, "IEEE TGRS")
    assert missing.value.message == (
        "venue 'IEEE TGRS' is not in this lab yet; the venue catalog has it: "
        "add the venue TGRS first"
    )
