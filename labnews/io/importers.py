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


def _plan_news_yaml(session: Session, path: Path) -> ImportPlan:
    from labnews.io import newsdata, newsplan

    return newsplan.plan_page(session, newsdata.read_data_file(path, "yaml"))


def _plan_news_script(session: Session, path: Path) -> ImportPlan:
    from labnews.io import newsdata, newsplan

    return newsplan.plan_page(session, newsdata.read_data_file(path, "script"))


def _yaml_news_text(text: str) -> bool:
    from labnews.io import newsdata

    return newsdata.sniff(text) == "yaml"


def _script_news_text(text: str) -> bool:
    from labnews.io import newsdata

    return newsdata.sniff(text) == "script"


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
    holds: Callable[[str], bool] | None = None
    """Whether a text holds this format, for a file whose name does not say (``news.txt``)."""


# News kept as data: Jekyll's _data/news.yml, a site's news.ts or news.js array.
YAML_SUFFIXES: Final = (".yml", ".yaml")
SCRIPT_SUFFIXES: Final = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")

IMPORT_FORMATS: Final = (
    ImportFormat("news", (".md", ".markdown", ".html", ".htm", ".txt"), _plan_news, folders=True),
    ImportFormat("news", YAML_SUFFIXES, _plan_news_yaml, holds=_yaml_news_text),
    ImportFormat("news", SCRIPT_SUFFIXES, _plan_news_script, holds=_script_news_text),
    ImportFormat("bibtex", (".bib", ".bibtex"), _plan_bibtex),
    ImportFormat("table", (".csv", ".json"), _plan_table, aliases=("csv",)),
)


def import_names() -> tuple[str, ...]:
    """Every name an import kind goes by: the kinds, then the aliases the CLI also accepts."""
    names = [f.kind for f in IMPORT_FORMATS] + [a for f in IMPORT_FORMATS for a in f.aliases]
    return tuple(dict.fromkeys(names))


def import_kind(name: str) -> ImportKind:
    """The kind a name or alias stands for (``csv`` is a table)."""
    for fmt in IMPORT_FORMATS:
        if name == fmt.kind or name in fmt.aliases:
            return fmt.kind
    raise LabnewsError(f"unknown import kind {name!r}")


def detect_kind(path: Path) -> ImportKind | None:
    """What a file holds, by its name (or, with no suffix, its text): a news page, a news data
    file or a folder of news files, BibTeX, a table."""
    is_dir = path.is_dir()
    suffix = path.suffix.lower()
    for fmt in IMPORT_FORMATS:
        if fmt.folders if is_dir else suffix in fmt.suffixes:
            return fmt.kind
    if suffix == "":
        # "news" with no suffix: a YAML list or a script's array says so in its first lines.
        found = _by_text(list(IMPORT_FORMATS), path)
        return found.kind if found is not None else None
    return None


# Names that say a file is text but not which format: its text tells (a YAML list in news.txt).
_PLAIN_SUFFIXES: Final = ("", ".txt")
_SNIFF_CHARS: Final = 65536


def import_format(kind: ImportKind, path: Path) -> ImportFormat:
    """The format of ``kind`` that reads ``path``: by its name, else by its text, else the first."""
    formats = [f for f in IMPORT_FORMATS if f.kind == kind]
    if path.is_dir():
        return next((f for f in formats if f.folders), formats[0])
    suffix = path.suffix.lower()
    named = next((f for f in formats if suffix in f.suffixes), None)
    if named is not None and suffix not in _PLAIN_SUFFIXES:
        return named
    return _by_text(formats, path) or named or formats[0]


def reads_as_page(path: Path) -> bool:
    """Whether the news importer reads ``path`` as a page (Markdown, HTML, text), not as data."""
    return import_format("news", path).plan is _plan_news


def _by_text(formats: list[ImportFormat], path: Path) -> ImportFormat | None:
    """The first of ``formats`` whose test accepts the start of the file's text."""
    sniffers = [f for f in formats if f.holds is not None]
    if not sniffers or not path.is_file():
        return None
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_CHARS).decode("utf-8", errors="replace")
    except OSError:
        return None  # the planner reports the file it cannot read, in its own words
    return next((f for f in sniffers if f.holds is not None and f.holds(head)), None)


def plan_file(session: Session, kind: ImportKind, path: Path) -> ImportPlan:
    """Read the file as ``kind`` into an ImportPlan (reading the database, changing nothing)."""
    if not path.exists():
        raise LabnewsError(f"{path} does not exist")
    return import_format(kind, path).plan(session, path)
