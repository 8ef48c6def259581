"""Reading an imported text file whose encoding is not known: sizes, binary data, fallbacks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from labnews.core.errors import LabnewsError
from labnews.io.plan import ImportPlan
from labnews.store.database import read_file_bytes

MAX_FILE: Final = 200_000_000
"""Bytes of a .bib file read at most: a larger file is refused before it is read."""


def read_text(path: Path, plan: ImportPlan, *, fallbacks: Sequence[str] = ()) -> str:
    """A text file's content, decoded forgivingly; a binary or huge file is a LabnewsError.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; then each of
    ``fallbacks`` is tried; then undecodable bytes become U+FFFD and the plan says where.
    NUL characters are dropped and line ends become ``\\n``.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise LabnewsError(f"{path.name} is too large to import ({size:,} bytes)")
        data = read_file_bytes(path)
    except OSError as exc:
        raise LabnewsError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if _looks_binary(data):
            raise LabnewsError(f"{path.name} is not a text file (it holds binary data)")
        text = _decode(data, plan, fallbacks)
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        plan.note("warning", f"the file holds {nuls} NUL characters; they were dropped")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Bytes that text holds: all but the C0 controls other than tab, line ends, form feed and ESC.
_TEXT_BYTES: Final = bytes(b for b in range(256) if not (b < 9 or (13 < b < 32 and b != 27)))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = len(sample.translate(None, _TEXT_BYTES))  # what is left is the control bytes
    return controls > len(sample) // 10


def _decode(data: bytes, plan: ImportPlan, fallbacks: Sequence[str]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding in fallbacks:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plan.note("warning", f"the file is not UTF-8; it was read as {encoding}")
        return text
    line = data.count(b"\n", 0, first_bad) + 1
    plan.note(
        "warning", "the file is not valid UTF-8; bytes that are not were replaced by \ufffd", line
    )
    return data.decode("utf-8", errors="replace")
