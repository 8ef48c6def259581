"""BibTeX in and out: every field form, duplicates, hostile files, and the export round trip."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from labnews.core.errors import DuplicateError, LabnewsError
from labnews.core.inputs import AuthorInput, PaperInput
from labnews.core.records import YearMonth
from labnews.io import bibexport, bibplan, bibtex
from labnews.io.known import PaperIndex
from labnews.io.latex import decode_latex, escape_latex
from labnews.io.plan import ImportPlan, PlannedPaper, apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.migrate import open_database
from labnews.store.models import Member, Paper, Venue, VenueAlias
from tests.conftest import Runner

FIXTURES = Path(__file__).parent.parent / "fixtures" / "bibtex"
ROOT = Path(__file__).parent.parent.parent


def _write(tmp_path: Path, text: str | bytes, name: str = "refs.bib") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _plan(database: Database, path: Path) -> ImportPlan:
    with database.session() as session:
        return bibplan.plan_bibtex(session, path)


def _plan_text(database: Database, tmp_path: Path, text: str) -> ImportPlan:
    return _plan(database, _write(tmp_path, text))


def _only(plan: ImportPlan) -> PlannedPaper:
    assert len(plan.papers) == 1, plan.report()
    return plan.papers[0]


def _count(database: Database, model: type[Paper] | type[Member] | type[Venue] = Paper) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _messages(plan: ImportPlan, kind: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in plan.findings if f.kind == kind]


def _entry(key: str = "k", kind: str = "inproceedings", **fields: str) -> str:
    values = {"title": "{A Title}", "booktitle": "{CVPR}", "year": "2024"} | fields
    body = ",\n".join(f"  {name} = {value}" for name, value in values.items() if value)
    return f"@{kind}{{{key},\n{body}\n}}\n"


# --- start-up ----------------------------------------------------------------------------------


def test_importing_labnews_does_not_load_bibtexparser_or_pylatexenc() -> None:
    code = (
        "import sys, labnews.cli, labnews.io.bibplan, labnews.io.bibexport; "
        "import labnews.io.tableimport; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'bibtexparser', 'pylatexenc'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.stdout.strip() == "[]"


# --- LaTeX -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"M{\"u}ller", "Müller"),
        (r"M\"{u}ller", "Müller"),
        (r"M\"uller", "Müller"),
        (r"Caf{\'e}", "Café"),
        (r"Fran\c{c}ois", "François"),
        (r"{\c c}a", "ça"),
        (r"D\'{\i}az", "Díaz"),
        (r"{\v S}imon and \v{C}ech", "Šimon and Čech"),
        (r"{\ss} {\o}resund \AA{}ngstr{\"o}m Ma{\l}gorzata", "ß øresund Ångström Małgorzata"),
        (r"{CVPR}: {D}eep {N}etworks", "CVPR: Deep Networks"),
        ("{{{Protected}}} words", "Protected words"),
        ("A & B, 50% off, #1", "A & B, 50% off, #1"),
        (r"A \& B, 50\% off, \#1, \$5, a\_b, \{x\}", "A & B, 50% off, #1, $5, a_b, {x}"),
        ("non~breaking   and\n  folded\tspace", "non breaking and folded space"),
        (r"$\alpha$-Net", "α-Net"),
        ("pages 1--10 --- a dash", "pages 1–10 — a dash"),
        (r"\textbf{Bold} and \emph{it}", "Bold and it"),
        ("함재석 (Hangul stays)", "함재석 (Hangul stays)"),
    ],
)
def test_latex_accents_and_braces_are_decoded(latex: str, text: str) -> None:
    assert decode_latex(latex) == text


CORPUS = [
    r"Bj{\"o}rn Ommer",
    r"J{\"{o}}rg",
    r"Andr\'{e} Fran\c{c}ois",
    r"G\"{o}del, Escher",
    r"{\'E}cole {\`a} \^{o}t\'e",
    r"\~{a}o \~n \=a \.z \u{g} \H{o} \k{a} \r{a} \d{a} \b{a} \v c",
    r"{\"\i}, {\'\i}, \'\i, \i, {\j}",
    r"\ss x, {\ss} x, \ss{}x, \ae{}, \AE, \oe, \OE, \aa, \AA, \l{}, \L, \o, \O",
    r"{{Deep}} {L}earning for {\"U}ber",
    r"\{literal\} braces and \& \% \# \_ \$",
    "plain ascii title, with: punctuation!",
]


@pytest.mark.parametrize("latex", CORPUS)
def test_the_fast_decoder_agrees_with_pylatexenc(latex: str) -> None:
    from pylatexenc.latex2text import LatexNodes2Text

    reference = " ".join(LatexNodes2Text().latex_to_text(latex).split())
    assert decode_latex(latex) == reference


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_any_text_survives_escape_then_decode(text: str) -> None:
    assert decode_latex(escape_latex(text)) == " ".join(text.split())


def test_hostile_latex_never_raises() -> None:
    deep = "{" * 5000 + r"\"u" + "}" * 5000
    assert decode_latex(deep) == "ü"
    broken = r"\foo{" * 3000 + "x"
    assert "x" in decode_latex(broken)


# --- field forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Lee, Youngwan and Park, Kwanyong", ["Youngwan Lee", "Kwanyong Park"]),
        ("Youngwan Lee AND Kwanyong Park", ["Youngwan Lee", "Kwanyong Park"]),
        (r"M{\"u}ller, J{\"o}rg and Fran\c{c}ois, Andr{\'e}", ["Jörg Müller", "André François"]),
        ("{Barnes and Noble, Inc.} and Doe, Jane", ["Barnes and Noble, Inc.", "Jane Doe"]),
        ("van der Berg, Jan and Smith, Jr., John", ["Jan van der Berg", "John Smith Jr."]),
        ("Lee, Youngwan and others", ["Youngwan Lee"]),
        ("  Lee,\n   Youngwan   and\n Ham Jaeseok ", ["Youngwan Lee", "Ham Jaeseok"]),
        ("Anderson and Andrews", ["Anderson", "Andrews"]),
    ],
)
def test_authors_split_on_and_with_last_first_turned_round(raw: str, names: list[str]) -> None:
    assert bibtex.split_authors(raw) == names


def _split_by_depth(text: str) -> list[str]:
    """The straightforward reading: split on " and " wherever the brace depth is zero."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"(?<!\\)[{}]|\s+and\s+", text, re.IGNORECASE):
        if match[0] == "{":
            depth += 1
        elif match[0] == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["{", "}", "\\", "a", "B", ",", " ", " and ", '\\"u', "x y"]),
            max_size=8,
        ).map("".join),
        min_size=1,
        max_size=4,
    )
)
def test_the_quick_author_split_agrees_with_splitting_by_brace_depth(lines: list[str]) -> None:
    """A shared cache and the plain split never give other names than a full depth scan."""
    cache: dict[str, str] = {}
    for raw in lines:
        text = " ".join(raw.split())
        expected = [n for p in _split_by_depth(text) if (n := bibtex._author_name(p.strip()))]
        assert bibtex.split_authors(raw, cache) == expected
        assert bibtex.split_authors(raw) == expected


@pytest.mark.parametrize(
    "latex", ["{Deep} {L}earning", "{{A}} & {B} 50%", "{x}{y} {{z}}", "{Mixed {nested {braces}}}"]
)
def test_braces_only_text_reads_as_pylatexenc_reads_it(latex: str) -> None:
    from pylatexenc.latex2text import LatexNodes2Text

    expected = " ".join(
        LatexNodes2Text().latex_to_text(latex.replace("&", "\\&").replace("%", "\\%")).split()
    )
    assert decode_latex(latex) == expected


