"""The base of every records table model: rows of frozen records, filtered and sorted in Python."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from labnews.gui.models.roles import DISPLAY_ROLE, ROW_FLAGS

R = TypeVar("R")

RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""data() role that returns the row's frozen record itself."""


ModelIndex = QModelIndex | QPersistentModelIndex
Display = Callable[[Any], str]
SortKey = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Prepared(Generic[R]):
    """Records with what the model computes of them, made off the window's thread for a large
    lab: the model then takes them in one quick reset (``adopt``)."""

    records: tuple[R, ...]
    haystacks: tuple[str, ...]
    index: Any
    """What ``build_index`` made of the records (the filters' plain lists)."""
    index_key: Any
    """What the index depended on besides the records (the tally rules), to see it still holds."""
    sort_column: int
    ascending: list[int] | None
    """The records' ascending order by ``sort_column`` (None: unsorted)."""


def _narrows(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """True when every row matching ``new`` also matches ``old`` (typing on narrows the search)."""
    return bool(old) and all(any(o in n for n in new) for o in old)


class RecordsModel(QAbstractTableModel, Generic[R]):
    """Records in view order; a search over precomputed lowercase haystacks; sort by any column.

    Qt's proxy models call back into Python for every comparison, which takes tens of seconds at
    100,000 rows. Here a sort is one ``sorted()`` over plain keys, done once per column, and a
    filter one list comprehension over the sorted order, so the visible rows come out sorted.
    Ties keep the load order; descending is the exact reverse of ascending.
    """

    def __init__(
        self,
        headers: Sequence[str],
        display: Sequence[Display],
        sort_keys: Sequence[SortKey],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._display = tuple(display)
        self._sort_key_of = tuple(sort_keys)
        self._records: tuple[R, ...] = ()
        self._haystacks: tuple[str, ...] = ()
        self._order: list[int] = []  # every record, in the current sort order
        self._rows: list[int] = []  # the visible records, in the current sort order
        self._ascending: dict[int, list[int]] = {}  # each column's sorted order, once computed
        self._search: tuple[str, ...] = ()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- what subclasses say about their records --------------------------------------------

    def haystack(self, record: R) -> str:
        """The lowercase text the search box looks in."""
        raise NotImplementedError

    def record_id(self, record: R) -> int:
        """The database id of a record."""
        raise NotImplementedError

    def index_records(self) -> None:
        """Precompute what ``narrow`` needs, once per set of records."""
        self.use_index(self.build_index(self._records))

    def build_index(self, records: Sequence[R]) -> Any:
        """What ``narrow`` needs of these records; reads only ``index_key`` of the model, so a
        worker thread may call it."""
        return None

    def use_index(self, index: Any) -> None:
        """Take what ``build_index`` made."""

    def index_key(self) -> Any:
        """What ``build_index`` depends on besides the records (None: nothing)."""
        return None

    def narrow(self, source: list[int]) -> list[int]:
        """Apply the filters besides the search text (year, venue, member...) to record indexes."""
        return source

    def extra_data(self, record: R, column: int, role: int) -> Any:
        """Roles other than display and the record itself (fonts, colours, tooltips)."""
        return None

    # --- Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        record = self._records[self._rows[index.row()]]
        if role == DISPLAY_ROLE:
            return self._display[index.column()](record)
        if role == RECORD_ROLE:
            return record
        return self.extra_data(record, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if (
            role == DISPLAY_ROLE
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not -1 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(index, self._rows[index.row()]) for index in before]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_order()
        if len(self._rows) == len(self._records):
            self._rows = list(self._order)
        else:
            visible = set(self._rows)
            self._rows = [i for i in self._order if i in visible]
        if held:
            # Selected rows follow their records to where the sort put them.
            wanted = {record for _index, record in held}
            row_of = {r: row for row, r in enumerate(self._rows) if r in wanted}
            self.changePersistentIndexList(
                before, [self.index(row_of[record], index.column()) for index, record in held]
            )
        self.layoutChanged.emit()

    # --- records in, records out ----------------------------------------------------------------

    @property
    def records(self) -> tuple[R, ...]:
        """Every record the model holds, filtered out or not, in load order."""
        return self._records

    def set_records(self, records: Iterable[R]) -> None:
        """Replace every record; the search, filters and sort stay as they were."""
        self.beginResetModel()
        self._records = tuple(records)
        self._haystacks = tuple(self.haystack(r) for r in self._records)
        self._ascending.clear()
        self.index_records()
        self._order = self._sorted_order()
        self._rows = self._matching(self._order)
        self.endResetModel()

    def prepare(self, records: Iterable[R]) -> Prepared[R]:
        """Everything ``set_records`` computes of ``records``, without touching the model: safe
        to run on a worker thread while the model shows other records."""
        kept = tuple(records)
        # Taken before the index is built: a change of rules meanwhile makes adopt rebuild it.
        index_key = self.index_key()
        column = self._sort_column
        ascending = None
        if column >= 0:
            key_of = self._sort_key_of[column]
            keys = [key_of(r) for r in kept]
            ascending = sorted(range(len(kept)), key=keys.__getitem__)
        return Prepared(
            kept,
            tuple(self.haystack(r) for r in kept),
            self.build_index(kept),
            index_key,
            column,
            ascending,
        )

    def adopt(self, prepared: Prepared[R]) -> None:
        """Show prepared records (as ``set_records`` would); the search, filters and sort stay."""
        self.beginResetModel()
        self._records = prepared.records
        self._haystacks = prepared.haystacks
        self._ascending.clear()
        if prepared.ascending is not None:
            self._ascending[prepared.sort_column] = prepared.ascending
        if prepared.index_key == self.index_key():
            self.use_index(prepared.index)
        else:  # the rules changed while the records were prepared
            self.index_records()
        self._order = self._sorted_order()
        self._rows = self._matching(self._order)
        self.endResetModel()

    def record_at(self, row: int) -> R:
        return self._records[self._rows[row]]

    def row_of(self, record_id: int) -> int | None:
        """The visible row of the record with this id, or None when it is filtered out."""
        for row, index in enumerate(self._rows):
            if self.record_id(self._records[index]) == record_id:
                return row
        return None

    def rows_of(self, record_ids: Iterable[int]) -> list[int]:
        """The visible rows of these records, in order (one pass, however many are asked for)."""
        wanted = set(record_ids)
        record_id, records = self.record_id, self._records
        return [row for row, i in enumerate(self._rows) if record_id(records[i]) in wanted]

    def visible_records(self) -> list[R]:
        return [self._records[i] for i in self._rows]

    # --- search and filters ---------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return " ".join(self._search)

    def set_search(self, text: str) -> None:
        """Show only records whose haystack holds every word of ``text`` (ignoring case)."""
        tokens = tuple(text.casefold().split())
        if tokens == self._search:
            return
        # Typing on only narrows the rows: filter what is shown instead of every record.
        source = self._rows if _narrows(self._search, tokens) else self._order
        self._search = tokens
        self.beginResetModel()
        self._rows = self._matching(source)
        self.endResetModel()

    def refilter(self) -> None:
        """Apply the filters again after a subclass changed them."""
        self.beginResetModel()
        self._rows = self._matching(self._order)
        self.endResetModel()

    def _matching(self, source: list[int]) -> list[int]:
        tokens, hay = self._search, self._haystacks
        source = self.narrow(source)
        if not tokens:
            return list(source)
        if len(tokens) == 1:
            token = tokens[0]
            return [i for i in source if token in hay[i]]
        return [i for i in source if all(t in hay[i] for t in tokens)]

    # --- sorting --------------------------------------------------------------------------------

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def _sorted_order(self) -> list[int]:
        count = len(self._records)
        if self._sort_column < 0:
            return list(range(count))
        ascending = self._ascending.get(self._sort_column)
        if ascending is None:
            key_of = self._sort_key_of[self._sort_column]
            keys = [key_of(r) for r in self._records]
            ascending = sorted(range(count), key=keys.__getitem__)
            self._ascending[self._sort_column] = ascending
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return ascending[::-1]
        return list(ascending)
