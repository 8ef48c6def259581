"""The news view: rendered when shown, formats and languages, copy, save, publish, tally order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from labnews.core.inputs import AuthorInput, PaperInput
from labnews.gui.dialogs.publish import PublishDialog
from labnews.gui.main_window import MainWindow
from labnews.gui.views.news import preview_markdown
from labnews.io.homepage import END_MARKER, START_MARKER
from labnews.store import commands, queries
from labnews.store.database import Database
from labnews.store.settings import HOMEPAGE_FILE, published_papers, set_setting_text
from tests.gui.conftest import ModalAnswers, message_text

HEAD = "# About us\r\n\r\nWe study vision.\r\n\r\n## News\r\n"
TAIL = "\r\n## Publications\r\n\r\nSee the list below.\r\n"


def shown_news(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view("news")
    qtbot.waitUntil(lambda: bool(window.news.text), timeout=10_000)


def homepage(tmp_path: Path, block: str = " - old news, typed by hand <br>") -> Path:
    page = tmp_path / "about.md"
    page.write_bytes(f"{HEAD}{START_MARKER}\r\n{block}\r\n{END_MARKER}{TAIL}".encode())
    return page


def remember_homepage(database: Database, page: Path) -> None:
    with database.session(write=True) as session:
        set_setting_text(session, HOMEPAGE_FILE, str(page))


def test_the_news_is_rendered_only_when_the_view_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    assert window.news.text == ""  # the overview is showing: no template has run
    shown_news(qtbot, window)
    news = window.news
    assert news.text.startswith(
        " - **(2024)** : We have **19 papers** this year(2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, "
        "6 ECCV, 3 NeurIPS). <br>"
    )
    assert news.raw.toPlainText() == news.text
    preview = news.preview_text()
    assert "We have 19 papers this year" in preview
    assert "**" not in preview  # Markdown rendered, not shown as source
    assert "(2024/12): Three papers accepted to NeurIPS 2024" in preview


def test_switching_the_format_to_acadhomepage_changes_the_preview(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_news(qtbot, window)
    news = window.news
    before = news.preview_text()
    assert news.set_format("acadhomepage")
    assert news.text.startswith("- *2024.12*: &nbsp;🎉🎉 Three papers accepted to NeurIPS 2024")
    assert news.preview_text() != before
    first = news.preview_text().splitlines()[0]
    assert first.startswith("2024.12:")
    assert first.endswith(
        "🎉🎉 Three papers accepted to NeurIPS 2024 (Kwanyong Park, Youngwan Lee, Ham Jaeseok)"
    )


def test_a_publication_list_can_be_one_members_own(qtbot: QtBot, window: MainWindow) -> None:
    shown_news(qtbot, window)
    news = window.news
    assert news.member_box.isHidden()  # the yearly news is the lab's only
    assert news.set_format("publications")
    assert not news.member_box.isHidden()
    assert "Jongryul Lee" in news.member_box.values
    assert news.member_box.set_value("Jongryul Lee")
    qtbot.waitUntil(lambda: news.text.startswith("### Publications"), timeout=10_000)
    assert news.request().member == "Jongryul Lee"
    # His one titled paper, with his name in bold as the paper writes it.
    assert news.text.count("\n- ") == 1
    assert "**Jong-Ryul Lee**" in news.text
    assert news.set_format("yearly")
    assert news.member_box.isHidden()
    assert news.request().member is None


def test_a_portfolio_is_always_a_members(qtbot: QtBot, window: MainWindow) -> None:
    shown_news(qtbot, window)
    news = window.news
    assert news.set_format("portfolio")
    assert not news.member_box.isHidden()
    # Not "the lab": a portfolio is someone's, so the view starts on the first member.
    assert news.request().member == news.member_box.values[1]
    assert news.member_box.set_value("Jongryul Lee")
    qtbot.waitUntil(lambda: news.text.startswith("### **1. [EMNLP 2021]"), timeout=10_000)
    assert "**First Author, accepted to EMNLP 2021**" in news.text.splitlines()


def test_korean_news_and_a_year_range(qtbot: QtBot, window: MainWindow) -> None:
    shown_news(qtbot, window)
    news = window.news
    news.set_language("ko")
    assert news.text.startswith(" - **(2024)** : 올해 논문 **19편** (ETRI J. 2편, CVPR 5편,")
    news.from_box.set_value(2023)
    news.to_box.set_value(2023)
    assert news.years() == (2023,)
    assert news.text.startswith(" - **(2023)** : 올해 논문 **9편**")
    assert "(2024)" not in news.text


def test_html_is_previewed_as_html(qtbot: QtBot, window: MainWindow) -> None:
    shown_news(qtbot, window)
    news = window.news
    news.set_format("html")
    assert news.text.startswith('<ul class="labnews">')
    assert "<li>" not in news.preview_text()
    assert "We have 19 papers" in news.preview_text()


def test_a_folder_format_shows_every_file_and_is_not_published_into_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shown_news(qtbot, window)
    news = window.news
    news.set_format("al-folio")
    assert len(news.files) == 22
    assert "── 2024-12-neurips-2024.md ──" in news.text
    assert not news.publish_button.isEnabled()
    assert news.save_button.isEnabled()
    assert news.save_to(tmp_path / "_news")
    assert len(list((tmp_path / "_news").glob("*.md"))) == 22


def test_copy_and_save_as_give_exactly_the_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shown_news(qtbot, window)
    news = window.news
    news.copy_button.click()
    assert QGuiApplication.clipboard().text() == news.text
    assert window.statusBar().currentMessage().startswith("Copied the news")
    target = tmp_path / "news.md"
    assert news.save_to(target)
    assert target.read_text(encoding="utf-8") == news.text
    assert window.statusBar().currentMessage() == f"Saved the news to {target}"


def test_publishing_changes_only_the_block_between_the_markers_and_keeps_a_bak(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    tmp_path: Path,
) -> None:
    page = homepage(tmp_path)
    before = page.read_bytes()
    remember_homepage(demo_database, page)
    shown_news(qtbot, window)
    text = window.news.text
    seen: dict[str, str] = {}

    def publish(dialog: PublishDialog) -> None:
        seen["diff"] = dialog.diff.toPlainText()
        dialog.publish_button.click()

    modal.expect(PublishDialog, publish)
    window.menus.publish_action.trigger()
    modal.check()

    assert "-" + " - old news, typed by hand <br>" in seen["diff"]
    after = page.read_bytes()
    start = after.index(START_MARKER.encode()) + len(START_MARKER)
    end = after.index(END_MARKER.encode())
    assert after[:start] == before[: before.index(START_MARKER.encode()) + len(START_MARKER)]
    assert after[end:] == before[before.index(END_MARKER.encode()) :]
    # The block is the rendered news, with the file's own line endings.
    assert after[start:end].decode() == "\r\n" + text.strip("\n").replace("\n", "\r\n") + "\r\n"
    assert (tmp_path / "about.md.bak").read_bytes() == before
    assert window.statusBar().currentMessage().startswith("Published into about.md")
    # The overview now knows what the homepage holds.
    with demo_database.session() as session:
        assert published_papers(session) == {p.id for p in queries.papers_in(session)}
    assert window.overview.unpublished_lines() == []


def test_a_paper_added_after_publishing_shows_as_not_on_the_homepage(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    tmp_path: Path,
) -> None:
    remember_homepage(demo_database, homepage(tmp_path))
    shown_news(qtbot, window)
    modal.expect(PublishDialog, lambda dialog: dialog.publish_button.click())
    window.publisher.publish_news()
    modal.check()
    assert window.overview.unpublished_lines() == []
    with demo_database.session(write=True) as session:
        member = queries.find_member(session, "Youngwan Lee")
        change = commands.add_paper(
            session,
            PaperInput(
                venue="ICLR",
                year=2025,
                title="A Paper After Publishing",
                authors=(AuthorInput(member.name, member.id),),
            ),
        )
    window.refresh(change)
    lines = window.overview.unpublished_lines()
    assert len(lines) == 1
    assert lines[0].endswith("One paper accepted to ICLR 2025 (Youngwan Lee)")
    assert "added since the homepage was last published" in window.overview.unpublished_note.text()


def test_cancelling_the_publish_dialog_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    tmp_path: Path,
) -> None:
    page = homepage(tmp_path)
    before = page.read_bytes()
    remember_homepage(demo_database, page)
    shown_news(qtbot, window)
    modal.expect(PublishDialog, lambda dialog: dialog.reject())
    window.publisher.publish_news()
    modal.check()
    assert page.read_bytes() == before
    assert not (tmp_path / "about.md.bak").exists()
    with demo_database.session() as session:
        assert published_papers(session) is None


def test_a_homepage_without_markers_is_refused_with_how_to_add_them(
    qtbot: QtBot,
    window: MainWindow,
    demo_database: Database,
    modal: ModalAnswers,
    tmp_path: Path,
) -> None:
    page = tmp_path / "about.md"
    page.write_text("# About\n\nNo markers here.\n", encoding="utf-8")
    remember_homepage(demo_database, page)
    shown_news(qtbot, window)
    seen: dict[str, str] = {}
    modal.expect(QMessageBox, lambda box: seen.setdefault("text", message_text(box)))
    window.publisher.publish_news()
    modal.check()
    assert "has no labnews block" in seen["text"]
    assert START_MARKER in seen["text"]
    assert page.read_text(encoding="utf-8") == "# About\n\nNo markers here.\n"


def test_dragging_a_label_pins_the_year_order_and_undo_unpins_it(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    shown_news(qtbot, window)
    news = window.news
    news.order_year_box.set_value(2024)
    assert news.order_labels() == ("ETRI J.", "CVPR", "AVSS", "ICML", "ECCV", "NeurIPS")
    assert not news.unpin_button.isEnabled()
    # What a drop does to the list's model: move NeurIPS to the front.
    news.order_list.model().moveRow(QModelIndex(), 5, QModelIndex(), 0)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    with demo_database.session() as session:
        assert queries.tally_rules(session).pinned[2024][0] == "NeurIPS"
    assert window.overview.sentence_text().startswith("We have 19 papers this year (3 NeurIPS,")
    assert news.order_labels()[0] == "NeurIPS"
    assert news.unpin_button.isEnabled()
    assert window.menus.undo_action.text() == "&Undo Pin the 2024 tally order"
    qtbot.waitUntil(lambda: "(3 NeurIPS" in news.text)

    window.menus.undo_action.trigger()
    with demo_database.session() as session:
        assert 2024 not in queries.tally_rules(session).pinned
    assert news.order_labels()[0] == "ETRI J."


def test_the_keyboard_moves_a_label_and_unpin_goes_back_to_the_rule(
    qtbot: QtBot, window: MainWindow, demo_database: Database
) -> None:
    shown_news(qtbot, window)
    news = window.news
    news.order_year_box.set_value(2023)  # the demo pins 2023 as the page did
    assert news.unpin_button.isEnabled()
    assert news.order_labels()[-2:] == ("NeurIPS", "ETRI J.")
    news.order_list.setCurrentRow(5)
    news.earlier_button.click()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    assert news.order_labels()[-2:] == ("ETRI J.", "NeurIPS")
    news.unpin_button.click()
    with demo_database.session() as session:
        assert 2023 not in queries.tally_rules(session).pinned
    # The rule's order: first appearance in the year (ICCV and ETRI J. share October).
    assert news.order_labels() == ("AAAI", "ICLR", "CVPR", "ICCV", "ETRI J.", "NeurIPS")


@pytest.mark.parametrize("name", ["yearly", "plain", "json", "publications"])
def test_every_single_file_format_renders_without_an_error(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    shown_news(qtbot, window)
    assert window.news.set_format(name)
    assert window.news.error is None
    assert window.news.text


def test_the_preview_keeps_month_lines_under_their_year_as_the_homepage_does() -> None:
    block = (
        " - **(2024)** : We have **2 papers** this year(2 CVPR). <br>\n"
        " -- **(2024/06)**: Two papers accepted to CVPR 2024 <br><br>\n"
        " - **(2023)** : We have **1 paper** this year(1 ICCV). <br>\n"
        " -- **(2023/10)**: One paper accepted to ICCV 2023 <br>\n"
    )
    assert preview_markdown(block).split("\n") == [
        " - **(2024)** : We have **2 papers** this year(2 CVPR).\u2028"
        "\u2013 **(2024/06)**: Two papers accepted to CVPR 2024\u2028",
        " - **(2023)** : We have **1 paper** this year(1 ICCV).\u2028"
        "\u2013 **(2023/10)**: One paper accepted to ICCV 2023  ",
        "",
    ]
    # A heading keeps its own line: the authors under a title are not part of it.
    assert preview_markdown("-  ## A Title <br>\n   **Ham Jaeseok**, A. B. <br>\n") == (
        "-  ## A Title  \n   **Ham Jaeseok**, A. B.  \n"
    )


def test_the_publication_list_previews_titles_as_headings(qtbot: QtBot, window: MainWindow) -> None:
    shown_news(qtbot, window)
    news = window.news
    assert news.set_format("publications")
    assert "KOALA" in news.preview_text()
    assert "<br>" not in news.preview_text()
