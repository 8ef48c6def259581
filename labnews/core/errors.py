"""The errors labnews reports to a person: each carries one clear sentence."""

from __future__ import annotations


class LabnewsError(Exception):
    """A problem the user can act on; ``str()`` is the message to show them."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(LabnewsError):
    """An input field holds a value labnews cannot accept; ``field`` names it."""


class NotFoundError(LabnewsError):
    """A named record (paper, member, venue) does not exist."""


class DuplicateError(LabnewsError):
    """The record would duplicate one that already exists."""


class InUseError(LabnewsError):
    """The record cannot be removed because other records still refer to it."""


class ConflictError(LabnewsError):
    """Someone else changed the record since it was read (its version moved on)."""


class AmbiguousNameError(LabnewsError):
    """A name matches more than one member; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: tuple[str, ...], *, field: str | None = None):
        super().__init__(message, field=field)
        self.candidates = candidates


class DatabaseError(LabnewsError):
    """The database file or server cannot be used as it is (damaged, foreign, too new)."""


class TemplateError(LabnewsError):
    """A news template is broken, unsafe, or produced too much output."""
