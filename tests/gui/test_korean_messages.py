"""In Korean, what the window shows is Korean: the store's and importers' sentences too.

The store writes English for the command line; the window translates each sentence where it
shows it (gui/messages.py). These tests drive the window in Korean and fail on any English
sentence that reaches the status line, a dialog or the Check dialog, and on a Korean particle
written after a name or file name (its form depends on how the name is read).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from labnews.core.errors import LabnewsError
from labnews.core.inputs import AuthorInput, MemberInput, PaperInput, VenueInput
from labnews.gui.app import install_translations, interface_locale, remove_translations
from labnews.gui.dialogs.check import CheckDialog
from labnews.gui.dialogs.paper import PaperDialog
from labnews.gui.main_window import MainWindow
from labnews.gui.messages import CHECK_NAMES, TEMPLATES, shown
from labnews.gui.preferences import Preferences
from labnews.io.files import write_atomic
from labnews.io.importers import ImportKind, plan_file
from labnews.resources import resource
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers
from tests.gui.test_main_window import fill_new_paper

HANGUL = re.compile(r"[\uac00-\ud7a3]")
FIELD = re.compile(r"\{(\w+)\}")
SAMPLE = {
    "n": "3",
    "m": "5",
    "id": "12",
    "year": "2024",
    "month": "06",
    "kind": "award",
    "uses": "an author of 3 papers and named by 1 achievement",
}


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, interface_locale("ko"))
    yield
    remove_translations(qapp, translators)


def korean_window(qtbot: QtBot, database: Database, preferences: Preferences) -> MainWindow:
    """A window made after the translation is installed, as labnews starts in Korean."""
    main = MainWindow(preferences=preferences)
    qtbot.addWidget(main)
    main.set_database(database)
    main.show()
    qtbot.waitExposed(main)
    return main


def is_korean(text: str) -> bool:
    return HANGUL.search(text) is not None


@pytest.mark.usefixtures("korean")
def test_every_store_sentence_the_window_knows_is_said_in_korean() -> None:
    for template in TEMPLATES:
        values = {name: SAMPLE.get(name, "X") for name in FIELD.findall(template)}
        english = template.format(**values)
        korean = shown(english)
        assert is_korean(korean), english
        # The values come through: the member, venue or number the sentence is about.
        for name, value in values.items():
            if name not in {"kind", "uses"}:
                assert value in korean, (english, korean)
        assert "an author" not in korean


def test_in_english_the_store_sentences_stay_as_they_are() -> None:
    assert shown("Added member Kim Minsu") == "Added member Kim Minsu"
    assert shown("something no template knows") == "something no template knows"


@pytest.mark.usefixtures("korean")
def test_opening_adding_undoing_say_it_in_korean_without_a_particle_after_the_name(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, modal: ModalAnswers
) -> None:
    window = korean_window(qtbot, demo_database, preferences)
    opened = window.statusBar().currentMessage()
    assert opened == f"열었습니다: {demo_database.name}"  # no 을(를) after lab.sqlite
    modal.expect(PaperDialog, fill_new_paper)
    window.menus.new_paper_action.trigger()
    modal.check()
    added = window.statusBar().currentMessage()
    assert added == "논문을 추가했습니다 (CVPR 2024): 2024년 논문은 이제 20편"
    window.menus.undo_action.trigger()
    assert is_korean(window.statusBar().currentMessage())
    with demo_database.session(write=True) as session:
        change = commands.add_member(session, MemberInput("Kim Minsu"))
    assert shown(change.message) == "구성원을 추가했습니다: Kim Minsu"


@pytest.mark.usefixtures("korean")
def test_a_refused_removal_says_why_in_korean(
    qtbot: QtBot, demo_database: Database, preferences: Preferences, modal: ModalAnswers
) -> None:
    window = korean_window(qtbot, demo_database, preferences)
    member = next(m for m in window.members.model.records if m.name == "Ham Jaeseok")
    seen: list[str] = []
    modal.expect(QMessageBox, lambda box: seen.append(box.text()))
    window.remove_records([member])
    modal.check()
    assert seen == [
        "아직 이 구성원을 쓰는 기록이 있습니다: Ham Jaeseok (논문 4편의 저자). "
        "먼저 그 기록을 지우거나 고치세요"
    ]


# Each way an import refuses a whole file: the file, its kind, and what it holds.
REFUSED_FILES = (
    ("news.yml", "news", "- date: 2024-01-01\n  title: [unclosed\n"),
    ("empty.yml", "news", "title: no list here\n"),
    ("news.js", "news", "const greeting = 'no array of news here';\n"),
    ("deep.js", "news", "export const news = " + "[" * 5000 + "]" * 5000 + ";\n"),
    ("lab.json", "table", '{"format": "labnews", "version": '),
    ("other.json", "table", '{"format": "something else"}'),
    ("newer.json", "table", '{"format": "labnews", "version": 99}'),
    ("people.csv", "table", "colour,flavour\nred,sweet\n"),
    ("binary.bib", "bibtex", "\x00\x01\x02" * 100),
    ("missing.md", "news", None),
)


@pytest.mark.usefixtures("korean")
@pytest.mark.parametrize(("name", "kind", "text"), REFUSED_FILES, ids=[f[0] for f in REFUSED_FILES])
def test_every_file_an_import_refuses_is_refused_in_korean_naming_the_file(
    database: Database, tmp_path: Path, name: str, kind: ImportKind, text: str | None
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with database.session() as session, pytest.raises(LabnewsError) as refused:
        plan_file(session, kind, path)
    said = shown(refused.value.message)
    assert is_korean(said), refused.value.message
    if name.endswith((".yml", ".js", ".bib", ".md")):
        assert name in said


@pytest.mark.usefixtures("korean")
def test_a_file_that_cannot_be_written_is_said_in_korean_and_not_as_a_missing_file(
    tmp_path: Path,
) -> None:
    nowhere = tmp_path / "nowhere"
    said = []
    for target in (nowhere / "news.md", tmp_path):
        with pytest.raises(LabnewsError) as refused:
            write_atomic(target, "news")
        said.append(shown(refused.value.message))
    assert said == [
        f"쓸 수 없습니다 (폴더가 없습니다: {nowhere}): {nowhere / 'news.md'}",
        f"쓸 수 없습니다 (폴더입니다): {tmp_path}",
    ]


@pytest.mark.usefixtures("korean")
def test_a_driver_reason_that_ends_in_does_not_exist_is_not_said_as_a_missing_file() -> None:
    driver = 'lab.sqlite: relation "paper" does not exist'
    assert shown(driver) == driver
    assert shown("/labs/news.md does not exist") == "찾을 수 없습니다: /labs/news.md"


@pytest.mark.usefixtures("korean")
def test_a_parent_the_lab_lacks_is_refused_in_korean(database: Database) -> None:
    with database.session(write=True) as session:
        parent = queries.find_venue(session, "ECCV")
        commands.remove_venue(session, queries.find_venue(session, "ECCV Workshop").id)
        commands.remove_venue(session, parent.id)
    with database.session() as session, pytest.raises(LabnewsError) as refused:
        commands.add_venue(session, VenueInput(short="Eye Workshop", parent="ECCV"))
    assert shown(refused.value.message) == (
        "아직 이 연구실에 없는 상위 게재처입니다 (게재처 목록에는 있습니다. 먼저 게재처를 "
        "추가하세요: ECCV): 'ECCV'"
    )


@pytest.mark.usefixtures("korean")
def test_the_import_wizard_says_why_it_refuses_a_file_in_korean(
    qtbot: QtBot, database: Database, preferences: Preferences, tmp_path: Path
) -> None:
    bad = tmp_path / "news.yml"
    bad.write_text("- date: 2024-01-01\n  title: [unclosed\n", encoding="utf-8")
    window = korean_window(qtbot, database, preferences)
    wizard = window.open_import()
    assert wizard is not None
    wizard.source_page.path.setText(str(bad))
    wizard.next()
    problem = wizard.source_page.problem.text()
    assert wizard.currentId() == 0
    assert problem.startswith("올바른 YAML이 아닙니다 (3번째 줄: "), problem
    assert problem.endswith(": news.yml")
    wizard.reject()


@pytest.mark.usefixtures("korean")
def test_the_check_dialog_says_every_finding_in_korean(
    qtbot: QtBot, demo_database: Database
) -> None:
    """The issue's case: "note: placeholders: 28 papers have no title yet" under 문제가 없습니다."""
    with demo_database.session(write=True) as session:
        # The demo's 28 papers known only from news lines, and one naming no lab member.
        outside = commands.add_paper(
            session,
            PaperInput(venue="CVPR", year=2024, title="T", authors=(AuthorInput("Outside One"),)),
        ).ids[0]
    dialog = CheckDialog(demo_database)
    qtbot.addWidget(dialog)
    assert is_korean(dialog.summary.text())
    lines = dialog.details.toPlainText().splitlines()
    assert lines
    for line in lines:
        assert is_korean(line), line
        assert not re.search(r"\b(note|problem|papers|paper has|have no)\b", line), line
    assert "참고: 제목 없는 논문: 논문 28편에 아직 제목이 없습니다 (뉴스 줄로만 알려짐)" in lines
    assert any(line.startswith(f"참고: 구성원 없음: 논문 #{outside} (CVPR 2024,") for line in lines)