@pytest.mark.parametrize(
    ("field", "month"),
    [
        ("month = jun", 6),
        ("month = {June}", 6),
        ('month = "Jun."', 6),
        ("month = 6", 6),
        ("month = {06}", 6),
        ("month = {6}", 6),
        ('month = jun # "~15"', 6),
        ("month = {11}", 11),
        ("date = {2024-03-15}", 3),
    ],
)
def test_month_forms_give_the_news_month(
    database: Database, tmp_path: Path, field: str, month: int
) -> None:
    text = f"@article{{k,\n title = {{T}},\n journal = {{ETRI J.}},\n year = 2024,\n {field}\n}}\n"
    paper = _only(_plan_text(database, tmp_path, text))
    assert paper.news == YearMonth(2024, month)


def test_a_conference_paper_without_month_is_dated_by_the_venue(
    database: Database, tmp_path: Path
) -> None:
    plan = _plan_text(database, tmp_path, _entry(booktitle="{NeurIPS}"))
    assert _only(plan).news is None
    with database.session(write=True) as session:
        apply_plan(session, plan)
    with database.session() as session:
        (paper,) = queries.papers_in(session)
    assert paper.news == YearMonth(2024, 12)


def test_doi_url_and_arxiv_forms(database: Database, tmp_path: Path) -> None:
    text = (
        _entry("a", doi="{https://doi.org/10.1109/CVPR.2024.001}", eprint="{2312.04005}")
        + _entry("b", title="{B}", eprint="{arXiv:2401.00001v2}", archiveprefix="{arXiv}")
        + _entry("c", title="{C}", url="{https://arxiv.org/pdf/2402.00002.pdf}")
        + _entry("d", title="{D}", url="{https://doi.org/10.5555/d.4}")
        + _entry("e", title="{E}", doi="{doi:10.5555/E.5}", eprint="{hep-th/9901001}")
        + _entry("f", title="{F}", eprint="{1234}", eprinttype="{pubmed}")
    )
    plan = _plan_text(database, tmp_path, text)
    got = {p.bibkey: (p.doi, p.arxiv, p.url) for p in plan.papers}
    assert got == {
        "a": ("10.1109/CVPR.2024.001", "2312.04005", None),
        "b": (None, "2401.00001v2", None),
        "c": (None, "2402.00002", "https://arxiv.org/pdf/2402.00002.pdf"),
        "d": ("10.5555/d.4", None, "https://doi.org/10.5555/d.4"),
        "e": ("10.5555/E.5", "hep-th/9901001", None),
        "f": (None, None, None),
    }


def test_bad_doi_and_url_are_left_out_with_a_warning(database: Database, tmp_path: Path) -> None:
    plan = _plan_text(database, tmp_path, _entry(doi="{not a doi}", url="{javascript:alert(1)}"))
    paper = _only(plan)
    assert (paper.doi, paper.url) == (None, None)
    warnings = " | ".join(m for _, m in _messages(plan, "warning"))
    assert "doi 'not a doi' is not a DOI" in warnings
    assert "url 'javascript:alert(1)' is not an http(s) link" in warnings


def test_titles_lose_protective_braces_and_fold_spaces(database: Database, tmp_path: Path) -> None:
    text = _entry(title='{{KOALA}: Fast   and\n    {M}emory-{E}fficient {\\"U}ber-Models}')
    assert _only(_plan_text(database, tmp_path, text)).title == (
        "KOALA: Fast and Memory-Efficient Über-Models"
    )


def test_string_macros_and_concatenation(database: Database, tmp_path: Path) -> None:
    text = (
        '@string{cvpr = "Proceedings of the IEEE/CVF Conference on Computer Vision and '
        'Pattern Recognition"}\n'
        '@inproceedings{k, title = "Deep " # {Nets}, booktitle = cvpr, year = 2023,'
        " month = jun}\n"
    )
    paper = _only(_plan_text(database, tmp_path, text))
    assert (paper.title, paper.venue, paper.news) == ("Deep Nets", "CVPR", YearMonth(2023, 6))


def test_field_names_are_case_insensitive_and_a_repeated_field_keeps_the_first(
    database: Database, tmp_path: Path
) -> None:
    text = "@InProceedings{k, TITLE = {First}, Title = {Second}, BookTitle = {ICCV}, YEAR = 2023}\n"
    plan = _plan_text(database, tmp_path, text)
    paper = _only(plan)
    assert (paper.title, paper.venue, paper.year) == ("First", "ICCV", 2023)
    assert _messages(plan, "warning") == [(1, "entry 'k': repeats title; the first is kept")]


# --- entry types and venues --------------------------------------------------------------------


def test_each_entry_type_finds_its_venue(database: Database, tmp_path: Path) -> None:
    text = (
        _entry(
            "conf",
            booktitle="{Proceedings of the IEEE/CVF Conference on Computer Vision "
            "and Pattern Recognition (CVPR)}",
        )
        + _entry("jour", "article", title="{J}", booktitle="", journal="{IEEE TPAMI}", month="3")
        + _entry("coll", "incollection", title="{C}", booktitle="{ECCV (12)}")
        + _entry("misc", "misc", title="{M}", booktitle="", howpublished="{ICLR}")
        + _entry("year", title="{Y}", booktitle="{NeurIPS 2023}", year="2023")
        + _entry("conference", "conference", title="{Old}", booktitle="{BMVC}")
    )
    plan = _plan_text(database, tmp_path, text)
    assert {p.bibkey: p.venue for p in plan.papers} == {
        "conf": "CVPR",
        "jour": "TPAMI",
        "coll": "ECCV",
        "misc": "ICLR",
        "year": "NeurIPS",
        "conference": "BMVC",
    }
    assert plan.venues == []


def test_unknown_venues_are_reported_and_planned_by_entry_type(
    database: Database, tmp_path: Path
) -> None:
    text = (
        _entry(
            "a",
            booktitle="{Proceedings of the 3rd Symposium on Lab Things (LABTH 2024)}",
            month="5",
        )
        + _entry("b", title="{B}", booktitle="{Symposium on Lab Things}", month="5")
        + _entry(
            "c",
            "article",
            title="{C}",
            booktitle="",
            journal="{Journal of Lab News}",
            month="{August}",
        )
        + _entry("d", title="{D}", booktitle="{Workshop on Tiny Things}", month="6")
    )
    plan = _plan_text(database, tmp_path, text)
    assert [(v.short, v.full, v.kind) for v in plan.venues] == [
        ("LABTH", "Proceedings of the 3rd Symposium on Lab Things (LABTH 2024)", "conference"),
        ("Symposium on Lab Things", None, "conference"),
        ("Journal of Lab News", None, "journal"),
        ("Workshop on Tiny Things", None, "workshop"),
    ]
    assert [p.venue for p in plan.papers] == [v.short for v in plan.venues]
    assert _messages(plan, "warning")[0] == (
        1,
        "unknown venue 'LABTH': will create it (conference)",
    )
    with database.session(write=True) as session:
        apply_plan(session, plan)
    assert _count(database) == 4


