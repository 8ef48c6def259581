"""The homepage checkout's git repository: is it clean where labnews writes, commit, push.

The ``git`` program does the work (dulwich is not a dependency): it is what the user's own
commits and credentials already use, so ``--push`` behaves as their ``git push`` does.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from labnews.core.controls import one_line
from labnews.core.errors import LabnewsError

GIT_SECONDS: Final = 120
"""How long one git command may take (a push over a slow link included)."""


def _git(repo: Path, *args: str, timeout: float = GIT_SECONDS) -> str:
    program = shutil.which("git")
    if program is None:
        raise LabnewsError("git is not installed: --commit needs the git program")
    try:
        done = subprocess.run(
            [program, "-C", str(repo), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            # A prompt for credentials would hang the command: git fails instead.
            env=_environment(),
        )
    except subprocess.TimeoutExpired:
        raise LabnewsError(f"git {args[0]} took over {timeout:.0f} seconds; stopped") from None
    if done.returncode != 0:
        said = [line for line in done.stderr.splitlines() if line.strip()]
        reason = said[-1] if said else f"exit code {done.returncode}"
        raise LabnewsError(f"git {args[0]} failed in {repo}: {one_line(reason)}")
    return done.stdout


def _environment() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["GIT_TERMINAL_PROMPT"] = "0"
    # Paths come from the user's tree: a page named "*.md" or ":x" is that file, not a pattern.
    env["GIT_LITERAL_PATHSPECS"] = "1"
    env.setdefault("LC_ALL", "C")
    return env


def repository_root(folder: Path) -> Path:
    """The top of the git work tree that holds ``folder``; refused when there is none."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
    except LabnewsError:
        raise LabnewsError(f"{folder} is not in a git repository; --commit needs one") from None
    return Path(top)


def uncommitted(repo: Path, paths: Sequence[str]) -> list[str]:
    """Which of ``paths`` (relative to ``repo``) differ from the last commit or are untracked."""
    if not paths:
        return []
    output = _git(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths)
    found: list[str] = []
    entries = output.split("\0")
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        found.append(entry[3:])
        if entry[0] in "RC":
            index += 1  # a rename's second path follows
    return found


def check_identity(repo: Path) -> None:
    """Refuse before anything is written when git does not know who commits (user.name/email)."""
    try:
        _git(repo, "var", "GIT_COMMITTER_IDENT")
    except LabnewsError:
        raise LabnewsError(
            f"git does not know who you are in {repo}: set git config user.name and "
            "user.email, then publish again"
        ) from None


def commit(repo: Path, paths: Sequence[str], message: str) -> str:
    """Commit exactly ``paths`` (added, changed or removed) with ``message``; returns its id.

    Whatever else the user has staged stays staged and out of this commit.
    """
    _git(repo, "add", "--all", "--", *paths)
    _git(repo, "commit", "--quiet", "--only", "--message", message, "--", *paths)
    return _git(repo, "rev-parse", "HEAD").strip()


def push(repo: Path) -> None:
    """``git push`` to the branch's upstream, with the user's own credentials and settings."""
    _git(repo, "push", "--quiet")
