"""The detail pane beside a table: the chosen record's fields, edited in place, links clickable."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import ConflictError, LabnewsError
from labnews.core.records import AchievementRecord, MemberRecord, PaperRecord, VenueRecord
from labnews.core.snapshots import achievement_input, member_input, paper_input, venue_input
from labnews.gui.deferred import deferred
from labnews.gui.messages import capitalised, shown

if TYPE_CHECKING:
    from labnews.gui import editing, undo
    from labnews.gui.main_window import MainWindow
else:
    editing = deferred("labnews.gui.editing")
    undo = deferred("labnews.gui.undo")

translate = QCoreApplication.translate

Parse = Literal["text", "optional", "int"]
"""How a field's text becomes its value: required text, text or None when blank, a number."""

Commit = Callable[[Any, Any], LabnewsError | None]
"""Applies a record's new input (an undoable edit); the store's error, or None when done."""

PANE_SETTING = "window/detail_pane"
"""The preference that remembers whether the detail panes are shown."""


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of the pane: the input attribute, its label, how its text is read."""

    name: str
    label: str
    parse: Parse = "optional"


@dataclass(frozen=True)
class PaneSpec:
    """What the pane shows of one kind of record: its editable fields and its links."""

    fields: tuple[FieldSpec, ...]
    snapshot: Callable[[Any], Any]
    """The record as its input dataclass (what an edit replaces one field of)."""
    links: Callable[[Any], Sequence[tuple[str, str]]]
    """(label, address) of the record's links, in order."""


def _paper_links(paper: PaperRecord) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if paper.doi:
        found.append(("DOI", f"https://doi.org/{paper.doi}"))
    if paper.arxiv:
        found.append(("arXiv", f"https://arxiv.org/abs/{paper.arxiv}"))
    found.extend((link.label, link.url) for link in paper.links)
    return found


def _member_links(member: MemberRecord) -> list[tuple[str, str]]:
    found = []
    if member.homepage:
        found.append((translate("DetailPane", "Homepage"), member.homepage))
    if member.orcid:
        found.append(("ORCID", f"https://orcid.org/{member.orcid}"))
    return found


def _venue_links(venue: VenueRecord) -> list[tuple[str, str]]:
    homepage = venue.homepage
    return [(translate("DetailPane", "Homepage"), homepage)] if homepage else []


def _achievement_links(achievement: AchievementRecord) -> list[tuple[str, str]]:
    found = [(translate("DetailPane", "Link"), achievement.url)] if achievement.url else []
    found.extend((link.label or link.kind, link.url) for link in achievement.links)
    return found


# Each editable input attribute's label and how its text is read, once for every pane that
# shows it; the labels are translated when a pane is made.
_FIELDS: Final[dict[str, tuple[object, Parse]]] = {
    "title": (QT_TRANSLATE_NOOP("DetailPane", "Title"), "text"),
    "venue": (QT_TRANSLATE_NOOP("DetailPane", "Venue"), "text"),
    "year": (QT_TRANSLATE_NOOP("DetailPane", "Year"), "int"),
    "doi": (QT_TRANSLATE_NOOP("DetailPane", "DOI"), "optional"),
    "arxiv": (QT_TRANSLATE_NOOP("DetailPane", "arXiv"), "optional"),
    "note": (QT_TRANSLATE_NOOP("DetailPane", "Note"), "optional"),
    "name": (QT_TRANSLATE_NOOP("DetailPane", "Name"), "text"),
    "native": (QT_TRANSLATE_NOOP("DetailPane", "Native name"), "optional"),
    "homepage": (QT_TRANSLATE_NOOP("DetailPane", "Homepage"), "optional"),
    "orcid": (QT_TRANSLATE_NOOP("DetailPane", "ORCID"), "optional"),
    "short": (QT_TRANSLATE_NOOP("DetailPane", "Short name"), "text"),
    "full": (QT_TRANSLATE_NOOP("DetailPane", "Full name"), "optional"),
    "label": (QT_TRANSLATE_NOOP("DetailPane", "Counted as"), "optional"),
    "organisation": (QT_TRANSLATE_NOOP("DetailPane", "Organisation"), "optional"),
    "role": (QT_TRANSLATE_NOOP("DetailPane", "Role"), "optional"),
    "description": (QT_TRANSLATE_NOOP("DetailPane", "Description"), "optional"),
}