def test_theses_are_skipped_and_preprints_are_planned_left_out_for_their_venue(
    database: Database, tmp_path: Path
) -> None:
    """A thesis is never a lab's paper; a preprint keeps its arXiv id and waits for a venue."""
    text = (
        "@phdthesis{thesis, title = {T}, author = {Ham, Jaeseok}, school = {KAIST}, year = 2025}\n"
        "@misc{pre, title = {P}, howpublished = {arXiv preprint arXiv:2305.12345}, year = 2023}\n"
        "@article{corr, title = {Q}, journal = {CoRR}, volume = {abs/2301.00001}, year = 2023}\n"
        "@misc{bare, title = {B}, eprint = {2302.00002}, archivePrefix = {arXiv}, year = 2023}\n"
        "@misc{none, title = {N}, year = 2023}\n" + _entry("good")
    )
    plan = _plan_text(database, tmp_path, text)
    assert [(p.bibkey, p.venue, p.arxiv, p.include) for p in plan.papers] == [
        ("pre", "", "2305.12345", False),
        ("corr", "", "2301.00001", False),
        ("bare", "", "2302.00002", False),
        ("none", "", None, False),
        ("good", "CVPR", None, True),
    ]
    assert _messages(plan, "skipped") == [
        (
            1,
            "entry 'thesis': @phdthesis names no booktitle, journal or howpublished: "
            "labnews cannot tell where it appeared",
        ),
        (2, "entry 'pre': a preprint (arXiv 2305.12345): give its venue; left out"),
        (3, "entry 'corr': a preprint (arXiv 2301.00001): give its venue; left out"),
        (4, "entry 'bare': a preprint (arXiv 2302.00002): give its venue; left out"),
        (
            5,
            "entry 'none': @misc names no booktitle, journal or howpublished: "
            "give its venue; left out",
        ),
    ]
    assert plan.venues == []  # no venue "CoRR" or "arXiv" is made
    with database.session(write=True) as session:
        apply_plan(session, plan)
    with database.session() as session:
        assert [p.title for p in queries.papers_in(session)] == ["A Title"]


def test_a_journal_paper_without_month_is_left_out_and_the_others_import(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    """Journals have no typical month: the entry waits for its news month, never blocking."""
    cli = on(database)
    text = _entry("good") + "\n" + _entry("nomonth", "article", booktitle="", journal="{ETRI J.}")
    path = _write(tmp_path, text)
    plan = _plan(database, path)
    assert [(p.bibkey, p.venue, p.news, p.include) for p in plan.papers] == [
        ("good", "CVPR", None, True),
        ("nomonth", "ETRI J.", None, False),
    ]
    assert _messages(plan, "skipped") == [
        (
            7,
            "entry 'nomonth': no month, and venue ETRI J. has no typical month: "
            "give its news month (or add month = {...} to the entry); left out",
        )
    ]
    assert plan.of_kind("error") == []
    result = cli("import", "bibtex", str(path))
    assert result.code == 0, result.err
    assert "line 7: entry 'nomonth'" in result.out
    with database.session() as session:
        assert [(p.title, p.venue_short) for p in queries.papers_in(session)] == [
            ("A Title", "CVPR")
        ]


def test_a_left_out_paper_given_its_month_is_held_the_next_time_not_left_out_again(
    database: Database, tmp_path: Path
) -> None:
    """Importing the file again adds nothing and asks for nothing: the lab holds that paper."""
    path = _write(tmp_path, _entry("nomonth", "article", booktitle="", journal="{ETRI J.}"))
    plan = _plan(database, path)
    given = replace(_only(plan), include=True, news=YearMonth(2024, 3))  # as the wizard does
    with database.session(write=True) as session:
        apply_plan(session, replace(plan, papers=[given]))
    again = _plan(database, path)
    assert (again.papers, again.is_empty) == ([], True)
    assert [m for _line, m in _messages(again, "duplicate")] == [
        "entry 'nomonth' is already there as paper #1 (same title, venue and year); left out"
    ]
    assert _messages(again, "skipped") == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": ""}, "year is missing: add year = {YYYY}"),
        ({"year": "{in press}"}, "year must be a number like 2024, not 'in press'"),
        ({"year": "1800"}, "year must be between 1900 and 2100, not 1800"),
    ],
)
def test_bad_years_leave_the_entry_out_naming_the_field(
    database: Database, tmp_path: Path, fields: dict[str, str], message: str
) -> None:
    plan = _plan_text(database, tmp_path, _entry("bad", **fields) + _entry("ok", title="{Ok}"))
    assert [p.bibkey for p in plan.papers] == ["ok"]
    assert _messages(plan, "skipped") == [(1, f"entry 'bad': {message}")]
    assert plan.of_kind("error") == []


@pytest.mark.parametrize("month", ["{Spring}", "13"])
def test_a_bad_month_is_planned_left_out_for_its_news_month(
    database: Database, tmp_path: Path, month: str
) -> None:
    plan = _plan_text(database, tmp_path, _entry("bad", month=month) + _entry("ok", title="{Ok}"))
    assert [(p.bibkey, p.include) for p in plan.papers] == [("bad", False), ("ok", True)]
    shown = month.strip("{}")
    assert _messages(plan, "skipped") == [
        (
            1,
            f"entry 'bad': month must be 1-12 or a month name like jun, not {shown!r}: "
            "give its news month; left out",
        )
    ]


# --- the export forms of the services labs use ------------------------------------------------

Imported = tuple[str, str, int, str, str, tuple[str, ...], str | None, str | None]
"""(key, venue, edition year, news month, title, authors, DOI, arXiv) of an imported paper."""

