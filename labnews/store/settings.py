"""The lab's shared settings, each declared once (key, default), read and written here only.

Every setting is stored as JSON text in the setting table. The store's query and command
modules are imported where they are used: the window reads this module's types before its
first paint, without the database layer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from labnews.core.publist import BOLD_CHOICES
from labnews.core.records import Change

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

LAB_NAME: Final = "lab_name"
DEFAULT_FORMAT: Final = "default_format"
DEFAULT_LANGUAGE: Final = "default_language"
HOMEPAGE_FILE: Final = "homepage_file"
PUBLICATION_BOLD: Final = "publication_bold"
HOMEPAGE_SITE: Final = "homepage_site"
"""The lab's homepage checkout (a Jekyll or Hugo site's folder) that ``labnews publish`` keeps."""
HOMEPAGE_SECTIONS: Final = "homepage_sections"
"""The sections published besides the news, comma-separated (each a format of that name)."""
TEXT_SETTINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        LAB_NAME: "",
        DEFAULT_FORMAT: "yearly",
        DEFAULT_LANGUAGE: "en",
        HOMEPAGE_FILE: "",
        PUBLICATION_BOLD: "owner",
        HOMEPAGE_SITE: "",
        HOMEPAGE_SECTIONS: "publications",
    }
)
"""The text settings and their defaults (what an unset or unreadable one reads as)."""
CHOICE_SETTINGS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {PUBLICATION_BOLD: BOLD_CHOICES}
)
"""The text settings that hold one of a few values: a stored value not among them reads as
the default, and writing one is refused."""
PUBLISHED_PAPERS: Final = "published_paper_ids"
"""The ids of the papers in the block last published into the homepage (a JSON list)."""


def setting_text(session: Session, key: str) -> str:
    """A setting stored as a JSON string ("" when unset or not a string)."""
    from labnews.store import queries

    stored = queries.setting(session, key)
    if stored is None:
        return ""
    try:
        value = json.loads(stored)
    except json.JSONDecodeError:
        # Older databases may hold the bare text.
        return stored
    return value if isinstance(value, str) else ""


def text_setting(session: Session, key: str) -> str:
    """A declared text setting, or its default when unset, empty or not one of its choices."""
    value = setting_text(session, key) or TEXT_SETTINGS[key]
    if key in CHOICE_SETTINGS and value not in CHOICE_SETTINGS[key]:
        return TEXT_SETTINGS[key]
    return value


def set_setting_text(session: Session, key: str, value: str) -> Change:
    from labnews.core.fields import choice
    from labnews.store import commands

    if key in CHOICE_SETTINGS:
        choice(value, CHOICE_SETTINGS[key], key)
    return commands.set_setting(session, key, json.dumps(value, ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class LabSettings:
    """The settings everyone who opens the database shares (pinned tally orders aside)."""

    lab_name: str = TEXT_SETTINGS[LAB_NAME]
    default_format: str = TEXT_SETTINGS[DEFAULT_FORMAT]
    default_language: str = TEXT_SETTINGS[DEFAULT_LANGUAGE]
    workshops: str = "fold"
    order: str = "first"
    lines: str = "month"
    homepage_file: str = TEXT_SETTINGS[HOMEPAGE_FILE]
    publication_bold: str = TEXT_SETTINGS[PUBLICATION_BOLD]
    homepage_site: str = TEXT_SETTINGS[HOMEPAGE_SITE]
    homepage_sections: str = TEXT_SETTINGS[HOMEPAGE_SECTIONS]
    """Comma-separated; "" publishes the news alone."""


def homepage_sections_text(session: Session) -> str:
    """The sections published besides the news: the default when unset, "" when none chosen."""
    from labnews.store import queries

    if queries.setting(session, HOMEPAGE_SECTIONS) is None:
        return TEXT_SETTINGS[HOMEPAGE_SECTIONS]
    return setting_text(session, HOMEPAGE_SECTIONS)


def read_lab_settings(session: Session) -> LabSettings:
    from labnews.store import queries

    rules = queries.tally_rules(session)
    return LabSettings(
        lab_name=text_setting(session, LAB_NAME),
        default_format=text_setting(session, DEFAULT_FORMAT),
        default_language=text_setting(session, DEFAULT_LANGUAGE),
        workshops=rules.workshops,
        order=rules.order,
        lines=rules.lines,
        homepage_file=text_setting(session, HOMEPAGE_FILE),
        publication_bold=text_setting(session, PUBLICATION_BOLD),
        homepage_site=setting_text(session, HOMEPAGE_SITE),
        homepage_sections=homepage_sections_text(session),
    )


def write_lab_settings(session: Session, settings: LabSettings) -> Change:
    """Store every shared setting; the pinned orders stay as they are."""
    from labnews.store import commands, queries

    set_setting_text(session, LAB_NAME, settings.lab_name.strip())
    set_setting_text(session, DEFAULT_FORMAT, settings.default_format)
    set_setting_text(session, DEFAULT_LANGUAGE, settings.default_language)
    set_setting_text(session, HOMEPAGE_FILE, settings.homepage_file.strip())
    set_setting_text(session, PUBLICATION_BOLD, settings.publication_bold)
    set_setting_text(session, HOMEPAGE_SITE, settings.homepage_site.strip())
    set_setting_text(session, HOMEPAGE_SECTIONS, settings.homepage_sections)
    rules = replace(
        queries.tally_rules(session),
        workshops=settings.workshops,
        order=settings.order,
        lines=settings.lines,
    )
    commands.set_rules(session, rules)
    return Change("Saved the lab's settings", frozenset({"settings", "paper"}))


def homepage_file(session: Session) -> Path | None:
    text = setting_text(session, HOMEPAGE_FILE)
    return Path(text) if text else None


def published_papers(session: Session) -> frozenset[int] | None:
    """The papers the homepage got at the last publication (None: never published from here)."""
    from labnews.store import queries

    stored = queries.setting(session, PUBLISHED_PAPERS)
    if stored is None:
        return None
    try:
        value = json.loads(stored)
    except json.JSONDecodeError:
        return None
    if not isinstance(value, list):
        return None
    return frozenset(v for v in value if isinstance(v, int) and not isinstance(v, bool))


def remember_publication(
    session: Session, path: Path, paper_ids: Iterable[int], *, into_file: bool = True
) -> Change:
    """Remember the homepage file (a site's checkout is already remembered) and its papers."""
    from labnews.store import commands

    if into_file:
        set_setting_text(session, HOMEPAGE_FILE, str(path))
    commands.set_setting(session, PUBLISHED_PAPERS, json.dumps(sorted(set(paper_ids))))
    return Change(f"Published into {path}", frozenset({"settings"}))
