"""When a half-written file left beside a lab or a homepage is litter: the one rule for both."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Final

STALE_SECONDS: Final = 60
"""A half-written file older than this is left over even if a process has its writer's pid."""


def writer_gone(pid: int) -> bool:
    """Whether the process that wrote a file (its pid is in the file's name) has ended."""
    if pid == os.getpid() or os.name == "nt":  # signal 0 would end the process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def is_stale(path: Path, pid: int | None) -> bool:
    """Whether a half-written file is left over: its writer is gone, or it is over a minute old.

    A copy another process is writing right now is neither, so it is never taken for litter.
    """
    if pid is not None and writer_gone(pid):
        return True
    try:
        age = time.time() - path.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > STALE_SECONDS
