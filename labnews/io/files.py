"""Writing files so that a crash never leaves half of one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from labnews.core.errors import LabnewsError


def write_atomic(path: Path, data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``data`` in one step; on any failure the old file stays as it was.

    Text is written with ``newline=""`` so its line endings are exactly the ones given.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise LabnewsError(f"cannot write {path}: the folder {folder} does not exist")
    payload = data.encode(encoding) if isinstance(data, str) else data
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); a replaced file keeps its mode, a new one gets
        # the mode any new file would (0666 less the umask), so a web server can read it.
        with contextlib.suppress(OSError):
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would leave the folder (``..``, ``/``)."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve() or name in {"", ".", ".."}:
        raise LabnewsError(f"refusing to write {name!r}: it would leave {folder}")
    return target
