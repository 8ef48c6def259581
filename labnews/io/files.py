"""Writing files so that a crash never leaves half of one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
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
    clean_stale_temps(folder, path.name)
    # The writer's pid in the name tells a later run whether a left-over temp file is litter.
    handle, temp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder
    )
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


STALE_TEMP_SECONDS = 60


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
            try:
                age = time.time() - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            if age > STALE_TEMP_SECONDS or (pid is not None and _writer_gone(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _writer_gone(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # signal 0 would end a process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


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
