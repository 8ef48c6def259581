"""A member's page, opened from the Members view on the demo lab: it lists the member's papers
and achievements, copies exactly what `labnews news --member` prints, and opens the News view."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from labnews.gui.app import install_translations, interface_locale, remove_translations
from labnews.gui.dialogs.member_page import MemberPage
from labnews.gui.main_window import MainWindow
from labnews.gui.preferences import Preferences
from labnews.store import queries
from labnews.store.database import Database
from tests.conftest import Runner

PI = "Yong-Ju Lee"


pytestmark = pytest.mark.usefixtures("no_personal_templates")


def open_page(qtbot: QtBot, window: MainWindow, database: Database, name: str) -> MemberPage:
    """Select the member in the Members view and choose Edit > Member's page, as a user does."""
    window.show_view("members")
    with database.session() as session:
        member = queries.find_member(session, name)
    window.members.select_ids([member.id])
    action = window.menus.member_page_action
    assert action.isEnabled()
    action.trigger()
    pages = [p for p in window.findChildren(MemberPage) if p.isVisible()]
    assert len(pages) == 1
    page = pages[0]
    qtbot.waitExposed(page)
    return page


def column(table: QTableWidget, index: int) -> list[str]:
    """One column's texts, top to bottom, as the page shows them."""
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_the_members_view_offers_the_page_in_its_menu_and_only_for_a_chosen_member(
    window: MainWindow,
) -> None:
    members = window.members
    window.show_view("members")
    action = window.menus.member_page_action
    assert not action.isEnabled()  # nobody chosen yet
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    assert action in window.menus.edit_menu.actions()
    members.select_ids([members.model.records[0].id])
    assert action.isEnabled()
    menu = members.context_menu()
    assert action in menu.actions()
    menu.deleteLater()
    window.show_view("papers")
    assert not action.isEnabled()  # the papers' selection is not a member


def test_the_page_lists_the_members_papers_newest_first_and_their_achievements(
    qtbot: QtBot, window: MainWindow, demo_database: Database, on: Callable[[Database], Runner]
) -> None:
    page = open_page(qtbot, window, demo_database, PI)
    listed = on(demo_database)("news", "--format", "publications", "--member", PI).out
    titles = re.findall(r"^- (.*) <br/>$", listed, re.MULTILINE)
    # The same papers in the same order (newest first) as the member's own list.
    assert column(page.paper_table, 3) == titles
    assert len(titles) > 10
    assert page.papers_box.title() == f"Papers ({len(titles)})"
    assert column(page.paper_table, 2)[0].endswith("Author")
    years = [int(year) for year in column(page.paper_table, 1)]
    assert years == sorted(years, reverse=True)
    # The PI holds every achievement of the demo lab: newest first, kind and title shown.
    dates = column(page.achievement_table, 0)
    assert dates[0] == "2025-11"
    assert dates[-1] == "2018"
    assert column(page.achievement_table, 2)[0] == (
        "Promotional Video for Safe LLaVA(AI Safety Model)"
    )
    assert "award" in column(page.achievement_table, 1)
    page.close()


@pytest.mark.parametrize("format_name", ["publications", "awards", "portfolio"])
def test_each_copy_button_puts_exactly_the_clis_list_on_the_clipboard(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    on: Callable[[Database], Runner],
    format_name: str,
) -> None:
    page = open_page(qtbot, window, demo_database, PI)
    button = {
        "publications": page.copy_publications_button,
        "awards": page.copy_awards_button,
        "portfolio": page.copy_portfolio_button,
    }[format_name]
    QGuiApplication.clipboard().setText("")
    button.click()
    printed = on(demo_database)("news", "--format", format_name, "--member", PI)
    assert printed.code == 0
    copied = QGuiApplication.clipboard().text()
    assert copied.strip()
    assert copied.rstrip("\n") == printed.out.rstrip("\n")
    assert page.status.text().endswith("copied.")
    page.close()


def test_the_copies_follow_the_pages_language(
    qtbot: QtBot, window: MainWindow, demo_database: Database, on: Callable[[Database], Runner]
) -> None:
    page = open_page(qtbot, window, demo_database, PI)
    page.lang_box.set_value("ko")
    page.copy_portfolio_button.click()
    printed = on(demo_database)("news", "--format", "portfolio", "--member", PI, "--lang", "ko")
    assert "채택" in printed.out
    assert QGuiApplication.clipboard().text().rstrip("\n") == printed.out.rstrip("\n")
    page.close()


def test_a_broken_template_is_said_on_the_page_and_the_clipboard_keeps_its_text(
    qtbot: QtBot, window: MainWindow, demo_database: Database, tmp_path: Path
) -> None:
    (tmp_path / "user-templates" / "awards.md.j2").write_text("{% for %}", "utf-8")
    page = open_page(qtbot, window, demo_database, PI)
    QGuiApplication.clipboard().setText("kept")
    assert not page.copy("awards")
    assert QGuiApplication.clipboard().text() == "kept"
    assert page.status.text()
    assert "copied" not in page.status.text()
    page.close()


def test_open_in_news_shows_the_members_publication_list_there(
    qtbot: QtBot, window: MainWindow, demo_database: Database, on: Callable[[Database], Runner]
) -> None:
    page = open_page(qtbot, window, demo_database, PI)
    lang = page.language()
    page.news_button.click()
    assert not page.isVisible()
    assert window.current_view() == "news"
    news = window.news
    assert news.format_name() == "publications"
    assert news.member() == PI
    printed = on(demo_database)("news", "--format", "publications", "--member", PI, "--lang", lang)
    qtbot.waitUntil(lambda: news.raw.toPlainText().rstrip("\n") == printed.out.rstrip("\n"))


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, interface_locale("ko"))
    yield
    remove_translations(qapp, translators)


def test_in_korean_the_page_speaks_korean_and_gives_the_author_position_in_korean(
    qtbot: QtBot, korean: None, demo_database: Database, preferences: Preferences
) -> None:
    window = MainWindow(preferences=preferences)
    qtbot.addWidget(window)
    window.set_database(demo_database)
    window.show()
    qtbot.waitExposed(window)
    assert window.menus.member_page_action.text() == "구성원 페이지(&P)…"
    page = open_page(qtbot, window, demo_database, PI)
    assert page.windowTitle() == f"구성원 페이지 — {PI}"
    assert page.papers_box.title().startswith("논문 (")
    assert re.fullmatch(r"제\d+저자", column(page.paper_table, 2)[0])
    assert page.copy_publications_button.text() == "논문 목록 복사(&P)"
    page.copy_awards_button.click()
    assert page.status.text() == "수상 내역을 복사했습니다."
    page.close()
    window.close()