SERVICE_EXPORTS: dict[str, tuple[list[Imported], list[tuple[str, str]]]] = {
    "dblp.bib": (
        [
            (
                "DBLP:conf/nips/TanMGAH24",
                "NeurIPS",
                2024,
                "2024-12",
                "Are Language Models Actually Useful for Time Series Forecasting?",
                (
                    "Mingtian Tan",
                    "Mike A. Merrill",
                    "Vinayak Gupta",
                    "Tim Althoff",
                    "Tom Hartvigsen",
                ),
                None,
                None,
            )
        ],
        [("DBLP:journals/corr/abs-2104-08836", "a preprint (arXiv 2104.08836): give its venue")],
    ),
    "google_scholar.bib": (
        [
            (
                "yuan2023ad",
                "NeurIPS",
                2023,
                "2023-12",
                "AD-PT: Autonomous Driving Pre-Training with Large-scale Point Cloud Dataset",
                (
                    "Jiakang Yuan",
                    "Bo Zhang",
                    "Xiangchao Yan",
                    "Tao Chen",
                    "Botian Shi",
                    "Yikang Li",
                    "Yu Qiao",
                ),
                None,
                None,
            ),
            (
                "kong2023robo3d",
                "ICCV",
                2023,
                "2023-10",
                "Robo3d: Towards robust and reliable 3d perception against corruptions",
                (
                    "Lingdong Kong",
                    "Youquan Liu",
                    "Xin Li",
                    "Runnan Chen",
                    "Wenwei Zhang",
                    "Jiawei Ren",
                    "Liang Pan",
                    "Kai Chen",
                    "Ziwei Liu",
                ),
                None,
                None,
            ),
            (
                "li2022homogeneous",
                "ECCV",
                2022,
                "2022-10",
                "Homogeneous Multi-modal Feature Fusion and Interaction for 3D Object Detection",
                (
                    "Xin Li",
                    "Botian Shi",
                    "Yuenan Hou",
                    "Xingjiao Wu",
                    "Tianlong Ma",
                    "Yikang Li",
                    "Liang He",
                ),
                "10.1007/978-3-031-19839-7_40",
                None,
            ),
        ],
        [
            ("wen2023dilu", "a preprint (arXiv 2309.16292): give its venue"),
            (
                "ye2023performance",
                "no month, and venue TPAMI has no typical month: give its news month "
                "(or add month = {...} to the entry)",
            ),
        ],
    ),
    "semantic_scholar.bib": (
        [
            (
                "Peebles2022ScalableDM",
                "ICCV",
                2022,  # Semantic Scholar's year is the preprint's; the venue is ICCV 2023's
                "2022-10",
                "Scalable Diffusion Models with Transformers",
                ("William S. Peebles", "Saining Xie"),
                None,
                None,
            )
        ],
        [
            (
                "Golovneva2024ContextualPE",
                "@inproceedings names no booktitle, journal or howpublished: give its venue",
            )
        ],
    ),
    "acl_anthology.bib": (
        [
            (
                "luo-etal-2023-came",
                "ACL",
                2023,
                "2023-07",
                "CAME: Confidence-guided Adaptive Memory Efficient Optimization",
                ("Yang Luo", "Xiaozhe Ren", "Zangwei Zheng", "Zhuo Jiang", "Xin Jiang", "Yang You"),
                None,
                None,
            )
        ],
        [],
    ),
    "openreview.bib": (
        [
            (
                "baieri2025implicitarap",
                "NeurIPS",
                2025,
                "2025-12",
                "Implicit-ARAP: Efficient Handle-Guided Neural Field Deformation via Local Patch "
                "Meshing",
                (
                    "Daniele Baieri",
                    "Filippo Maggioli",
                    "Emanuele Rodolà",
                    "Simone Melzi",
                    "Zorah Lähner",
                ),
                None,
                None,
            )
        ],
        [],
    ),
    "ieee_xplore.bib": (
        [
            (
                "9157818",
                "CVPR",
                2020,
                "2020-06",
                "Explaining Knowledge Distillation by Quantifying the Knowledge",
                ("Xu Cheng", "Zhefan Rao", "Yilan Chen", "Quanshi Zhang"),
                "10.1109/CVPR42600.2020.01294",
                None,
            )
        ],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(SERVICE_EXPORTS))
def test_each_services_export_imports_to_the_catalog_venue_and_leaves_out_what_it_must(
    database: Database, tmp_path: Path, name: str
) -> None:
    """A real export of each service: what becomes a paper, exactly, and what waits, and why."""
    imported, left_out = SERVICE_EXPORTS[name]
    path = FIXTURES / name
    assert path.read_text(encoding="utf-8").startswith("% Source: ")
    plan = _plan(database, path)
    assert plan.venues == [], "every venue is in the catalog: no junk venue is made"
    assert plan.of_kind("error", "warning") == []
    waiting = [p for p in plan.papers if not p.include]
    reasons = {f.line: f.message for f in plan.of_kind("skipped")}
    assert [(p.bibkey, reasons[p.line]) for p in waiting] == [
        (key, f"entry {key!r}: {reason}; left out") for key, reason in left_out
    ]
    with database.session(write=True) as session:
        apply_plan(session, plan)
    with database.session() as session:
        papers = sorted(
            queries.papers_in(session), key=lambda p: [i[0] for i in imported].index(p.bibkey or "")
        )
    assert [
        (
            p.bibkey,
            p.venue_short,
            p.year,
            str(p.news),
            p.title,
            tuple(a.name for a in p.authors),
            p.doi,
            p.arxiv,
        )
        for p in papers
    ] == imported


@pytest.mark.parametrize(
    ("booktitle", "venue"),
    [
        (
            "IEEE/CVF Winter Conference on Applications of Computer Vision, {WACV} 2025, Tucson, "
            "AZ, USA, February 26 - March 6, 2025",
            "WACV",
        ),
        (
            "Computer Vision - {ECCV} 2024 - 18th European Conference, Milan, Italy, September "
            "29-October 4, 2024, Proceedings, Part {XII}",
            "ECCV",
        ),
        (
            "Advances in Neural Information Processing Systems 37: Annual Conference on Neural "
            "Information Processing Systems 2024, NeurIPS 2024, Vancouver, BC, Canada, December "
            "10 - 15, 2024",
            "NeurIPS",
        ),
        (
            "{IEEE/CVF} Conference on Computer Vision and Pattern Recognition, {CVPR} 2024, "
            "Seattle, WA, USA, June 16-22, 2024",
            "CVPR",
        ),
        (
            "{IEEE/CVF} International Conference on Computer Vision, {ICCV} 2023, Paris, France, "
            "October 1-6, 2023",
            "ICCV",
        ),
        (
            "Forty-first International Conference on Machine Learning, {ICML} 2024, Vienna, "
            "Austria, July 21-27, 2024",
            "ICML",
        ),
        (
            "The Twelfth International Conference on Learning Representations, {ICLR} 2024, "
            "Vienna, Austria, May 7-11, 2024",
            "ICLR",
        ),
        (
            "Thirty-Eighth {AAAI} Conference on Artificial Intelligence, {AAAI} 2024, Thirty-Sixth "
            "Conference on Innovative Applications of Artificial Intelligence, {IAAI} 2024, "
            "Fourteenth Symposium on Educational Advances in Artificial Intelligence, {EAAI} 2014, "
            "February 20-27, 2024, Vancouver, Canada",
            "AAAI",
        ),
        (
            "{IEEE/CVF} Conference on Computer Vision and Pattern Recognition, {CVPR} 2024 - "
            "Workshops, Seattle, WA, USA, June 17-18, 2024",
            "CVPR Workshop",
        ),
        (
            "Computer Vision - {ECCV} 2022 Workshops - Tel Aviv, Israel, October 23-27, 2022, "
            "Proceedings, Part {I}",
            "ECCV Workshop",
        ),
        ("{CVPR} Workshops", "CVPR Workshop"),
        (
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition "
            "(CVPR) Workshops",
            "CVPR Workshop",
        ),
        (
            "2024 IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)",
            "CVPR Workshop",
        ),
        (
            "Proceedings of the 62nd Annual Meeting of the Association for Computational "
            "Linguistics (Volume 1: Long Papers)",
            "ACL",
        ),
        ("Findings of the Association for Computational Linguistics: ACL 2024", "Findings of ACL"),
        ("The Thirty-eighth Annual Conference on Neural Information Processing Systems", "NeurIPS"),
        ("Computer Vision and Pattern Recognition", "CVPR"),
    ],
)
def test_proceedings_titles_resolve_to_the_catalog_venue_and_a_workshop_to_its_workshop(
    database: Database, tmp_path: Path, booktitle: str, venue: str
) -> None:
    paper = _only(_plan_text(database, tmp_path, _entry(booktitle="{" + booktitle + "}")))
    assert (paper.venue, paper.include) == (venue, True)


def test_a_workshop_the_catalog_lacks_becomes_a_workshop_of_its_conference(
    database: Database, tmp_path: Path
) -> None:
    """Never counted as the conference itself: a new workshop venue, its parent found."""
    text = _entry(
        booktitle="{Computer Vision - {ACCV} 2022 Workshops - Macau, China, Revised Selected "
        "Papers}",
        month="12",
    )
    plan = _plan_text(database, tmp_path, text)
    assert _only(plan).venue == "ACCV Workshop"  # in the catalog
    text = _entry(booktitle="{{ICONIP} 2023 Workshops, Changsha, China}", month="11")
    plan = _plan_text(database, tmp_path, text)
    assert [(v.short, v.kind, v.parent) for v in plan.venues] == [
        ("ICONIP Workshop", "workshop", "ICONIP")
    ]


def test_a_catalog_alias_learnt_later_reaches_an_older_lab(
    database: Database, tmp_path: Path
) -> None:
    """A lab seeded before the catalog knew Semantic Scholar's "Computer Vision and Pattern
    Recognition" still finds CVPR."""
    with database.session(write=True) as session:
        cvpr = next(v for v in queries.venues(session) if v.short == "CVPR")
        session.execute(
            delete(VenueAlias).where(
                VenueAlias.venue_id == cvpr.id,
                VenueAlias.alias == "Computer Vision and Pattern Recognition",
            )
        )
    text = _entry(booktitle="{Computer Vision and Pattern Recognition}")
    plan = _plan_text(database, tmp_path, text)
    assert (_only(plan).venue, plan.venues) == ("CVPR", [])


# --- members -----------------------------------------------------------------------------------


def test_authors_match_members_in_either_order_and_nobody_is_created(
    demo_database: Database, tmp_path: Path
) -> None:
    text = _entry(
        "k",
        title="{A New Paper}",
        booktitle="{ICLR}",
        author="{Lee, Youngwan and Jaeseok Ham and Jong-Ryul Lee and Stranger, Sam and Lee, Y.-J.}",
    )
    plan = _plan_text(demo_database, tmp_path, text)
    paper = _only(plan)
    assert [(a.written, a.member) for a in paper.authors] == [
        ("Youngwan Lee", "Youngwan Lee"),
        ("Jaeseok Ham", "Ham Jaeseok"),
        ("Jong-Ryul Lee", "Jongryul Lee"),
        ("Sam Stranger", None),
        ("Y.-J. Lee", "Yong-Ju Lee"),
    ]
    assert plan.members == []
    assert (1, "'Jaeseok Ham' is member Ham Jaeseok") in _messages(plan, "matched")
    members_before = _count(demo_database, Member)
    with demo_database.session(write=True) as session:
        apply_plan(session, plan)
    assert _count(demo_database, Member) == members_before
    with demo_database.session() as session:
        added = next(p for p in queries.papers_in(session) if p.title == "A New Paper")
    assert added.featured_name == "Youngwan Lee"
    assert [a.name for a in added.authors] == [
        "Youngwan Lee",
        "Ham Jaeseok",
        "Jongryul Lee",
        "Sam Stranger",
        "Yong-Ju Lee",
    ]


def test_a_member_named_twice_is_kept_once(demo_database: Database, tmp_path: Path) -> None:
    text = _entry(booktitle="{ICLR}", author="{Youngwan Lee and Lee, Youngwan}")
    plan = _plan_text(demo_database, tmp_path, text)
    assert [a.member for a in _only(plan).authors] == ["Youngwan Lee", None]
    with demo_database.session(write=True) as session:
        apply_plan(session, plan)


# --- duplicates --------------------------------------------------------------------------------


def test_duplicates_inside_the_file_are_reported_and_left_out(
    database: Database, tmp_path: Path
) -> None:
    text = (
        _entry("a", title="{Deep Nets}", doi="{10.1234/abc}")
        + _entry("b", title="{Other}", doi="{https://doi.org/10.1234/ABC}")
        + _entry("c", title="{deep   nets!}")
        + _entry("d", title="{Deep Nets}", booktitle="{ICCV}")
        + _entry("e", title="{Deep Nets}", year="2023")
    )
    plan = _plan_text(database, tmp_path, text)
    assert [p.bibkey for p in plan.papers] == ["a", "d", "e"]
    assert _messages(plan, "duplicate") == [
        (7, "entry 'b' repeats line 1 (same DOI); left out"),
        (13, "entry 'c' repeats line 1 (same title, venue and year); left out"),
    ]


def test_duplicates_against_the_database_are_reported_and_left_out(
    demo_database: Database, tmp_path: Path
) -> None:
    text = (
        _entry(
            "doi",
            "article",
            title="{Another Title}",
            booktitle="",
            journal="{ETRI Journal}",
            month="2",
            doi="{10.4218/ETRIJ.2023-0266}",
        )
        + _entry(
            "title",
            title="{{KOALA}: Fast and Memory-Efficient Latent Diffusion Models via "
            "Self-Attention Distillation}",
            author="{Youngwan Lee}",
            booktitle="{CVPR Workshops}",
        )
        + _entry(
            "untitled",
            title="{Filling In}",
            booktitle="{CVPR}",
            year="2023",
            author="{Ham, Jaeseok and Lee, Yong-Ju}",
        )
        + _entry("new", title="{Brand New}", booktitle="{ICML}")
    )
    plan = _plan_text(demo_database, tmp_path, text)
    assert [p.bibkey for p in plan.papers] == ["new"]
    with demo_database.session() as session:
        koala = next(p for p in queries.papers_in(session) if p.title.startswith("KOALA: Fast"))
        ham = next(
            p
            for p in queries.papers_in(session, [2023])
            if p.featured_name == "Ham Jaeseok" and not p.title
        )
    assert _messages(plan, "duplicate") == [
        (1, "entry 'doi' is already there as paper #17 (same DOI); left out"),
        (
            8,
            f"entry 'title' is already there as paper #{koala.id} "
            "(same title, venue and year); left out",
        ),
        (
            14,
            f"entry 'untitled' is probably the untitled paper #{ham.id} (CVPR 2023, Ham Jaeseok):"
            " give that paper its title instead; left out",
        ),
    ]


def test_the_duplicate_index_reads_only_the_files_years_yet_finds_any_years_doi(
    database: Database, tmp_path: Path
) -> None:
    """An import into a large lab reads the papers it can collide with, not all of them."""
    with database.session(write=True) as session:
        for year in range(2010, 2020):
            commands.add_paper(
                session,
                PaperInput(venue="CVPR", year=year, title=f"Old {year}", doi=f"10.1000/old.{year}"),
            )
        # A title of punctuation alone is matched like an untitled paper, as before.
        commands.add_paper(session, PaperInput(venue="CVPR", year=2015, title="!!!"))
    with database.session() as session:
        index = PaperIndex.of_database(session, {2015}, {"10.1000/OLD.2011"})
    assert sorted(index.titles) == [("cvpr", 2015, "old2015")]
    assert sum(index.untitled.values()) == 1
    assert sorted(index.dois) == ["10.1000/old.2011", "10.1000/old.2015"]
    text = (
        _entry("same-doi", title="{Renamed}", year="2024", doi="{10.1000/OLD.2011}")
        + _entry("same-title", title="{Old 2015}", year="2015")
        + _entry("other-year", title="{Old 2016}", year="2017")
    )
    plan = _plan_text(database, tmp_path, text)
    assert [p.bibkey for p in plan.papers] == ["other-year"]
    assert [message for _, message in _messages(plan, "duplicate")] == [
        "entry 'same-doi' is already there as paper #2 (same DOI); left out",
        "entry 'same-title' is already there as paper #6 (same title, venue and year); left out",
    ]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    database: Database, tmp_path: Path
) -> None:
    path = _write(tmp_path, _entry("a") + _entry("b", title="", author="{Someone}"))
    plan = _plan(database, path)
    assert len(plan.papers) == 2
    with database.session(write=True) as session:
        apply_plan(session, plan)
    again = _plan(database, path)
    assert again.papers == []
    assert [line for line, _ in _messages(again, "duplicate")] == [1, 6]


