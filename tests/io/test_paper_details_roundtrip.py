"""A paper's details (labelled links in order, equal contribution, the presentation, the venues
it was also presented at, the day of acceptance) survive BibTeX, CSV and JSON export and import
into another lab: the imported paper records the same input as the original."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from labnews.core.inputs import AuthorInput, MemberInput, PaperInput
from labnews.core.records import PaperLink, YearMonth
from labnews.core.snapshots import paper_input
from labnews.io import bibexport, bibplan, tableexport, tableimport
from labnews.io.plan import ImportPlan, apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.migrate import open_database

LINKS = (
    PaperLink("paper", "https://arxiv.org/abs/2101.10803"),
    PaperLink("code&dataset", "https://acav100m.github.io"),
    PaperLink("project page (poster/slides/bibtex)", "http://vision.snu.ac.kr/projects/pfmn/"),
    PaperLink("code", "https://github.com/seilna/RWMN?tab=readme#top"),
)
ALSO = (
    "CVPR 2021: The Third Workshop on Learning from Unlabeled Videos",
    "ECCV 2018 Workshop on 360° Perception and Interaction",
)


def _lab(path: Path) -> Database:
    """A lab with the member, made the same way in the source and the target."""
    database = open_database(str(path))
    with database.session(write=True) as session:
        commands.add_member(session, MemberInput(name="Sangho Lee", role="postdoc"))
    return database


def _original(database: Database) -> PaperInput:
    with database.session(write=True) as session:
        (member,) = queries.member_directory(session).members
        data = PaperInput(
            venue="ICCV",
            year=2021,
            news=YearMonth(2021, 7),
            title="ACAV100M: Automatic Curation of Large-Scale Datasets",
            authors=(
                AuthorInput("Sangho Lee", member.id, equal=True),
                AuthorInput("Jiwan Chung", equal=True),
                AuthorInput("Yale Song"),
            ),
            featured=member.id,
            presentation="long talk",
            links=LINKS,
            also_presented=ALSO,
            accepted=date(2021, 7, 23),
        )
        commands.add_paper(session, data)
    return data


def _plan_bibtex(session: object, path: Path) -> ImportPlan:
    return bibplan.plan_bibtex(session, path)  # type: ignore[arg-type]


def _plan_table(session: object, path: Path) -> ImportPlan:
    return tableimport.plan_table(session, path)  # type: ignore[arg-type]


EXPORTS: dict[str, tuple[str, Callable[..., str], Callable[..., ImportPlan]]] = {
    "bibtex": ("lab.bib", lambda s: bibexport.export_bibtex(s, None), _plan_bibtex),
    "csv": ("papers.csv", lambda s: tableexport.export_csv(s, "papers", None), _plan_table),
    "json": ("lab.json", lambda s: tableexport.export_json(s, None), _plan_table),
}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_every_detail_survives_export_and_import(tmp_path: Path, kind: str) -> None:
    name, export, plan_of = EXPORTS[kind]
    source = _lab(tmp_path / "source.sqlite")
    target = _lab(tmp_path / "target.sqlite")
    try:
        data = _original(source)
        with source.session() as session:
            text = export(session)
        (tmp_path / name).write_text(text, encoding="utf-8")
        with target.session() as session:
            plan = plan_of(session, tmp_path / name)
        assert not plan.of_kind("error", "warning"), plan.report()
        with target.session(write=True) as session:
            apply_plan(session, plan)
            (imported,) = queries.papers_in(session, None)
            (member,) = queries.member_directory(session).members
        again = paper_input(imported)
        assert again.links == LINKS
        assert [(a.name, a.equal) for a in again.authors] == [
            ("Sangho Lee", True),
            ("Jiwan Chung", True),
            ("Yale Song", False),
        ]
        assert again.authors[0].member_id == member.id
        assert (again.presentation, again.also_presented, again.accepted) == (
            "long talk",
            ALSO,
            date(2021, 7, 23),
        )
        assert (again.url, again.code, again.project) == (data.url, data.code, data.project)
    finally:
        source.dispose()
        target.dispose()


def test_unreadable_details_in_bibtex_are_warned_about_and_left_out(tmp_path: Path) -> None:
    database = _lab(tmp_path / "lab.sqlite")
    try:
        bib = tmp_path / "bad.bib"
        bib.write_text(
            "@inproceedings{x,\n  title = {X},\n  author = {A and B},\n  booktitle = {ICCV},\n"
            "  year = {2021},\n  labnews-links = {[](https://a.org) [ok](javascript:alert(1))},\n"
            "  labnews-equal = {1, 7},\n  labnews-accepted = {soon},\n}\n",
            encoding="utf-8",
        )
        with database.session() as session:
            plan = bibplan.plan_bibtex(session, bib)
    finally:
        database.dispose()
    warnings = [f.message for f in plan.of_kind("warning")]
    assert any("labnews-links" in w for w in warnings), warnings
    assert any("labnews-equal" in w for w in warnings), warnings
    assert any("labnews-accepted" in w for w in warnings), warnings
    (paper,) = plan.papers
    assert (paper.links, paper.accepted) == ((), None)
    assert [a.equal for a in paper.authors] == [True, False]
