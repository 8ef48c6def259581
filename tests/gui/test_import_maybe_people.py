"""The import wizard shows a name that may not be a person's unticked (issue 15, item 3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from labnews.gui.dialogs.import_wizard import REVIEW
from labnews.gui.main_window import MainWindow
from labnews.store import queries
from labnews.store.database import Database


def test_a_maybe_person_starts_unticked_and_is_added_only_when_ticked(
    qtbot: QtBot, empty_window: MainWindow, database: Database, tmp_path: Path
) -> None:
    page = tmp_path / "news.md"
    page.write_text(
        "- 2024/06: Two papers accepted to CVPR 2024 (Mamba, Kim A)\n"
        "- 2024/05: One paper accepted to ICML 2024 (Sparrow)\n",
        encoding="utf-8",
    )
    wizard = empty_window.open_import(page)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW)
    model = wizard.members_model
    rows = {row.name: number for number, row in enumerate(model.rows)}
    becomes = next(i for i, c in enumerate(model.columns) if c.header == "Becomes")
    checked = Qt.ItemDataRole.CheckStateRole

    def state(name: str) -> object:
        return model.index(rows[name], 0).data(checked)

    assert state("Kim A") == Qt.CheckState.Checked
    assert state("Mamba") == Qt.CheckState.Unchecked
    assert state("Sparrow") == Qt.CheckState.Unchecked
    assert model.index(rows["Mamba"], becomes).data() == "maybe a person: tick to make a member"
    # The user knows Sparrow is a student: ticking makes them a member; Mamba stays a method.
    assert model.setData(model.index(rows["Sparrow"], 0), Qt.CheckState.Checked, checked)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    commit.click()
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=30_000)
    with database.session() as session:
        names = sorted(m.name for m in queries.members(session))
    assert names == ["Kim A", "Sparrow"]
