"""A paper's fields in one place: a field added to the Paper model reaches the bulk insert, the
plain-dict (JSON/CSV) round trip and the paper form without further edits, or fails here."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.sql.schema import Table

from labnews.core.errors import ValidationError
from labnews.core.inputs import AuthorInput, MemberInput, PaperInput
from labnews.core.paperdata import NEWS_KEY, PAPER_KEYS, paper_from_dict, paper_to_dict
from labnews.core.records import PaperFields, PaperLink, PaperRecord, YearMonth
from labnews.core.snapshots import paper_input
from labnews.io import tableexport, tableimport
from labnews.io.plan import PlannedPaper, apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database, insert_whole_rows
from labnews.store.models import Paper
from labnews.store.paperchecker import PaperChecker

# Columns that are the store's bookkeeping, and columns an input spells by another name.
BOOKKEEPING = {"id", "position", "version"}
INPUT_NAME = {
    "venue_id": "venue",
    "news_year": "news",
    "news_month": "news",
    "featured_id": "featured",
}
# Input fields kept in tables of their own: authors, and the links (url, code and project are
# the first links of their kinds, read from the same table).
OWN_TABLES = {"authors", "links", "url", "code", "project"}
PAPER_COLUMNS = {column.name for column in Paper.__table__.columns}
INPUT_FIELDS = {f.name for f in fields(PaperInput)}


def test_every_column_of_the_paper_model_is_a_field_of_the_paper_input() -> None:
    from_model = {INPUT_NAME.get(c, c) for c in PAPER_COLUMNS - BOOKKEEPING}
    # Authors and links live in their own tables; everything else an input holds is a column.
    assert from_model == INPUT_FIELDS - OWN_TABLES


def test_the_bulk_insert_gets_every_column_from_the_checker(demo_database: Database) -> None:
    with demo_database.session() as session:
        checked, _authors, _venue = PaperChecker(session).fields(
            PaperInput(venue="CVPR", year=2024, title="A paper for the column check")
        )
    assert set(checked) | BOOKKEEPING == PAPER_COLUMNS


def test_the_bulk_insert_refuses_rows_that_miss_a_model_column(database: Database) -> None:
    table = Paper.__table__
    assert isinstance(table, Table)
    row = {column.name: None for column in table.columns if column.name != "note"}
    with database.session(write=True) as session, pytest.raises(ValueError, match="note"):
        insert_whole_rows(session, Paper, [row])


def test_a_paper_round_trips_through_its_plain_dict_as_json(demo_database: Database) -> None:
    with demo_database.session(write=True) as session:
        directory = queries.member_directory(session)
        member = directory.members[0]
        data = PaperInput(
            venue="CVPR",
            year=2024,
            news=YearMonth(2024, 6),
            title="Every field set",
            authors=(
                AuthorInput(member.name, member.id, equal=True),
                AuthorInput("Outside Author", equal=True),
                AuthorInput("Last Author"),
            ),
            featured=member.id,
            status="published",
            presentation="long talk",
            doi="10.5555/every.field",
            arxiv="2312.04005",
            links=(
                PaperLink("Project page", "https://example.org/project"),
                PaperLink("paper", "https://example.org/paper"),
                PaperLink("code&dataset", "https://example.org/data"),
                PaperLink("code", "https://example.org/code"),
            ),
            bibkey="every2024",
            note="A note",
            also_presented=("CVPR 2024: The Workshop on Every Field", "ECCV 2024 Workshop"),
            accepted=date(2024, 2, 27),
        )
        (paper_id,) = commands.add_paper(session, data).ids
        record = queries.paper_by_id(session, paper_id)
    plain = json.loads(json.dumps(paper_to_dict(record)))
    assert tuple(plain) == PAPER_KEYS
    assert plain[NEWS_KEY] == "2024-06"
    assert paper_from_dict(plain, {member.name: member.id}) == paper_input(record) == data
    # The known kinds are the first links of their kinds, wherever they stand in the list.
    assert (record.url, record.code, record.project) == (
        "https://example.org/paper",
        "https://example.org/code",
        "https://example.org/project",
    )
    assert [a.equal for a in record.authors] == [True, True, False]


def test_a_link_given_apart_replaces_its_kind_in_place_or_comes_last() -> None:
    links = (PaperLink("Project page", "https://p.org"), PaperLink("paper", "https://old.org"))
    data = PaperInput(venue="CVPR", year=2024, links=links, url="https://new.org", code="https://c")
    assert data.links == (
        PaperLink("Project page", "https://p.org"),
        PaperLink("paper", "https://new.org"),
        PaperLink("code", "https://c"),
    )
    assert (data.url, data.code, data.project) == ("https://new.org", "https://c", "https://p.org")
    # Folding is idempotent: a record rebuilt from its input is the same input again.
    assert PaperInput(venue="CVPR", year=2024, links=data.links, url=data.url) == data


def test_an_empty_link_given_apart_removes_the_link_of_its_kind() -> None:
    """`edit paper --url ''` takes the paper's link off, as it did before links had labels."""
    links = (PaperLink("paper", "https://old.org"), PaperLink("slides", "https://s.org"))
    data = PaperInput(venue="CVPR", year=2024, links=links, url="")
    assert data.links == (PaperLink("slides", "https://s.org"),)
    assert data.url is None
    assert PaperInput(venue="CVPR", year=2024, links=data.links, url=data.url) == data


