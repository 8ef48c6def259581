"""The test run's summary names each skip reason once, with a count, not once per test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_skips_are_summed_up_one_line_per_reason(tmp_path: Path) -> None:
    (tmp_path / "test_some.py").write_text(
        "import pytest\n"
        "@pytest.mark.parametrize('n', range(3))\n"
        "def test_server(n):\n"
        "    pytest.skip('no server here')\n"
        "@pytest.mark.skip(reason='later')\n"
        "def test_later():\n"
        "    pass\n"
        "def test_runs():\n"
        "    pass\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # tests.conftest loaded as a plugin: its hook, in a run of a folder of our own.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rfE",
            "test_some.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "skipped 3: no server here" in lines
    assert "skipped 1: later" in lines
    assert lines.index("skipped 3: no server here") < lines.index("skipped 1: later")
    assert not [line for line in lines if line.startswith("SKIPPED")]
