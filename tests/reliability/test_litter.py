"""A killed write leaves its temp file; the next write of the same file cleans it up, and
never a temp file another writer is still filling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.reliability.labfiles import ROOT

_KILLED_WRITE = """
import os, sys, time
from pathlib import Path
from labnews.io import files

def stop(_source, _target):
    print("written", flush=True)
    time.sleep(600)

files.os.replace = stop  # the temp file is whole; the process is killed before the rename
files.write_atomic(Path(sys.argv[1]), b"x" * 1_000_000)
"""


def test_a_killed_writes_temp_file_is_cleaned_when_the_same_file_is_next_written(
    tmp_path: Path,
) -> None:
    from labnews.io.files import write_atomic

    target = tmp_path / "about.md"
    target.write_text("before\n")
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITE, str(target)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "written"
    (left,) = [p for p in tmp_path.iterdir() if p.name.startswith(".about.md.")]
    other_target = tmp_path / ".about.md.bak.abcdefgh.tmp"  # another file's, however old
    other_target.write_bytes(b"not ours")
    os.utime(other_target, (0, 0))
    old_style = tmp_path / ".about.md.k2j4h5g6.tmp"  # before temp names carried the pid
    old_style.write_bytes(b"half")
    os.utime(old_style, (0, 0))
    young_old_style = tmp_path / ".about.md.a1b2c3d4.tmp"
    young_old_style.write_bytes(b"maybe being written")
    write_atomic(target, "after\n")
    assert left.exists()  # its writer is still alive, and it is young
    child.kill()
    child.wait()
    write_atomic(target, "again\n")
    assert target.read_text() == "again\n"
    assert not left.exists()
    assert not old_style.exists()
    assert young_old_style.exists()
    assert other_target.exists()
