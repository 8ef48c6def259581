"""The published homepage built by the real site engines and read in a real browser.

Three small skeletons made for the tests (no theme download) keep each theme's layout of folders
and front matter: an AcadHomepage-style and an al-folio-style Jekyll site and a Hugo Blox-style
Hugo site. labnews publishes a lab into each through the CLI, the engine (Debian's ``jekyll`` and
``hugo``) builds it, a local HTTP server on 127.0.0.1 serves the result, and headless Chromium
(Debian's ``chromium``) loads it and dumps the DOM after its scripts ran. The tests read the
page's visible text: the demo lab's news, and the hostile corpus as plain characters, with no
tag evaluated and no script run. Without the engines the tests skip and say which is missing.
"""

from __future__ import annotations

import functools
import html
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from labnews.core.inputs import AuthorInput, MemberInput, PaperInput, VenueInput
from labnews.core.records import YearMonth
from labnews.store import commands
from labnews.store.database import Database
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
ENGINE_SECONDS = 300

PWNED = "document.body.setAttribute('data-pwned','1')"
HOSTILE = (
    "{% include_relative _config.yml %}",
    "EVL{{x}}",
    "{{< youtube x >}}",
    "<script>" + PWNED + "</script>",
    f'<img src=x onerror="{PWNED}">',
    "[click](javascript:alert(1))",
    '"}: {a: b',
)
SHOWN = (
    "{% include_relative _config.yml %}",
    "EVL{{x}}",
    "{{< youtube x >}}",
    "<script>",
    "<img src=x onerror=",
)


def _missing(*programs: str) -> str | None:
    gone = [p for p in programs if shutil.which(p) is None]
    if not gone:
        return None
    return (
        f"{', '.join(gone)} not installed (Debian packages jekyll, hugo, chromium): "
        "the real-engine tests need them; CI installs them"
    )


def needs(*programs: str) -> pytest.MarkDecorator:
    reason = _missing(*programs)
    return pytest.mark.skipif(reason is not None, reason=reason or "")


pytestmark = pytest.mark.usefixtures("no_personal_templates")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


LAYOUT = """<!doctype html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><main>{{ content }}</main></body></html>
"""
MARKERS = """
## News
<!-- labnews:start -->
<!-- labnews:end -->

## Publications
<!-- labnews:publications:start -->
<!-- labnews:publications:end -->

The lab's own closing words.
"""


def acadhomepage_site(root: Path) -> Path:
    site = root / "acadhomepage"
    write(
        site / "_config.yml",
        'title: Lab\nmarkdown: kramdown\ninclude: ["_pages"]\ngoogle_scholar_stats_use_cdn: true\n',
    )
    (site / "google_scholar_crawler").mkdir()
    write(site / "_layouts/default.html", LAYOUT)
    write(
        site / "_pages/about.md",
        "---\npermalink: /\ntitle: About\nlayout: default\n---\n\n# The lab 🔥\n" + MARKERS,
    )
    return site


def al_folio_site(root: Path) -> Path:
    site = root / "al-folio"
    write(
        site / "_config.yml",
        'title: Lab\nmarkdown: kramdown\ninclude: ["_pages"]\nscholar:\n  style: apa\n'
        "announcements:\n  enabled: true\ncollections:\n  news:\n    output: false\n",
    )
    write(site / "_bibliography/papers.bib", "")
    write(site / "_layouts/default.html", LAYOUT)
    write(site / "_layouts/post.html", LAYOUT)
    # al-folio's news list: each item's content, rendered by Jekyll, inline.
    write(
        site / "_pages/about.md",
        "---\npermalink: /\ntitle: About\nlayout: default\n---\n\n# The lab\n\n"
        '<ul id="news">{% assign news = site.news | sort: "date" | reverse %}'
        "{% for item in news %}<li>{{ item.date | date: '%Y/%m' }}: "
        "{{ item.content | remove: '<p>' | remove: '</p>' }}</li>{% endfor %}</ul>\n"
        + MARKERS.split("## News")[0]
        + "\n## Publications\n<!-- labnews:publications:start -->\n"
        "<!-- labnews:publications:end -->\n",
    )
    write(site / "_news/announcement_1.md", "---\nlayout: post\ndate: 2020-01-01\n---\nOurs.\n")
    return site


