"""Real lab news pages (tests/fixtures/pages) import into a fresh lab as a person reads them.

Each page's expectation file was written by reading the page: the papers per year and venue and
the people credited. A page the importer cannot read yet is marked xfail (strict) with what it
misses, so the suite stays green while every gap stays visible; a page that starts passing fails
the run until its mark is removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from labnews.io.importers import plan_file
from labnews.io.newsplan import leave_out_maybe_people
from labnews.io.plan import apply_plan
from labnews.store.database import Database
from tests.io.corpus import expectation, import_page, measure, pages

# What the importer cannot read yet, page by page (issue 15).
GAPS: dict[str, str] = {}


def _cases() -> list[object]:
    return [
        pytest.param(
            page,
            id=page.stem,
            marks=[pytest.mark.xfail(strict=True, reason=GAPS[page.name])]
            if page.name in GAPS
            else [],
        )
        for page in pages()
    ]


def test_the_corpus_has_real_pages_of_many_forms() -> None:
    found = pages()
    assert len(found) >= 10
    assert len({expectation(page).format for page in found}) >= 6
    for page in found:
        first = page.read_text(encoding="utf-8").splitlines()[0]
        assert "source:" in first, f"{page.name} does not name its source"
        assert " @ " in first, f"{page.name} does not name the source's commit"
    assert set(GAPS) <= {page.name for page in found}


@pytest.mark.parametrize("page", _cases())
def test_a_corpus_page_imports_as_read_by_hand(database: Database, page: Path) -> None:
    outcome = import_page(database, page)
    assert outcome.papers == outcome.expected.papers
    assert outcome.members == outcome.expected.members


def test_the_measure_reports_every_format_and_the_total(database: Database) -> None:
    outcome = import_page(database, pages()[0])
    text = measure([outcome])
    assert text.splitlines()[-1].startswith("TOTAL")
    assert outcome.expected.format in text


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.stem)
def test_reimporting_a_corpus_page_changes_nothing(database: Database, page: Path) -> None:
    with database.session(write=True) as session:
        apply_plan(session, leave_out_maybe_people(plan_file(session, "news", page)))
    with database.session() as session:
        again = leave_out_maybe_people(plan_file(session, "news", page))
    assert again.included_papers == []
    assert again.members == []
    assert again.venues == []
    assert [a for a in again.achievements if a.include] == []
