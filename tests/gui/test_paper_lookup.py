"""The New acceptance dialog filled from a link: asked in a worker, answered by the local server
that speaks as the services, the form filled with the catalog venue and the lab's members."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from labnews.core.inputs import AuthorInput
from labnews.core.records import YearMonth
from labnews.core.snapshots import paper_input
from labnews.gui.dialogs.paper import PaperDialog
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.lookup_server import WACV_DOI, Services


def new_paper(qtbot: QtBot, database: Database) -> PaperDialog:
    dialog = PaperDialog(None, None, database=database)
    qtbot.addWidget(dialog)
    return dialog


def fill(qtbot: QtBot, dialog: PaperDialog, text: str) -> None:
    """Type the link, press Fill, and wait for the answer (or the failure) to arrive."""
    assert dialog.lookup is not None
    dialog.lookup_text.setText(text)
    dialog.fill_button.click()
    assert dialog.fill_button.text() == "Cancel"
    qtbot.waitUntil(lambda: dialog.lookup is not None and not dialog.lookup.running, timeout=20_000)


def test_a_doi_fills_the_form_on_the_catalog_venue(
    qtbot: QtBot, demo_database: Database, online: Services
) -> None:
    dialog = new_paper(qtbot, demo_database)
    fill(qtbot, dialog, f"https://doi.org/{WACV_DOI}")
    assert dialog.fill_button.text() == "Fill"
    assert dialog.venue.text() == "WACV"
    assert dialog.resolved_venue is not None
    assert dialog.year.value() == 2025
    assert dialog.title.text().startswith("Open-Vocabulary Part Segmentation")
    with demo_database.session() as session:
        park = queries.find_member(session, "Kwanyong Park").id
    people = dialog.authors.people()
    assert people[0] == AuthorInput("Kwanyong Park", park)
    assert [p.name for p in people] == ["Kwanyong Park", "Youngwan Lee", "Yong-Ju Lee"]
    assert dialog.doi.text() == WACV_DOI
    assert dialog.lookup_info.text() == "Filled from Crossref: check the fields, then save."
    saved = dialog.read()
    assert (saved.venue, saved.year, saved.news) == ("WACV", 2025, YearMonth(2025, 2))


def test_a_paper_the_lab_holds_is_said_not_filled(
    qtbot: QtBot, demo_database: Database, online: Services
) -> None:
    with demo_database.session(write=True) as session:
        # The demo records the NeurIPS workshop paper it was; the service answers NeurIPS.
        held = next(
            p for p in queries.papers_in(session, [2024]) if p.title.startswith("A Multimodal")
        )
        commands.update_paper(session, held.id, replace(paper_input(held), venue="NeurIPS"))
    dialog = new_paper(qtbot, demo_database)
    fill(qtbot, dialog, "https://openreview.net/forum?id=N4i4PfcrK6")
    assert dialog.lookup_info.text().startswith("Already in the lab: ")
    assert dialog.title.text() == ""


def test_a_preprint_fills_all_but_the_venue(
    qtbot: QtBot, demo_database: Database, online: Services
) -> None:
    dialog = new_paper(qtbot, demo_database)
    QGuiApplication.clipboard().setText("  arXiv:2406.01234 ")
    dialog.paste_button.click()
    qtbot.waitUntil(lambda: dialog.lookup is not None and not dialog.lookup.running, timeout=20_000)
    assert dialog.lookup_text.text() == "arXiv:2406.01234"
    assert dialog.title.text()
    assert dialog.venue.text() == ""
    assert dialog.lookup_info.text() == "arXiv knows no venue that accepted it yet: type the venue."


def test_failures_are_one_line_at_the_field(
    qtbot: QtBot, demo_database: Database, online: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = new_paper(qtbot, demo_database)
    fill(qtbot, dialog, "not a link")
    assert "DOI" in dialog.lookup_info.text()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    monkeypatch.setenv("LABNEWS_CROSSREF_URL", f"http://127.0.0.1:{closed}")
    fill(qtbot, dialog, WACV_DOI)
    assert dialog.lookup_info.text().startswith("cannot reach")
    assert dialog.title.text() == ""


def test_cancel_drops_the_answer_on_its_way(
    qtbot: QtBot, demo_database: Database, online: Services
) -> None:
    online.serve("crossref", "/works/10.1109/SLOW.1", "crossref_work.json", delay=1.0)
    dialog = new_paper(qtbot, demo_database)
    assert dialog.lookup is not None
    dialog.lookup_text.setText("10.1109/SLOW.1")
    dialog.fill_button.click()
    dialog.fill_button.click()  # now "Cancel"
    assert not dialog.lookup.running
    assert dialog.lookup_info.text() == "Cancelled."
    qtbot.wait(1_500)  # the answer arrives, and is dropped
    assert dialog.title.text() == ""
    assert dialog.fill_button.text() == "Fill"


def test_editing_a_paper_has_no_link_row(qtbot: QtBot, demo_database: Database) -> None:
    dialog = PaperDialog(None, None, database=demo_database, paper_id=1)
    qtbot.addWidget(dialog)
    assert dialog.lookup is None
    assert "lookup" not in dialog.form
