"""Publishing into a homepage file: replace only the block between the labnews markers."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from labnews.core.errors import LabnewsError
from labnews.core.render import PUBLISH_MARKER
from labnews.io.files import write_atomic

START_MARKER = "<!-- labnews:start -->"
END_MARKER = "<!-- labnews:end -->"
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class PageChange:
    """A page before and after labnews writes into it, shown as a diff before it is written."""

    path: Path
    before: str
    after: str
    done: ClassVar[str] = "changed"
    """What the diff's new side is called: ``about.md (published)``."""

    def diff(self) -> str:
        """A unified diff of the change, for ``--dry-run`` and the GUI's confirmation."""
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=str(self.path),
                tofile=f"{self.path} ({self.done})",
            )
        )


@dataclass(frozen=True, slots=True)
class Publication(PageChange):
    """The homepage file before and after: what ``publish`` would write."""

    done: ClassVar[str] = "published"

    @property
    def changed(self) -> bool:
        return self.before != self.after


def section_markers(section: str | None) -> tuple[str, str]:
    """The marker lines of a section's block (``None``: the news block)."""
    if section is None:
        return START_MARKER, END_MARKER
    return f"<!-- labnews:{section}:start -->", f"<!-- labnews:{section}:end -->"


def missing_markers_message(path: Path, section: str | None = None) -> str:
    start, end = section_markers(section)
    what = "news" if section is None else section
    return (
        f"{path} has no labnews block; add these two lines where the {what} should go, "
        f"then publish again: {start} and {end}"
    )


def _newline_of(text: str) -> str:
    """The file's own line ending (the first one it uses), so the block is written with it."""
    match = _NEWLINE.search(text)
    return match.group(0) if match else "\n"


def replace_block(path: Path, original: str, block: str, section: str | None = None) -> str:
    """The file text with the block between the markers replaced; every other byte kept."""
    start_marker, end_marker = section_markers(section)
    start = original.find(start_marker)
    end = original.find(end_marker, start + len(start_marker)) if start >= 0 else -1
    if start < 0 or end < 0:
        raise LabnewsError(missing_markers_message(path, section))
    again = original.find(start_marker, start + 1)
    if 0 <= again < end:
        raise LabnewsError(f"{path} has two {start_marker} lines before {end_marker}")
    if PUBLISH_MARKER.search(block):
        # The block would end (or start) itself early: every later publish would move text
        # outside the markers. Formats defuse markers; a block that still holds one is refused.
        raise LabnewsError(
            f"the news to publish into {path} holds a labnews marker line; "
            "a record's text contains one (check member, venue and paper names)"
        )
    newline = _newline_of(original)
    body = _NEWLINE.sub(newline, block.strip("\r\n"))
    head = original[: start + len(start_marker)]
    tail = original[end:]
    # The block sits on its own lines between the marker lines.
    return f"{head}{newline}{body}{newline}{tail}"


def plan_publication(path: Path, block: str) -> Publication:
    """Read the homepage file and compute its published text, without writing."""
    from labnews.store.database import read_file_bytes

    try:
        raw = read_file_bytes(path)
    except FileNotFoundError:
        raise LabnewsError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise LabnewsError(f"{path} is a folder, not a homepage file") from None
    try:
        original = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LabnewsError(f"{path} is not UTF-8 text") from None
    return Publication(path, original, replace_block(path, original, block))


def publish(publication: Publication) -> Path | None:
    """Write the published text atomically, keeping the previous file as FILE.bak.

    Returns the backup's path, or None when nothing changed (and nothing was written).
    """
    if not publication.changed:
        return None
    backup = publication.path.with_name(publication.path.name + ".bak")
    # The backup is readable by whom the homepage is, no more (a 0640 page, a 0640 .bak).
    write_atomic(backup, publication.before.encode("utf-8"), mode_of=publication.path)
    write_atomic(publication.path, publication.after.encode("utf-8"))
    return backup
