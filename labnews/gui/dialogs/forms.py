"""Small form-building pieces, so that each dialog reads as a declaration of its fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labnews.core.errors import LabnewsError
from labnews.core.links import http_url
from labnews.core.records import MAX_YEAR, MIN_YEAR, YearMonth
from labnews.gui.messages import shown

I = TypeVar("I")  # noqa: E741 (the input dataclass a dialog returns)
W = TypeVar("W", bound=QWidget)


def error_color(palette: QPalette) -> QColor:
    """A red that reads on the window background, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80" if dark else "#c62828")


def muted_label(text: str = "") -> QLabel:
    """A small grey label for hints under a field."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


@dataclass
class _Field:
    """One field of a form: its widget, the message line under it, whether it shows as wrong."""

    widget: QWidget
    message: QLabel
    invalid: bool = False


class Form:
    """A QFormLayout whose every field has a message line under it for what is wrong with it."""

    def __init__(self) -> None:
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._fields: dict[str, _Field] = {}

    def add(
        self,
        key: str,
        label: str,
        widget: W,
        *,
        tip: str = "",
        hint: str = "",
        beside: Iterable[QWidget] = (),
    ) -> W:
        """Add ``widget`` as field ``key`` (the name store errors use) under ``label``."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        extras = list(beside)
        if extras:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            for extra in extras:
                row.addWidget(extra)
            column.addLayout(row)
        else:
            column.addWidget(widget)
        if hint:
            column.addWidget(muted_label(hint))
        message = QLabel()
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setVisible(False)
        message.setObjectName(f"{key}-message")
        column.addWidget(message)
        # The label's mnemonic focuses the field itself, not the box around it.
        box.setFocusProxy(widget)
        if tip:
            widget.setToolTip(tip)
        self.layout.addRow(label, box)
        self._fields[key] = _Field(widget, message)
        return widget

    def include(self, other: Form) -> None:
        """Answer for ``other``'s fields too (a dialog whose fields sit on several tabs)."""
        self._fields.update(other._fields)

    def heading(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>")
        label.setTextFormat(Qt.TextFormat.RichText)
        self.layout.addRow(label)

    def widget(self, key: str) -> QWidget:
        return self._fields[key].widget

    def __contains__(self, key: object) -> bool:
        return key in self._fields

    def message(self, key: str) -> str:
        """The message shown under field ``key`` ("" when it is fine)."""
        field = self._fields[key]
        return field.message.text() if not field.message.isHidden() else ""

    def first_wrong(self) -> str | None:
        """The first field, in the form's order, that shows what is wrong with it."""
        return next((key for key, field in self._fields.items() if field.invalid), None)

    def show_messages(self, messages: Mapping[str, str]) -> None:
        """Show each message under its field, with a red border; clear the other fields."""
        for key, field in self._fields.items():
            text = messages.get(key, "")
            if field.message.text() != text or field.message.isHidden() == bool(text):
                field.message.setText(text)
                field.message.setVisible(bool(text))
                color = error_color(field.message.palette())
                field.message.setStyleSheet(f"color: {color.name()};")
            invalid = bool(text)
            if field.invalid != invalid:
                field.invalid = invalid
                field.widget.setProperty("invalid", invalid)
                # A dynamic property only restyles once the style polishes the widget again.
                field.widget.style().unpolish(field.widget)
                field.widget.style().polish(field.widget)


def run_dialog(dialog: RecordDialog[I]) -> I | None:
    """Show a built dialog modally; its input when saved, None when cancelled."""
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.value if accepted else None
    finally:
        dialog.deleteLater()


class RecordDialog(QDialog, Generic[I]):
    """A form with Save and Cancel; Save stays disabled while a field is wrong or missing.

    Subclasses declare their fields on ``self.form``, say what is wrong (``problems``) and
    whether everything required is there (``complete``), and build the input (``read``).
    ``check`` is the last word before closing: it can try the input against the database and
    return the store's error, which is shown at its field while the dialog stays open. Then
    ``confirm`` may ask about an input that is valid but probably not meant.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        check: Callable[[I], LabnewsError | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = Form()
        self.value: I | None = None
        self.check = check
        self._link_fields: dict[str, QLineEdit] = {}
        self._extra_messages: dict[str, str] = {}
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        self.save_button: QPushButton = save
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        red = error_color(self.palette()).name()
        self.setStyleSheet(
            f'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], '
            f'QListWidget[invalid="true"], QComboBox[invalid="true"] '
            f"{{ border: 1px solid {red}; border-radius: 3px; padding: 2px; }}"
        )

    def finish_layout(self, body: QWidget | None = None) -> None:
        """Lay out the body (the form by default), the dialog-wide message and the buttons."""
        layout = QVBoxLayout(self)
        if body is None:
            layout.addLayout(self.form.layout)
        else:
            layout.addWidget(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        # Wide enough for a paper title or a venue's full name without scrolling.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)
        self.validate()

    # --- what subclasses declare ----------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """What is wrong, by field key, as the user should read it."""
        return {}

    def complete(self) -> bool:
        """Whether every required field is filled (an empty one blocks Save, without a message)."""
        return True

    def read(self) -> I:
        """The input the fields describe; may raise LabnewsError naming a field."""
        raise NotImplementedError

    def confirm(self, value: I) -> bool:
        """Whether to save ``value``; False keeps the dialog open (subclasses ask the user)."""
        return True

    def field_key(self, field: str | None) -> str | None:
        """The form key where a store error about ``field`` belongs (None: dialog-wide)."""
        return field if field in self.form else None

    def reveal(self, key: str) -> None:
        """Make field ``key`` visible (subclasses with tabs switch to its tab)."""

    def link_field(
        self, key: str, label: str, value: str | None, *, form: Form | None = None, tip: str = ""
    ) -> QLineEdit:
        """A field for a web link (on ``form``, the dialog's own by default): an empty one is
        fine, anything else must be an http:// or https:// link to save."""
        edit = (form or self.form).add(key, label, line(value, placeholder="https://"), tip=tip)
        self._link_fields[key] = edit
        return edit

    def spellings_field(self, values: Iterable[str], example: str, hint: str) -> QPlainTextEdit:
        """The other spellings of a name (field "alias"), one a line, as the store matches them."""
        box = lines_box(values, placeholder=example)
        return self.form.add("alias", self.tr("&Other spellings:"), box, hint=hint)

    # --- validation -----------------------------------------------------------------------------

    def watch(self, *widgets: QWidget) -> None:
        """Check the form again whenever one of these widgets changes."""
        for widget in widgets:
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._edited)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._edited)
            elif isinstance(widget, QCheckBox | QAbstractButton):
                widget.toggled.connect(self._edited)

    def _edited(self) -> None:
        # A store error belongs to the value it was about; editing anything may fix it.
        self._extra_messages.clear()
        self.problem.setVisible(False)
        self.validate()

    def validate(self) -> bool:
        """Show what is wrong at each field; enable Save only when nothing is."""
        messages = {**self._link_problems(), **self.problems(), **self._extra_messages}
        self.form.show_messages(messages)
        ok = not messages and self.complete()
        self.save_button.setEnabled(ok)
        return ok

    def _link_problems(self) -> dict[str, str]:
        return {
            key: self.tr("This must be an http:// or https:// link.")
            for key, edit in self._link_fields.items()
            if edit.text().strip() and not looks_like_link(edit.text())
        }

    def show_error(self, error: LabnewsError) -> None:
        """Show a store error at its field (or under the form) and keep the dialog open."""
        key = self.field_key(error.field)
        if key is None:
            self.problem.setText(shown(error.message))
            self.problem.setStyleSheet(f"color: {error_color(self.palette()).name()};")
            self.problem.setVisible(True)
        else:
            self._extra_messages[key] = shown(error.message)
            self.reveal(key)
            self.form.widget(key).setFocus()
        self.validate()

    def accept(self) -> None:
        if not self.validate():
            # Save refused: the cursor goes to the field whose message says why.
            key = self.form.first_wrong()
            if key is not None:
                self.reveal(key)
                wrong = self.form.widget(key)
                wrong.setFocus()
                if isinstance(wrong, QLineEdit):
                    wrong.selectAll()  # kept as typed, and retyped by simply typing
            return
        try:
            value = self.read()
        except LabnewsError as error:
            self.show_error(error)
            return
        if self.check is not None:
            refused = self.check(value)
            if refused is not None:
                self.show_error(refused)
                return
        if not self.confirm(value):
            return
        self.value = value
        super().accept()