# --- malformed and hostile files ---------------------------------------------------------------


def test_malformed_entries_are_reported_one_by_one_and_the_good_ones_planned(
    database: Database, tmp_path: Path
) -> None:
    text = (
        _entry("one", title="{One}")
        + "@article{nocomma title = {x}, year = 2020}\n"
        + _entry("two", title="{Two}")
        + "@inproceedings{unclosed,\n  title = {Never closed,\n  year = 2020\n\n"
        + _entry("three", title="{Three}")
        + "@article(paren, title = {x}, year = 2020)\n"
        + "@inproceedings{noequals, title {x}}\n"
        + _entry("four", title="{Four}")
    )
    plan = _plan_text(database, tmp_path, text)
    # "@article(...)" is valid BibTeX (parentheses may delimit an entry); it is read, and
    # planned left out only because it names no venue.
    assert [p.bibkey for p in plan.papers if p.include] == ["one", "two", "three", "four"]
    assert sorted(_messages(plan, "skipped")) == [
        (
            6,
            "malformed entry '@article{nocomma title =': Expected comma after entry key, "
            "but found =; left out",
        ),
        (
            12,
            "malformed entry '@inproceedings{unclosed': it is not closed before the next "
            "entry starts; left out",
        ),
        (
            21,
            "entry 'paren': @article names no booktitle, journal or howpublished: "
            "give its venue; left out",
        ),
        (
            22,
            "malformed entry '@inproceedings{noequals': Expected a = after entry key, "
            "but found {.; left out",
        ),
    ]


