"""``labnews lookup`` and ``labnews add paper --from``: a paper filled from its identifier by the
local server that answers as the services, recorded on the catalog venue, never twice."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tests.lookup_server import WACV_DOI, Services

Cli = Callable[..., CliResult]


def test_lookup_shows_the_paper_and_records_nothing(cli: Cli, online: Services) -> None:
    cli("demo")
    shown = cli("lookup", f"https://doi.org/{WACV_DOI}")
    assert shown.code == 0, shown
    assert "title:   Open-Vocabulary Part Segmentation" in shown.out
    assert "venue:   WACV" in shown.out
    assert "to create: 1 paper (2025: 1)" in shown.out
    assert "add --add to record it" in shown.err
    assert "2025" not in cli("summary").out


def test_lookup_add_records_it_on_the_catalog_venue(cli: Cli, online: Services) -> None:
    cli("demo")
    added = cli("lookup", WACV_DOI, "--add")
    assert added.code == 0, added
    listed = cli("list", "papers", "--year", "2025", "--json")
    assert '"venue": "WACV"' in listed.out
    # Asked again, the lab already holds it: nothing is added twice.
    again = cli("lookup", WACV_DOI, "--add")
    assert again.code == 0, again
    assert "already in the lab" in again.out
    assert cli("list", "papers", "--year", "2025", "--json").out == listed.out


def test_add_paper_from_an_identifier(cli: Cli, online: Services) -> None:
    cli("demo")
    added = cli("add", "paper", "--from", f"doi:{WACV_DOI}")
    assert added.code == 0, added
    paper_id = added.out.split()[-1]
    assert paper_id.isdigit()
    assert "WACV" in cli("list", "papers", "--year", "2025").out


def test_the_lab_already_holds_the_demo_neurips_paper(cli: Cli, online: Services) -> None:
    cli("demo")
    # The demo records it as the NeurIPS workshop paper it was; the service answers NeurIPS.
    papers = json.loads(cli("list", "papers", "--year", "2024", "--json").out)
    chain = next(p for p in papers if p["title"].startswith("A Multimodal Chain of Tools"))
    assert cli("edit", "paper", str(chain["id"]), "--venue", "NeurIPS").code == 0
    shown = cli("lookup", "https://openreview.net/forum?id=N4i4PfcrK6", "--add")
    assert shown.code == 0, shown
    assert "Nothing to import: its one paper is already in the lab" in shown.out


def test_a_preprint_needs_its_venue(cli: Cli, online: Services) -> None:
    cli("demo")
    refused = cli("lookup", "arXiv:2406.01234", "--add")
    assert "give --venue SHORT" in refused.one_error_line()
    given = cli("lookup", "arXiv:2406.01234", "--add", "--venue", "NeurIPS", "--year", "2024")
    assert given.code == 0, given


def test_bad_identifiers_and_offline_services_are_one_line(
    cli: Cli, online: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "DOI" in cli("lookup", "not an identifier").one_error_line()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    monkeypatch.setenv("LABNEWS_CROSSREF_URL", f"http://127.0.0.1:{closed}")
    assert "cannot reach" in cli("lookup", WACV_DOI).one_error_line()
    # Neither failure made a lab database.
    assert not db_path.exists()


def test_add_paper_still_needs_venue_and_year_without_from(cli: Cli) -> None:
    cli("demo")
    refused = cli("add", "paper", "--title", "No venue", "--year", "2024")
    assert refused.code == 2
    assert refused.err.strip().splitlines()[-1] == (
        "labnews add paper: error: the following arguments are required: --venue "
        "(or --from ID_OR_URL)"
    )
