"""Export then import is the identity on generated labs (JSON and BibTeX), checked by Hypothesis.

Each example builds a lab through the store's own commands, exports it, imports the file into
an empty database, and compares what a person sees: the summary and the news in every format.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labnews.core.inputs import AuthorInput, MemberInput, PaperInput
from labnews.core.records import YearMonth
from labnews.core.tally import summary_line
from labnews.io import tableexport, tableimport
from labnews.io.newsfile import NewsRequest, render_news
from labnews.io.plan import apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.migrate import open_database

pytestmark = pytest.mark.sqlite_only

VENUES = ("CVPR", "NeurIPS", "ETRI J.", "ICCV Workshop", "ACL", "TPAMI", "Findings of EMNLP")
GIVEN_NAMES = ("Jaeseok", "Youngwan", "Kwanyong", "Ana", "Jonas", "Minho", "Søren")
FAMILY_NAMES = ("Ham", "Lee", "Park", "García", "Müller", "Kim", "Łukasz")

names = st.tuples(st.sampled_from(GIVEN_NAMES), st.sampled_from(FAMILY_NAMES), st.booleans()).map(
    lambda t: f"{t[1]} {t[0]}" if t[2] else f"{t[0]} {t[1]}"
)
titles = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=0,
    max_size=60,
).map(lambda t: " ".join(t.split()))
papers = st.lists(
    st.tuples(
        st.sampled_from(VENUES),
        st.integers(2019, 2025),
        st.integers(1, 12),
        titles,
        st.lists(st.integers(0, 5), min_size=0, max_size=4, unique=True),
        st.sampled_from(("accepted", "published", "withdrawn")),
    ),
    min_size=1,
    max_size=12,
)


@cache
def _empty_template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="labnews-roundtrip-"))
    open_database(str(folder / "empty.sqlite")).dispose()
    return folder / "empty.sqlite"


def _fresh(folder: Path, name: str) -> Database:
    target = folder / name
    shutil.copyfile(_empty_template(), target)
    return open_database(str(target))


def _build(database: Database, members: list[str], rows: list[tuple]) -> None:  # type: ignore[type-arg]
    with database.session(write=True) as session:
        ids = [commands.add_member(session, MemberInput(name=n)).ids[0] for n in members]
        seen: set[tuple[str, int, str]] = set()
        for venue, year, month, title, authors, status in rows:
            # The store's own title key (case, punctuation and spacing ignored): ";" and ","
            # are the same title to it.
            key = (venue, year, queries.name_key_title(title))
            if title and key in seen:
                continue  # the store refuses a duplicate title at one venue and year
            seen.add(key)
            commands.add_paper(
                session,
                PaperInput(
                    venue=venue,
                    year=year,
                    news=YearMonth(year, month),
                    title=title,
                    authors=tuple(
                        AuthorInput(member_id=member)
                        for member in dict.fromkeys(ids[i % len(ids)] for i in authors)
                    )
                    if ids
                    else (),
                    status=status,
                ),
            )


def _view(database: Database) -> tuple[list[str], list[str]]:
    """What a person sees of a lab: its summary, and its news in several formats."""
    with database.session() as session:
        summary = [summary_line(t) for t in queries.tallies(session)]
        news = [
            render_news(session, NewsRequest(format=fmt, lang=lang))[1]
            for fmt in ("yearly", "plain", "publications")
            for lang in ("en", "ko")
        ]
    return summary, news


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(members=st.lists(names, min_size=0, max_size=6, unique_by=str.casefold), rows=papers)
def test_exporting_json_then_importing_it_gives_the_same_lab(
    tmp_path: Path,
    members: list[str],
    rows: list[tuple],  # type: ignore[type-arg]
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    source = _fresh(folder, "source.sqlite")
    # Names equal under name matching ("Ham Jaeseok" / "Jaeseok Ham") would be one person.
    from labnews.core.names import name_key

    distinct = list({name_key(m): m for m in members}.values())
    _build(source, distinct, rows)
    with source.session() as session:
        document = tableexport.export_json(session, None)
    expected = _view(source)
    source.dispose()

    path = folder / "lab.json"
    path.write_text(document, encoding="utf-8")
    target = _fresh(folder, "target.sqlite")
    with target.session() as session:
        plan = tableimport.plan_table(session, path)
    assert not plan.of_kind("error"), plan.report()
    with target.session(write=True) as session:
        apply_plan(session, plan)
    assert _view(target) == expected
    target.dispose()