HANG_GUARD = 60
"""Seconds past which reading is taken to be stuck: a guard against hangs, not a speed goal."""


def test_an_unclosed_entry_among_ten_thousand_good_ones(database: Database, tmp_path: Path) -> None:
    good = "@inproceedings{k%d,\n  title = {Paper %d},\n  booktitle = {CVPR},\n  year = 2024\n}\n"
    text = (
        "".join(good % (i, i) for i in range(5000))
        + "@article{broken,\n  title = {never closed\n"
        + "".join(good % (i, i) for i in range(5000, 10000))
    )
    started = time.perf_counter()
    plan = _plan_text(database, tmp_path, text)
    assert time.perf_counter() - started < HANG_GUARD
    assert len(plan.papers) == 10000
    assert _messages(plan, "skipped") == [
        (
            25001,
            "malformed entry '@article{broken': it is not closed before the next entry "
            "starts; left out",
        )
    ]
    assert plan.of_kind("error") == []


def test_braces_five_thousand_deep(database: Database, tmp_path: Path) -> None:
    deep = "{" * 5000 + "Deep" + "}" * 5000
    text = (
        _entry("title", title="{" + deep + "}")
        + _entry("abstract", title="{Other}", abstract="{" + deep + "}")
        + _entry("latex", title="{X " + "{" * 5000 + r"\'e" + "}" * 5000 + "}", booktitle="{ICCV}")
        + "@article{open, title = "
        + "{" * 5000
        + "\n"
        + _entry("after", title="{After}")
    )
    started = time.perf_counter()
    plan = _plan_text(database, tmp_path, text)
    assert time.perf_counter() - started < HANG_GUARD
    assert {p.bibkey: p.title for p in plan.papers} == {
        "title": "Deep",
        "abstract": "Other",
        "latex": "X é",
        "after": "After",
    }
    assert [line for line, _ in _messages(plan, "skipped")] == [17]


def test_a_ten_megabyte_field(database: Database, tmp_path: Path) -> None:
    huge = "word " * 2_000_000
    text = (
        _entry("abstract", abstract="{" + huge + "}")
        + _entry("title", title="{" + huge + "}", booktitle="{ICCV}")
        + _entry("after", title="{After}")
    )
    started = time.perf_counter()
    plan = _plan_text(database, tmp_path, text)
    assert time.perf_counter() - started < HANG_GUARD
    assert [p.bibkey for p in plan.papers] == ["abstract", "after"]
    assert _messages(plan, "skipped") == [
        (7, "entry 'title': title is longer than 2,000 characters")
    ]


def test_thousands_of_blank_lines_do_not_exhaust_the_stack(
    database: Database, tmp_path: Path
) -> None:
    text = "\n" * 20000 + _entry("k", abstract="{" + "line\n" * 20000 + "}")
    plan = _plan_text(database, tmp_path, text)
    assert _only(plan).line == 20001


def test_nul_bytes_are_dropped_and_said(database: Database, tmp_path: Path) -> None:
    text = _entry("k", title="{Nul\x00 in\x00 title}") + "\x00\x00" + _entry("j", title="{J}")
    plan = _plan_text(database, tmp_path, text)
    assert [p.title for p in plan.papers] == ["Nul in title", "J"]
    assert (None, "the file holds 4 NUL characters; they were dropped") in _messages(
        plan, "warning"
    )
    with database.session(write=True) as session:
        apply_plan(session, plan)


def test_invalid_utf8_is_replaced_and_said_with_its_line(
    database: Database, tmp_path: Path
) -> None:
    data = _entry("a").encode() + _entry("b", title="{Caf\xe9 \xff}").encode("latin-1")
    plan = _plan(database, _write(tmp_path, data))
    assert [p.title for p in plan.papers] == ["A Title", "Caf\ufffd \ufffd"]
    assert (
        7,
        "the file is not valid UTF-8; bytes that are not were replaced by \ufffd",
    ) in _messages(plan, "warning")


def test_crlf_line_ends_keep_line_numbers(database: Database, tmp_path: Path) -> None:
    text = (_entry("a") + "\n" + _entry("b", title="{B}", month="{13}")).replace("\n", "\r\n")
    plan = _plan(database, _write(tmp_path, text.encode()))
    assert [p.title for p in plan.papers if p.include] == ["A Title"]
    assert [line for line, _ in _messages(plan, "skipped")] == [7]


