"""The one table of words the tables and forms show for stored codes: complete, and translated."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from labnews.core.inputs import MemberInput
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    ACHIEVEMENT_LINK_KINDS,
    ROLE_WORDS,
    VENUE_KINDS,
    AchievementLink,
    AchievementRecord,
    YearMonth,
)
from labnews.gui.app import install_translations, interface_locale, remove_translations
from labnews.gui.dialogs.member import MemberDialog
from labnews.gui.models.achievements import AchievementsModel, Column, LinksModel
from labnews.gui.words import WORDS, word

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, interface_locale("ko"))
    yield
    remove_translations(qapp, translators)


def test_each_vocabulary_names_every_code_the_store_takes_and_no_other() -> None:
    assert tuple(WORDS["achievement kind"][1]) == ACHIEVEMENT_KINDS
    assert tuple(WORDS["venue kind"][1]) == VENUE_KINDS
    assert tuple(WORDS["link kind"][1]) == ACHIEVEMENT_LINK_KINDS
    # A role's English word is the one the command line prints for it.
    assert WORDS["role"][1] == ROLE_WORDS


def test_in_english_a_code_is_its_word_and_an_unknown_code_is_shown_as_it_is() -> None:
    assert word("role", "phd") == "PhD student"
    assert word("link kind", "embed") == "embedded page"
    assert word("venue kind", "journal") == "journal"
    assert word("achievement kind", "keynote") == "keynote"


@pytest.mark.usefixtures("korean")
def test_in_korean_every_word_is_found_under_its_vocabulary_context() -> None:
    # A word filed under another context than its vocabulary's would come out in English.
    english = {
        (vocabulary, code): text
        for vocabulary, (_context, words) in WORDS.items()
        for code, text in words.items()
    }
    shown = {key: word(*key) for key in english}
    assert [key for key, text in shown.items() if not HANGUL.search(text)] == []
    assert shown[("role", "pi")] == "책임교수"
    assert shown[("venue kind", "other")] == "기타"


@pytest.mark.usefixtures("korean")
def test_the_tables_and_forms_show_a_code_as_its_word(qapp: QApplication) -> None:
    model = AchievementsModel()
    grant = AchievementRecord(id=1, kind="grant", title="A grant", date=YearMonth(2024, 6))
    model.set_records([grant])
    assert model.index(0, Column.KIND).data() == "연구비"
    dialog = MemberDialog(None, MemberInput(name="Ham Jaeseok", role="phd"))
    assert dialog.role.currentText() == "박사과정"
    dialog.deleteLater()


def test_an_achievement_links_kind_shows_as_its_word_and_is_edited_as_its_code() -> None:
    links = LinksModel((AchievementLink("embed", "https://example.org/demo", "Demo"),))
    kind = links.index(0, LinksModel.KIND)
    assert links.data(kind, Qt.ItemDataRole.DisplayRole) == "embedded page"
    assert links.data(kind, Qt.ItemDataRole.EditRole) == "embed"
    links.setData(kind, "Video", Qt.ItemDataRole.EditRole)
    assert links.data(kind, Qt.ItemDataRole.EditRole) == "video"
    links.setData(kind, "embedded page", Qt.ItemDataRole.EditRole)
    assert links.data(kind, Qt.ItemDataRole.EditRole) == "embed"


@pytest.mark.usefixtures("korean")
def test_a_link_kind_typed_as_its_korean_word_is_kept_as_its_code() -> None:
    links = LinksModel((AchievementLink("link", "https://example.org/demo", "Demo"),))
    kind = links.index(0, LinksModel.KIND)
    korean_video = word("link kind", "video")
    assert HANGUL.search(korean_video)
    links.setData(kind, korean_video, Qt.ItemDataRole.EditRole)
    assert links.data(kind, Qt.ItemDataRole.EditRole) == "video"
    assert links.data(kind, Qt.ItemDataRole.DisplayRole) == korean_video
