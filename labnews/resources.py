"""The one place that finds labnews's data files, in a checkout or inside an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    # An installed wheel carries resources/ and db/ under labnews/_data; a checkout has them
    # beside the package.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"labnews is installed without its {name}/ folder")


def resources_dir() -> Path:
    """The ``resources/`` folder: templates, the venue catalog, the demo lab, translations."""
    return _root("resources")


def migrations_dir() -> Path:
    """The ``db/`` folder: Alembic's migration scripts."""
    return _root("db")


def resource(*parts: str) -> Path:
    """A file under ``resources/``."""
    return resources_dir().joinpath(*parts)


def readme() -> Path:
    """The README that came with labnews (a wheel carries it in ``_data``): Help > Documentation."""
    for candidate in (_PACKAGE / "_data" / "README.md", _PACKAGE.parent / "README.md"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("labnews is installed without its README.md")
