"""Speed goal: a BibTeX import of N entries within 2x of bibtexparser's own parse of the file."""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.io.bibtex import plan_bibtex
from labnews.io.plan import apply_plan
from labnews.store.migrate import open_database
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
    benchmark,
    tmp_path: Path,
    lab_file: Callable[[str], Path],
    size: str,  # type: ignore[no-untyped-def]
) -> None:
    import bibtexparser

    count = SIZES[size] // (10 if size == "L" else 1)  # L imports 10,000 entries
    source = tmp_path / "refs.bib"
    source.write_text(bibtex_of(count), encoding="utf-8")
    text = source.read_text(encoding="utf-8")
    rounds = 5 if count <= 1000 else 3
    base = median_seconds(lambda: bibtexparser.parse_string(text), rounds=rounds, warmup=1)
    empty = tmp_path / "empty.sqlite"
    open_database(str(empty)).dispose()

    def fresh() -> tuple[tuple[object, ...], dict[str, object]]:
        target = tmp_path / f"lab-{time.perf_counter_ns()}.sqlite"
        shutil.copyfile(empty, target)
        return (open_database(str(target)),), {}

    def import_all(database) -> None:  # type: ignore[no-untyped-def]
        with database.session() as session:
            plan = plan_bibtex(session, source)
        with database.session(write=True) as session:
            apply_plan(session, plan)
        database.dispose()

    benchmark.pedantic(import_all, setup=fresh, rounds=rounds, warmup_rounds=0)
    median = benchmark.stats.stats.median
    record(f"BibTeX import of {count:,} entries", size, median, "s", base, 2, ratio_goal=True)
    benchmark.extra_info.update(baseline_s=base, ratio=median / base)
