"""CSV and JSON: export every table, read it back (UTF-8 or cp949), round trips, bad rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from labnews.core.errors import LabnewsError
from labnews.core.inputs import AuthorInput, PaperInput
from labnews.io import tableexport, tableimport, tables
from labnews.io.plan import ImportPlan, apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.models import Achievement, Member, Paper, Venue
from tests.conftest import Runner


def _write(tmp_path: Path, text: str | bytes, name: str = "table.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _plan(database: Database, path: Path) -> ImportPlan:
    with database.session() as session:
        return tableimport.plan_table(session, path)


def _apply(database: Database, plan: ImportPlan) -> None:
    with database.session(write=True) as session:
        apply_plan(session, plan)


def _counts(database: Database) -> tuple[int, ...]:
    with database.session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Paper, Member, Venue, Achievement)
        )


def _messages(plan: ImportPlan, kind: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in plan.findings if f.kind == kind]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


PAPERS_HEADER = ",".join(tables.COLUMNS["papers"])


# --- export ------------------------------------------------------------------------------------


def test_each_table_exports_with_a_header_of_field_names(demo_database: Database) -> None:
    with demo_database.session() as session:
        exported = {t: tableexport.export_csv(session, t, None) for t in tables.TABLES}
    for table, text in exported.items():
        assert text.splitlines()[0] == ",".join(tables.COLUMNS[table])
    assert len(_rows(exported["papers"])) == 41
    assert len(_rows(exported["members"])) == 20
    # The award, and the projects and talks of the lab's page.
    assert len(_rows(exported["achievements"])) == 16
    etri = next(r for r in _rows(exported["papers"]) if r["doi"])
    assert etri | {"id": "?"} == {
        "id": "?",
        "news_month": "2024-02",
        "venue": "ETRI J.",
        "year": "2024",
        "title": "Multimodal AudioVisual Speech Recognition Architecture Using a Three-Feature "
        "Multi Fusion Method for Noise-Robust Systems",
        "authors": "Sanghun Jeon*; Jieun Lee; Dohyeon Yeo; Yong-Ju Lee*; SeungJun Kim",
        "featured": "Jeon Sanghun",
        "status": "accepted",
        "presentation": "",
        "doi": "10.4218/etrij.2023-0266",
        "arxiv": "",
        "url": "https://onlinelibrary.wiley.com/doi/10.4218/etrij.2023-0266",
        "code": "",
        "project": "",
        "bibkey": "",
        "note": "",
        "links": "[paper](https://onlinelibrary.wiley.com/doi/10.4218/etrij.2023-0266)",
        "also_presented": "",
        "accepted": "",
    }
    pi = next(r for r in _rows(exported["members"]) if r["role"] == "pi")
    assert (pi["name"], pi["native"], pi["aliases"], pi["in_news"]) == (
        "Yong-Ju Lee",
        "이용주",
        "Yongju Lee; Y.-J. Lee",
        "no",
    )
    workshop = next(r for r in _rows(exported["venues"]) if r["short"] == "CVPR Workshop")
    assert (workshop["kind"], workshop["parent"], workshop["month"]) == ("workshop", "CVPR", "6")


def test_a_year_exports_only_the_members_and_venues_it_names(demo_database: Database) -> None:
    with demo_database.session() as session:
        members = _rows(tableexport.export_csv(session, "members", [2022]))
        venues = _rows(tableexport.export_csv(session, "venues", [2022]))
        papers = _rows(tableexport.export_csv(session, "papers", [2022]))
    assert len(papers) == 6
    assert {r["short"] for r in venues} == {"ETRI J.", "CVPR", "ECCV", "BMVC"}
    assert {r["name"] for r in members} == {
        "Chunhee Lee",
        "Youngwan Lee",
        "Moon Jinyoung",
        "Ham Jaeseok",
        "Jongryul Lee",
        "Yong-Ju Lee",
    }


def test_the_cli_writes_csv_with_a_bom_and_json_without(
    demo_database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    cli = on(demo_database)
    assert cli("export", "csv", "--table", "members", "--output", str(tmp_path / "m.csv")).code == 0
    assert cli("export", "json", "--output", str(tmp_path / "lab.json")).code == 0
    data = (tmp_path / "m.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,")
    assert "함재석".encode() in data
    assert json.loads((tmp_path / "lab.json").read_text(encoding="utf-8"))["format"] == "labnews"
    assert cli("export", "csv", "--table", "papers").out.startswith(PAPERS_HEADER + "\r\n")


def test_json_holds_everything(demo_database: Database) -> None:
    with demo_database.session() as session:
        document = json.loads(tableexport.export_json(session, None))
    assert (document["format"], document["version"]) == ("labnews", 1)
    assert [len(document[k]) for k in ("members", "papers", "achievements")] == [20, 41, 16]
    assert document["rules"] == {
        "workshops": "fold",
        "order": "first",
        "lines": "month",
        "pinned": {"2023": ["AAAI", "ICLR", "CVPR", "ICCV", "NeurIPS", "ETRI J."]},
        "conference_years": [2024],
    }
    koala = next(p for p in document["papers"] if p["title"].startswith("KOALA: Fast"))
    assert koala["authors"][:2] == [
        {"name": "Youngwan Lee", "member": "Youngwan Lee"},
        {"name": "Kwanyong Park", "member": "Kwanyong Park"},
    ]
    assert koala["authors"][2] == {"name": "Yoorhim Cho", "member": None}
    assert (koala["news"], koala["featured"], koala["code"]) == (
        "2024-06",
        "Youngwan Lee",
        "https://github.com/youngwanLEE/sdxl-koala",
    )


def test_formula_like_cells_are_kept_as_text_and_read_back(
    database: Database, tmp_path: Path
) -> None:
    titles = ['=HYPERLINK("http://x","y")', "+1 trick", "-minus", "@at", "'quoted"]
    with database.session(write=True) as session:
        for title in titles:
            commands.add_paper(session, PaperInput(venue="ICCV", year=2023, title=title))
        text = tableexport.export_csv(session, "papers", None)
        session.execute(Paper.__table__.delete())
    cells = [r["title"] for r in _rows(text)]
    assert cells == ["'" + t for t in titles]
    plan = _plan(database, _write(tmp_path, text))
    assert [p.title for p in plan.papers] == titles


def test_list_cells_are_guarded_against_formulas_too(database: Database) -> None:
    """Member aliases and achievement members come out as a list cell: guarded like any other."""
    from labnews.core.inputs import AchievementInput, MemberInput
    from labnews.core.records import YearMonth

    with database.session(write=True) as session:
        commands.add_member(
            session, MemberInput("Eve Hacker", aliases=("=cmd|' /C calc'!A0", "@evil"))
        )
        commands.add_member(session, MemberInput("@Sum Person"))
        member = queries.find_member(session, "@Sum Person", field="member")
        commands.add_achievement(
            session,
            AchievementInput(
                kind="award", title="Prize", date=YearMonth(2024, 5), members=(member.id,)
            ),
        )
        members = tableexport.export_csv(session, "members", None)
        achievements = tableexport.export_csv(session, "achievements", None)
    eve = next(r for r in _rows(members) if r["name"] == "Eve Hacker")
    assert eve["aliases"].startswith("'=cmd")
    prize = next(r for r in _rows(achievements) if r["title"] == "Prize")
    assert prize["members"] == "'@Sum Person"
    for row in (*_rows(members), *_rows(achievements)):
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@")), cell


# --- round trips -------------------------------------------------------------------------------


def test_json_round_trip_into_an_empty_database(
    demo_database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    source = on(demo_database)
    path = tmp_path / "lab.json"
    assert source("export", "json", "--output", str(path)).code == 0
    summary = source("summary").out
    news = source("news", "--from", "2022", "--to", "2025", "--with-achievements").out

    from labnews.store.migrate import open_database

    fresh = open_database(str(tmp_path / "fresh.sqlite"))
    try:
        target = on(fresh)
        imported = target("import", "csv", str(path))
        assert imported.code == 0, imported.err
        assert "to create: 20 members" in imported.out
        assert "to pin the 2023 tally order: AAAI, ICLR, CVPR, ICCV, NeurIPS, ETRI J." in (
            imported.out
        )
        assert target("summary").out == summary
        assert target("news", "--from", "2022", "--to", "2025", "--with-achievements").out == news
        # A second import finds everything there already.
        again = _plan(fresh, path)
        assert again.is_empty
        assert len(again.of_kind("duplicate")) == 41 + 16
        assert again.pins == {}
    finally:
        fresh.dispose()


def test_csv_round_trip_of_members_then_papers(
    demo_database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    source = on(demo_database)
    # CSV tables carry no tally rules (JSON does): unpin 2023 so the orders are comparable.
    assert source("order", "2023", "--clear").code == 0
    members, papers = tmp_path / "members.csv", tmp_path / "papers.csv"
    assert source("export", "csv", "--table", "members", "--output", str(members)).code == 0
    assert source("export", "csv", "--table", "papers", "--output", str(papers)).code == 0
    summary = source("summary").out

    from labnews.store.migrate import open_database

    fresh = open_database(str(tmp_path / "fresh.sqlite"))
    try:
        target = on(fresh)
        assert target("import", "csv", str(members)).code == 0
        result = target("import", "csv", str(papers))
        assert result.code == 0, result.err
        assert "members" not in result.out.splitlines()[2], "no member is created twice"
        assert target("summary").out == summary
        with fresh.session() as session:
            assert len(queries.members(session)) == 20
    finally:
        fresh.dispose()


# --- reading -----------------------------------------------------------------------------------


def test_cp949_from_korean_excel_is_read(database: Database, tmp_path: Path) -> None:
    text = "name,native,role\r\n함재석,함재석,phd\r\nKim Minsu,김민수,ms\r\n"
    plan = _plan(database, _write(tmp_path, text.encode("cp949")))
    assert [(m.name, m.native, m.role) for m in plan.members] == [
        ("함재석", "함재석", "phd"),
        ("Kim Minsu", "김민수", "ms"),
    ]
    assert _messages(plan, "warning") == [(None, "the file is not UTF-8; it was read as cp949")]


def test_utf8_with_a_bom_and_semicolons_from_european_excel(
    database: Database, tmp_path: Path
) -> None:
    text = "\ufeffname;native;role;in_news\nHam Jaeseok;함재석;pi;no\n"
    plan = _plan(database, _write(tmp_path, text))
    assert [(m.name, m.native, m.role, m.in_news) for m in plan.members] == [
        ("Ham Jaeseok", "함재석", "pi", False)
    ]
    assert plan.findings == []


def test_bad_rows_are_errors_naming_row_and_field_and_the_rest_still_plan(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    text = (
        "venue,year,news_month,title,doi,status\n"
        "CVPR,2024,,Good One,,\n"
        "CVPR,1800,,Too Old,,\n"
        "CVPR,2024,2024-13,Month Thirteen,,\n"
        ",2024,2024-06,No Venue,,\n"
        "ICCV,2023,,Good Two,,\n"
        "ICCV,twenty,,Wordy,,\n"
        'CVPR,2024,,"Bad\nDOI, on two lines",nope,lost\n'
    )
    path = _write(tmp_path, text)
    plan = _plan(database, path)
    assert [p.title for p in plan.papers] == ["Good One", "Good Two"]
    assert _messages(plan, "error") == [
        (3, "year must be between 1900 and 2100, not 1800"),
        (4, "news_month must be between 1 and 12, not 13"),
        (5, "venue must not be empty"),
        (7, "year must be a whole number, not 'twenty'"),
        (8, "status must be one of accepted, published, withdrawn, not 'lost'"),
        (8, "doi must look like 10.1234/abc, not 'nope'"),
    ]
    before = _counts(database)
    result = on(database)("import", "csv", str(path))
    assert result.code == 1
    assert result.err.startswith("labnews: error: the import has 6 errors; first: error: line 3:")
    assert _counts(database) == before


def test_a_journal_paper_without_news_month_is_an_error(database: Database, tmp_path: Path) -> None:
    plan = _plan(database, _write(tmp_path, "venue,year,title\nETRI J.,2024,Journal\n"))
    assert plan.papers == []
    assert _messages(plan, "error") == [
        (2, "news_month is empty and venue ETRI J. has no typical month: give it as YYYY-MM")
    ]


def test_duplicates_in_the_file_and_against_the_database(
    demo_database: Database, tmp_path: Path
) -> None:
    text = (
        "venue,year,news_month,title,authors,doi\n"
        "ICML,2024,2024-07,Fresh Paper,,10.1234/fresh\n"
        "ICML,2024,2024-07,fresh   paper!,,\n"
        "ICLR,2024,2024-05,Another,,10.1234/FRESH\n"
        "ETRI J.,2024,2024-02,Renamed,,10.4218/etrij.2023-0266\n"
        'CVPR Workshop,2024,2024-06,"KOALA: Fast and Memory-Efficient Latent Diffusion Models via '
        'Self-Attention Distillation",,\n'
        "NeurIPS,2024,2024-12,,Ham Jaeseok*; Yong-Ju Lee*,\n"
        "NeurIPS,2024,2024-12,,Ham Jaeseok*; Yong-Ju Lee*,\n"
    )
    plan = _plan(demo_database, _write(tmp_path, text))
    with demo_database.session() as session:
        koala = next(p for p in queries.papers_in(session) if p.title.startswith("KOALA: Fast"))
    assert [p.line for p in plan.papers] == [2, 8]
    assert _messages(plan, "duplicate") == [
        (3, "'fresh paper!' repeats line 2 (same title, venue and year); left out"),
        (4, "'Another' repeats line 2 (same DOI); left out"),
        (5, "'Renamed' is already there as paper #17 (same DOI); left out"),
        (
            6,
            "'KOALA: Fast and Memory-Efficient Latent Diffusion Models via Self-Attention "
            f"Distillation' is already there as paper #{koala.id} (same title, venue and year);"
            " left out",
        ),
        (
            7,
            "the untitled paper at NeurIPS 2024 matches an untitled paper already there "
            "(same venue, month and authors); left out",
        ),
    ]


def test_member_authors_are_marked_and_unknown_marked_ones_are_planned(
    demo_database: Database, tmp_path: Path
) -> None:
    text = (
        "venue,year,title,authors,featured\n"
        "ICLR,2024,New,Jaeseok Ham*; Outside Person; New Student*,New Student\n"
    )
    plan = _plan(demo_database, _write(tmp_path, text))
    (paper,) = plan.papers
    assert [(a.written, a.member) for a in paper.authors] == [
        ("Jaeseok Ham", "Ham Jaeseok"),
        ("Outside Person", None),
        ("New Student", "New Student"),
    ]
    assert paper.featured == "New Student"
    assert [m.name for m in plan.members] == ["New Student"]
    assert (2, "author 3 'New Student' is not a member: will create them") in _messages(
        plan, "warning"
    )
    _apply(demo_database, plan)
    with demo_database.session() as session:
        added = next(p for p in queries.papers_in(session) if p.title == "New")
    assert added.featured_name == "New Student"


def test_members_table_skips_existing_members_and_says_what_differs(
    demo_database: Database, tmp_path: Path
) -> None:
    text = (
        "name,native,aliases,role,in_news,joined,left\n"
        "Jaeseok Ham,함재석,,phd,yes,,\n"
        "New Person,,N. Person; Newbie,ms,yes,2024-03,2026-02\n"
        "new person,,,ms,yes,,\n"
        "Bad Dates,,,ms,maybe,2024-05,2023-01\n"
        "Bad Role,,,emperor,yes,,\n"
    )
    plan = _plan(demo_database, _write(tmp_path, text))
    assert [(m.name, m.aliases, m.role) for m in plan.members] == [
        ("New Person", ("N. Person", "Newbie"), "ms")
    ]
    assert _messages(plan, "warning") == [
        (2, "member Ham Jaeseok already exists; its role in the file differ and were not applied")
    ]
    assert _messages(plan, "duplicate") == [(4, "member new person is listed twice; left out")]
    assert _messages(plan, "error") == [
        (5, "in_news must be yes or no, not 'maybe'"),
        (5, "left (2023-01) must not come before joined"),
        (
            6,
            "role must be one of pi, professor, researcher, postdoc, phd, ms, undergrad, intern,"
            " alumni, other, not 'emperor'",
        ),
    ]
    assert _messages(plan, "matched") == [(None, "already in the database: 1 members")]


def test_venues_table_plans_new_venues_with_their_new_parents(
    database: Database, tmp_path: Path
) -> None:
    text = (
        "short,full,kind,parent,label,month,aliases\n"
        "LW,Lab Workshop,workshop,LC,,,LabW; CVPRW\n"
        "LC,Lab Conference,conference,,,9,Lab Conf\n"
        "CVPR,Something Else,conference,,,6,\n"
        "Orphan,,workshop,Nowhere,,,\n"
        "Bad Month,,conference,,,13,\n"
    )
    plan = _plan(database, _write(tmp_path, text))
    assert [(v.short, v.kind, v.parent, v.month, v.aliases) for v in plan.venues] == [
        ("LW", "workshop", "LC", None, ("LabW",)),
        ("LC", "conference", None, 9, ("Lab Conf",)),
    ]
    assert _messages(plan, "error") == [
        (6, "month must be between 1 and 12, not 13"),
        (5, "parent 'Nowhere' is not a known venue"),
    ]
    assert (
        2,
        "alias 'CVPRW' of LW already names CVPR Workshop; left out",
    ) in _messages(plan, "warning")
    assert (
        4,
        "venue CVPR already exists; its full in the file differ and were not applied",
    ) in _messages(plan, "warning")


def test_venues_papers_and_achievements_from_one_json_apply_together(
    database: Database, tmp_path: Path
) -> None:
    document = {
        "format": "labnews",
        "version": 1,
        "venues": [
            {"short": "LW", "kind": "workshop", "parent": "LC"},
            {"short": "LC", "full": "Lab Conference", "month": 9},
        ],
        "members": [{"name": "Ada Lovelace", "role": "phd"}],
        "papers": [
            {
                "venue": "LW",
                "year": 2024,
                "title": "Engines",
                "authors": [{"name": "A. Lovelace", "member": "Ada Lovelace"}, "C. Babbage"],
            }
        ],
        "achievements": [
            {
                "kind": "award",
                "title": "Best Paper",
                "date": "2024-09",
                "day": 12,
                "members": ["Ada Lovelace"],
            }
        ],
    }
    path = _write(tmp_path, json.dumps(document), "lab.json")
    plan = _plan(database, path)
    assert plan.of_kind("error") == []
    _apply(database, plan)
    with database.session() as session:
        (paper,) = queries.papers_in(session)
        (award,) = queries.achievements_in(session)
    assert (paper.venue_short, str(paper.news), paper.featured_name) == (
        "LW",
        "2024-09",
        "Ada Lovelace",
    )
    assert [(a.written, a.member_id is not None) for a in paper.authors] == [
        ("A. Lovelace", True),
        ("C. Babbage", False),
    ]
    assert (award.title, award.day, [m.name for m in award.members]) == (
        "Best Paper",
        12,
        ["Ada Lovelace"],
    )


def test_achievements_table_checks_kind_date_and_day(database: Database, tmp_path: Path) -> None:
    text = (
        "kind,title,date,day,members\n"
        "award,Best Paper,2024-02,29,\n"
        "award,Leap Day Again,2023-02,29,\n"
        "prize,Unknown Kind,2024-01,,\n"
        "talk,,2024-01,,\n"
        "talk,Keynote,2024-1,,\n"
        "talk,Keynote,2024/01,,\n"
    )
    plan = _plan(database, _write(tmp_path, text))
    assert [(a.title, str(a.date), a.day) for a in plan.achievements] == [
        ("Best Paper", "2024-02", 29),
        ("Keynote", "2024-01", None),
    ]
    assert _messages(plan, "error") == [
        (3, "day must be between 1 and 28, not 29"),
        (
            4,
            "kind must be one of award, talk, grant, project, challenge, service, media, other, "
            "not 'prize'",
        ),
        (5, "title must not be empty"),
    ]
    assert _messages(plan, "duplicate") == [
        (7, "talk 'Keynote' (2024-01) is already there; left out")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "labnews", "version": 2}', "written by a newer labnews (format version 2)"),
        ('{"format": "other", "version": 1}', 'not a labnews export (no "format": "labnews")'),
        ('{"format": "labnews"}', "format version is missing"),
        (
            '{"format": "labnews", "version": 1, "papers": {}}',
            '"papers" in the file must be a list',
        ),
        ('{"format": "labnews", "version": 1,\n "papers": [1]}', 'paper 1 in "papers" is not'),
        ('{"format": "labnews",\n "version": 1,,}', "not valid JSON (line 2, column 15"),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
        ("title,author\nx,y\n", "the CSV header names no labnews table"),
    ],
)
def test_unreadable_documents_are_clean_errors(
    database: Database, tmp_path: Path, content: str, message: str
) -> None:
    name = "lab.csv" if content.startswith("title") else "lab.json"
    with pytest.raises(LabnewsError) as caught:
        _plan(database, _write(tmp_path, content, name))
    assert message in str(caught.value)


def test_a_binary_file_is_a_clean_error(database: Database, tmp_path: Path) -> None:
    with pytest.raises(LabnewsError, match="is not a text file"):
        _plan(database, _write(tmp_path, bytes(range(256)) * 64, "table.csv"))


def test_a_huge_cell_is_a_clean_error(database: Database, tmp_path: Path) -> None:
    text = "venue,year,title\nCVPR,2024," + "x" * 1_000_000 + "\n"
    with pytest.raises(LabnewsError, match="line 2: the CSV cannot be read"):
        _plan(database, _write(tmp_path, text))


def test_nul_bytes_and_crlf_in_a_csv(database: Database, tmp_path: Path) -> None:
    text = "venue,year,title\r\nCVPR,2024,Nul\x00 Title\r\nICCV,2023,Second\r\n"
    plan = _plan(database, _write(tmp_path, text))
    assert [(p.line, p.title) for p in plan.papers] == [(2, "Nul Title"), (3, "Second")]


def test_dry_run_writes_nothing(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    path = _write(tmp_path, "venue,year,title,authors\nCVPR,2024,X,New Person*\n")
    before = _counts(database)
    result = on(database)("import", "csv", str(path), "--dry-run")
    assert result.code == 0
    assert "to create: 1 members (New Person)" in result.out.replace("member ", "members ")
    assert _counts(database) == before


def test_rules_that_differ_are_reported_not_applied(database: Database, tmp_path: Path) -> None:
    document = {
        "format": "labnews",
        "version": 1,
        "rules": {
            "workshops": "separate",
            "order": "first",
            "lines": "month",
            "pinned": {"2024": ["CVPR", "ICCV"], "bad": "x"},
        },
    }
    plan = _plan(database, _write(tmp_path, json.dumps(document), "lab.json"))
    assert plan.pins == {2024: ("CVPR", "ICCV")}
    warnings = [m for _, m in _messages(plan, "warning")]
    assert "the file's pinned order for 'bad' is not readable; ignored" in warnings
    assert (
        "the file's rule workshops is separate, this database's is fold: kept; "
        "set it with `labnews rules --workshops`"
    ) in warnings


def test_a_failed_apply_leaves_the_database_as_it_was(database: Database, tmp_path: Path) -> None:
    text = "venue,year,title,doi,authors\nCVPR,2024,A,,Someone*\nICCV,2023,B,10.1234/x,\n"
    plan = _plan(database, _write(tmp_path, text))
    assert (len(plan.papers), len(plan.members)) == (2, 1)
    with database.session(write=True) as session:
        commands.add_paper(
            session,
            PaperInput(
                venue="ICML",
                year=2023,
                title="Theirs",
                doi="10.1234/x",
                authors=(AuthorInput("Other"),),
            ),
        )
    before = _counts(database)
    with pytest.raises(LabnewsError, match=r"doi 10\.1234/x already exists"):
        _apply(database, plan)
    assert _counts(database) == before


def test_an_unknown_table_is_refused_naming_the_field(database: Database) -> None:
    with database.session() as session, pytest.raises(LabnewsError, match="table must be one of"):
        tableexport.export_csv(session, "people", None)
