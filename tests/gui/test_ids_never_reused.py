"""After an undo, the next new paper gets a new id: an id once shown never means another paper."""

from __future__ import annotations

from labnews.gui.dialogs.paper import PaperDialog
from labnews.gui.main_window import MainWindow
from tests.gui.conftest import ModalAnswers
from tests.gui.test_main_window import fill_new_paper


def add_paper(window: MainWindow, modal: ModalAnswers) -> int:
    modal.expect(PaperDialog, fill_new_paper)
    window.menus.new_paper_action.trigger()
    modal.check()
    record = window.papers.current_record()
    assert record is not None
    assert record.title == "Seeing Through the Lab Window"
    return record.id


def test_a_paper_added_after_an_undo_does_not_take_the_undone_papers_id(
    window: MainWindow, modal: ModalAnswers
) -> None:
    first = add_paper(window, modal)
    assert first == max(p.id for p in window.papers.model.records)
    window.menus.undo_action.trigger()
    assert first not in {p.id for p in window.papers.model.records}
    second = add_paper(window, modal)
    assert second > first