def test_every_check_name_has_a_translation() -> None:
    tree = ET.parse(resource("translations", "labnews_ko.ts"))
    names = {
        message.findtext("source"): message.findtext("translation")
        for context in tree.getroot().iter("context")
        if context.findtext("name") == "CheckNames"
        for message in context.iter("message")
    }
    assert set(names) == set(CHECK_NAMES)
    assert all(text and is_korean(text) for text in names.values())


# A particle whose form follows the word before it (을/를, 은/는, 이/가, 과/와, (으)로, (이)라),
# written right after a name, a file name or a number the program fills in ({0}, “{0}”).
_PARTICLE_AFTER_NAME = re.compile(
    r"\}”?(\((을|를|은|는|이|가|과|와|으)\)|을|를|은|는|이|가|과|와|으로|로|이라)(?![가-힣])"
)
_BOTH_FORMS = re.compile(r"\((을|를|은|는|이|가|과|와|으)\)")


def test_no_translation_puts_a_particle_after_a_name() -> None:
    tree = ET.parse(resource("translations", "labnews_ko.ts"))
    bad = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            text = message.findtext("translation") or ""
            if (
                "(를)" in text
                or "(는)" in text
                or "(가)" in text
                or "(으)" in text
                or _PARTICLE_AFTER_NAME.search(text)
            ):
                bad.append(text)
    assert bad == []


def test_the_shipped_translation_is_the_one_in_the_checkout() -> None:
    assert Path(str(resource("translations", "labnews_ko.qm"))).stat().st_size > 0
