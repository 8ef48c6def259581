"""Promise 7: exports cannot attack the homepage.

A lab whose titles, names, venues and achievements hold HTML, Markdown, YAML and link payloads
is rendered through every format in both languages, and the results are parsed the way a
browser or a Jekyll site would read them: HTML with html.parser, Markdown with markdown-it-py
(CommonMark, raw HTML passed through as a site would), al-folio front matter line by line
(PyYAML is not installed), JSON with json.loads.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from labnews.core.errors import LabnewsError, ValidationError
from labnews.core.inputs import AchievementInput, AuthorInput, MemberInput, PaperInput, VenueInput
from labnews.core.news import news_entries
from labnews.core.records import AchievementRecord, AuthorRecord, PaperRecord, YearMonth
from labnews.core.render import build_context, find_format, render_folder, render_text
from labnews.core.rules import TallyRules
from labnews.core.tally import tally_years
from labnews.io import newsfile
from labnews.io.files import inside
from labnews.resources import resource
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.conftest import CliResult

Cli = Callable[..., CliResult]

LANGS = ("en", "ko")
MARKDOWN_FORMATS = ("yearly", "acadhomepage", "publications")
# The elements each Markdown format's own template makes; data must add none.
ALLOWED_TAGS = {
    "yearly": {"ul", "li", "strong", "br"},
    "acadhomepage": {"ul", "li", "em"},
    "publications": {"ul", "li", "h2", "br", "strong", "span", "a", "p"},
    "al-folio": {"p"},
}

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "![i](data:image/svg+xml;base64,PHN2Zz4=)",
    "<javascript:alert(1)>",
    "*bold* _em_ `code` ~~del~~",
    "a | b | c",
    "---",
    "\"double\" 'single'",
    "key: value",
    '"}: {a: b',
    "'; x: [y",
    "line one\nline two",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 7*7 }} {% raw %}",
    "<!-- comment",
    "]]><![CDATA[",
    "# heading \\",
)
VENUE = "<script>V</script>"
VENUE_FULL = "<img src=x onerror=alert(1)>\n---"
VENUE_LABEL = "L<img src=x onerror=alert(2)>|*"
BAD_LINK = "https://e.com/x)[y](javascript:alert(1)"
BAD_DOI = '10.1234/x"><script>alert(1)</script>'
ACHIEVEMENT_TITLE = "<script>alert(1)</script> --- award"
ACHIEVEMENT_ORG = "<img src=x onerror=alert(1)>\n# org"
ACHIEVEMENT_SENTENCE = '<a href="javascript:alert(1)">x</a>\n"quoted": *text*'
GRANT_TITLE = '"}: {a: b [x](javascript:alert(1))'


pytestmark = pytest.mark.usefixtures("no_personal_templates")


# --- the corpus --------------------------------------------------------------------------------


@pytest.fixture
def hostile(database: Database) -> Database:
    """A lab whose every text field that reaches the news holds a payload."""
    with database.session(write=True) as session:
        commands.add_venue(
            session, VenueInput(short=VENUE, full=VENUE_FULL, label=VENUE_LABEL, month=6)
        )
        members = []
        for i, payload in enumerate(HOSTILE):
            change = commands.add_member(
                session, MemberInput(name=f"M{i} {payload}", native=f"N{i} {payload}")
            )
            members.append(change.ids[0])
        for i, payload in enumerate(HOSTILE):
            commands.add_paper(
                session,
                PaperInput(
                    venue=VENUE if i % 2 else "CVPR",
                    year=2024,
                    news=YearMonth(2024, 1 + i % 12),
                    title=f"T{i} {payload}",
                    authors=(
                        AuthorInput(name=f"M{i}", member_id=members[i]),
                        AuthorInput(name=f"Out{i} {payload}"),
                    ),
                    url=BAD_LINK if i % 3 == 0 else None,
                    doi=BAD_DOI if i == 1 else None,
                    code="https://e.com/`x`" if i == 2 else None,
                    project="https://e.com/ok" if i == 2 else None,
                ),
            )
        commands.add_achievement(
            session,
            AchievementInput(
                kind="award",
                title=ACHIEVEMENT_TITLE,
                date=YearMonth(2024, 3),
                members=(members[0], members[1]),
                organisation=ACHIEVEMENT_ORG,
            ),
        )
        commands.add_achievement(
            session,
            AchievementInput(
                kind="talk", title="Talk", date=YearMonth(2023, 5), sentence=ACHIEVEMENT_SENTENCE
            ),
        )
        commands.add_achievement(
            session, AchievementInput(kind="grant", title=GRANT_TITLE, date=YearMonth(2023, 7))
        )
    return database


def render(database: Database, fmt: str, lang: str) -> str:
    with database.session() as session:
        _fmt, text = newsfile.render_news(
            session, newsfile.NewsRequest(format=fmt, lang=lang, with_achievements=True)
        )
    return text


def render_folder_files(database: Database, lang: str, out: Path) -> dict[str, str]:
    with database.session() as session:
        newsfile.write_news(
            session,
            newsfile.NewsRequest(format="al-folio", lang=lang, with_achievements=True),
            out,
        )
    return {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()}


# --- reading the results the way a browser would ----------------------------------------------


class Elements(HTMLParser):
    """Every element of a page, and the dangerous ones among them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[str] = []
        self.dangers: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in {"script", "img", "svg", "iframe", "object", "embed", "style", "base"}:
            self.dangers.append(f"<{tag}>")
        for name, value in attrs:
            target = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.lower().startswith("on"):
                self.dangers.append(f"<{tag} {name}=...>")
            if name.lower() in {"href", "src", "action", "formaction", "xlink:href"}:
                self.links.append(value or "")
                if target.startswith(("javascript:", "data:", "vbscript:")):
                    self.dangers.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def markdown_html(text: str) -> str:
    return str(MarkdownIt("commonmark").render(text))