# --- field widgets -------------------------------------------------------------------------------


def line(text: str | None = "", *, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setCursorPosition(0)  # a long title shows its beginning
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(bool(placeholder))
    return edit


def lines_box(values: Iterable[str], *, placeholder: str = "", rows: int = 3) -> QPlainTextEdit:
    """A small text box holding one value per line (aliases, other spellings)."""
    box = QPlainTextEdit("\n".join(values))
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * rows + 12
    box.setFixedHeight(height)
    return box


def box_lines(box: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(s.strip() for s in box.toPlainText().splitlines() if s.strip())


def year_box(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(MIN_YEAR, MAX_YEAR)
    spin.setValue(value)
    spin.setAccelerated(True)
    return spin


class YearEdit(QLineEdit):
    """A year typed as text: a wrong year stays as typed and is named at the field.

    A spin box would clamp 1800 to 1900 or drop a fifth digit without a word; here ``value``
    is None until the text is a year labnews keeps, and ``problem`` says what is wrong.
    """

    def __init__(self, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY")
        self.setMaxLength(12)  # room to show a mistyped value, not a paragraph
        self.setValue(value)

    def value(self) -> int | None:
        """The year typed, or None when the text is not a year between MIN_YEAR and MAX_YEAR."""
        text = self.text().strip()
        if not (text.isascii() and text.isdigit()):
            return None
        year = int(text)
        return year if MIN_YEAR <= year <= MAX_YEAR else None

    def setValue(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        """What is wrong with the typed year, as the field shows it (None: nothing)."""
        if self.value() is not None:
            return None
        text = self.text().strip()
        if not text:
            return self.tr("Give the year.")
        return self.tr("“{0}” is not a year between {1} and {2}.").format(text, MIN_YEAR, MAX_YEAR)


_MONTH = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$")


class MonthEdit(QLineEdit):
    """A year and month typed as ``2024-06``: a wrong one stays as typed and is named at the field.

    A date editor turns month 13 into 01 and drops a bare year without a word; here ``value``
    is None until the text is a month, and ``problem`` says what is wrong.
    """

    def __init__(self, value: YearMonth | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM")
        self.setMaxLength(20)
        self.setValue(value)

    def value(self) -> YearMonth | None:
        """The month typed (``2024-06``, ``2024-6`` or ``2024/06``), or None when it is not one."""
        found = _MONTH.match(self.text().strip())
        if found is None:
            return None
        year, month = int(found.group(1)), int(found.group(2))
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            return None
        return YearMonth(year, month)

    def setValue(self, value: YearMonth | None) -> None:
        self.setText("" if value is None else f"{value.year:04d}-{value.month:02d}")

    def problem(self) -> str | None:
        """What is wrong with the typed month, as the field shows it (None: nothing)."""
        if self.value() is not None:
            return None
        text = self.text().strip()
        found = _MONTH.match(text)
        if found is not None and not 1 <= int(found.group(2)) <= 12:
            return self.tr("There is no month {0}: give it as YYYY-MM, 01 to 12.").format(
                found.group(2)
            )
        if found is not None:
            return self.tr("The year must be between {0} and {1}.").format(MIN_YEAR, MAX_YEAR)
        if text.isascii() and text.isdigit() and len(text) == 4:
            return self.tr("Add the month: {0}-MM.").format(text)
        return self.tr("Give the month as YYYY-MM, such as 2024-06.")


def month_box(value: YearMonth) -> QDateEdit:
    """A year-month editor (``2024-06``); days do not matter to news lines."""
    edit = QDateEdit(QDate(value.year, value.month, 1))
    edit.setDisplayFormat("yyyy-MM")
    edit.setMinimumDate(QDate(MIN_YEAR, 1, 1))
    edit.setMaximumDate(QDate(MAX_YEAR, 12, 31))
    return edit


def month_of(edit: QDateEdit) -> YearMonth:
    date = edit.date()
    return YearMonth(date.year(), date.month())


def set_month(edit: QDateEdit, value: YearMonth) -> None:
    edit.setDate(QDate(value.year, value.month, 1))


def optional(text: str) -> str | None:
    """A text field's value: None when empty."""
    return text.strip() or None


def looks_like_link(text: str) -> bool:
    """A link the store keeps: the forms ask core's rule, so they accept no link it refuses."""
    return http_url(text) is not None
