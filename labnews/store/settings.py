"""The lab's shared settings, each declared once (key, default), read and written here only.

Every setting is stored as JSON text in the setting table. A text setting is one TextSetting;
LabSettings' fields name the setting each holds, and its read and write go through them. The
store's query and command modules are imported where they are used: the window reads this
module's types before its first paint, without the database layer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final

from labnews.core.publist import BOLD_CHOICES
from labnews.core.records import Change
from labnews.core.rules import TallyRules

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class TextSetting:
    """One shared text setting: its key in the setting table, and how it reads and is saved."""

    key: str
    default: str = ""
    """What it reads as when unset, empty, or (with choices) not one of them."""
    choices: tuple[str, ...] = ()
    """When given, the only values it holds: writing another is refused."""
    strip: bool = False
    """Saving the lab's settings stores it without the white space around it."""
    empty_is_choice: bool = False
    """A stored "" reads as "" (chosen: none); only an unset one reads as the default."""


LAB_NAME: Final = TextSetting("lab_name", strip=True)
DEFAULT_FORMAT: Final = TextSetting("default_format", "yearly")
DEFAULT_LANGUAGE: Final = TextSetting("default_language", "en")
HOMEPAGE_FILE: Final = TextSetting("homepage_file", strip=True)
PUBLICATION_BOLD: Final = TextSetting("publication_bold", "owner", choices=BOLD_CHOICES)
HOMEPAGE_SITE: Final = TextSetting("homepage_site", strip=True)
"""The lab's homepage checkout (a Jekyll or Hugo site's folder) that ``labnews publish`` keeps."""
HOMEPAGE_SECTIONS: Final = TextSetting("homepage_sections", "publications", empty_is_choice=True)
"""The sections published besides the news, comma-separated (each a format of that name)."""
PUBLISHED_PAPERS: Final = "published_paper_ids"
"""The ids of the papers in the block last published into the homepage (a JSON list)."""


def _text_of(stored: str | None) -> str:
    """A setting's stored JSON string ("" when unset or not a string)."""
    if stored is None:
        return ""
    try:
        value = json.loads(stored)
    except json.JSONDecodeError:
        # Older databases may hold the bare text.
        return stored
    return value if isinstance(value, str) else ""


def setting_text(session: Session, setting: TextSetting) -> str:
    """A text setting as stored, without its default ("" when unset or not a string)."""
    from labnews.store import queries

    return _text_of(queries.setting(session, setting.key))


def text_setting(session: Session, setting: TextSetting) -> str:
    """A text setting, or its default when unset, empty (unless "" is a choice for it) or not
    one of its choices."""
    from labnews.store import queries

    stored = queries.setting(session, setting.key)
    if stored is None:
        return setting.default
    value = _text_of(stored)
    if not value and not setting.empty_is_choice:
        return setting.default
    if setting.choices and value not in setting.choices:
        return setting.default
    return value


def set_setting_text(session: Session, setting: TextSetting, value: str) -> Change:
    """Store a text setting; a value not among its choices is refused."""
    from labnews.core.fields import choice
    from labnews.store import commands

    if setting.choices:
        choice(value, setting.choices, setting.key)
    return commands.set_setting(session, setting.key, json.dumps(value, ensure_ascii=False))


_SETTING: Final = "setting"
"""The metadata key under which a LabSettings field names the text setting it holds."""
_DEFAULT_RULES: Final = TallyRules()
"""The tally rules' own defaults, which LabSettings' rule fields start from."""


def _holds(setting: TextSetting) -> str:
    """A LabSettings field that holds ``setting``: its default, read and saved as that setting."""
    return field(default=setting.default, metadata={_SETTING: setting})


@dataclass(frozen=True, slots=True)
class LabSettings:
    """The settings everyone who opens the database shares (pinned tally orders aside)."""

    lab_name: str = _holds(LAB_NAME)
    default_format: str = _holds(DEFAULT_FORMAT)
    default_language: str = _holds(DEFAULT_LANGUAGE)
    workshops: str = _DEFAULT_RULES.workshops
    order: str = _DEFAULT_RULES.order
    lines: str = _DEFAULT_RULES.lines
    homepage_file: str = _holds(HOMEPAGE_FILE)
    publication_bold: str = _holds(PUBLICATION_BOLD)
    homepage_site: str = _holds(HOMEPAGE_SITE)
    homepage_sections: str = _holds(HOMEPAGE_SECTIONS)
    """Comma-separated; "" publishes the news alone."""


_TEXT_FIELDS: Final[tuple[tuple[str, TextSetting], ...]] = tuple(
    (f.name, f.metadata[_SETTING]) for f in fields(LabSettings) if _SETTING in f.metadata
)
"""The LabSettings fields that hold a text setting, in field order, with their settings."""


def read_lab_settings(session: Session) -> LabSettings:
    from labnews.store import queries

    rules = queries.tally_rules(session)
    texts = {name: text_setting(session, setting) for name, setting in _TEXT_FIELDS}
    return LabSettings(workshops=rules.workshops, order=rules.order, lines=rules.lines, **texts)


def write_lab_settings(session: Session, settings: LabSettings) -> Change:
    """Store every shared setting; the pinned orders stay as they are."""
    from labnews.store import commands, queries

    for name, setting in _TEXT_FIELDS:
        value: str = getattr(settings, name)
        set_setting_text(session, setting, value.strip() if setting.strip else value)
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