def assert_inert(markup: str, allowed: set[str] | None = None) -> Elements:
    page = Elements(markup)
    assert page.dangers == [], page.dangers
    if allowed is not None:
        assert set(page.tags) <= allowed, sorted(set(page.tags) - allowed)
    for link in page.links:
        assert link.startswith(("https://", "http://")), link
    return page


def front_matter(text: str) -> tuple[list[str], str]:
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    assert lines[end + 1] == ""
    return lines[1:end], "\n".join(lines[end + 2 :])


# --- links the store refuses -------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--url", "--code", "--project"])
@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>x</script>"]
)
def test_add_paper_refuses_a_script_link_naming_the_field(cli: Cli, option: str, link: str) -> None:
    result = cli("add", "paper", "--venue", "NeurIPS", "--year", "2024", option, link)
    assert result.code == 1
    field = option.removeprefix("--")
    assert result.err.startswith(f"labnews: error: {field} must be an http or https link")
    assert cli("list", "papers", "--json").out.strip() in {"", "[]"}


def test_add_achievement_refuses_a_script_link_naming_the_field(cli: Cli) -> None:
    result = cli(
        "add", "achievement", "--kind", "award", "--title", "X", "--date", "2024-03",
        "--url", "javascript:alert(1)",
    )  # fmt: skip
    assert result.code == 1
    assert result.err.startswith("labnews: error: url must be an http or https link")


def test_the_store_refuses_ten_thousand_character_titles_and_names(database: Database) -> None:
    long_text = "<script>" + "x" * 10_000
    with database.session(write=True) as session:
        with pytest.raises(ValidationError) as title:
            commands.add_paper(session, PaperInput(venue="CVPR", year=2024, title=long_text))
        with pytest.raises(ValidationError) as name:
            commands.add_member(session, MemberInput(name=long_text))
    assert title.value.field == "title"
    assert name.value.field == "name"


# --- Markdown formats --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", MARKDOWN_FORMATS)
def test_markdown_formats_render_no_element_the_data_asked_for(
    hostile: Database, fmt: str, lang: str
) -> None:
    text = render(hostile, fmt, lang)
    assert_inert(markdown_html(text), ALLOWED_TAGS[fmt])


@pytest.mark.parametrize("lang", LANGS)
def test_yearly_keeps_one_line_per_news_item_and_only_its_own_bold(
    hostile: Database, lang: str
) -> None:
    text = render(hostile, "yearly", lang)
    lines = text.splitlines()
    # 2024: tally + 12 months + 1 award; 2023 (no papers, so no tally): 2 achievements.
    assert len(lines) == 16
    assert all(line.startswith((" - **(", " -- **(")) for line in lines)
    assert all(line.endswith("<br>") for line in lines)
    page = assert_inert(markdown_html(text))
    assert page.tags.count("li") == 1  # one list item per tally line (2023 has none)
    assert page.tags.count("strong") == 2 + 15


@pytest.mark.parametrize("lang", LANGS)
def test_acadhomepage_keeps_one_item_per_news_line(hostile: Database, lang: str) -> None:
    text = render(hostile, "acadhomepage", lang)
    page = assert_inert(markdown_html(text))
    assert page.tags.count("li") == 15
    assert page.tags.count("em") == 15


def test_publications_link_only_to_safe_urls(hostile: Database) -> None:
    text = render(hostile, "publications", "en")
    page = assert_inert(markdown_html(text))
    assert page.tags.count("h2") == len(HOSTILE)
    assert "https://e.com/ok" in page.links
    assert all("javascript" not in link.split("%28")[0] for link in page.links)
    # The DOI with a payload makes no link at all; the backtick code link is dropped.
    assert not any("doi.org" in link for link in page.links)
    assert not any("`" in link for link in page.links)


