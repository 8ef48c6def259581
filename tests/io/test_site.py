"""`labnews site` and `labnews publish` into a homepage checkout: every theme's own parts.

Each test builds a small checkout with the files a theme's checkout has (no theme download),
points a real lab database at it through the CLI and reads back the files labnews wrote, and
the bytes it must have left alone. The git tests run the real git program on a repository made
in tmp_path.
"""

from __future__ import annotations

import difflib
import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from labnews.core.errors import LabnewsError
from labnews.core.inputs import AuthorInput, MemberInput, PaperInput, VenueInput
from labnews.core.records import YearMonth
from labnews.io.site import engine_inert, is_ours, jekyll_value
from labnews.io.themes import detect_theme
from labnews.store import commands
from labnews.store.database import Database
from tests.conftest import CliResult

Cli = Callable[..., CliResult]

ABOUT_HEAD = "---\npermalink: /\nlayout: about\n---\n\n# 🔥 News\r\n\n"
ABOUT_MIDDLE = "\n\nSome words of the user's own.   \n\n# Publications\n"
ABOUT_TAIL = "\n\nThe end, no newline"
NEWS = "<!-- labnews:start -->\nold news\n<!-- labnews:end -->"
PUBS = "<!-- labnews:publications:start -->\n<!-- labnews:publications:end -->"


pytestmark = pytest.mark.usefixtures("no_personal_templates")


@pytest.fixture
def demo(cli: Cli) -> Cli:
    assert cli("demo").code == 0
    return cli


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def acadhomepage(root: Path) -> Path:
    site = root / "acad"
    write(site / "_config.yml", "title: Lab\ngoogle_scholar_stats_use_cdn: true\n")
    (site / "google_scholar_crawler").mkdir()
    write(site / "_pages/about.md", ABOUT_HEAD + NEWS + ABOUT_MIDDLE + PUBS + ABOUT_TAIL)
    return site


def al_folio(root: Path) -> Path:
    site = root / "folio"
    write(site / "_config.yml", "title: Lab\nscholar:\n  style: apa\nannouncements:\n  x: 1\n")
    write(site / "_bibliography/papers.bib", "")
    write(site / "_news/announcement_1.md", "---\nlayout: post\n---\nThe user's own news.\n")
    write(site / "_pages/about.md", "---\nlayout: about\n---\nHello\n")
    return site


def academicpages(root: Path) -> Path:
    site = root / "pages"
    write(site / "_config.yml", "title: Lab\n")
    write(site / "_publications/2009-10-01-paper-title-number-1.md", "---\ntitle: Mine\n---\n")
    (site / "_talks").mkdir()
    write(site / "_pages/about.md", "---\nlayout: single\n---\n" + NEWS + "\n")
    return site


def hugo_blox(root: Path) -> Path:
    site = root / "blox"
    write(site / "go.mod", "module lab\nrequire github.com/HugoBlox/hugo-blox-builder v0\n")
    write(site / "content/publication/mine/index.md", "---\ntitle: Mine\n---\n")
    write(site / "content/_index.md", "---\ntitle: Home\n---\n" + NEWS + "\n")
    return site


# --- which theme -------------------------------------------------------------------------------


def test_each_theme_is_told_from_its_checkout(tmp_path: Path) -> None:
    """The registry tells the four themes and plain sites apart by their files alone."""
    assert detect_theme(acadhomepage(tmp_path)).name == "acadhomepage"
    assert detect_theme(al_folio(tmp_path)).name == "al-folio"
    assert detect_theme(academicpages(tmp_path)).name == "academicpages"
    assert detect_theme(hugo_blox(tmp_path)).name == "hugo-blox"
    write(tmp_path / "jekyll/_config.yml", "title: x\n")
    assert detect_theme(tmp_path / "jekyll").name == "jekyll"
    write(tmp_path / "hugo/hugo.toml", "title = 'x'\n")
    assert detect_theme(tmp_path / "hugo").name == "hugo"
    write(tmp_path / "hugo-yaml/config.yaml", "title: x\n")  # Hugo's other config files
    assert detect_theme(tmp_path / "hugo-yaml").name == "hugo"
    (tmp_path / "empty").mkdir()
    with pytest.raises(LabnewsError, match="not a Jekyll or Hugo site"):
        detect_theme(tmp_path / "empty")


