"""The homepage themes labnews knows: how each is recognised and what labnews writes into it.

One table per theme in ``resources/themes.toml``, data only: the signs that give a checkout
away (files or folders it has, top-level keys of its ``_config.yml``, words in a file such as
``go.mod``), the pages that usually hold the news markers, the news format its block is written
in, and the theme's own data folders labnews keeps. ``detect_theme`` scores every theme by its
signs and takes the best.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, cast, get_args

from labnews.core.errors import LabnewsError
from labnews.resources import resource

SignKind = Literal["path", "config", "text"]
Engine = Literal["jekyll", "hugo"]
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
    engine: Engine
    signs: tuple[Sign, ...]
    news_pages: tuple[str, ...]
    """Pages that usually hold the news markers, most likely first (told when none has them)."""
    news_format: str | None
    """The format of the news block (None: the lab's default format)."""
    data: tuple[DataKind, ...] = ()
    """The theme's own data labnews keeps (one file per news line or per paper)."""
    block_required: bool = True
    """Whether a page must hold the news markers (al-folio's news lives in _news/ instead)."""


THEMES_FILE: Final = "themes.toml"
"""The table of themes under ``resources/``: one ``[[theme]]`` each, in the order of a tie."""


def read_themes(text: str) -> tuple[Theme, ...]:
    """The themes of a themes table, each field checked (a broken table names its theme)."""
    try:
        tables = tomllib.loads(text).get("theme", [])
    except tomllib.TOMLDecodeError as exc:
        raise LabnewsError(f"{THEMES_FILE} is not TOML: {exc}") from None
    return tuple(_theme(table) for table in tables)


def _theme(table: object) -> Theme:
    name = table.get("name", "?") if isinstance(table, dict) else "?"
    try:
        if not isinstance(table, dict):
            raise TypeError("not a table")
        unknown = set(table) - _THEME_KEYS
        if unknown:
            raise ValueError(f"unknown keys {', '.join(sorted(unknown))}")
        engine = _choice(table["engine"], get_args(Engine))
        data = tuple(_choice(kind, get_args(DataKind)) for kind in table.get("data", ()))
        news_format = table.get("news_format")
        return Theme(
            name=_text_value(name),
            title=_text_value(table["title"]),
            engine=cast(Engine, engine),
            signs=tuple(_sign(entry) for entry in table["signs"]),
            news_pages=tuple(_text_value(page) for page in table["news_pages"]),
            news_format=None if news_format is None else _text_value(news_format),
            data=cast(tuple[DataKind, ...], data),
            block_required=bool(table.get("block_required", True)),
        )
    except KeyError as exc:
        raise LabnewsError(f"theme {name} in {THEMES_FILE} has no {exc.args[0]}") from None
    except (TypeError, ValueError) as exc:
        raise LabnewsError(f"theme {name} in {THEMES_FILE} is malformed: {exc}") from None


_THEME_KEYS: Final = frozenset(
    {"name", "title", "engine", "signs", "news_pages", "news_format", "data", "block_required"}
)


def _sign(entry: dict[str, Any]) -> Sign:
    """A sign: ``{path, weight}``, ``{config, weight}`` or ``{file, word, weight}``."""
    weight = entry["weight"]
    if isinstance(weight, bool) or not isinstance(weight, int) or weight < 1:
        raise ValueError(f"sign weight {weight!r} is not a whole number from 1")
    if "path" in entry:
        return Sign("path", _text_value(entry["path"]), "", weight)
    if "config" in entry:
        return Sign("config", "_config.yml", _text_value(entry["config"]), weight)
    return Sign("text", _text_value(entry["file"]), _text_value(entry["word"]), weight)


def _text_value(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{value!r} is not a text")
    return value


def _choice(value: object, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
    return str(value)


THEMES: Final[tuple[Theme, ...]] = read_themes(resource(THEMES_FILE).read_text(encoding="utf-8"))


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
