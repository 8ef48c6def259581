"""Speed goal: a BibTeX import of N entries within 2x of bibtexparser's own parse of the file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import delete

from labnews.io.bibplan import plan_bibtex
from labnews.io.plan import apply_plan
from labnews.store import queries
from labnews.store.migrate import open_database
from labnews.store.models import Authorship, Paper
from tests.benchmarks.conftest import SIZES, median_seconds, record, sizes

VENUES = ("CVPR", "ICCV", "ECCV", "NeurIPS", "ICML", "ICLR", "AAAI", "ACL", "EMNLP", "KDD")
FAMILY = ("Kim", "Lee", "Park", 'M{\\"u}ller', "Garc{\\'i}a")
GIVEN = ("Minjun", "Jiwoo", "Ana", "Jonas")
WORDS = "robust efficient diffusion graph vision language learning sparse neural fast".split()


def bibtex_of(count: int, seed: int = 3) -> str:
    """A realistic BibTeX file: conference papers, 3-8 authors, some DOIs and accents."""
    rng = random.Random(seed)
    entries = []
    for index in range(count):
        authors = " and ".join(
            f"{rng.choice(FAMILY)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(3, 8))
        )
        title = " ".join(rng.sample(WORDS, 5)).capitalize() + f" {index}"
        doi = f"  doi = {{10.5555/bench.{index}}},\n" if index % 2 else ""
        entries.append(
            f"@inproceedings{{key{index},\n  title = {{{{{title}}}}},\n  author = {{{authors}}},\n"
            f"  booktitle = {{{rng.choice(VENUES)}}},\n  year = {{{rng.randint(2015, 2025)}}},\n"
            f"{doi}}}\n"
        )
    return "\n".join(entries)


@pytest.mark.parametrize("size", sizes("S", "M", "L"))
def test_bibtex_import_against_bibtexparser_parse(
    benchmark,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    size: str,
) -> None:
    import bibtexparser

    count = SIZES[size] // (10 if size == "L" else 1)  # L imports 10,000 entries
    source = tmp_path / "refs.bib"
    source.write_text(bibtex_of(count), encoding="utf-8")
    text = source.read_text(encoding="utf-8")
    rounds = 9 if count <= 1000 else 3
    base = median_seconds(lambda: bibtexparser.parse_string(text), rounds=rounds, warmup=1)
    # One database for every round, emptied between rounds (untimed): both sides are measured
    # warm, as an import in a running window is, bibtexparser with its regexes compiled and
    # labnews with its SQL statements compiled.
    database = open_database(str(tmp_path / "lab.sqlite"))

    def empty_lab() -> tuple[tuple[object, ...], dict[str, object]]:
        with database.session(write=True) as session:
            session.execute(delete(Authorship))
            session.execute(delete(Paper))
        return (), {}

    def import_all() -> None:
        with database.session() as session:
            plan = plan_bibtex(session, source)
        with database.session(write=True) as session:
            apply_plan(session, plan)

    benchmark.pedantic(import_all, setup=empty_lab, rounds=rounds, warmup_rounds=1)
    with database.session() as session:
        assert queries.paper_count(session) == count  # every entry became a paper
    database.dispose()
    median = benchmark.stats.stats.median
    record(f"BibTeX import of {count:,} entries", size, median, "s", base, 2, ratio_goal=True)
    benchmark.extra_info.update(baseline_s=base, ratio=median / base)