# Each table's pane: its fields in order, the record as its input, and the record's links.
_PANES: Final[
    dict[
        str,
        tuple[tuple[str, ...], Callable[[Any], Any], Callable[[Any], Sequence[tuple[str, str]]]],
    ]
] = {
    "papers": (("title", "venue", "year", "doi", "arxiv", "note"), paper_input, _paper_links),
    "members": (("name", "native", "homepage", "orcid", "note"), member_input, _member_links),
    "venues": (("short", "full", "label", "homepage"), venue_input, _venue_links),
    "achievements": (
        ("title", "organisation", "role", "description"),
        achievement_input,
        _achievement_links,
    ),
}


def pane_spec(kind: str) -> PaneSpec:
    """The pane of a table view: papers, members, venues or achievements."""
    names, snapshot, links = _PANES[kind]
    fields = []
    for name in names:
        label, parse = _FIELDS[name]
        fields.append(FieldSpec(name, translate("DetailPane", str(label)), parse))
    return PaneSpec(tuple(fields), snapshot, links)


def _text_of(value: object) -> str:
    return "" if value is None else str(value)


class DetailPane(QScrollArea):
    """The selected record's fields: Enter or leaving a field applies it as one undoable edit.

    A value the pane cannot read, or one the store refuses, is kept as typed with the reason
    under its field; nothing is applied until it is fixed.
    """

    link_activated = Signal(str)
    """A link of the record was clicked (the window opens it in the browser)."""

    def __init__(self, spec: PaneSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.record: Any = None
        self.commit: Commit | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(220)
        page = QWidget()
        layout = QVBoxLayout(page)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        # The table's other columns (authors, news month, status...), to read, not to edit.
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.editors: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for field in spec.fields:
            editor = QLineEdit()
            editor.setObjectName(field.name)
            editor.installEventFilter(self)
            editor.editingFinished.connect(lambda name=field.name: self.apply_field(name))
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.setVisible(False)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            form.addRow(field.label, box)
            self.editors[field.name] = editor
            self.errors[field.name] = error
        layout.addLayout(form)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.linkActivated.connect(self.link_activated)
        layout.addWidget(self.links)
        layout.addStretch(1)
        self.setWidget(page)
        self.show_record(None)

    def show_record(self, record: object, facts: Sequence[tuple[str, str]] = ()) -> None:
        """Show a record's fields (None: nothing chosen) and, read-only, the ``facts`` (label,
        text) the table shows of it besides them; typing left unapplied is dropped."""
        self.record = record
        editable = {f.label for f in self.spec.fields}
        shown_facts = [(label, text) for label, text in facts if text and label not in editable]
        self.facts.setText(
            "<br>".join(
                f"<b>{html.escape(label)}</b>: {html.escape(text)}" for label, text in shown_facts
            )
        )
        self.facts.setVisible(bool(shown_facts))
        data = self.spec.snapshot(record) if record is not None else None
        self.heading.setText(
            self.tr("Choose a row to see its details here") if data is None else ""
        )
        self.heading.setVisible(data is None)
        for name, editor in self.editors.items():
            editor.setEnabled(data is not None)
            editor.setText(_text_of(getattr(data, name)) if data is not None else "")
            editor.setCursorPosition(0)
            self._show_error(name, None)
        links = self.spec.links(record) if record is not None else []
        self.links.setText(
            " · ".join(
                f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
                for label, url in links
            )
        )
        self.links.setVisible(bool(links))

    def apply_field(self, name: str) -> bool:
        """Apply what the field holds, if it changed; False when refused (said at the field)."""
        record, commit = self.record, self.commit
        if record is None or commit is None:
            return False
        field = next(f for f in self.spec.fields if f.name == name)
        before = self.spec.snapshot(record)
        text = self.editors[name].text().strip()
        if text == _text_of(getattr(before, name)):
            self._show_error(name, None)
            return True
        value: object
        if field.parse == "int":
            try:
                value = int(text)
            except ValueError:
                self._show_error(name, self.tr("Type a number, such as 2025"))
                return False
        elif field.parse == "text":
            if not text:
                self._show_error(name, self.tr("This field cannot be empty"))
                return False
            value = text
        else:
            value = text or None
        try:
            data = replace(before, **{name: value})
        except LabnewsError as error:
            self._show_error(name, capitalised(shown(error.message)))
            return False
        # Where the focus is now (this field after Enter, the next one after Tab) is where it
        # stays: the table is read again and the pane refilled, which would move it.
        focused = QApplication.focusWidget()
        refused = commit(record, data)
        if refused is not None:
            where = refused.field if refused.field in self.editors else name
            self._show_error(where, capitalised(shown(refused.message)))
            return False
        self._show_error(name, None)
        if focused is not None and focused in self.editors.values():
            focused.setFocus()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A field with nothing of its own to undo lets Ctrl+Z (and redo) reach the window's
        # history, so an edit applied from the pane is undone from where it was typed.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            assert isinstance(event, QKeyEvent)
            undoing = event.matches(QKeySequence.StandardKey.Undo)
            redoing = event.matches(QKeySequence.StandardKey.Redo)
            if (undoing and not watched.isUndoAvailable()) or (
                redoing and not watched.isRedoAvailable()
            ):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _show_error(self, name: str, message: str | None) -> None:
        label, editor = self.errors[name], self.editors[name]
        label.setText(message or "")
        label.setVisible(message is not None)
        editor.setToolTip(message or "")
        editor.setStyleSheet("border: 1px solid #b00020;" if message else "")

    def error_at(self, name: str) -> str | None:
        """The reason shown under a field, or None when it has none."""
        label = self.errors[name]
        return label.text() if not label.isHidden() else None


def window_commit(window: MainWindow) -> Commit:
    """Edits through the window's editing path: the store's check, then an undoable edit."""

    def commit(record: Any, data: Any) -> LabnewsError | None:
        kind = editing.kind_of(record)
        database = window.require_database()
        if kind is None or database is None:
            # Nothing was written: the field keeps the typed value and says why.
            return LabnewsError(translate("DetailPane", "This record cannot be changed here"))
        store = kind.store
        record_id, version = record.id, record.version
        error = undo.trial_run(
            database, lambda s: store.update(s, record_id, data, expected_version=version)
        )
        # A conflict is not the field's to fix: the edit goes ahead and the window offers reload.
        if error is not None and not isinstance(error, ConflictError):
            return error
        window.push(undo.EditRecord(window.command_context(database), store, record, data))
        return None

    return commit


def open_link(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


def pane_action(window: MainWindow) -> QAction:
    """The View menu's one "Detail pane" toggle for every table, made once per window."""
    found = window.findChild(QAction, "detail_pane_action")
    if isinstance(found, QAction):
        return found
    action = QAction(translate("DetailPane", "&Detail Pane"), window)
    action.setObjectName("detail_pane_action")
    action.setCheckable(True)
    action.setShortcut("Ctrl+Shift+D")
    action.setToolTip(translate("DetailPane", "Show the chosen record's fields beside each table"))
    shown_before = True
    if window.preferences is not None:
        value = window.preferences.settings.value(PANE_SETTING)
        shown_before = value is None or str(value).lower() not in ("false", "0")
    action.setChecked(shown_before)

    def remember(checked: bool) -> None:
        if window.preferences is not None:
            window.preferences.settings.setValue(PANE_SETTING, checked)

    action.toggled.connect(remember)
    window.menus.view_menu.addSeparator()
    window.menus.view_menu.addAction(action)
    return action