def test_utf16_with_a_bom_is_read(database: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, _entry(title='{M{\\"u}ller 함재석}').encode("utf-16"))
    assert _only(_plan(database, path)).title == "Müller 함재석"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        bytes(4096),
        b"\x7fELF\x02\x01\x01" + b"\x00\x01\x02\x03" * 1000,
    ],
)
def test_a_file_that_is_not_text_is_a_clean_error(
    database: Database, tmp_path: Path, data: bytes, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    path = _write(tmp_path, data)
    with pytest.raises(LabnewsError, match="is not a text file"):
        _plan(database, path)
    result = cli("import", "bibtex", str(path))
    assert result.code == 1
    assert result.err == "labnews: error: refs.bib is not a text file (it holds binary data)\n"


def test_a_text_file_without_entries_plans_nothing(database: Database, tmp_path: Path) -> None:
    plan = _plan_text(database, tmp_path, "just some notes\nno entries here\n")
    assert plan.is_empty
    assert _messages(plan, "warning") == [(None, "the file holds no BibTeX entries")]


def test_bibtexparser_log_noise_stays_off_stderr(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    path = _write(tmp_path, _entry("a") + "@article{broken,\n title = {x\n" + _entry("b"))
    result = cli("import", "bibtex", str(path), "--dry-run")
    assert result.code == 0
    assert result.err == ""


# --- the command line --------------------------------------------------------------------------


def test_cli_dry_run_reports_and_writes_nothing(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    files = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    counts = (_count(database), _count(database, Venue), _count(database, Member))
    result = cli("import", "bibtex", str(FIXTURES / "lab.bib"), "--dry-run")
    assert result.code == 0
    assert result.out.startswith("Import from lab.bib:\n  to create: 5 papers")
    assert "skipped: line 70: entry 'yun2023journal'" in result.out
    assert (_count(database), _count(database, Venue), _count(database, Member)) == counts
    # No backup, no journal left behind, the database file untouched (-shm is SQLite's own).
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    assert after.keys() == files.keys()
    assert {p: t for p, t in after.items() if not p.name.endswith("-shm")} == {
        p: t for p, t in files.items() if not p.name.endswith("-shm")
    }


def test_cli_dry_run_exits_1_when_the_real_import_would_fail(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    """Scripts can tell: a dry run that the real import would refuse exits 1, one line why."""
    cli = on(database)
    table = _write(tmp_path, "venue,year,title\nCVPR,20x4,Bad Year\nCVPR,2024,Good\n", "p.csv")
    result = cli("import", "csv", str(table), "--dry-run")
    assert result.code == 1
    assert result.out.startswith("Import from p.csv:")  # the plan is still printed
    assert result.err.count("\n") == 1
    assert result.err.startswith("labnews: error: the import has 1 errors; first: error: line 2")
    assert _count(database) == 0
    real = cli("import", "csv", str(table))
    assert real.code == 1
    assert _count(database) == 0


def test_cli_dry_run_exits_0_when_the_real_import_would_succeed(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    """Entries left out (a preprint, a journal without month) do not fail the import."""
    cli = on(database)
    text = (
        _entry("good")
        + "@article{DBLP:journals/corr/abs-2312-04005, title = {P}, journal = {CoRR},"
        " volume = {abs/2312.04005}, year = {2023}}\n"
    )
    path = _write(tmp_path, text)
    dry = cli("import", "bibtex", str(path), "--dry-run")
    assert (dry.code, dry.err) == (0, "")
    assert "a preprint (arXiv 2312.04005): give its venue; left out" in dry.out
    assert _count(database) == 0
    real = cli("import", "bibtex", str(path))
    assert real.code == 0
    assert _count(database) == 1


def test_cli_imports_the_fixture(
    database: Database, tmp_path: Path, on: Callable[[Database], Runner]
) -> None:
    cli = on(database)
    result = cli("import", "bibtex", str(FIXTURES / "lab.bib"))
    assert result.code == 0, "the journal entry without a month must not block the others"
    assert "line 70: entry 'yun2023journal'" in result.out
    assert result.out.splitlines()[-1] == "Imported 5 papers from lab.bib"
    with database.session(write=True) as session:  # start again from an empty lab
        commands.remove_papers(session, [p.id for p in queries.papers_in(session)])
    # The same file with that entry given a month imports whole.
    fixed = (
        (FIXTURES / "lab.bib")
        .read_text(encoding="utf-8")
        .replace("  journal = {IEEE Access},\n", "  journal = {IEEE Access},\n  month = oct,\n")
    )
    target = _write(tmp_path, fixed, "fixed.bib")
    result = cli("import", "bibtex", str(target))
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == "Imported 6 papers from fixed.bib"
    with database.session() as session:
        papers = {p.bibkey: p for p in queries.papers_in(session)}
    mueller = papers["mueller2023"]
    assert mueller.title == "Über Deep Networks für Cafés: Ça ça, naïve Øresund"
    assert [a.name for a in mueller.authors] == ["Jörg Müller", "André François", "Jaeseok Ham"]
    assert (mueller.venue_short, str(mueller.news)) == ("CVPR", "2023-06")
    koala = papers["lee2024koala"]
    assert (koala.venue_short, str(koala.news), koala.arxiv) == ("NeurIPS", "2024-12", "2312.04005")
    assert koala.title.startswith("KOALA: Empirical Lessons")
    assert papers["jeon2024multimodal"].doi == "10.4218/etrij.2023-0266"
    assert papers["Lee_2024_ECCVW"].venue_short == "ECCV Workshop"
    assert papers["lee2021block"].venue_short == "Findings of EMNLP"
    assert str(papers["yun2023journal"].news) == "2023-10"
    assert "park2023preprint" not in papers


def test_a_failed_apply_leaves_the_database_as_it_was(database: Database, tmp_path: Path) -> None:
    text = (
        _entry("a", title="{First}")
        + _entry(
            "b", title="{Second}", doi="{10.1234/race}", booktitle="{Symposium on Races}", month="4"
        )
        + _entry("c", title="{Third}")
    )
    plan = _plan_text(database, tmp_path, text)
    assert (len(plan.papers), len(plan.venues)) == (3, 1)
    # Someone else adds the same DOI between the preview and the import.
    with database.session(write=True) as session:
        commands.add_paper(
            session, PaperInput(venue="ICCV", year=2023, title="Theirs", doi="10.1234/race")
        )
    papers, venues = _count(database), _count(database, Venue)
    with (
        pytest.raises(DuplicateError, match=r"line 6: doi 10\.1234/race already exists"),
        database.session(write=True) as session,
    ):
        apply_plan(session, plan)
    assert (_count(database), _count(database, Venue)) == (papers, venues)


# --- export ------------------------------------------------------------------------------------


def _parse(text: str) -> Any:
    import bibtexparser

    return bibtexparser.parse_string(text)


def _value(entry: Any, name: str) -> str:
    field = entry.get(name)
    return str(field.value) if field is not None else ""


def test_export_is_valid_bibtex_with_unique_keys(
    demo_database: Database, on: Callable[[Database], Runner]
) -> None:
    cli = on(demo_database)
    result = cli("export", "bibtex")
    assert result.code == 0
    library = _parse(result.out)
    assert library.failed_blocks == []
    keys = [e.key for e in library.entries]
    assert len(keys) == 41 == len(set(keys))
    assert result.out == cli("export", "bibtex").out, "keys and order are stable"
    etri = next(e for e in library.entries if e.key == "jeon2024multimodal")
    assert etri.entry_type == "article"
    assert etri["journal"] == "ETRI Journal"
    assert etri["labnews-venue"] == "ETRI J."
    assert (etri["year"], etri["month"], etri["doi"]) == ("2024", "2", "10.4218/etrij.2023-0266")
    koala = next(e for e in library.entries if "Empirical" in _value(e, "title"))
    assert (koala.entry_type, koala["booktitle"], koala["eprint"], koala["archiveprefix"]) == (
        "inproceedings",
        "Conference on Neural Information Processing Systems",
        "2312.04005",
        "arXiv",
    )
    assert koala["author"] == (
        "Youngwan Lee and Kwanyong Park and Yoorhim Cho and Yong-Ju Lee and Sung Ju Hwang"
    )
    assert library.comments[0].comment == (
        'labnews-pinned 2023 ["AAAI", "ICLR", "CVPR", "ICCV", "NeurIPS", "ETRI J."]'
    )


def test_export_of_one_year(demo_database: Database, on: Callable[[Database], Runner]) -> None:
    cli = on(demo_database)
    library = _parse(cli("export", "bibtex", "--year", "2022").out)
    assert len(library.entries) == 6
    assert {e["year"] for e in library.entries} == {"2022"}
    assert library.comments == []


def test_keys_are_stable_and_deduplicated_with_letters() -> None:
    from labnews.core.records import AuthorRecord, PaperRecord

    def paper(pid: int, title: str, bibkey: str | None = None) -> PaperRecord:
        return PaperRecord(
            id=pid,
            venue_id=1,
            venue_short="CVPR",
            year=2024,
            news=YearMonth(2024, 6),
            title=title,
            authors=(AuthorRecord("Jörg Müller"),),
            bibkey=bibkey,
        )

    papers = [
        paper(3, "The Deep Way"),
        paper(1, "Deep nets"),
        paper(2, "A deep idea"),
        paper(4, "Wide", bibkey="mueller2024wide"),
        paper(5, "Wide"),
        paper(6, "", bibkey="bad key, {x}"),
        paper(7, "함재석"),
    ]
    assert bibexport.entry_keys(papers) == {
        1: "muller2024deepa",
        2: "muller2024deepb",
        3: "muller2024deepc",
        4: "mueller2024wide",
        5: "muller2024wide",
        6: "badkeyx",
        7: "muller2024",
    }
    assert bibexport.entry_keys(list(reversed(papers))) == bibexport.entry_keys(papers)


def test_hostile_titles_and_names_round_trip(database: Database, tmp_path: Path) -> None:
    title = (
        r"50% of {braces} & $money$ #1 a_b ~tilde^ back\slash -- ``quotes'' ?` <script>"
        " Café 함재석"
    )
    names = ["Smith, John", "Barnes and Noble", "others", "O'Brien {x}"]
    with database.session(write=True) as session:
        commands.add_paper(
            session,
            PaperInput(
                venue="ICCV",
                year=2023,
                title=title,
                authors=tuple(AuthorInput(n) for n in names),
                note="100% sure & done",
                bibkey="hostile",
            ),
        )
        text = bibexport.export_bibtex(session, None)
        session.execute(Paper.__table__.delete())
    assert _parse(text).failed_blocks == []
    paper = _only(_plan_text(database, tmp_path, text))
    assert paper.title == title
    assert [a.written for a in paper.authors] == names
    assert (paper.note, paper.bibkey, paper.venue) == ("100% sure & done", "hostile", "ICCV")


def test_status_presentation_links_and_an_odd_news_month_round_trip(
    demo_database: Database, tmp_path: Path
) -> None:
    with demo_database.session(write=True) as session:
        members = {m.name: m.id for m in queries.members(session)}
        commands.add_paper(
            session,
            PaperInput(
                venue="TPAMI",
                year=2025,
                news=YearMonth(2024, 11),
                title="Accepted Early",
                authors=(
                    AuthorInput("Yong-Ju Lee", members["Yong-Ju Lee"]),
                    AuthorInput("Kim Jonghee", members["Kim Jonghee"]),
                    AuthorInput("Youngwan Lee", members["Youngwan Lee"]),
                ),
                featured=members["Youngwan Lee"],
                status="published",
                presentation="oral",
                code="https://github.com/x/y",
                project="https://x.github.io/",
            ),
        )
        text = bibexport.export_bibtex(session, [2024])
        session.execute(Paper.__table__.delete())
    paper = next(p for p in _plan_text(demo_database, tmp_path, text).papers if p.year == 2025)
    assert (paper.venue, paper.news, paper.featured) == (
        "TPAMI",
        YearMonth(2024, 11),
        "Youngwan Lee",
    )
    assert (paper.status, paper.presentation) == ("published", "oral")
    assert (paper.code, paper.project) == ("https://github.com/x/y", "https://x.github.io/")


def _give_titles(database: Database) -> None:
    """Give each untitled demo paper a title and authors [featured member, PI]."""
    with database.session(write=True) as session:
        pi = next(m for m in queries.members(session) if m.role == "pi")
        for paper in queries.papers_in(session):
            if paper.title:
                continue
            assert paper.featured_id is not None
            assert paper.featured_name is not None
            commands.update_paper(
                session,
                paper.id,
                PaperInput(
                    venue=paper.venue_short,
                    year=paper.year,
                    news=paper.news,
                    title=f"Paper {paper.id}",
                    authors=(
                        AuthorInput(paper.featured_name, paper.featured_id),
                        AuthorInput(pi.name, pi.id),
                    ),
                    featured=paper.featured_id,
                ),
            )


def test_export_then_import_into_an_empty_database_gives_the_same_summary_and_news(
    demo_database: Database,
    tmp_path: Path,
    on: Callable[[Database], Runner],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from labnews.cli import main

    cli = on(demo_database)
    _give_titles(demo_database)
    bib, members = tmp_path / "lab.bib", tmp_path / "members.csv"
    assert cli("export", "bibtex", "--output", str(bib)).code == 0
    assert cli("export", "csv", "--table", "members", "--output", str(members)).code == 0
    summary = cli("summary").out
    news = cli("news", "--from", "2022", "--to", "2024").out
    assert "(Kwanyong Park, Youngwan Lee, Ham Jaeseok)" in news

    other = str(tmp_path / "other.sqlite")

    def run(*args: str) -> str:
        capsys.readouterr()
        assert main(["--db", other, *args]) == 0
        return capsys.readouterr().out

    # The lab's members come first (a BibTeX file never creates members), then its papers.
    assert "to create: 20 members" in run("import", "csv", str(members))
    assert run("import", "bibtex", str(bib)).endswith("Imported 41 papers from lab.bib\n")
    # BibTeX carries papers, not the lab's rules: 2024's lines name workshops' conferences.
    run("rules", "--workshop-lines", "conference", "--year", "2024")
    assert run("summary") == summary
    assert run("news", "--from", "2022", "--to", "2024") == news


def test_export_then_import_without_members_keeps_the_summary_and_creates_no_member(
    demo_database: Database, database_factory_path: Path, tmp_path: Path
) -> None:
    _give_titles(demo_database)
    with demo_database.session() as session:
        text = bibexport.export_bibtex(session, None)
        summary = queries.tallies(session)
    fresh = open_database(str(database_factory_path))
    try:
        plan = _plan(fresh, _write(tmp_path, text))
        assert (plan.members, plan.venues) == ([], [])
        with fresh.session(write=True) as session:
            apply_plan(session, plan)
        with fresh.session() as session:
            assert queries.tallies(session) == summary
            assert queries.members(session) == ()
    finally:
        fresh.dispose()


@pytest.fixture
def database_factory_path(tmp_path: Path) -> Path:
    """Where a second, empty lab database is made (open_database creates it)."""
    return tmp_path / "second.sqlite"


def test_a_venue_of_kind_other_exports_as_misc_and_comes_back(
    database: Database, tmp_path: Path
) -> None:
    with database.session(write=True) as session:
        commands.add_paper(
            session,
            PaperInput(venue="arXiv", year=2024, news=YearMonth(2024, 3), title="On arXiv"),
        )
        text = bibexport.export_bibtex(session, None)
        session.execute(Paper.__table__.delete())
    (entry,) = _parse(text).entries
    assert (entry.entry_type, _value(entry, "howpublished")) == ("misc", "arXiv preprint")
    paper = _only(_plan_text(database, tmp_path, text))
    assert (paper.venue, paper.news, paper.title) == ("arXiv", YearMonth(2024, 3), "On arXiv")


def test_applying_many_papers_with_dois_takes_a_few_statements(
    database: Database, tmp_path: Path
) -> None:
    from sqlalchemy import event

    text = "".join(
        _entry(f"k{i}", title=f"{{Paper {i}}}", doi=f"{{10.1234/p.{i}}}") for i in range(300)
    )
    plan = _plan_text(database, tmp_path, text)
    assert len(plan.papers) == 300
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.session(write=True) as session:
            apply_plan(session, plan)
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert len(statements) < 60, f"{len(statements)} statements for 300 papers"


_BIB_PIECES = st.sampled_from(
    [
        "@inproceedings{",
        "@article(",
        "@string{",
        "@comment{",
        "@preamble{",
        "key,",
        " title = ",
        " author = ",
        " booktitle = {CVPR}",
        " journal = {ETRI Journal}",
        " year = 2024",
        " month = jun",
        "{",
        "}",
        '"',
        "#",
        ",",
        "=",
        "\\'{e}",
        "\\\\",
        "\n",
        "\r\n",
        "\x00",
        " and ",
        "%",
    ]
)
_BIB_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_BIB_PIECES, st.text(max_size=8)), max_size=60).map("".join),
)


@settings(max_examples=80, deadline=None)
@given(text=_BIB_TEXTS)
def test_the_bibtex_reader_plans_any_text_or_fails_with_a_clean_error(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """Arbitrary text never escapes as anything but a LabnewsError, and never hangs."""
    from labnews.store.migrate import open_database

    folder = tmp_path_factory.mktemp("anybib")
    database = open_database(str(folder / "lab.sqlite"))
    try:
        path = folder / "any.bib"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            with database.session() as session:
                plan = bibplan.plan_bibtex(session, path)
        except LabnewsError:
            return
        for paper in plan.papers:
            assert paper.venue
            assert 1900 <= paper.year <= 2100
    finally:
        database.dispose()


def test_string_macros_that_double_are_refused_before_they_grow(tmp_path: Path) -> None:
    """41 @string lines, each twice the last (2**41 bytes), in a child capped at 1 GB."""
    lines = ['@string{s0 = "xxxxxxxxxxxxxxxx"}']
    lines += [f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 42)]
    lines.append("@article{a, title = s41, author = {A B}, year = 2024, journal = {CVPR}}")
    bomb = tmp_path / "bomb.bib"
    bomb.write_text("\n".join(lines), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    child = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3)); "
        "from labnews.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            child,
            "--db",
            str(tmp_path / "lab.sqlite"),
            "import",
            "bibtex",
            str(bomb),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert not (tmp_path / "lab.sqlite").exists()  # a failed first command leaves no lab
    assert done.stderr == (
        "labnews: error: a BibTeX value joins @string macros into more than 1,000,000 "
        "characters; the file is refused\n"
    )
