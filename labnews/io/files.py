"""Writing files so that a crash never leaves half of one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from labnews.core.errors import LabnewsError
from labnews.core.litter import is_stale


def write_atomic(
    path: Path, data: str | bytes, *, encoding: str = "utf-8", mode_of: Path | None = None
) -> None:
    """Replace ``path`` with ``data`` in one step; on any failure the old file stays as it was.

    The path stays what it is: a symlink is written through to its target (the link stays a
    link), a file with other hard links is rewritten in place (so every name sees the new
    text), its mode is kept (or made ``mode_of``'s; a new file otherwise gets the usual 0666
    less the umask), and a folder, FIFO or device is refused, never replaced by a regular
    file. Text is written with ``newline=""`` so its line endings are exactly the ones given.
    Errors name ``path`` as the user gave it, never a temp file.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LabnewsError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise LabnewsError(f"cannot write {path}: {exc.strerror or exc}") from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise LabnewsError(f"cannot write {path}: it is a folder")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise LabnewsError(
            f"cannot write {path}: it is not a regular file (a pipe, socket or device)"
        )
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        if existing is not None and existing.st_nlink > 1:
            _rewrite_in_place(target, payload)
            return
        mode = _new_mode(existing, mode_of)
        _replace(target, folder, payload, mode)
    except OSError as exc:
        raise LabnewsError(f"cannot write {path}: {exc.strerror or exc}") from None


def _new_mode(existing: os.stat_result | None, mode_of: Path | None) -> int:
    """The mode the written file gets: ``mode_of``'s, else the replaced file's, else the usual."""
    if mode_of is not None:
        with contextlib.suppress(OSError):
            return mode_of.stat().st_mode & 0o7777
    if existing is not None:
        return existing.st_mode & 0o7777
    return 0o666 & ~_umask()


def _replace(target: Path, folder: Path, payload: bytes, mode: int) -> None:
    """Temp file beside ``target``, fsync, then one rename over it."""
    clean_stale_temps(folder, target.name)
    # The writer's pid in the name tells a later run whether a left-over temp file is litter.
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600): give it the mode it should have.
        with contextlib.suppress(OSError):
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _rewrite_in_place(target: Path, payload: bytes) -> None:
    """Rewrite a hard-linked file through its own inode.

    A rename would split the link: the other name would keep the old text, which for a
    homepage shared between two checkouts is the larger surprise. This write is not atomic;
    publish keeps the previous text in FILE.bak before it writes.
    """
    with open(target, "r+b") as out:
        out.write(payload)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def clean_stale_temps(folder: Path, name: str) -> list[Path]:
    """Delete the temp files that killed writes of ``name`` left (``.NAME.[PID.]XXXXXXXX.tmp``).

    Only those whose writer is gone or that are over a minute old: a write another process is
    making right now keeps its file. Returns what was deleted.
    """
    pattern = re.compile(rf"^\.{re.escape(name)}\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{{8}}\.tmp$")
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = pattern.match(entry.name)
            if match is None or not entry.is_file(follow_symlinks=False):
                continue
            pid = int(match["pid"]) if match["pid"] else None
            if is_stale(Path(entry.path), pid):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


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
