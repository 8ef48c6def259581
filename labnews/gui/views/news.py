"""The news view: the lab's news in any format and language, previewed, copied, saved, published."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import LabnewsError
from labnews.core.records import MemberRecord, YearTally
from labnews.core.rules import TallyRules
from labnews.gui.choice_box import ChoiceBox
from labnews.gui.deferred import deferred
from labnews.gui.fonts import fixed_with_hangul, has_hangul, korean_font
from labnews.gui.lab_change import OVERVIEW_KINDS
from labnews.gui.messages import capitalised, shown
from labnews.gui.widgets import button, move_current_row
from labnews.gui.wording import LANGUAGE_NAMES, interface_language
from labnews.io.newsfile import NewsRequest
from labnews.store.settings import DEFAULT_LANGUAGE, setting_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from labnews.gui.lab_change import LabChange
    from labnews.io import newsfile
    from labnews.store import queries
    from labnews.store.database import Database
else:
    newsfile = deferred("labnews.io.newsfile")
    queries = deferred("labnews.store.queries")


FOLDER_RULE = "── {0} ──"
_LINE_END_BREAKS = re.compile(r"[ \t]*(?:<br\s*/?>[ \t]*)+$", re.IGNORECASE)
_HEADING = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?#")
_CONTINUATION = re.compile(r"^[ \t]*+(?![-*+][ \t]|\d+[.)][ \t]|#)\S")
"""A line that continues the paragraph above: not blank, not a list item, not a heading."""
LINE_SEPARATOR = "\u2028"


def pane_title(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy)
    return label


def preview_markdown(text: str) -> str:
    """Markdown as Qt should preview it to read as kramdown (GitHub Pages' Jekyll) renders it.

    Qt's Markdown reader drops the rest of a paragraph after inline HTML, which would hide
    every month line of the yearly block; and it starts a new list item (with its own bullet)
    at every hard line break. So each ``<br>`` that ends a line becomes a line separator: before
    a continuation line (`` -- ...``, which kramdown keeps as text inside the list item) the two
    lines join into one item; at an item's end ``<br><br>`` leaves the blank line a browser
    shows (the last break of a block shows nothing). kramdown's typographic symbols follow
    (``--`` as an en dash, ``...`` as an ellipsis, straight quotes curled): see ``kramdown_text``.
    """
    lines = text.split("\n")
    result: list[str] = []
    join = False
    for number, line in enumerate(lines):
        if join:
            line = result.pop() + line.lstrip()
        join = False
        found = _LINE_END_BREAKS.search(line)
        if found is not None:
            body = line[: found.start()]
            following = lines[number + 1] if number + 1 < len(lines) else ""
            breaks = found.group(0).lower().count("<br")
            if _HEADING.match(body):
                line = body + "  "
            elif _CONTINUATION.match(following):
                line, join = body + LINE_SEPARATOR * breaks, True
            else:
                line = body + (LINE_SEPARATOR * (breaks - 1) or "  ")
        result.append(line)
    return "\n".join(kramdown_text(line) for line in result)


_KRAMDOWN_KEPT = re.compile(r"`[^`\n]*`|<[^>\n]*>|\]\([^)\n]*\)|&\w+;|&#\w+;")
"""What kramdown's typography leaves alone: code spans, HTML tags, link targets, entities."""
_RULE_LINE = re.compile(r"^[ \t]*(?:(?:[-*_][ \t]*){3,}|[|:\- \t]+)$")
_TYPOGRAPHY = (
    (re.compile(r"---"), "\u2014"),
    (re.compile(r"--"), "\u2013"),
    (re.compile(r"\.\.\."), "\u2026"),
    (re.compile(r"(?:(?<=^)|(?<=[\s(\[{\u2028]))\""), "\u201c"),
    (re.compile(r"\""), "\u201d"),
    (re.compile(r"(?:(?<=^)|(?<=[\s(\[{\u2028]))'(?=\S)"), "\u2018"),
    (re.compile(r"'"), "\u2019"),
)


def kramdown_text(line: str) -> str:
    """A Markdown line with kramdown's typographic symbols and smart quotes, as the site shows.

    A rule line (``---``, a table's ``|---|``) and code spans, tags, link targets and entities
    keep their characters: kramdown does not touch them either.
    """
    if _RULE_LINE.match(line):
        return line
    pieces: list[str] = []
    last = 0
    for kept in _KRAMDOWN_KEPT.finditer(line):
        pieces.append(_typography(line[last : kept.start()]))
        pieces.append(kept.group(0))
        last = kept.end()
    pieces.append(_typography(line[last:]))
    return "".join(pieces)


def _typography(text: str) -> str:
    for pattern, symbol in _TYPOGRAPHY:
        text = pattern.sub(symbol, text)
    return text


def strip_front_matter(text: str) -> str:
    """A Markdown file's body without its YAML front matter (``---`` ... ``---``)."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            return text[end + 4 :].lstrip("\n")
    return text


class NewsView(QWidget):
    """Pickers over a rendered preview and the raw text; Copy, Save as and Publish act on it.

    The news is rendered only while the view is shown: a change elsewhere marks it stale and
    the next showing renders it again (rendering loads the template engine, which start-up
    should not pay for).
    """

    publish_requested = Signal()
    pin_requested = Signal(int, object)
    """Pin a year's tally order: the year and its labels in order (None: unpin)."""
    message = Signal(str)
    """Something to say in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.text = ""
        self.files: dict[str, str] = {}
        self.error: str | None = None
        self._stale = True
        self._split = False
        self._formats_loaded = False
        self._is_folder: dict[str, bool] = {}
        self._extension: dict[str, str] = {}
        self._tallies: tuple[YearTally, ...] = ()
        self._rules = TallyRules()
        self._order_shown: tuple[str, ...] = ()
        self._order_check = QTimer(self)
        self._order_check.setSingleShot(True)
        self._order_check.setInterval(0)
        self._order_check.timeout.connect(self._order_dropped)

        # --- pickers and actions ----------------------------------------------------------------
        self.format_box = ChoiceBox()
        self.format_box.setToolTip(self.tr("The news format: the lab's yearly block, a theme's…"))
        self.lang_box = ChoiceBox(LANGUAGE_NAMES, "en")
        self.lang_box.setToolTip(self.tr("The language of the news"))
        self.from_box = ChoiceBox()
        self.from_box.setToolTip(self.tr("The first news year to include"))
        self.to_box = ChoiceBox()
        self.to_box.setToolTip(self.tr("The last news year to include"))
        self.member_box = ChoiceBox([(self.tr("the lab"), None)], None)
        self.member_box.setToolTip(self.tr("One member's own list: their papers, in bold"))
        self.member_box.currentIndexChanged.connect(self._request_changed)
        self.achievements_box = QCheckBox(self.tr("&Awards and talks"))
        self.achievements_box.setToolTip(
            self.tr("Include achievements (awards, talks, grants) among the month lines")
        )
        # Sized by a number of characters, not by their items: the window can still narrow.
        for box, characters in (
            (self.format_box, 13),
            (self.lang_box, 7),
            (self.from_box, 4),
            (self.to_box, 4),
        ):
            box.setSizeAdjustPolicy(
                ChoiceBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(characters)
            box.currentIndexChanged.connect(self._request_changed)
        self.achievements_box.toggled.connect(self._request_changed)
        # The tally order below the years is one of those years'.
        self.from_box.currentIndexChanged.connect(self._follow_range)
        self.to_box.currentIndexChanged.connect(self._follow_range)
        self.copy_button = button(
            self.tr("&Copy"), self.tr("Copy the text to paste into the homepage"), self.copy
        )
        self.save_button = button(
            self.tr("&Save as…"),
            self.tr("Write the news to a file (a folder for al-folio)"),
            self.save_as,
        )
        self.publish_button = QPushButton(self.tr("P&ublish…"))
        self.publish_button.setToolTip(
            self.tr("Write the news between the labnews markers of the homepage file")
        )
        self.publish_button.clicked.connect(self.publish_requested)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        for text, widget in (
            (self.tr("For&mat:"), self.format_box),
            (self.tr("&Language:"), self.lang_box),
            (self.tr("&Years:"), self.from_box),
            (self.tr("t&o"), self.to_box),
            (self.tr("Mem&ber:"), self.member_box),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            bar.addSpacing(6)
        self.member_label = label  # shown with its box, for the formats that take a member
        self._show_member_choice()
        bar.addStretch(1)

        # --- the preview and the text -----------------------------------------------------------
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)  # a preview, not a browser: links are for the homepage
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setToolTip(self.tr("The news as the homepage will show it"))
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._fixed_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.raw.setFont(self._fixed_font)
        self.raw.setToolTip(self.tr("The text to paste, exactly"))
        self.raw.setTabChangesFocus(True)
        left, right = QWidget(), QWidget()
        panes: tuple[tuple[QWidget, str, QWidget], ...] = (
            (left, self.tr("&Preview"), self.preview),
            (right, self.tr("&Text"), self.raw),
        )
        for pane, title, body in panes:
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(4)
            heading = QHBoxLayout()
            heading.addWidget(pane_title(title, body))
            heading.addStretch(1)
            if body is self.preview:
                heading.addWidget(self.achievements_box)
            else:
                # The actions work on the text: they sit above it.
                heading.addWidget(self.copy_button)
                heading.addWidget(self.save_button)
                heading.addWidget(self.publish_button)
            column.addLayout(heading)
            column.addWidget(body, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1, 1])

        # --- the tally order --------------------------------------------------------------------
        self.order_year_box = ChoiceBox()
        self.order_year_box.setToolTip(self.tr("The year whose tally order to set"))
        self.order_year_box.setSizeAdjustPolicy(
            ChoiceBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.order_year_box.setMinimumContentsLength(4)
        self.order_year_box.currentIndexChanged.connect(self._show_order)
        self.order_list = QListWidget()
        self.order_list.setFlow(QListView.Flow.LeftToRight)
        self.order_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.order_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.order_list.setSpacing(2)
        self.order_list.setStyleSheet(
            "QListWidget::item { border: 1px solid palette(mid); border-radius: 4px;"
            " padding: 1px 10px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
        )
        self.order_list.setToolTip(
            self.tr("Drag a label to where the tally should list it; the order is then pinned")
        )
        self.order_list.setFixedHeight(self.fontMetrics().height() + 22)
        self.order_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.order_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model = self.order_list.model()
        model.rowsMoved.connect(self._order_check.start)
        model.rowsInserted.connect(self._order_check.start)
        self.earlier_button = button(
            self.tr("◀ Earl&ier"),
            self.tr("List the selected label one place earlier"),
            lambda: self.move_label(-1),
        )
        self.later_button = button(
            self.tr("Late&r ▶"),
            self.tr("List the selected label one place later"),
            lambda: self.move_label(1),
        )
        self.unpin_button = button(
            self.tr("U&npin"), self.tr("Order this year's tally by the rule again"), self.unpin
        )
        self.order_note = QLabel()
        self.order_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        order_year_label = QLabel(self.tr("Tally or&der of"))
        order_year_label.setBuddy(self.order_year_box)
        order_row = QHBoxLayout()
        order_row.addWidget(order_year_label)
        order_row.addWidget(self.order_year_box)
        order_row.addWidget(self.order_list, 1)
        order_row.addWidget(self.earlier_button)
        order_row.addWidget(self.later_button)
        order_row.addWidget(self.unpin_button)
        order_box = QGroupBox()
        order_layout = QVBoxLayout(order_box)
        order_layout.setContentsMargins(10, 8, 10, 8)
        order_layout.setSpacing(4)
        order_layout.addLayout(order_row)
        order_layout.addWidget(self.order_note)

        # Korean news with a romanized name among Hangul ones: say whose native name is missing.
        self.names_note = QLabel()
        self.names_note.setWordWrap(True)
        self.names_note.setTextFormat(Qt.TextFormat.PlainText)
        self.names_note.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.names_note)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(order_box)
        self._update_buttons()

    # --- what the window tells it ---------------------------------------------------------------

    def set_database(self, database: Database | None) -> None:
        """Render from this database from now on (its default format and language first)."""
        self.database = database
        self._formats_loaded = False
        self.mark_stale()

    def answer(self, update: LabChange) -> None:
        """New years and tally orders when papers, venues, members or rules changed."""
        if update.touches("member"):
            self.set_members(update.members)
        if update.touches(*OVERVIEW_KINDS):
            self.set_tallies(update.tallies, update.rules)
        elif update.touches("achievement"):
            self.mark_stale()

    def set_tallies(self, tallies: Sequence[YearTally], rules: TallyRules) -> None:
        """The years there are and each one's tally order, for the pickers and the order list."""
        before = {t.year for t in self._tallies}
        self._tallies = tuple(tallies)
        self._rules = rules
        years = sorted({t.year for t in self._tallies}, reverse=True)
        first, last = self.from_box.value(), self.to_box.value()
        oldest = years[-1] if years else None
        newest = years[0] if years else None
        # A range that reached the newest (or oldest) year stretches to a year added beyond it:
        # right after a 2025 paper is recorded the view shows 2025, not the old 2022-2024.
        if last not in years or (before and last == max(before)):
            last = newest
        if first not in years or (before and first == min(before)):
            first = oldest
        choices = [(str(y), y) for y in years]
        self.from_box.set_choices(choices, first)
        self.to_box.set_choices(choices, last)
        self._follow_range()
        self.mark_stale()

    def set_members(self, members: Sequence[MemberRecord]) -> None:
        """The members a member's own list can be of, by name (the lab's list first)."""
        names = [m.name for m in members]
        current = self.member_box.value()
        self.member_box.set_choices(
            [(self.tr("the lab"), None), *((name, name) for name in names)],
            current if current in names else None,
        )

    def _show_member_choice(self) -> None:
        takes = self.format_name() in newsfile.MEMBER_FORMATS
        self.member_box.setVisible(takes)
        self.member_label.setVisible(takes)
        members = self.member_box.values[1:]
        if self.format_name() in newsfile.ONE_MEMBER_FORMATS and self.member() is None and members:
            # A portfolio is always someone's: start on the first member, not on "the lab".
            self.member_box.blockSignals(True)
            self.member_box.set_value(members[0])
            self.member_box.blockSignals(False)

    def mark_stale(self) -> None:
        """The records changed: render again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self.render_if_stale)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split:
            # Half and half the first time: the panes' size hints differ.
            self._split = True
            width = self.splitter.width()
            self.splitter.setSizes([width // 2, width - width // 2])
        if self._stale:
            QTimer.singleShot(0, self.render_if_stale)

    def render_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.render_news()

    # --- the request ----------------------------------------------------------------------------

    def _load_formats(self) -> None:
        """Offer every format (built-in and the user's) and start from the lab's defaults."""
        if self._formats_loaded or self.database is None:
            return
        formats = newsfile.formats()
        self._is_folder = {f.name: f.is_folder for f in formats}
        self._extension = {f.name: f.extension for f in formats if not f.is_folder}
        with self.database.session() as session:
            try:
                default, lang = newsfile.resolve_request(session, newsfile.NewsRequest())
                default_name = default.name
            except LabnewsError:
                default_name, lang = "yearly", "en"
            if not setting_text(session, DEFAULT_LANGUAGE):
                # A lab that never chose a news language reads it in the interface's.
                lang = interface_language()
        self.format_box.set_choices([(f.name, f.name) for f in formats], default_name)
        for index, fmt in enumerate(formats):
            self.format_box.setItemData(index, fmt.description, Qt.ItemDataRole.ToolTipRole)
        self.lang_box.set_value(lang)
        with self.database.session() as session:
            self.set_members(queries.members(session))
        self._formats_loaded = True
        self._show_member_choice()

    def format_name(self) -> str:
        value = self.format_box.value()
        return value if isinstance(value, str) else "yearly"

    def language(self) -> str:
        value = self.lang_box.value()
        return value if isinstance(value, str) else "en"

    def years(self) -> tuple[int, ...] | None:
        """The chosen news years, oldest first (None: every year)."""
        first, last = self.from_box.value(), self.to_box.value()
        if not isinstance(first, int) or not isinstance(last, int):
            return None
        low, high = min(first, last), max(first, last)
        return tuple(range(low, high + 1))

    def request(self) -> NewsRequest:
        """What the pickers describe: format, language, years, achievements or not."""
        return NewsRequest(
            years=self.years(),
            format=self.format_name(),
            lang=self.language(),
            with_achievements=self.achievements_box.isChecked(),
            member=self.member() if self.format_name() in newsfile.MEMBER_FORMATS else None,
        )

    def member(self) -> str | None:
        value = self.member_box.value()
        return value if isinstance(value, str) else None

    def is_folder_format(self) -> bool:
        return self._is_folder.get(self.format_name(), False)

    def set_format(self, name: str) -> bool:
        """Choose a format by name (the preview follows); False when there is no such format."""
        self._load_formats()
        return self.format_box.set_value(name)

    def set_language(self, lang: str) -> bool:
        return self.lang_box.set_value(lang)

    def _request_changed(self) -> None:
        self._show_member_choice()
        if self._formats_loaded:
            self._stale = True
            self.render_news()

    # --- rendering ------------------------------------------------------------------------------

    def render_news(self) -> None:
        """Render the chosen news now and show it (a broken template shows its error instead)."""
        self._stale = False
        if self.database is None:
            self._show_error(self.tr("Open a lab database to see its news."))
            return
        self._load_formats()
        request = self.request()
        try:
            with self.database.session() as session:
                if self.is_folder_format():
                    files = newsfile.render_news_folder(session, request)
                    text = ""
                else:
                    files = {}
                    _fmt, text = newsfile.render_news(session, request)
                unnamed = self._without_native_names(session, text + "".join(files.values()))
        except LabnewsError as error:
            self._show_error(capitalised(shown(error.message)))
            return
        self.error = None
        self._show_names_note(unnamed)
        self.files = files
        self._use_fonts_for(text or "".join(files.values()))
        if files:
            self.text = "\n".join(
                f"{FOLDER_RULE.format(name)}\n{body.rstrip()}\n" for name, body in files.items()
            )
            self.preview.setMarkdown(
                "\n\n---\n\n".join(
                    f"**{name}**\n\n{preview_markdown(strip_front_matter(body))}"
                    for name, body in files.items()
                )
            )
        else:
            self.text = text
            extension = self._extension.get(self.format_name(), "txt")
            if extension in ("md", "markdown"):
                self.preview.setMarkdown(preview_markdown(text))
            elif extension in ("html", "htm"):
                self.preview.setHtml(text)
            else:
                self.preview.setPlainText(text)
        if not (self.text.strip() or files):
            self.preview.setPlainText(self.tr("There is no news in these years."))
        self.raw.setPlainText(self.text)
        self._update_buttons()

    def _without_native_names(self, session: Session, text: str) -> list[str]:
        """Members the Korean news names in their romanized form: they have no native name."""
        if self.language() != "ko":
            return []
        return [
            m.name
            for m in queries.members(session)
            if m.in_news and not m.native and m.name in text
        ]

    def _show_names_note(self, names: Sequence[str]) -> None:
        self.names_note.setText(
            self.tr(
                "Korean news prints these members in Latin letters, as they have no native "
                "name: {0}. Add their names in Hangul in Members."
            ).format(", ".join(names))
            if names
            else ""
        )
        self.names_note.setVisible(bool(names))

    def without_native_names(self) -> str:
        """The note on romanized names, as shown ("" when hidden)."""
        return self.names_note.text() if not self.names_note.isHidden() else ""

    def _use_fonts_for(self, text: str) -> None:
        korean = has_hangul(text)
        self.raw.setFont(fixed_with_hangul(self._fixed_font) if korean else self._fixed_font)
        base = self.font()
        self.preview.setFont(korean_font(base, fixed=False) if korean else base)

    def _show_error(self, message: str) -> None:
        self.error = message
        self.text = ""
        self.files = {}
        self.preview.setPlainText(message)
        self.raw.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.database is not None and self.error is None and bool(self.text or self.files)
        self.copy_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.publish_button.setEnabled(ready and not self.files)
        self.publish_button.setToolTip(
            self.tr("A folder format cannot be published into one file")
            if self.files
            else self.tr("Write the news between the labnews markers of the homepage file")
        )

    def preview_text(self) -> str:
        """The preview as plain text (what a reader of the homepage sees)."""
        return self.preview.toPlainText()

    # --- actions --------------------------------------------------------------------------------

    def copy(self) -> None:
        """Put the text on the clipboard, ready to paste into the homepage."""
        QGuiApplication.clipboard().setText(self.text)
        self.message.emit(self.tr("Copied the news ({0} lines)").format(self.text.count("\n")))

    def save_as(self) -> None:
        """Ask where, then write the news there (a folder for a folder format)."""
        if self.is_folder_format():
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Write the news files into a folder"), str(Path.home())
            )
        else:
            extension = self._extension.get(self.format_name(), "txt")
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the news as"),
                str(Path.home() / f"news.{extension}"),
                self.tr("News (*.{0});;All files (*)").format(extension),
            )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        """Write the chosen news to ``path`` atomically; False (after saying why) on failure."""
        if self.database is None:
            return False
        request = self.request()
        try:
            with self.database.session() as session:
                newsfile.write_news(session, request, path)
        except LabnewsError as error:
            self.message.emit(self.tr("Not saved: {0}").format(shown(error.message)))
            return False
        except OSError as error:
            self.message.emit(self.tr("Not saved: {0}").format(error.strerror or str(error)))
            return False
        self.message.emit(self.tr("Saved the news to {0}").format(path))
        return True

    # --- the tally order ------------------------------------------------------------------------

    def _follow_range(self) -> None:
        """Offer the tally orders of the chosen years only; keep the year while it is in them."""
        chosen = self.years()
        years = sorted(
            (t.year for t in self._tallies if chosen is None or t.year in chosen), reverse=True
        )
        current = self.order_year_box.value()
        self.order_year_box.set_choices(
            [(str(y), y) for y in years], current if current in years else None
        )
        self._show_order()

    def order_year(self) -> int | None:
        value = self.order_year_box.value()
        return value if isinstance(value, int) else None

    def order_labels(self) -> tuple[str, ...]:
        """The labels as the list shows them now."""
        return tuple(self.order_list.item(i).text() for i in range(self.order_list.count()))

    def _show_order(self) -> None:
        year = self.order_year()
        tally = next((t for t in self._tallies if t.year == year), None)
        labels = tuple(label for label, _count in tally.items) if tally else ()
        current = self.order_list.currentItem()
        keep = current.text() if current is not None else None
        # Set first: the inserts below are not a user's drop, and the check will see no change.
        self._order_shown = labels
        self.order_list.clear()
        for label in labels:
            item = QListWidgetItem(label)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.order_list.addItem(item)
        if keep in labels:
            self.order_list.setCurrentRow(labels.index(keep))
        pinned = year is not None and year in self._rules.pinned
        if year is None:
            self.order_note.setText("")
        elif pinned:
            self.order_note.setText(
                self.tr("Pinned: the {0} tally lists its labels in this order.").format(year)
            )
        else:
            self.order_note.setText(
                self.tr("Ordered by the rule. Drag a label (or use Earlier and Later) to pin it.")
            )
        self.unpin_button.setEnabled(pinned)
        has_labels = len(labels) > 1
        self.earlier_button.setEnabled(has_labels)
        self.later_button.setEnabled(has_labels)
        self.order_list.setEnabled(bool(labels))

    def move_label(self, step: int) -> None:
        """Move the selected label ``step`` places (the keyboard's way to drag it)."""
        move_current_row(self.order_list, step)

    def unpin(self) -> None:
        year = self.order_year()
        if year is not None:
            self.pin_requested.emit(year, None)

    def _order_dropped(self, *_moved: object) -> None:
        # A drop may arrive as a move or as an insert and a remove: compare whole orders.
        labels = self.order_labels()
        year = self.order_year()
        if year is None or labels == self._order_shown:
            return
        if sorted(labels) != sorted(self._order_shown):
            return  # the list is in the middle of a move
        self._order_shown = labels
        self.pin_requested.emit(year, labels)
