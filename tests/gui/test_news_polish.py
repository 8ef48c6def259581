"""The News view: the tally order follows the chosen years, Korean news says whose native name
is missing (and the Members view shows it), and the Text pane keeps ASCII in a Latin font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from labnews.gui.main_window import MainWindow
from labnews.gui.models.members import Column
from tests.gui.test_news_view import shown_news


def test_the_tally_order_offers_only_the_years_chosen_above_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_news(qtbot, window)
    news = window.news
    assert news.from_box.set_value(2022)
    assert news.to_box.set_value(2024)
    assert news.order_year_box.values == (2024, 2023, 2022)
    assert news.to_box.set_value(2023)
    assert news.order_year_box.values == (2023, 2022)
    assert news.order_year() == 2023  # 2024 is no longer chosen above: the newest that is
    assert news.from_box.set_value(2023)
    assert news.order_year_box.values == (2023,)
    assert news.order_labels()[:3] == ("AAAI", "ICLR", "CVPR")  # the 2023 tally's labels
    assert news.to_box.set_value(2024)
    assert news.order_year_box.values == (2024, 2023)
    assert news.order_year() == 2023  # still chosen, still in the years: kept


def test_korean_news_names_the_members_without_a_native_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_news(qtbot, window)
    news = window.news
    assert news.without_native_names() == ""  # English news: every name is as it should be
    assert news.set_language("ko")
    qtbot.waitUntil(lambda: "이영완" in news.text)
    note = news.without_native_names()
    assert "Lee Seongwon" in note
    assert "Youngwan Lee" not in note  # has 이영완
    assert news.names_note.isVisible()
    assert "Lee Seongwon" in news.text  # the note explains what the news shows


def test_the_members_view_shows_whose_native_name_is_missing(window: MainWindow) -> None:
    window.show_view("members")
    model = window.members.model
    rows = {model.records[row].name: row for row in range(model.rowCount())}
    missing = model.index(rows["Lee Seongwon"], Column.NATIVE)
    assert model.data(missing) == "(none yet)"
    tip = model.data(missing, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("No native name: Korean news prints this member in Latin letters")
    assert model.data(model.index(rows["Youngwan Lee"], Column.NATIVE)) == "이영완"
    # The PI is never in the news: nothing missing there.
    assert model.data(model.index(rows["Yong-Ju Lee"], Column.NATIVE)) == "이용주"


def test_the_text_pane_keeps_latin_in_the_fixed_font_and_takes_hangul_from_a_korean_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_news(qtbot, window)
    news = window.news
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert news.set_language("ko")
    qtbot.waitUntil(lambda: "이영완" in news.text)
    families = news.raw.font().families()
    # Markdown's ASCII keeps the monospace font; Hangul falls back per character.
    assert families[: len(fixed.families())] == fixed.families()
    korean = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    if korean:
        assert len(families) == len(fixed.families()) + 1
        assert families[-1] in korean