def test_publications_line_starts_from_data_stay_inert(database: Database) -> None:
    with database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="ZZ", full="- full name", month=6))
        commands.add_paper(
            session,
            PaperInput(venue="ZZ", year=2024, title="T", authors=(AuthorInput(name="1. x"),)),
        )
    page = assert_inert(markdown_html(render(database, "publications", "en")))
    assert (page.tags.count("ul"), page.tags.count("ol"), page.tags.count("li")) == (1, 0, 1)


# --- html --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_html_format_renders_no_element_the_data_asked_for(hostile: Database, lang: str) -> None:
    page = assert_inert(render(hostile, "html", lang), {"ul", "li", "strong"})
    assert page.tags.count("li") == 2 + 15


@pytest.mark.parametrize("lang", LANGS)
def test_html_format_escapes_the_tally_labels(hostile: Database, lang: str) -> None:
    text = render(hostile, "html", lang)
    tally = next(line for line in text.splitlines() if "<strong>2024</strong>" in line)
    assert "L&lt;img src=x onerror=alert(2)&gt;|*" in tally
    assert_inert(tally + "</li>", {"li", "strong"})


# --- al-folio ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_al_folio_files_stay_in_the_folder_with_only_the_expected_front_matter(
    hostile: Database, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "site" / "_news"
    out.parent.mkdir()
    files = render_folder_files(hostile, lang, out)
    assert len(files) == 15
    assert [p.name for p in out.parent.iterdir()] == ["_news"]
    for name, text in files.items():
        match = re.fullmatch(r"(\d{4})-(\d{2})-[a-z0-9-]+\.md", name)
        assert match, name
        assert (out / name).resolve().parent == out.resolve()
        keys, body = front_matter(text)
        assert keys == [
            "layout: post",
            f"date: {match[1]}-{match[2]}-01",
            "inline: true",
            "related_posts: false",
        ]
        assert "\n" not in body.strip(), "the news line is one line"
        assert_inert(markdown_html(body))


@pytest.mark.parametrize("lang", LANGS)
def test_al_folio_body_starting_with_data_stays_inert(
    database: Database, tmp_path: Path, lang: str
) -> None:
    with database.session(write=True) as session:
        member = commands.add_member(session, MemberInput(name="1. Evil", native="- Evil")).ids[0]
        for month, sentence in ((3, "---"), (4, "- item"), (5, "+ item")):
            commands.add_achievement(
                session,
                AchievementInput(
                    kind="talk", title=f"t{month}", date=YearMonth(2024, month), sentence=sentence
                ),
            )
        commands.add_achievement(
            session,
            AchievementInput(
                kind="award", title="Prize", date=YearMonth(2024, 6), members=(member,)
            ),
        )
    for text in render_folder_files(database, lang, tmp_path / "news").values():
        _keys, body = front_matter(text)
        assert_inert(markdown_html(body), ALLOWED_TAGS["al-folio"])


@pytest.mark.parametrize(
    "title", ["../../../etc/passwd", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\x", "."]
)
def test_al_folio_file_names_from_titles_cannot_leave_the_folder(
    database: Database, tmp_path: Path, title: str
) -> None:
    with database.session(write=True) as session:
        commands.add_achievement(
            session, AchievementInput(kind="award", title=title, date=YearMonth(2024, 3))
        )
    out = tmp_path / "deep" / "_news"
    out.parent.mkdir()
    files = render_folder_files(database, "en", out)
    (name,) = files
    assert re.fullmatch(r"2024-03-[a-z0-9-]+\.md", name), name
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != tmp_path]
    assert written == [out / name]


@pytest.mark.parametrize(
    "name", ["../x.md", "..", ".", "", "a/b.md", "/etc/passwd", "../_news/x.md"]
)
def test_inside_refuses_a_name_that_leaves_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(LabnewsError):
        inside(tmp_path, name)


def test_inside_accepts_a_plain_file_name(tmp_path: Path) -> None:
    assert inside(tmp_path, "2024-03-x.md") == (tmp_path / "2024-03-x.md").resolve()


# --- json and plain ----------------------------------------------------------------------------


def stored(database: Database) -> tuple[dict[int, tuple[str, str | None]], list[AchievementRecord]]:
    with database.session() as session:
        members = {m.id: (m.name, m.native) for m in queries.members(session)}
        achievements = list(queries.achievements_in(session))
    return members, achievements


