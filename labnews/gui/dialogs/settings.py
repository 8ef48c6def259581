"""The settings dialog: the lab's name, news defaults, tally rules, homepage file, language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import RecordDialog, line, run_dialog
from labnews.gui.widgets import button
from labnews.gui.wording import LANGUAGE_NAMES
from labnews.store.settings import (
    CHOICE_SETTINGS,
    PUBLICATION_BOLD,
    TEXT_SETTINGS,
    LabSettings,
)


@dataclass(frozen=True, slots=True)
class SettingsChoice:
    """What the dialog returns: the lab's shared settings and this computer's interface language."""

    lab: LabSettings
    interface_language: str = "system"


class SettingsDialog(RecordDialog[SettingsChoice]):
    """Edit the lab's settings (shared, in the database) and the interface language (here)."""

    def __init__(
        self,
        parent: QWidget | None,
        initial: SettingsChoice,
        *,
        formats: Sequence[str] = ("yearly",),
    ) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Settings"))
        lab = initial.lab
        form = self.form
        form.heading(self.tr("The lab (shared by everyone who opens this database)"))
        self.lab_name = form.add(
            "lab name",
            self.tr("Lab &name:"),
            line(lab.lab_name, placeholder=self.tr("Visual Intelligence Lab")),
            tip=self.tr("Shown on the overview, and given to the news templates"),
        )
        names = list(dict.fromkeys([*formats, lab.default_format]))
        self.default_format = form.add(
            "default format",
            self.tr("Default &format:"),
            ChoiceBox(((name, name) for name in names), lab.default_format),
            tip=self.tr("The news format the News view and `labnews news` start with"),
        )
        self.default_language = form.add(
            "default language",
            self.tr("Default news lan&guage:"),
            ChoiceBox(LANGUAGE_NAMES, lab.default_language),
            tip=self.tr("The language the news is written in unless another is chosen"),
        )
        form.heading(self.tr("Tally rules"))
        self.workshops = form.add(
            "workshops",
            self.tr("&Workshop papers:"),
            ChoiceBox(
                (
                    (self.tr("count under their conference (CVPR Workshop as CVPR)"), "fold"),
                    (self.tr("count on their own"), "separate"),
                    (self.tr("leave out of the tally and the news"), "exclude"),
                ),
                lab.workshops,
            ),
        )
        self.order = form.add(
            "order",
            self.tr("Tally &order:"),
            ChoiceBox(
                (
                    (self.tr("first appearance in the year (the lab's own)"), "first"),
                    (self.tr("most papers first"), "count"),
                    (self.tr("alphabetical"), "alpha"),
                ),
                lab.order,
            ),
            tip=self.tr("A year whose order is pinned keeps it (see the News view)"),
        )
        self.lines = form.add(
            "lines",
            self.tr("News &lines:"),
            ChoiceBox(
                (
                    (self.tr("one line per month"), "month"),
                    (self.tr("one line per venue and month"), "venue"),
                ),
                lab.lines,
            ),
        )
        form.heading(self.tr("Publishing"))
        self.browse = button(self.tr("&Browse…"), self.tr("Choose the homepage file"), self._browse)
        self.homepage = form.add(
            "homepage",
            self.tr("&Homepage file:"),
            line(lab.homepage_file, placeholder="_pages/about.md"),
            hint=self.tr(
                "Publish replaces the news between this file's two labnews marker lines, and "
                "keeps the previous version as a .bak file."
            ),
            beside=(self.browse,),
        )
        bold_names = {
            "owner": self.tr("the page's owner (the PI)"),
            "members": self.tr("every lab member"),
            "nobody": self.tr("nobody"),
        }
        self.publication_bold = form.add(
            "publication bold",
            self.tr("Bol&d on the publication list:"),
            ChoiceBox(
                (
                    (bold_names.get(choice, choice), choice)
                    for choice in CHOICE_SETTINGS[PUBLICATION_BOLD]
                ),
                lab.publication_bold,
            ),
            tip=self.tr("A member's own list (News view, one member) bolds that member"),
        )
        form.heading(self.tr("This computer"))
        self.interface_language = form.add(
            "interface language",
            self.tr("&Interface language:"),
            ChoiceBox(
                (
                    (self.tr("as the system"), "system"),
                    ("English", "en"),
                    ("한국어", "ko"),
                ),
                initial.interface_language,
            ),
            hint=self.tr("Takes effect the next time labnews starts."),
        )
        self.watch(
            self.lab_name, self.default_format, self.default_language, self.workshops,
            self.order, self.lines, self.homepage, self.publication_bold,
            self.interface_language,
        )  # fmt: skip
        self.finish_layout()

    @classmethod
    def ask(
        cls, parent: QWidget | None, initial: SettingsChoice, *, formats: Sequence[str] = ()
    ) -> SettingsChoice | None:
        """Show the dialog; the settings as saved, or None when cancelled."""
        return run_dialog(cls(parent, initial, formats=formats or ("yearly",)))

    def _browse(self) -> None:
        start = self.homepage.text().strip() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The homepage file"),
            start,
            self.tr("Homepage pages (*.md *.markdown *.html *.htm);;All files (*)"),
        )
        if path:
            self.homepage.setText(path)

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        homepage = self.homepage.text().strip()
        if homepage and not Path(homepage).expanduser().is_file():
            found["homepage"] = self.tr("There is no file at this path.")
        return found

    def read(self) -> SettingsChoice:
        def text(box: ChoiceBox, default: str) -> str:
            value = box.value()
            return value if isinstance(value, str) else default

        homepage = self.homepage.text().strip()
        return SettingsChoice(
            LabSettings(
                lab_name=" ".join(self.lab_name.text().split()),
                default_format=text(self.default_format, "yearly"),
                default_language=text(self.default_language, "en"),
                workshops=text(self.workshops, "fold"),
                order=text(self.order, "first"),
                lines=text(self.lines, "month"),
                homepage_file=str(Path(homepage).expanduser()) if homepage else "",
                publication_bold=text(self.publication_bold, TEXT_SETTINGS[PUBLICATION_BOLD]),
            ),
            interface_language=text(self.interface_language, "system"),
        )
