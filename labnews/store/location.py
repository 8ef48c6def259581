"""Where the lab's database is: ``--db``, ``LABNEWS_DB`` or the default file; a path or a URL.

Plain text rules with no SQLAlchemy: the window resolves its lab before the store is imported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from labnews.core.errors import DatabaseError

ENV_VAR = "LABNEWS_DB"


def default_database_path() -> Path:
    """``labnews.sqlite`` in the user data dir (platformdirs)."""
    from platformdirs import user_data_path

    return user_data_path("labnews", appauthor=False) / "labnews.sqlite"


def resolve_target(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The database to open: ``--db`` wins over ``LABNEWS_DB``, which wins over the default."""
    env = os.environ if environ is None else environ
    if explicit is not None:
        if not explicit.strip():
            # An empty --db is a slip (an unset shell variable), not a wish for the default lab.
            raise DatabaseError("--db is empty: name a database file or URL")
        return explicit
    if env.get(ENV_VAR):
        return env[ENV_VAR]
    return str(default_database_path())


def is_url(target: str) -> bool:
    """A target with a ``scheme://`` is a SQLAlchemy URL; anything else is a SQLite file path."""
    head, sep, _ = target.partition("://")
    # Any "scheme://" is meant as a URL, even a misspelt one ("postgres_ql://"): taking it for
    # a file path would create a stray lab named after the URL, password and all.
    return bool(sep) and len(head) > 1 and "/" not in head and not head[0].isspace()


_USERINFO = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:@/\s]*):(?P<secret>.*)@")


def mask_secret(text: str) -> str:
    """``text`` with the password of any database URL in it shown as ``***``, however malformed.

    Everything from the user name's colon to the last ``@`` is the password: a password with
    an unescaped ``@`` must not leak its tail as a "host".
    """
    return _USERINFO.sub(lambda m: f"{m['head']}:***@", text)
