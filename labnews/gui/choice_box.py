"""A combo box whose values stay Python objects, never converted to and from QVariants.

Item data round-trips through QVariant conversions that change types (a tuple comes back a
list, None an empty QVariant). Values kept in a Python list beside the items come back exactly
as they went in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QComboBox, QWidget


class ChoiceBox(QComboBox):
    """(label, value) choices; ``value()`` is the chosen value, any Python object."""

    def __init__(
        self,
        items: Iterable[tuple[str, object]] = (),
        current: object = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._values: list[object] = []
        self.set_choices(items, current)

    def set_choices(self, items: Iterable[tuple[str, object]], current: object = None) -> None:
        """Replace the choices (without a change signal) and choose ``current`` if offered."""
        pairs = list(items)
        self.blockSignals(True)
        try:
            self.clear()
            self._values = [value for _label, value in pairs]
            self.addItems([label for label, _value in pairs])
            self.setCurrentIndex(self._index_of(current, default=0) if pairs else -1)
        finally:
            self.blockSignals(False)

    @property
    def values(self) -> Sequence[object]:
        return tuple(self._values)

    def value(self) -> object:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: object) -> bool:
        """Choose ``value``; False (and no change) when it is not offered."""
        index = self._index_of(value, default=-1)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def _index_of(self, value: object, *, default: int) -> int:
        for index, offered in enumerate(self._values):
            # "is" first: 1 == True in Python, but the choices 1 and True are different.
            if offered is value or (type(offered) is type(value) and offered == value):
                return index
        return default
