"""The homepage themes labnews knows: how each is recognised and what labnews writes into it.

One entry per theme, data only: the signs that give a checkout away (files or folders it has,
top-level keys of its ``_config.yml``, words in a file such as ``go.mod``), the pages that
usually hold the news markers, the news format its block is written in, and the theme's own
data folders labnews keeps. ``detect_theme`` scores every theme by its signs and takes the best.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from labnews.core.errors import LabnewsError

SignKind = Literal["path", "config", "text"]
DataKind = Literal["al-folio-news", "academicpages-publications", "hugo-blox-publications"]
MAX_SIGN_BYTES: Final = 1_000_000
"""How much of a config file is read for its keys: a site's config is never larger."""


@dataclass(frozen=True, slots=True)
class Sign:
    """One thing a theme's checkout has: a path, a ``_config.yml`` key, or a word in a file."""

    kind: SignKind
    where: str
    word: str = ""
    weight: int = 2

    def found(self, site: Path) -> bool:
        if self.kind == "path":
            return (site / self.where).exists()
        text = _read_small(site / self.where)
        if self.kind == "config":
            return re.search(rf"(?m)^{re.escape(self.word)}\s*:", text) is not None
        return self.word.casefold() in text.casefold()


@dataclass(frozen=True, slots=True)
class Theme:
    """A homepage theme: its signs, its engine and what labnews writes there."""

    name: str
    title: str
    engine: Literal["jekyll", "hugo"]
    signs: tuple[Sign, ...]
    news_pages: tuple[str, ...]
    """Pages that usually hold the news markers, most likely first (told when none has them)."""
    news_format: str | None
    """The format of the news block (None: the lab's default format)."""
    data: tuple[DataKind, ...] = ()
    """The theme's own data labnews keeps (one file per news line or per paper)."""
    block_required: bool = True
    """Whether a page must hold the news markers (al-folio's news lives in _news/ instead)."""


def _config(key: str, weight: int = 2) -> Sign:
    return Sign("config", "_config.yml", key, weight)


def _path(path: str, weight: int = 2) -> Sign:
    return Sign("path", path, "", weight)


def _text(path: str, word: str, weight: int = 4) -> Sign:
    return Sign("text", path, word, weight)


# A theme's signs are its own: the files every Jekyll or Hugo site has are the plain entries'
# only, so a site with nothing more is told as a plain one.
THEMES: Final[tuple[Theme, ...]] = (
    Theme(
        name="acadhomepage",
        title="AcadHomepage",
        engine="jekyll",
        signs=(
            _path("google_scholar_crawler", 4),
            _config("google_scholar_stats_use_cdn", 4),
            _path("_includes/fetch_google_scholar_stats.html", 4),
        ),
        news_pages=("_pages/about.md",),
        news_format="acadhomepage",
    ),
    Theme(
        name="al-folio",
        title="al-folio",
        engine="jekyll",
        signs=(
            _path("_news", 4),
            _path("_bibliography", 3),
            _config("scholar", 2),
            _config("announcements", 2),
            _config("enable_publication_badges", 2),
        ),
        news_pages=("_pages/about.md", "_pages/about.markdown"),
        news_format=None,
        data=("al-folio-news",),
        block_required=False,
    ),
    Theme(
        name="academicpages",
        title="academicpages",
        engine="jekyll",
        signs=(
            _path("_publications", 4),
            _path("_talks", 2),
            _path("_portfolio", 2),
            _path("talkmap.py", 3),
            _text("_config.yml", "academicpages", 4),
        ),
        news_pages=("_pages/about.md",),
        news_format=None,
        data=("academicpages-publications",),
    ),
    Theme(
        name="hugo-blox",
        title="Hugo Blox",
        engine="hugo",
        signs=(
            _text("go.mod", "hugo-blox", 6),
            _text("go.mod", "wowchemy", 6),
            _path("content/publication", 3),
            _path("config/_default/params.yaml", 2),
        ),
        news_pages=("content/_index.md",),
        news_format=None,
        data=("hugo-blox-publications",),
    ),
    Theme(
        name="jekyll",
        title="a plain Jekyll site",
        engine="jekyll",
        signs=(_path("_config.yml", 1),),
        news_pages=("index.md", "index.markdown", "about.md"),
        news_format=None,
    ),
    Theme(
        name="hugo",
        title="a plain Hugo site",
        engine="hugo",
        signs=(
            _path("hugo.toml", 1),
            _path("hugo.yaml", 1),
            _path("hugo.json", 1),
            _path("config.toml", 1),
            _path("config.yaml", 1),
            _path("config.json", 1),
            _path("config/_default", 1),
        ),
        news_pages=("content/_index.md",),
        news_format=None,
    ),
)


def _read_small(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_SIGN_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def score(theme: Theme, site: Path) -> int:
    """How strongly the checkout looks like the theme (the weights of the signs found)."""
    return sum(sign.weight for sign in theme.signs if sign.found(site))


def detect_theme(site: Path, themes: Iterable[Theme] = THEMES) -> Theme:
    """The theme the checkout uses: the best-scoring one; earlier entries win a tie."""
    if not site.is_dir():
        raise LabnewsError(f"{site} is not a folder")
    best: Theme | None = None
    best_score = 0
    for theme in themes:
        points = score(theme, site)
        if points > best_score:
            best, best_score = theme, points
    if best is None:
        raise LabnewsError(
            f"{site} is not a Jekyll or Hugo site (no _config.yml, hugo.toml or config.toml)"
        )
    return best