def test_a_link_label_longer_than_its_column_is_a_field_error(database: Database) -> None:
    """The label column holds 200 characters: a longer one is refused at the field on every
    database, not left to PostgreSQL's driver error."""
    long_label = PaperLink("x" * 201, "https://example.org")
    with database.session(write=True) as session, pytest.raises(ValidationError, match="label"):
        commands.add_paper(session, PaperInput(venue="CVPR", year=2024, links=(long_label,)))


def test_links_with_brackets_and_parentheses_survive_bibtex_and_the_table_cell() -> None:
    from labnews.io import bibdetails, tables

    links = (
        PaperLink("slides [pdf]", "https://example.org/s.pdf"),
        PaperLink("wiki", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    )
    assert tables.links_of_cell(tables.links_cell(links)) == links
    record = PaperRecord(id=1, venue_id=1, venue_short="CVPR", year=2024, news=YearMonth(2024, 6))
    fields_ = dict(bibdetails.detail_fields(replace(record, links=links)))
    warnings: list[str] = []
    empty = PlannedPaper(venue="CVPR", year=2024, news=YearMonth(2024, 6))
    planned = bibdetails.with_details(empty, fields_, warnings.append)
    assert (planned.links, warnings) == (links, [])


def test_the_plain_dict_names_every_input_field() -> None:
    spelled = {NEWS_KEY: "news"}
    assert {spelled.get(key, key) for key in PAPER_KEYS} == INPUT_FIELDS


def test_a_planned_import_paper_holds_every_input_field() -> None:
    from labnews.io.plan import PlannedPaper

    assert {f.name for f in fields(PlannedPaper)} >= INPUT_FIELDS


def test_the_papers_table_has_a_column_for_every_field() -> None:
    from labnews.io.tables import COLUMNS

    assert set(PAPER_KEYS) <= set(COLUMNS["papers"])


def test_the_paper_form_has_a_field_for_every_input_field(database: Database, qtbot: QtBot) -> None:
    from labnews.gui.dialogs.paper import PaperDialog

    dialog = PaperDialog(None, None, database=database)
    qtbot.addWidget(dialog)
    # The form names the news month "month", as the store's errors do.
    missing = [
        key for key in INPUT_FIELDS if ("month" if key == "news" else key) not in dialog.form
    ]
    assert not missing, f"the paper form has no field for {sorted(missing)}"


# --- a paper with every field set, through each place a field must reach -----------------------

# Values of the fields that have a rule of their own (a DOI must look like one); any other field
# of PaperFields gets a value made from its type, so a field added there is set without an edit.
EXAMPLE: dict[str, Any] = {
    "title": "Every field set",
    "status": "published",
    "presentation": "long talk",
    "doi": "10.5555/every.field",
    "arxiv": "2312.04005",
    "url": "https://example.org/paper",
    "code": "https://example.org/code",
    "project": "https://example.org/project",
    "note": "A note",
    "links": (
        PaperLink("Project page", "https://example.org/project"),
        PaperLink("paper", "https://example.org/paper"),
        PaperLink("slides", "https://example.org/slides.pdf"),
        PaperLink("code", "https://example.org/code"),
    ),
    "also_presented": ("CVPR 2024: The Workshop on Every Field",),
    "accepted": date(2024, 2, 27),
}


def _example(name: str, kind: object, default: object) -> object:
    if name in EXAMPLE:
        return EXAMPLE[name]
    if kind == "str | None":
        return f"the {name}"
    if kind == "bool":
        return not default
    pytest.fail(f"no example value for the paper field {name!r} of type {kind}: add it to EXAMPLE")


def every_field_set(member_id: int) -> PaperInput:
    """A paper whose every own field differs from its default, by a member and an outsider."""
    data = PaperInput(
        venue="CVPR",
        year=2024,
        news=YearMonth(2024, 6),
        authors=(AuthorInput("Kim Minsu", member_id, equal=True), AuthorInput("Outside Author")),
        featured=member_id,
        **{f.name: _example(f.name, f.type, f.default) for f in fields(PaperFields)},
    )
    unset = [f.name for f in fields(PaperFields) if getattr(data, f.name) == f.default]
    assert not unset, f"the example leaves {unset} at their defaults: the checks below miss them"
    return data


def lost(expected: PaperInput, found: PaperInput) -> list[str]:
    """The input fields whose values differ: the places a field did not reach."""
    return [
        f.name for f in fields(PaperInput) if getattr(found, f.name) != getattr(expected, f.name)
    ]


def test_every_paper_field_is_written_and_read_back(database: Database) -> None:
    with database.session(write=True) as session:
        member_id = commands.add_member(session, MemberInput("Kim Minsu")).ids[0]
        data = every_field_set(member_id)
        (paper_id,) = commands.add_paper(session, data).ids
        found = paper_input(queries.paper_by_id(session, paper_id))
    missed = lost(data, found)
    assert not missed, f"the store's write or read (store/queries.py) loses {missed}"


@pytest.mark.parametrize("form", ["csv", "json"])
def test_every_paper_field_survives_the_table_export_and_the_bulk_import(
    database: Database, tmp_path: Path, form: str
) -> None:
    with database.session(write=True) as session:
        member_id = commands.add_member(session, MemberInput("Kim Minsu")).ids[0]
        (paper_id,) = commands.add_paper(session, every_field_set(member_id)).ids
        before = paper_input(queries.paper_by_id(session, paper_id))
        if form == "csv":
            text = tableexport.export_csv(session, "papers", None)
        else:
            text = tableexport.export_json(session, None)
        commands.remove_papers(session, [paper_id])
    path = tmp_path / f"lab.{form}"
    path.write_text(text, encoding="utf-8")
    with database.session(write=True) as session:
        plan = tableimport.plan_table(session, path)
        assert plan.of_kind("error") == []
        # The planned paper holds every own field of the paper, and the bulk insert writes it.
        planned = plan.papers[0]
        missed = [
            f.name
            for f in fields(PaperFields)
            if getattr(planned, f.name) != getattr(before, f.name)
        ]
        assert not missed, f"the {form} export or import (io/tableimport.py) loses {missed}"
        (new_id,) = apply_plan(session, plan).ids
        after = paper_input(queries.paper_by_id(session, new_id))
    missed = lost(before, after)
    assert not missed, f"the import's bulk insert loses {missed}"


def test_every_paper_field_comes_back_from_the_paper_form(database: Database, qtbot: QtBot) -> None:
    from labnews.gui.dialogs.paper import PaperDialog

    with database.session(write=True) as session:
        member_id = commands.add_member(session, MemberInput("Kim Minsu")).ids[0]
        (paper_id,) = commands.add_paper(session, every_field_set(member_id)).ids
        data = paper_input(queries.paper_by_id(session, paper_id))
    dialog = PaperDialog(None, data, database=database, paper_id=paper_id)
    qtbot.addWidget(dialog)
    missed = lost(data, dialog.read())
    assert not missed, f"the paper form (gui/dialogs/paper.py) loses {missed}"
