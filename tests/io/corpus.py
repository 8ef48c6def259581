"""The corpus of real lab news pages (tests/fixtures/pages): each page's hand-checked expectation,
what the importer plans from it, and the measure over the whole corpus.

Run ``python -m tests.io.corpus`` (with PYTHONPATH at the worktree) to print the measure: per
format, the papers found with the right venue and year against the papers on the pages, the
papers invented, and the names made members that are not people the page credits.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from labnews.io.importers import plan_file
from labnews.io.plan import ImportPlan
from labnews.store.database import Database
from labnews.store.migrate import open_database

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


@dataclass(frozen=True, slots=True)
class Expectation:
    """What a person reading the page counted: papers per "YEAR VENUE", and the people credited."""

    name: str
    format: str
    papers: Counter[str]
    members: frozenset[str]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the importer planned from one page, set against its expectation."""

    expected: Expectation
    papers: Counter[str]
    members: frozenset[str]
    seconds: float

    @property
    def right(self) -> int:
        """Papers planned with the venue and year the page gives them."""
        return sum((self.papers & self.expected.papers).values())

    @property
    def invented(self) -> int:
        """Papers planned beyond what the page has for that venue and year."""
        return sum((self.papers - self.expected.papers).values())

    @property
    def non_people(self) -> frozenset[str]:
        """Members planned that the page does not credit as people."""
        return self.members - self.expected.members

    @property
    def exact(self) -> bool:
        return self.papers == self.expected.papers and self.members == self.expected.members


def pages() -> list[Path]:
    """Every corpus page: the file its expectation file is named after, whatever its form (a
    Markdown or HTML page, a YAML list, a JS or TS array, an al-folio item with no suffix), its
    first line a comment of that form naming its source (``<!-- -->``, ``#`` or ``//``)."""
    return sorted(
        path
        for path in PAGES.iterdir()
        if not path.name.endswith(".expected.json")
        and (PAGES / f"{path.name.rsplit('.', 1)[0]}.expected.json").exists()
    )


def expectation(page: Path) -> Expectation:
    data = json.loads((PAGES / f"{page.name.rsplit('.', 1)[0]}.expected.json").read_text("utf-8"))
    return Expectation(
        page.name, data["format"], Counter(data["papers"]), frozenset(data["members"])
    )


def planned(plan: ImportPlan) -> tuple[Counter[str], frozenset[str]]:
    """A plan's papers counted by "YEAR VENUE", and the names of the members it would create."""
    papers = Counter(f"{p.year} {p.venue}" for p in plan.papers if p.include)
    # As `labnews import` does without --add-maybe: a name that may not be a person is no member.
    return papers, frozenset(m.name for m in plan.members if m.name not in plan.maybe_people)


def import_page(database: Database, page: Path) -> Outcome:
    """Plan the page into the database (a fresh lab) as ``labnews import`` would."""
    start = time.perf_counter()
    with database.session() as session:
        plan = plan_file(session, "news", page)
    seconds = time.perf_counter() - start
    papers, members = planned(plan)
    return Outcome(expectation(page), papers, members, seconds)


def measure(outcomes: list[Outcome]) -> str:
    """The corpus measure as lines of text: per format, then in total."""
    formats: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        formats.setdefault(outcome.expected.format, []).append(outcome)
    lines = []
    for name, group in [*sorted(formats.items()), ("TOTAL", outcomes)]:
        on_pages = sum(sum(o.expected.papers.values()) for o in group)
        right = sum(o.right for o in group)
        share = 100 * right / max(on_pages, 1)
        lines.append(
            f"{name:14} {right:3}/{on_pages:3} papers right ({share:5.1f}%)"
            f"  invented {sum(o.invented for o in group):2}"
            f"  non-people members {sum(len(o.non_people) for o in group):2}"
            f"  exact pages {sum(o.exact for o in group)}/{len(group)}"
            f"  slowest {max(o.seconds for o in group) * 1000:.0f} ms"
        )
    return "\n".join(lines)


def main() -> int:
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for page in pages():
            database = open_database(str(Path(folder) / f"{page.stem}.db"))
            try:
                outcome = import_page(database, page)
            finally:
                database.dispose()
            outcomes.append(outcome)
            if not outcome.exact:
                missing = outcome.expected.papers - outcome.papers
                print(
                    f"{page.name}: missing {dict(missing)} invented "
                    f"{dict(outcome.papers - outcome.expected.papers)} "
                    f"non-people {sorted(outcome.non_people)} "
                    f"people missed {sorted(outcome.expected.members - outcome.members)}"
                )
    print(measure(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
