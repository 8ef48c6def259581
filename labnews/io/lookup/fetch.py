"""Asking a bibliographic service politely: base URLs, the client, pacing and one-line errors."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from math import ceil
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

import labnews
from labnews.core.errors import LabnewsError

if TYPE_CHECKING:
    import httpx

CONNECT_TIMEOUT: Final = 5.0
READ_TIMEOUT: Final = 15.0
MIN_INTERVAL: Final = 1.0
"""Seconds between two requests to one service from this process (services ask for pacing)."""
MAX_ANSWER: Final = 10_000_000
"""Bytes of one answer read at most: a record is a few kilobytes, more is not a record."""


class LookupFailed(LabnewsError):
    """A service could not be asked or gave no usable answer; the message says why in one line."""


@dataclass(frozen=True)
class ServiceURLs:
    """Where each service answers: the public APIs by default, a lab setting or test server else."""

    crossref: str = "https://api.crossref.org"
    arxiv: str = "https://export.arxiv.org"
    openreview: str = "https://api2.openreview.net"
    dblp: str = "https://dblp.org"
    acl: str = "https://aclanthology.org"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ServiceURLs:
        """The defaults, each replaced by its LABNEWS_<SERVICE>_URL variable when that is set."""
        env = os.environ if environ is None else environ
        defaults = cls()
        values = {
            name: (env.get(f"LABNEWS_{name.upper()}_URL") or "").strip() or getattr(defaults, name)
            for name in (field.name for field in fields(cls))
        }
        return cls(**values)

    def of(self, service: str) -> str:
        """The base URL of one service, without a trailing slash."""
        base: str = getattr(self, service)
        return base.rstrip("/")


def user_agent(contact: str | None = None) -> str:
    """labnews' User-Agent; Crossref's "polite pool" wants a mailto to reach the operator."""
    mail = contact if contact is not None else os.environ.get("LABNEWS_CONTACT_EMAIL", "").strip()
    # No project address: labnews has no public homepage to name yet, and a guessed one would
    # send a service's operator somewhere wrong. The mailto is how they reach this lab's admin.
    extra = f"; mailto:{mail}" if mail else ""
    return f"labnews/{labnews.__version__} (research lab news{extra})"


def new_client(*, connect: float = CONNECT_TIMEOUT, read: float = READ_TIMEOUT) -> httpx.Client:
    """An HTTP client with labnews' timeouts and User-Agent; close it when done."""
    import httpx

    timeout = httpx.Timeout(read, connect=connect)
    return httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent()}
    )


class _Pacer:
    """At most one request per interval to each base URL, and none while a 429 asks to wait."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._held: dict[str, float] = {}

    def held_for(self, base: str) -> float:
        """Seconds this service still asked labnews to wait (after a 429), else 0."""
        with self._lock:
            return max(0.0, self._held.get(base, 0.0) - time.monotonic())

    def hold(self, base: str, seconds: float) -> None:
        with self._lock:
            self._held[base] = time.monotonic() + seconds

    def wait(self, base: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(base, now))
            self._next[base] = start + self.interval
        # At most one interval per request queued ahead: a person's lookups are one or two.
        if start > now:
            time.sleep(start - now)


_PACER: Final = _Pacer(MIN_INTERVAL)


def get(
    client: httpx.Client,
    base: str,
    path: str,
    *,
    service: str,
    missing: str,
    params: Mapping[str, str] | None = None,
) -> bytes:
    """GET ``base + path`` and return the answer's body, or raise LookupFailed with one line.

    ``service`` names the service in messages; ``missing`` is the sentence for a 404.
    """
    import httpx

    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise LookupFailed(f"the {service} address {base[:80]!r} is not an http(s) URL")
    host = parts.netloc
    held = _PACER.held_for(base)
    if held:  # asked again within a 429's Retry-After: say so without asking the service
        raise LookupFailed(f"{service} asks labnews to slow down (429): {_retry(str(ceil(held)))}")
    _PACER.wait(base)
    # Set on each request, not only by new_client(): a caller's own client is polite too.
    headers = {"User-Agent": user_agent()}
    try:
        # DBLP answers a renamed key with a redirect: follow it whatever the client's default.
        with client.stream(
            "GET", base + path, params=params, headers=headers, follow_redirects=True
        ) as response:
            status = response.status_code
            if status == 200:
                return _read_capped(response, service)
            retry_after = response.headers.get("retry-after", "")
    except httpx.TimeoutException as exc:
        connecting = isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout)
        limit = client.timeout.connect if connecting else client.timeout.read
        within = f" within {limit:g} s" if limit else ""
        raise LookupFailed(f"{service} ({host}) did not answer{within}; try again later") from exc
    except httpx.HTTPError as exc:
        raise LookupFailed(f"cannot reach {host}: {_reason(exc)}") from exc
    except (httpx.InvalidURL, ValueError) as exc:  # a base URL httpx cannot take apart
        raise LookupFailed(f"the {service} address {base[:80]!r} is not a usable URL") from exc
    if status == 404 or status == 410:
        raise LookupFailed(missing)
    if status == 429:
        seconds = _retry_seconds(retry_after)
        _PACER.hold(base, seconds if seconds is not None else 60)
        raise LookupFailed(f"{service} asks labnews to slow down (429): {_retry(retry_after)}")
    if status >= 500:
        raise LookupFailed(f"{service} has a server problem ({status}); try again later")
    raise LookupFailed(f"{service} refused the request ({status})")


def _read_capped(response: httpx.Response, service: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_ANSWER:
            raise LookupFailed(f"{service}'s answer is too large to be one record")
        chunks.append(chunk)
    return b"".join(chunks)


_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")
_ADDRESS = re.compile(r"\S+://\S+")


def _reason(exc: Exception) -> str:
    """httpx's reason without errno numbers or URLs: "Connection refused", "Name ... not known"."""
    text = str(exc).strip().splitlines()[-1] if str(exc).strip() else ""
    text = _ADDRESS.sub("the address", _ERRNO.sub("", text)).strip()
    if not text:
        text = type(exc).__name__
    return text[:1].lower() + text[1:200] + " (offline?)"


def _retry_seconds(value: str) -> float | None:
    """Retry-After as seconds from now: it is a number of seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _retry(value: str) -> str:
    """When to try again, from a Retry-After of seconds or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        seconds = int(value)
        if seconds < 120:
            return f"try again in {seconds} s"
        return f"try again in {round(seconds / 60)} min"
    if value:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None:
            if when.tzinfo is not None:
                when = when.astimezone(UTC)
            return f"try again after {when.strftime('%H:%M')} UTC"
    return "try again in a minute"