def test_site_remembers_the_checkout_and_shows_what_it_would_write(
    demo: Cli, tmp_path: Path
) -> None:
    site = acadhomepage(tmp_path)
    shown = demo("site", str(site))
    assert shown.code == 0, shown
    assert f"Homepage: {site.resolve()}" in shown.out
    assert "Theme: AcadHomepage (built by Jekyll)" in shown.out
    assert "news: the block in _pages/about.md (changes on publish)" in shown.out
    assert "publications: the block in _pages/about.md" in shown.out
    # Remembered: `site` alone shows the same checkout.
    again = demo("site")
    assert again.code == 0
    assert f"Homepage: {site.resolve()}" in again.out
    # Nothing was written by looking.
    assert (site / "_pages/about.md").read_text(encoding="utf-8").count("old news") == 1


def test_site_refuses_a_section_that_is_no_single_file_format(demo: Cli, tmp_path: Path) -> None:
    site = acadhomepage(tmp_path)
    assert "no format 'nosuch'" in demo("site", str(site), "--sections", "nosuch").one_error_line()
    assert "writes a folder" in demo("site", str(site), "--sections", "al-folio").one_error_line()
    assert "not '../x'" in demo("site", str(site), "--sections", "../x").one_error_line()
    # Nothing was remembered by a refused command.
    assert "labnews site DIR" in demo("site").one_error_line()


def test_site_and_publish_refuse_without_a_checkout(demo: Cli, tmp_path: Path) -> None:
    assert "labnews site DIR" in demo("site").one_error_line()
    assert "labnews site DIR" in demo("publish").one_error_line()
    (tmp_path / "nothing").mkdir()
    assert "not a Jekyll or Hugo site" in demo("site", str(tmp_path / "nothing")).one_error_line()


# --- publishing into each theme ----------------------------------------------------------------


def test_publish_writes_both_blocks_and_keeps_every_other_byte(demo: Cli, tmp_path: Path) -> None:
    site = acadhomepage(tmp_path)
    assert demo("site", str(site)).code == 0
    news = demo("news", "--format", "acadhomepage").out.strip("\n")
    pubs = demo("news", "--format", "publications").out.strip("\n")
    dry = demo("publish", "--dry-run")
    assert dry.code == 0
    assert "--- a/_pages/about.md" in dry.out
    assert "-old news" in dry.out
    assert "old news" in (site / "_pages/about.md").read_text(encoding="utf-8")
    result = demo("publish")
    assert result.code == 0, result
    expected = (
        ABOUT_HEAD
        + f"<!-- labnews:start -->\n{news}\n<!-- labnews:end -->"
        + ABOUT_MIDDLE
        + f"<!-- labnews:publications:start -->\n{pubs}\n<!-- labnews:publications:end -->"
        + ABOUT_TAIL
    )
    assert (site / "_pages/about.md").read_bytes() == expected.encode("utf-8")
    # No .bak litter in the checkout: the site's own history (git) keeps what was there.
    assert sorted(p.name for p in (site / "_pages").iterdir()) == ["about.md"]
    assert "already up to date" in demo("publish").out


def test_al_folio_news_files_are_labnews_own_and_the_users_stay(demo: Cli, tmp_path: Path) -> None:
    site = al_folio(tmp_path)
    user_file = site / "_news/announcement_1.md"
    before = user_file.read_bytes()
    # A file of the user's with a name labnews would use is left; labnews's goes beside it.
    clash = write(site / "_news/2024-12-neurips-2024.md", "---\nlayout: post\n---\nMine\n")
    stale = write(site / "_news/2019-01-old.md", "---\nlabnews: true\n---\nGone\n")
    assert demo("site", str(site), "--sections", "").code == 0
    result = demo("publish")
    assert result.code == 0, result
    names = sorted(p.name for p in (site / "_news").iterdir())
    assert "2024-12-neurips-2024-labnews.md" in names
    assert "2024-06-cvpr-2024.md" in names
    assert not stale.exists()
    assert user_file.read_bytes() == before
    assert clash.read_text(encoding="utf-8") == "---\nlayout: post\n---\nMine\n"
    ours = (site / "_news/2024-06-cvpr-2024.md").read_text(encoding="utf-8")
    assert is_ours(ours)
    assert "date: 2024-06-01" in ours
    assert "Five papers accepted to CVPR 2024" in ours
    # al-folio keeps its news in _news/: a page without markers is told, not refused.
    assert "news not published" in result.err