def hugo_blox_site(root: Path) -> Path:
    site = root / "hugo-blox"
    write(
        site / "hugo.toml",
        'baseURL = "http://127.0.0.1/"\ntitle = "Lab"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        # As Hugo Blox's own config: raw HTML (the news format's <br>) passes Goldmark. Data
        # must stay text all the same, so the hostile test is the stricter for it.
        "[markup.goldmark.renderer]\nunsafe = true\n",
    )
    write(site / "go.mod", "module lab\n\ngo 1.19\n// built with HugoBlox: hugo-blox-builder\n")
    write(site / "config/_default/params.yaml", "appearance:\n  theme_day: minimal\n")
    write(
        site / "layouts/index.html",
        '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body><main>{{ .Content }}<h2>Publications</h2><ul id="publications">'
        '{{ range where .Site.RegularPages "Section" "publication" }}'
        "<li>{{ .Title }} ({{ .Params.publication }}; "
        '{{ with .Params.authors }}{{ delimit . ", " }}{{ end }})</li>'
        "{{ end }}</ul></main></body></html>\n",
    )
    write(site / "layouts/_default/single.html", "<html><body>{{ .Content }}</body></html>\n")
    write(site / "layouts/_default/list.html", "<html><body>{{ .Content }}</body></html>\n")
    write(site / "content/_index.md", "---\ntitle: Lab\n---\n\n# The lab\n" + MARKERS)
    write(site / "content/publication/mine/index.md", "---\ntitle: The user's own paper\n---\n")
    return site


def build(site: Path, engine: str) -> Path:
    out = site.parent / f"{site.name}-built"
    if engine == "jekyll":
        command = ["jekyll", "build", "--quiet", "-s", str(site), "-d", str(out)]
    else:
        command = ["hugo", "--quiet", "-s", str(site), "-d", str(out)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=ENGINE_SECONDS, check=False
    )
    assert done.returncode == 0, f"{engine} failed to build the site:\n{done.stdout}{done.stderr}"
    return out


@pytest.fixture
def served() -> Iterator[Callable[[Path], str]]:
    """Serve a built site on 127.0.0.1 (a free port); the URL of its home page."""
    servers: list[ThreadingHTTPServer] = []

    def serve(folder: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    """The standard file handler, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        return


SCREENSHOTS_ENV = "LABNEWS_SITE_SCREENSHOTS"
"""A folder to save each built demo page's screenshot in (the README's come from here)."""


def _chromium(profile: Path, *args: str) -> str:
    done = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def browse(url: str, profile: Path) -> str:
    """The page's DOM after Chromium loaded it and ran its scripts."""
    return _chromium(profile, "--dump-dom", url)


def screenshot(url: str, profile: Path, name: str) -> None:
    """Save the page as the browser shows it, when $LABNEWS_SITE_SCREENSHOTS names a folder."""
    folder = os.environ.get(SCREENSHOTS_ENV)
    if folder:
        target = Path(folder) / f"site-{name}.png"
        _chromium(profile, "--window-size=900,1100", f"--screenshot={target}", url)


class Visible(HTMLParser):
    """The page's visible text (script and style contents are not), and its script elements."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.scripts = 0
        self._hidden = 0
        self.attributes: list[tuple[str, str | None]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += attrs
        if tag == "script":
            self.scripts += 1
        if tag in {"script", "style", "head"}:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "head"}:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


@pytest.fixture
def hostile_lab(database: Database) -> Database:
    with database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="EVL{{x}}", full="{% x %} Conf", month=6))
        for i, payload in enumerate(HOSTILE):
            member = commands.add_member(session, MemberInput(name=f"M{i} {payload}")).ids[0]
            commands.add_paper(
                session,
                PaperInput(
                    venue="EVL{{x}}" if i % 2 else "CVPR",
                    year=2024,
                    news=YearMonth(2024, 1 + i),
                    title=f"T{i} {payload}",
                    authors=(AuthorInput(name=f"M{i}", member_id=member),),
                ),
            )
    return database


SKELETONS = [
    pytest.param(acadhomepage_site, "jekyll", id="acadhomepage-jekyll"),
    pytest.param(al_folio_site, "jekyll", id="al-folio-jekyll"),
    pytest.param(hugo_blox_site, "hugo", id="hugo-blox-hugo"),
]


def publish_and_read(
    run: Cli,
    make: Callable[[Path], Path],
    engine: str,
    tmp_path: Path,
    serve: Callable[[Path], str],
    shot: str = "",
) -> Visible:
    site = make(tmp_path / "sites")
    assert run("site", str(site)).code == 0
    result = run("publish")
    assert result.code == 0, result
    url = serve(build(site, engine))
    if shot:
        screenshot(url, tmp_path / "profile", shot)
    return Visible(browse(url, tmp_path / "profile"))


@needs("jekyll", "hugo", "chromium")
@pytest.mark.parametrize(("make", "engine"), SKELETONS)
def test_the_demo_lab_shows_on_the_built_page(
    cli: Cli,
    make: Callable[[Path], Path],
    engine: str,
    tmp_path: Path,
    served: Callable[[Path], str],
) -> None:
    assert cli("demo").code == 0
    shot = make.__name__.removesuffix("_site").replace("_", "-")
    page = publish_and_read(cli, make, engine, tmp_path, served, shot)
    text = page.text
    if make is acadhomepage_site:
        assert "2024.12: 🎉🎉 Three papers accepted to NeurIPS 2024" in text, text
    elif make is al_folio_site:
        assert "2024/12: Three papers accepted to NeurIPS 2024" in text, text
        assert "2020/01: Ours." in text  # the user's own news item is still there
    else:
        assert "(2024) : We have 19 papers this year(2 ETRI J., 5 CVPR" in text, text
        assert "(2024/12): Three papers accepted to NeurIPS 2024" in text, text
        assert "The user's own paper" in text
    # The publication list: a title and its venue.
    assert "KOALA: Empirical Lessons Toward Memory-Efficient" in text, text
    # The user's own text after the blocks (kramdown makes its apostrophe a curly one).
    assert "own closing words." in text or make is al_folio_site


@needs("jekyll", "hugo", "chromium")
@pytest.mark.parametrize(("make", "engine"), SKELETONS)
def test_the_hostile_corpus_is_text_on_the_built_page(
    hostile_lab: Database,
    on: Callable[[Database], Cli],
    make: Callable[[Path], Path],
    engine: str,
    tmp_path: Path,
    served: Callable[[Path], str],
) -> None:
    page = publish_and_read(on(hostile_lab), make, engine, tmp_path, served)
    text = page.text
    for shown in SHOWN:
        assert shown in text, (shown, text)
    # Nothing ran: no script element came from the data, no handler changed the page, and no
    # Liquid tag was evaluated (include_relative would have put the site's config on the page).
    assert page.scripts == 0
    assert ("data-pwned", "1") not in page.attributes
    assert "google_scholar_stats_use_cdn" not in text
    assert "markdown: kramdown" not in text
    assert not any(name == "href" and "javascript:" in (v or "") for name, v in page.attributes)
    assert html.unescape("&#123;") == "{"  # the references the output uses show as braces
