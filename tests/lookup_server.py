"""A real local HTTP server that answers as Crossref, arXiv, OpenReview, DBLP and ACL do.

Each test gets its own path prefix, and the fixtures under tests/fixtures/lookup are the bodies.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from labnews.io.lookup import ServiceURLs

FIXTURES = Path(__file__).parent / "fixtures" / "lookup"
SERVICES = ("crossref", "arxiv", "openreview", "dblp", "acl")


@dataclass
class Route:
    """What the server answers on one path (and query, when given)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.server.requests.append((self.path, dict(self.headers.items())))
        route = self.server.routes.get(parts.path)
        if route is not None and route.query.items() <= dict(parse_qsl(parts.query)).items():
            if route.delay:
                time.sleep(route.delay)
            status, body, headers = route.status, route.body, route.headers
        else:
            status, body, headers = 404, b"<html><body>Not Found</body></html>", {}
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest shows failures, not every request."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.routes, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


_PREFIXES = itertools.count()


@dataclass
class Services:
    """The local server as every service, under a path of this test's own."""

    server: _Server
    prefix: str

    @property
    def urls(self) -> ServiceURLs:
        host, port = self.server.server_address[:2]
        base = f"http://{host!s}:{port}{self.prefix}"
        return ServiceURLs(**{name: f"{base}/{name}" for name in SERVICES})

    def serve(self, service: str, path: str, fixture: str = "", **route: object) -> None:
        body = (FIXTURES / fixture).read_bytes() if fixture else route.pop("body", b"")
        assert isinstance(body, bytes)
        self.server.routes[f"{self.prefix}/{service}{path}"] = Route(body=body, **route)  # type: ignore[arg-type]

    def requests(self) -> list[tuple[str, dict[str, str]]]:
        return [r for r in self.server.requests if r[0].startswith(self.prefix + "/")]


@pytest.fixture
def services(server: _Server) -> Services:
    """A fresh path per test: the one-request-a-second pacing is per service URL."""
    return Services(server, f"/t{next(_PREFIXES)}")


WACV_DOI = "10.1109/WACV61041.2025.00412"
"""The DOI of the WACV 2025 paper the local Crossref knows (crossref_work.json)."""


@pytest.fixture
def online(services: Services, monkeypatch: pytest.MonkeyPatch) -> Services:
    """labnews pointed at the local server (LABNEWS_<SERVICE>_URL), which knows a WACV 2025 paper
    (by DOI), the demo lab's NeurIPS 2024 paper (OpenReview) and an arXiv preprint."""
    for name in SERVICES:
        monkeypatch.setenv(f"LABNEWS_{name.upper()}_URL", getattr(services.urls, name))
    services.serve("crossref", f"/works/{WACV_DOI}", "crossref_work.json")
    services.serve("openreview", "/notes", "openreview_note.json", query={"id": "N4i4PfcrK6"})
    services.serve("arxiv", "/api/query", "arxiv_preprint.xml", query={"id_list": "2406.01234"})
    return services