def test_academicpages_and_hugo_blox_get_one_file_per_paper(demo: Cli, tmp_path: Path) -> None:
    pages = academicpages(tmp_path)
    assert demo("site", str(pages), "--sections", "").code == 0
    assert demo("publish").code == 0
    written = sorted((pages / "_publications").glob("2024-06-*.md"))
    assert written, "a CVPR 2024 paper's file"
    text = written[0].read_text(encoding="utf-8")
    assert is_ours(text)
    assert "collection: publications" in text
    assert (pages / "_publications/2009-10-01-paper-title-number-1.md").read_text() == (
        "---\ntitle: Mine\n---\n"
    )

    blox = hugo_blox(tmp_path)
    # A bundle's picture is neither text nor labnews's: it is left alone, not refused.
    picture = blox / "content/publication/mine/featured.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert demo("site", str(blox)).code == 0
    assert demo("publish").code == 0
    bundles = sorted(p.name for p in (blox / "content/publication").iterdir())
    assert "mine" in bundles
    assert len(bundles) > 2
    koala = next(p for p in (blox / "content/publication").iterdir() if "koala" in p.name)
    assert is_ours((koala / "index.md").read_text(encoding="utf-8"))
    assert (koala / "cite.bib").read_text(encoding="utf-8").count("@inproceedings{") == 1
    assert (blox / "content/publication/mine/index.md").read_text() == "---\ntitle: Mine\n---\n"
    assert picture.read_bytes() == b"\x89PNG\r\n\x1a\n\xff\xfe"
    home = (blox / "content/_index.md").read_text(encoding="utf-8")
    assert "We have **19 papers** this year" in home


# --- git ---------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def repository(site: Path) -> Path:
    git(site, "init", "--quiet")
    git(site, "config", "user.name", "Lab Tester")
    git(site, "config", "user.email", "tester@example.org")
    git(site, "add", "--all")
    git(site, "commit", "--quiet", "--message", "the site as the user keeps it")
    return site


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="the git program is missing")


@needs_git
def test_commit_makes_one_commit_of_labnews_parts_and_none_when_nothing_is_new(
    demo: Cli, tmp_path: Path
) -> None:
    site = repository(acadhomepage(tmp_path))
    write(site / "notes.txt", "the user's work in progress\n")
    assert demo("site", str(site)).code == 0
    result = demo("publish", "--commit")
    assert result.code == 0, result
    log = git(site, "log", "--format=%s").splitlines()
    assert len(log) == 2
    assert log[0].startswith("labnews: news: 2024.12") or log[0].startswith("labnews: news: 2024/")
    assert "publications +" in log[0]
    assert git(site, "show", "--name-only", "--format=", "HEAD").split() == ["_pages/about.md"]
    # The user's own uncommitted file stays uncommitted and untouched.
    assert "?? notes.txt" in git(site, "status", "--porcelain")
    again = demo("publish", "--commit")
    assert again.code == 0
    assert "already up to date" in again.out
    assert len(git(site, "log", "--format=%s").splitlines()) == 2


@needs_git
def test_commit_refuses_a_page_with_the_users_uncommitted_changes(
    demo: Cli, tmp_path: Path
) -> None:
    site = repository(acadhomepage(tmp_path))
    page = site / "_pages/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nmore\n", encoding="utf-8")
    edited = page.read_bytes()
    assert demo("site", str(site)).code == 0
    line = demo("publish", "--commit").one_error_line()
    assert "_pages/about.md has changes not yet committed" in line
    assert page.read_bytes() == edited
    assert len(git(site, "log", "--format=%s").splitlines()) == 1
    assert "--commit" in demo("publish", "--push").one_error_line()


@needs_git
def test_commit_adds_and_removes_theme_files(demo: Cli, tmp_path: Path) -> None:
    site = repository(al_folio(tmp_path))
    assert demo("site", str(site), "--sections", "").code == 0
    assert demo("publish", "--commit").code == 0
    files = git(site, "show", "--name-status", "--format=", "HEAD").splitlines()
    assert files
    assert all(f.startswith("A\t_news/") for f in files)
    assert "_news +" in git(site, "log", "-1", "--format=%s")


# --- nothing a site engine evaluates -----------------------------------------------------------


