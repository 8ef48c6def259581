"""The words the tables and forms show for the store's codes (kinds, roles), translated."""

from __future__ import annotations

from typing import Final, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

Vocabulary = Literal["achievement kind", "venue kind", "role", "link kind"]
"""Which codes a word names: core.records' ACHIEVEMENT_KINDS, VENUE_KINDS, ROLE_WORDS and
ACHIEVEMENT_LINK_KINDS, in that order."""

# Each vocabulary's words keep the translation context of the table that first showed them
# (so their translations stay where they are); the context is written in each entry too, as
# lupdate reads it there. Each code's English word is core.records' (ROLE_WORDS for roles);
# QT_TRANSLATE_NOOP gives its text back as it is, typed as an object.
WORDS: Final[dict[Vocabulary, tuple[str, dict[str, object]]]] = {
    "achievement kind": (
        "AchievementsModel",
        {
            "award": QT_TRANSLATE_NOOP("AchievementsModel", "award"),
            "talk": QT_TRANSLATE_NOOP("AchievementsModel", "talk"),
            "grant": QT_TRANSLATE_NOOP("AchievementsModel", "grant"),
            "project": QT_TRANSLATE_NOOP("AchievementsModel", "project"),
            "challenge": QT_TRANSLATE_NOOP("AchievementsModel", "challenge"),
            "service": QT_TRANSLATE_NOOP("AchievementsModel", "service"),
            "media": QT_TRANSLATE_NOOP("AchievementsModel", "media"),
            "other": QT_TRANSLATE_NOOP("AchievementsModel", "other"),
        },
    ),
    "venue kind": (
        "VenuesModel",
        {
            "conference": QT_TRANSLATE_NOOP("VenuesModel", "conference"),
            "journal": QT_TRANSLATE_NOOP("VenuesModel", "journal"),
            "workshop": QT_TRANSLATE_NOOP("VenuesModel", "workshop"),
            "other": QT_TRANSLATE_NOOP("VenuesModel", "other"),
        },
    ),
    "role": (
        "MembersModel",
        {
            "pi": QT_TRANSLATE_NOOP("MembersModel", "PI"),
            "professor": QT_TRANSLATE_NOOP("MembersModel", "professor"),
            "researcher": QT_TRANSLATE_NOOP("MembersModel", "researcher"),
            "postdoc": QT_TRANSLATE_NOOP("MembersModel", "postdoc"),
            "phd": QT_TRANSLATE_NOOP("MembersModel", "PhD student"),
            "ms": QT_TRANSLATE_NOOP("MembersModel", "MS student"),
            "undergrad": QT_TRANSLATE_NOOP("MembersModel", "undergraduate"),
            "intern": QT_TRANSLATE_NOOP("MembersModel", "intern"),
            "alumni": QT_TRANSLATE_NOOP("MembersModel", "alumni"),
            "other": QT_TRANSLATE_NOOP("MembersModel", "other"),
        },
    ),
    "link kind": (
        "LinksModel",
        {
            "link": QT_TRANSLATE_NOOP("LinksModel", "link"),
            "video": QT_TRANSLATE_NOOP("LinksModel", "video"),
            "embed": QT_TRANSLATE_NOOP("LinksModel", "embedded page"),
            "image": QT_TRANSLATE_NOOP("LinksModel", "image"),
        },
    ),
}


def word(vocabulary: Vocabulary, code: str) -> str:
    """A stored code as the tables and forms show it; a code the vocabulary lacks, as it is."""
    context, english = WORDS[vocabulary]
    found = english.get(code)
    return code if found is None else QCoreApplication.translate(context, str(found))


def code_of(vocabulary: Vocabulary, text: str) -> str:
    """The code a word names, as typed in English or in the interface's language (any case);
    text that is no word of the vocabulary comes back lower-cased, for the form to check."""
    wanted = text.strip().casefold()
    for code in WORDS[vocabulary][1]:
        if wanted in (code.casefold(), word(vocabulary, code).casefold()):
            return code
    return wanted
