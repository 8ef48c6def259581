"""A list of template rows built on first use: a format that never reads it never pays for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any


class Deferred(Sequence[dict[str, Any]]):
    """A list built on first use, so formats that never read it never pay for it."""

    def __init__(self, build: Callable[[], list[dict[str, Any]]]) -> None:
        self._build = build
        self._items: list[dict[str, Any]] | None = None

    def _all(self) -> list[dict[str, Any]]:
        if self._items is None:
            self._items = self._build()
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._all())
