"""The settings dialog: the lab's name, news defaults, tally rules, the homepage, language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGridLayout, QLabel, QTabWidget, QWidget

from labnews.core.errors import LabnewsError
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.dialogs.forms import Form, RecordDialog, line, muted_label, run_dialog
from labnews.gui.widgets import button
from labnews.gui.wording import LANGUAGE_NAMES
from labnews.store.settings import (
    DEFAULT_FORMAT,
    DEFAULT_LANGUAGE,
    PUBLICATION_BOLD,
    LabSettings,
)

if TYPE_CHECKING:
    from labnews.store.database import Database

SITE_REFRESH_MS = 300
"""How long the folder field rests before the checkout is read again (not on every key)."""


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
        database: Database | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Settings"))
        self.database = database
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
        home = self._homepage_tab(lab)
        self.watch(
            self.lab_name, self.default_format, self.default_language, self.workshops,
            self.order, self.lines, self.homepage, self.publication_bold,
            self.interface_language, self.site, *self.section_boxes.values(),
        )  # fmt: skip
        self.tabs = QTabWidget()
        general = QWidget()
        general.setLayout(self.form.layout)
        self.tabs.addTab(general, self.tr("&The lab"))
        self.tabs.addTab(home, self.tr("Ho&mepage"))
        self.form.include(self.home_form)
        self.finish_layout(self.tabs)
        self.refresh_site()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        initial: SettingsChoice,
        *,
        formats: Sequence[str] = (),
        database: Database | None = None,
    ) -> SettingsChoice | None:
        """Show the dialog; the settings as saved, or None when cancelled."""
        dialog = cls(parent, initial, formats=formats or ("yearly",), database=database)
        return run_dialog(dialog)

    # --- the homepage tab -----------------------------------------------------------------------

    def _homepage_tab(self, lab: LabSettings) -> QWidget:
        """The checkout, its theme, what labnews writes there, the sections; the one-file way."""
        form = self.home_form = Form()
        form.heading(self.tr("The homepage checkout (a Jekyll or Hugo site)"))
        self.browse_site = button(
            self.tr("B&rowse…"), self.tr("Choose the homepage checkout's folder"), self._browse_site
        )
        self.site = form.add(
            "site",
            self.tr("&Site folder:"),
            line(lab.homepage_site, placeholder=str(Path.home() / "lab.github.io")),
            hint=self.tr(
                "Publish writes the news and the chosen sections into this site, in the files "
                "its theme expects (as `labnews site` and `labnews publish` do)."
            ),
            beside=(self.browse_site,),
        )
        self.theme = QLabel()
        self.theme.setTextFormat(Qt.TextFormat.PlainText)
        self.theme.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.layout.addRow(self.tr("Theme:"), self.theme)
        self.writes = muted_label()
        self.writes.setTextFormat(Qt.TextFormat.PlainText)
        self.writes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.layout.addRow(self.tr("labnews writes there:"), self.writes)
        sections = QWidget()
        grid = QGridLayout(sections)
        grid.setContentsMargins(0, 0, 0, 0)
        chosen = [name for name in lab.homepage_sections.split(",") if name.strip()]
        self.section_boxes: dict[str, QCheckBox] = {}
        for index, (name, description) in enumerate(self._section_formats(chosen)):
            box = QCheckBox(name)
            box.setToolTip(description)
            box.setChecked(name in chosen)
            box.toggled.connect(self._site_edited)
            self.section_boxes[name] = box
            grid.addWidget(box, index // 3, index % 3)
        form.layout.addRow(self.tr("Sections besides the news:"), sections)
        form.heading(self.tr("Without a checkout"))
        self.browse = button(self.tr("&Browse…"), self.tr("Choose the homepage file"), self._browse)
        self.homepage = form.add(
            "homepage",
            self.tr("&Homepage file:"),
            line(lab.homepage_file, placeholder="_pages/about.md"),
            hint=self.tr(
                "With no site folder, Publish replaces the news between this file's two labnews "
                "marker lines, and keeps the previous version as a .bak file."
            ),
            beside=(self.browse,),
        )
        bold_names = {
            "owner": self.tr("the page's owner (the PI)"),
            "members": self.tr("every lab member"),
            "nobody": self.tr("nobody"),
        }
        form.heading(self.tr("The publication list"))
        self.publication_bold = form.add(
            "publication bold",
            self.tr("Bol&d on the publication list:"),
            ChoiceBox(
                ((bold_names.get(choice, choice), choice) for choice in PUBLICATION_BOLD.choices),
                lab.publication_bold,
            ),
            tip=self.tr("A member's own list (News view, one member) bolds that member"),
        )
        self._site_timer = QTimer(self)
        self._site_timer.setSingleShot(True)
        self._site_timer.setInterval(SITE_REFRESH_MS)
        self._site_timer.timeout.connect(self.refresh_site)
        self.site.textChanged.connect(self._site_edited)
        page = QWidget()
        page.setLayout(form.layout)
        return page

    @staticmethod
    def _section_formats(chosen: Sequence[str]) -> list[tuple[str, str]]:
        """The formats a section can be (each writes one file), with a chosen one kept anyway."""
        from labnews.io import newsfile

        found: dict[str, str] = {}
        try:
            for fmt in newsfile.formats():
                if not fmt.is_folder:
                    found[fmt.name] = fmt.description
        except LabnewsError:
            pass  # an unreadable templates folder: the chosen sections still show
        for name in chosen:
            found.setdefault(name, "")
        return sorted(found.items())

    def _site_edited(self) -> None:
        self._site_timer.start()

    def site_folder(self) -> Path | None:
        text = self.site.text().strip()
        return Path(text).expanduser() if text else None

    def chosen_sections(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.section_boxes.items() if box.isChecked())

    def refresh_site(self) -> None:
        """Show the checkout's theme and what publishing would write there, as `labnews site`."""
        from labnews.io.themes import detect_theme

        self._site_timer.stop()
        folder = self.site_folder()
        self.writes.clear()
        if folder is None:
            self.theme.setText(self.tr("(no site folder: Publish writes the homepage file)"))
            return
        try:
            theme = detect_theme(folder)
        except LabnewsError:
            self.theme.setText("—")
            return
        self.theme.setText(
            self.tr("{0} (built by {1})").format(theme.title, theme.engine.capitalize())
        )
        if self.database is None:
            return
        from labnews.io.newsfile import NewsRequest
        from labnews.io.site import describe, plan_site

        try:
            with self.database.session() as session:
                plan = plan_site(session, folder, NewsRequest(), self.chosen_sections())
        except LabnewsError as error:
            self.writes.setText(self.tr("Not ready to publish: {0}").format(error.message))
            return
        self.writes.setText("\n".join(describe(plan)))

    def reveal(self, key: str) -> None:
        self.tabs.setCurrentIndex(1 if key in ("site", "homepage", "publication bold") else 0)

    def _browse_site(self) -> None:
        start = self.site.text().strip() or str(Path.home())
        path = QFileDialog.getExistingDirectory(self, self.tr("The homepage checkout"), start)
        if path:
            self.site.setText(path)
            self.refresh_site()

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
        from labnews.io.themes import detect_theme

        found: dict[str, str] = {}
        folder = self.site_folder()
        if folder is not None:
            if not folder.is_dir():
                found["site"] = self.tr("There is no folder at this path.")
            else:
                try:
                    detect_theme(folder)
                except LabnewsError:
                    found["site"] = self.tr(
                        "This folder is not a Jekyll or Hugo site (no _config.yml, hugo.toml "
                        "or config.toml)."
                    )
        homepage = self.homepage.text().strip()
        if homepage and not Path(homepage).expanduser().is_file():
            found["homepage"] = self.tr("There is no file at this path.")
        return found

    def read(self) -> SettingsChoice:
        def text(box: ChoiceBox, default: str) -> str:
            value = box.value()
            return value if isinstance(value, str) else default

        homepage = self.homepage.text().strip()
        folder = self.site_folder()
        defaults = LabSettings()
        return SettingsChoice(
            LabSettings(
                lab_name=" ".join(self.lab_name.text().split()),
                default_format=text(self.default_format, DEFAULT_FORMAT.default),
                default_language=text(self.default_language, DEFAULT_LANGUAGE.default),
                workshops=text(self.workshops, defaults.workshops),
                order=text(self.order, defaults.order),
                lines=text(self.lines, defaults.lines),
                homepage_file=str(Path(homepage).expanduser()) if homepage else "",
                publication_bold=text(self.publication_bold, PUBLICATION_BOLD.default),
                homepage_site=str(folder.resolve()) if folder is not None else "",
                homepage_sections=",".join(self.chosen_sections()),
            ),
            interface_language=text(self.interface_language, "system"),
        )
