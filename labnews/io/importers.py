"""The kinds of file labnews imports, each once: its name, file suffixes and planner.

The CLI's ``import`` command and the window's import wizard both dispatch through here. A new
import format is one ``ImportFormat`` added to ``IMPORT_FORMATS`` and its planner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from labnews.core.errors import LabnewsError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from labnews.io.plan import ImportPlan

ImportKind = Literal["news", "bibtex", "table"]


# The planners import their readers when called: starting the CLI or the window loads none.
def _plan_news(session: Session, path: Path) -> ImportPlan:
    from labnews.io import newspage, newsplan

    return newsplan.plan_page(session, newspage.read_source(path))


def _plan_bibtex(session: Session, path: Path) -> ImportPlan:
    from labnews.io import bibplan

    return bibplan.plan_bibtex(session, path)


def _plan_table(session: Session, path: Path) -> ImportPlan:
    from labnews.io import tableimport

    return tableimport.plan_table(session, path)


@dataclass(frozen=True, slots=True)
class ImportFormat:
    """One kind of file to import: how it is named, which files hold it, and what plans it."""

    kind: ImportKind
    suffixes: tuple[str, ...]
    plan: Callable[[Session, Path], ImportPlan]
    aliases: tuple[str, ...] = ()
    """Other names the CLI accepts for it (what users have typed before)."""
    folders: bool = False
    """Whether a folder is read as this kind (an al-folio ``_news`` folder)."""


IMPORT_FORMATS: Final = (
    ImportFormat("news", (".md", ".markdown", ".html", ".htm", ".txt"), _plan_news, folders=True),
    ImportFormat("bibtex", (".bib", ".bibtex"), _plan_bibtex),
    ImportFormat("table", (".csv", ".json"), _plan_table, aliases=("csv",)),
)


def import_names() -> tuple[str, ...]:
    """Every name an import kind goes by: the kinds, then the aliases the CLI also accepts."""
    return tuple(f.kind for f in IMPORT_FORMATS) + tuple(
        a for f in IMPORT_FORMATS for a in f.aliases
    )


def import_kind(name: str) -> ImportKind:
    """The kind a name or alias stands for (``csv`` is a table)."""
    for fmt in IMPORT_FORMATS:
        if name == fmt.kind or name in fmt.aliases:
            return fmt.kind
    raise LabnewsError(f"unknown import kind {name!r}")


def detect_kind(path: Path) -> ImportKind | None:
    """What a file holds, by its name: a news page (or a folder of news files), BibTeX, a table."""
    is_dir = path.is_dir()
    suffix = path.suffix.lower()
    for fmt in IMPORT_FORMATS:
        if fmt.folders if is_dir else suffix in fmt.suffixes:
            return fmt.kind
    return None


def plan_file(session: Session, kind: ImportKind, path: Path) -> ImportPlan:
    """Read the file as ``kind`` into an ImportPlan (reading the database, changing nothing)."""
    if not path.exists():
        raise LabnewsError(f"{path} does not exist")
    return next(f for f in IMPORT_FORMATS if f.kind == kind).plan(session, path)