def test_publish_never_writes_outside_the_checkout_through_a_link(
    demo: Cli, tmp_path: Path
) -> None:
    """A cloned site is not trusted: a data folder or a page that links elsewhere is not
    followed (the outside folder and file stay as they were)."""
    site = al_folio(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(site / "_news")
    (site / "_news").symlink_to(outside, target_is_directory=True)
    elsewhere = write(
        tmp_path / "elsewhere.md", "x\n<!-- labnews:start -->\n<!-- labnews:end -->\n"
    )
    (site / "_pages/linked.md").symlink_to(elsewhere)
    assert demo("site", str(site), "--sections", "").code == 0
    result = demo("publish")
    assert (result.code, result.err) == (
        1,
        "labnews: error: refusing to write into _news: it leads outside the site\n",
    )
    assert list(outside.iterdir()) == []
    assert (
        elsewhere.read_text(encoding="utf-8") == "x\n<!-- labnews:start -->\n<!-- labnews:end -->\n"
    )


def test_a_page_edited_after_the_plan_is_refused_not_overwritten(
    demo_database: Database, tmp_path: Path
) -> None:
    """The window shows the diff, the user edits the page meanwhile, then presses Publish: the
    edit is kept and nothing is written."""
    from labnews.io import site as site_io
    from labnews.io.newsfile import NewsRequest

    site = acadhomepage(tmp_path)
    about = site / "_pages/about.md"
    with demo_database.session() as session:
        plan = site_io.plan_site(session, site, NewsRequest(), ("publications",))
    assert plan.changes
    edited = about.read_text(encoding="utf-8") + "A line the user added.\n"
    about.write_text(edited, encoding="utf-8")
    with pytest.raises(LabnewsError, match=r"_pages/about.md changed since the plan was made"):
        site_io.apply_plan(plan)
    assert about.read_text(encoding="utf-8") == edited


def test_engine_inert_text_shows_the_same_and_holds_no_tag() -> None:
    from markdown_it import MarkdownIt

    for payload in ("{% include_relative _config.yml %}", "EVL{{x}}", "{{< x >}}", "\\{% a %\\}"):
        made = engine_inert(payload)
        assert "{{" not in made
        assert "{%" not in made
        assert "{" not in made
        shown = MarkdownIt("commonmark").render(made)
        assert payload.replace("\\", "") in html.unescape(shown)
    value = jekyll_value('a "b": c\n---\n{{ x }} <script>')
    assert "\n" not in value
    assert "{" not in value
    assert "<" not in value
    assert value.startswith('"')
    assert value.endswith('"')


HOSTILE_SITE = (
    "{% include_relative _config.yml %}",
    "EVL{{x}}",
    "{{< youtube x >}} {{% md %}}",
    "\\{% raw %\\}",
    "<script>alert(1)</script>",
    '"}: {a: b',
    "line one\n---\nkey: value",
    "[x](javascript:alert(1))",
    "../../escape",
    "<!-- labnews:publications:end -->",
)


@pytest.fixture
def hostile_lab(database: Database) -> Database:
    """A lab whose member names, venue and titles are the payloads a site engine would run."""
    with database.session(write=True) as session:
        commands.add_venue(session, VenueInput(short="EVL{{x}}", full="{% x %} Conf", month=6))
        for i, payload in enumerate(HOSTILE_SITE):
            member = commands.add_member(session, MemberInput(name=f"M{i} {payload}")).ids[0]
            commands.add_paper(
                session,
                PaperInput(
                    venue="EVL{{x}}" if i % 2 else "CVPR",
                    year=2024,
                    news=YearMonth(2024, 1 + i),
                    title=f"T{i} {payload}",
                    authors=(
                        AuthorInput(name=f"M{i}", member_id=member),
                        AuthorInput(name=f"Out{i} {payload}"),
                    ),
                ),
            )
    return database


def labnews_text(site: Path, before: dict[Path, bytes]) -> dict[Path, str]:
    """What labnews wrote: its whole data files, and only the changed text of the user's pages."""
    found: dict[Path, str] = {}
    for path in site.rglob("*"):
        if not path.is_file() or ".git" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path not in before:
            found[path] = text
        elif before[path] != path.read_bytes():
            old = before[path].decode("utf-8")
            found[path] = "".join(
                line[1:]
                for line in difflib.ndiff(old.splitlines(True), text.splitlines(True))
                if line.startswith("+ ")
            )
    return found


def front_matter_values(text: str) -> list[str]:
    """Every front-matter line must be `key: value`, the value a plain token or JSON (YAML)."""
    lines = text.split("---\n")[1].splitlines()
    values = []
    for line in lines:
        key, sep, value = line.partition(": ")
        assert sep, line
        assert re.fullmatch(r"[a-zA-Z_]+", key), line
        if value.startswith(('"', "[")):
            json.loads(value)
        else:
            assert re.fullmatch(r"[\w/.-]+", value), line
        values.append(value)
    return values


@pytest.mark.parametrize("make", [acadhomepage, al_folio, academicpages, hugo_blox])
def test_the_hostile_corpus_reaches_no_site_engine(
    hostile_lab: Database, on: Callable[[Database], Cli], tmp_path: Path, make: Any
) -> None:
    """Liquid, shortcodes, YAML and paths from records come out as text in every theme's files."""
    site = make(tmp_path / "sites")
    if make is al_folio:
        write(site / "_pages/about.md", "---\nlayout: about\n---\n" + NEWS + "\n" + PUBS + "\n")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    run = on(hostile_lab)
    assert run("site", str(site)).code == 0
    result = run("publish")
    assert result.code == 0, result
    written = labnews_text(site, before)
    assert written, "labnews wrote something"
    # Nothing left the checkout: every file under tmp_path is the site's or the database's.
    for path in tmp_path.rglob("*"):
        if path.is_file() and "user-templates" not in path.parts:
            assert (
                site in path.parents or path.suffix in {".sqlite", ".db"} or "backups" in str(path)
            ), path
    for path, text in written.items():
        if path.name == "cite.bib":
            continue  # BibTeX: no engine renders it
        body = text
        if text.startswith("---\n") and is_ours(text):
            front_matter_values(text)
            body = text.split("---\n", 2)[2]
        # No tag opens: Liquid's {{ and {%, Hugo's {{< and {{%.
        assert "{{" not in body, (path, body)
        assert "{%" not in body, (path, body)
        # Jekyll prints front matter unescaped: there it is references too. Hugo's templates
        # escape what they print, so its front matter keeps the text as it is.
        assert "<script" not in (body if make is hugo_blox else text), (path, text)
        page = MarkdownIt("commonmark").render(body)
        shown = html.unescape(re.sub(r"<[^>]+>", "", page))
        if "T0" in body:
            assert "{% include_relative _config.yml %}" in shown, (path, shown)
    # The hostile section marker did not move the user's text: the page still holds it once.
    for path, old in before.items():
        if path.exists() and path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            for marker in ("<!-- labnews:publications:end -->", "<!-- labnews:end -->"):
                assert text.count(marker) == old.decode().count(marker), path


def test_a_removed_paper_takes_its_bundle_with_it(demo: Cli, tmp_path: Path) -> None:
    """Files labnews wrote earlier go when their paper goes; the user's bundle stays."""
    blox = hugo_blox(tmp_path)
    assert demo("site", str(blox), "--sections", "").code == 0
    assert demo("publish").code == 0
    papers = json.loads(demo("list", "papers", "--json").out)
    koala = next(p for p in papers if p["title"].startswith("KOALA: Empirical"))
    bundle = next(p for p in (blox / "content/publication").iterdir() if "empirical" in p.name)
    assert demo("remove", "paper", str(koala["id"])).code == 0
    dry = demo("publish", "--dry-run")
    assert f"--- a/content/publication/{bundle.name}/index.md" in dry.out
    assert "+++ /dev/null" in dry.out
    assert bundle.exists()
    result = demo("publish")
    assert result.code == 0
    # Its index.md and cite.bib go (the other KOALA's BibTeX key may lose its letter: ~1).
    assert re.search(r"content/publication (~\d+ )?-2\b", result.out), result.out
    assert not bundle.exists()
    assert (blox / "content/publication/mine/index.md").exists()


@needs_git
def test_commit_refuses_before_writing_when_git_does_not_know_who_commits(
    demo: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = repository(acadhomepage(tmp_path))
    git(site, "config", "--unset", "user.name")
    git(site, "config", "--unset", "user.email")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("EMAIL", raising=False)
    before = (site / "_pages/about.md").read_bytes()
    assert demo("site", str(site)).code == 0
    assert "user.name and user.email" in demo("publish", "--commit").one_error_line()
    assert (site / "_pages/about.md").read_bytes() == before


@needs_git
def test_push_sends_the_commit_to_the_upstream(demo: Cli, tmp_path: Path) -> None:
    """--push is git push with the user's own remote: a bare repository here."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    site = repository(acadhomepage(tmp_path))
    git(site, "remote", "add", "origin", str(remote))
    git(site, "push", "--quiet", "--set-upstream", "origin", "HEAD")
    assert demo("site", str(site)).code == 0
    result = demo("publish", "--commit", "--push")
    assert result.code == 0, result
    assert "Pushed" in result.out
    assert git(remote, "log", "-1", "--format=%s").startswith("labnews: news")