@pytest.mark.parametrize("lang", LANGS)
def test_json_parses_and_round_trips_the_hostile_strings(hostile: Database, lang: str) -> None:
    data = json.loads(render(hostile, "json", lang))
    members, achievements = stored(hostile)
    expected_names = {native if lang == "ko" else name for name, native in members.values()}
    entries = [e for y in data["years"] for e in y["entries"]]
    names = {n for e in entries for c in e["clauses"] for n in c["names"]}
    assert names == expected_names
    assert any("<script>alert(1)</script>" in n for n in names)
    labels = {item["label"] for y in data["years"] for item in y["tally"]["items"]}
    assert labels == {"CVPR", VENUE_LABEL}
    venues = {c["short"] for e in entries for c in e["clauses"]}
    assert venues == {"CVPR", VENUE}
    got = {
        e["achievement"]["id"]: e["achievement"] for e in entries if e["achievement"] is not None
    }
    for record in achievements:
        assert got[record.id]["title"] == record.title
        assert got[record.id]["sentence"] == (record.sentence or "")
        assert got[record.id]["organisation"] == (record.organisation or "")
    assert got[achievements[-1].id]["organisation"] == ACHIEVEMENT_ORG
    assert any(a["sentence"] == ACHIEVEMENT_SENTENCE for a in got.values())


@pytest.mark.parametrize("lang", LANGS)
def test_plain_text_keeps_every_news_item_on_its_own_line(hostile: Database, lang: str) -> None:
    lines = render(hostile, "plain", lang).splitlines()
    items = [line for line in lines if line.startswith("  ")]
    tallies = [line for line in lines if line and not line.startswith(" ")]
    assert len(items) == 15
    assert [t[:5] for t in tallies] == ["2024:", "2023:"]
    assert all(re.match(r"  \d{4}/\d{2}  \S", line) for line in items)
    assert any('"quoted": *text*' in line for line in items)


def test_the_cli_writes_what_the_checked_renderer_wrote(cli: Cli, hostile: Database) -> None:
    # `cli` comes first: on PostgreSQL it empties the schema before the corpus is added.
    result = cli("news", "--with-achievements", "--format", "acadhomepage")
    assert result.code == 0
    assert result.out == render(hostile, "acadhomepage", "en")


# --- very long strings (rendered from records: the store caps titles at 2,000 characters) -------


LONG = ("Long *title* _with_ | pipes & [brackets] " * 300)[:10_000]


def long_records() -> tuple[list[PaperRecord], list[AchievementRecord]]:
    author = AuthorRecord(LONG[:9_000] + " member", 1, LONG[:9_000] + " native")
    papers = [
        PaperRecord(
            id=i,
            venue_id=1,
            venue_short="CVPR",
            venue_full=LONG,
            year=2024,
            news=YearMonth(2024, 6),
            title=f"{i} {LONG}",
            authors=(author, AuthorRecord(LONG)),
            featured_id=1,
            featured_name=author.name,
            featured_native=author.native,
            position=i,
            url="https://example.com/" + "a" * 9_000,
        )
        for i in range(3)
    ]
    award = AchievementRecord(
        id=1,
        kind="award",
        title=LONG,
        date=YearMonth(2024, 7),
        members=(author,),
        organisation=LONG,
    )
    return papers, [award]


def long_context(lang: str) -> dict[str, Any]:
    papers, achievements = long_records()
    rules = TallyRules()
    return build_context(
        tallies=tally_years(papers, rules),
        entries=news_entries(papers, rules, achievements),
        papers=papers,
        lang=lang,
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["yearly", "acadhomepage", "publications", "html", "plain", "json"])
def test_ten_thousand_character_values_render_whole_and_inert(fmt: str, lang: str) -> None:
    fmt_obj = find_format(fmt, resource("templates"), None)
    text = render_text(fmt_obj, long_context(lang))
    if fmt == "json":
        data = json.loads(text)
        entry = data["years"][0]["entries"][0]
        assert entry["achievement"]["title"] == LONG
    elif fmt == "plain":
        assert LONG in text
    elif fmt == "html":
        assert_inert(text, {"ul", "li", "strong"})
        assert LONG in html.unescape(text)
    else:
        page = assert_inert(markdown_html(text), ALLOWED_TAGS[fmt])
        assert page.tags.count("li") >= 1
        assert r"\*title\* \_with\_ \| pipes &amp; \[brackets\]" in text


def test_ten_thousand_character_titles_make_short_al_folio_names(tmp_path: Path) -> None:
    files = render_folder(find_format("al-folio", resource("templates"), None), long_context("en"))
    assert len(files) == 2
    for name, text in files.items():
        assert len(name) <= len("2024-07-") + 60 + len(".md")
        assert re.fullmatch(r"2024-0[67]-[a-z0-9-]+\.md", name)
        _keys, body = front_matter(text)
        assert_inert(markdown_html(body), ALLOWED_TAGS["al-folio"])
