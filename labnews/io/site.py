"""Publishing into the lab's homepage checkout: every part labnews keeps there, for its theme.

A plan is computed first, checked against the files as they are now, then written file by file
(each atomically): the news block between the markers of the page that has them, each chosen
section between its own markers, and the theme's own data files (al-folio ``_news/*.md``,
academicpages ``_publications/*.md``, Hugo Blox ``content/publication/<slug>/``). labnews's own
data files carry ``labnews: true`` in their front matter (a ``cite.bib`` its first line's
comment): only those are ever updated or removed.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from labnews.core.controls import braces_as_references
from labnews.core.errors import LabnewsError, ValidationError
from labnews.core.render import (
    one_line,
    render_folder,
    render_text,
    safe_url,
    slug,
    yaml_string,
)
from labnews.io import homepage
from labnews.io.files import inside, write_atomic
from labnews.io.themes import Theme, detect_theme

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from labnews.io.newsfile import NewsRequest

OURS: Final = "labnews: true"
"""The front-matter line that marks a data file as labnews's (to update or remove later)."""
BIB_MARK: Final = "% labnews: written by labnews; it is rewritten on every publish"
PAGE_SUFFIXES: Final = (".md", ".markdown", ".html")
SKIPPED_FOLDERS: Final = frozenset(
    {".git", "_site", "public", "node_modules", "vendor", "resources", ".jekyll-cache", "themes"}
)
MAX_PAGE_BYTES: Final = 5_000_000
_SECTION_NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MONTH = re.compile(r"\(?(\d{4})[/.](\d{2})")


# --- text that no site engine evaluates --------------------------------------------------------


def engine_inert(text: str) -> str:
    """Body text in which neither Liquid (``{{``, ``{%``) nor a Hugo shortcode (``{{<``) starts.

    Every brace becomes its HTML character reference, which Markdown (kramdown, Goldmark) and
    HTML show as the brace itself: the page reads the same and the engine sees no tag. A
    Markdown-escaped brace (``\\{``) loses its backslash with it, or the backslash would show.
    """
    return braces_as_references(text.replace("\\{", "{").replace("\\}", "}"))


_JEKYLL_VALUE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "{": "&#123;",
        "}": "&#125;",
        "[": "&#91;",
        "]": "&#93;",
        "*": "&#42;",
        "_": "&#95;",
        "`": "&#96;",
        "|": "&#124;",
        "#": "&#35;",
        "\\": "&#92;",
        "~": "&#126;",
        "!": "&#33;",
    }
)


def jekyll_value(text: object) -> str:
    """A front-matter value for a Jekyll theme, as a YAML string on one line.

    Jekyll themes print front matter into the page unescaped (``{{ page.title }}``) or through
    ``markdownify``: as character references the text shows as written either way, and is
    neither HTML nor Markdown nor Liquid.
    """
    return yaml_string(one_line(text).translate(_JEKYLL_VALUE))


def hugo_value(text: object) -> str:
    """A front-matter value for Hugo, as a YAML string on one line (Hugo's templates escape it)."""
    return yaml_string(one_line(text))


# --- the plan ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file of the homepage before and after (``None``: absent)."""

    path: Path
    relative: str
    part: str
    """What labnews keeps there: ``news``, a section's name, or a data folder (``_news``)."""
    before: str | None
    after: str | None
    block: bool = True
    """A block between markers in the user's page (else a whole data file of labnews's)."""

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def action(self) -> str:
        if self.before is None:
            return "add"
        return "remove" if self.after is None else "update"

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                (self.before or "").splitlines(keepends=True),
                (self.after or "").splitlines(keepends=True),
                fromfile="/dev/null" if self.before is None else f"a/{self.relative}",
                tofile="/dev/null" if self.after is None else f"b/{self.relative}",
            )
        )

    def diff_lines(self, sign: str) -> list[str]:
        """The diff's added (``+``) or removed (``-``) lines, without the sign and headers."""
        lines = self.diff().splitlines()[2:]
        return [line[1:] for line in lines if line.startswith(sign)]


@dataclass(frozen=True, slots=True)
class SitePlan:
    """Everything one publish would write into the checkout, and what it could not."""

    site: Path
    theme: Theme
    files: tuple[FileChange, ...]
    notes: tuple[str, ...] = ()

    @property
    def changes(self) -> tuple[FileChange, ...]:
        return tuple(f for f in self.files if f.changed)

    def diff(self) -> str:
        """One unified diff per file changed, from its text now to its text published."""
        pieces: list[str] = []
        for relative in dict.fromkeys(c.relative for c in self.changes):
            parts = [c for c in self.files if c.relative == relative]
            whole = replace(parts[0], after=parts[-1].after)
            pieces.append(whole.diff())
        return "".join(pieces)

    def summary(self) -> str:
        """What changed, part by part (the commit message's first line)."""
        return "; ".join(_part_summaries(self.changes)) or "nothing new"

    def message(self) -> str:
        """A commit message: the summary, then one line per file."""
        lines = [f"labnews: {self.summary()}", ""]
        shown = {c.relative: c.action for c in self.changes}
        lines += [f"{action} {relative}" for relative, action in shown.items()]
        return "\n".join(lines) + "\n"


def _part_summaries(changes: Sequence[FileChange]) -> Iterator[str]:
    parts: dict[str, list[FileChange]] = {}
    for change in changes:
        parts.setdefault(change.part, []).append(change)
    for part, group in parts.items():
        added = [line for change in group for line in change.diff_lines("+")]
        removed = [line for change in group for line in change.diff_lines("-")]
        if part == "news":
            months = sorted(
                {f"{y}/{m}" for line in added for y, m in _MONTH.findall(line)}, reverse=True
            )
            shown = ", ".join(months[:3]) + (" ..." if len(months) > 3 else "")
            counts = f"+{len(added)} -{len(removed)} lines"
            yield f"news: {shown} {counts}" if shown else f"news: {counts}"
        elif all(change.block for change in group):
            # A section's block is a list: its items are the lines that start one.
            new = sum(1 for line in added if line.lstrip().startswith("-"))
            gone = sum(1 for line in removed if line.lstrip().startswith("-"))
            yield f"{part} +{new} -{gone}"
        else:
            said = [
                f"{sign}{count}"
                for action, sign in (("add", "+"), ("update", "~"), ("remove", "-"))
                if (count := sum(1 for c in group if c.action == action))
            ]
            yield f"{part} {' '.join(said)}"


# --- reading the checkout ----------------------------------------------------------------------


def _read_text(path: Path) -> str | None:
    """A file's text (None when absent); a file that is not UTF-8 is refused, naming it."""
    from labnews.store.database import read_file_bytes

    if not path.exists() and not path.is_symlink():
        return None
    raw = read_file_bytes(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LabnewsError(f"{path} is not UTF-8 text") from None


def pages_with(site: Path, marker: str) -> list[str]:
    """The site's pages (relative, sorted) that hold a marker line; built output is skipped."""
    found: list[str] = []
    for folder, subfolders, names in os.walk(site):
        subfolders[:] = sorted(
            d for d in subfolders if d not in SKIPPED_FOLDERS and not d.startswith(".")
        )
        for name in sorted(names):
            path = Path(folder) / name
            # A linked page may lie outside the checkout: labnews writes only the site's own.
            if path.suffix.lower() not in PAGE_SUFFIXES or path.is_symlink():
                continue
            try:
                if path.stat().st_size > MAX_PAGE_BYTES:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if marker in text:
                found.append(path.relative_to(site).as_posix())
    return found


def _front_matter(text: str) -> str | None:
    match = _FRONT_MATTER.match(text)
    return match.group(1) if match else None


def is_ours(text: str) -> bool:
    """Whether a data file is labnews's: ``labnews: true`` in its front matter (or bib mark)."""
    if text.startswith(BIB_MARK):
        return True
    front = _front_matter(text)
    return front is not None and any(line.strip() == OURS for line in front.splitlines())


def mark_ours(text: str) -> str:
    """The text with ``labnews: true`` added to its front matter (one made if it has none)."""
    body = text.lstrip("\n")
    if body.startswith("---\n"):
        return f"---\n{OURS}\n{body[4:]}"
    return f"---\n{OURS}\n---\n{body}"


def _inert_body(text: str) -> str:
    """A data file whose body (after its front matter) no engine evaluates."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return engine_inert(text)
    return text[: match.end()] + engine_inert(text[match.end() :])


# --- what labnews writes -----------------------------------------------------------------------


def sections_of(text: str) -> tuple[str, ...]:
    """The sections of a setting's text (``publications, talks``), each checked."""
    sections = tuple(dict.fromkeys(s.strip() for s in text.split(",") if s.strip()))
    for section in sections:
        if not _SECTION_NAME.match(section):
            raise ValidationError(
                f"a section is a format's name (letters, digits, -), not {section!r}",
                field="sections",
            )
    return sections


@dataclass
class _Planner:
    """Builds a plan: the checkout, its theme, and the lab's rendered parts."""

    site: Path
    theme: Theme
    files: list[FileChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def block(self, part: str, section: str | None, text: str, required: bool) -> None:
        start, _end = homepage.section_markers(section)
        pages = pages_with(self.site, start)
        if not pages:
            where = self.theme.news_pages[0] if self.theme.news_pages else "your page"
            message = homepage.missing_markers_message(self.site / where, section)
            if required:
                raise LabnewsError(message)
            self.notes.append(f"{part} not published: {message}")
            return
        if len(pages) > 1:
            raise LabnewsError(
                f"{len(pages)} pages hold {start}: {', '.join(pages)}; keep it in one of them"
            )
        relative = pages[0]
        path = self.site / relative
        # A page an earlier block of this publish changed is changed further, from there.
        earlier = [f for f in self.files if f.relative == relative]
        current = earlier[-1].after if earlier else _read_text(path)
        if current is None:
            raise LabnewsError(f"{path} does not exist")
        after = homepage.replace_block(path, current, engine_inert(text), section)
        self.files.append(FileChange(path, relative, part, current, after))

    def data(self, part: str, folder: str, wanted: Mapping[str, str]) -> None:
        """Keep labnews's files of a data folder: ``wanted`` (relative name -> text) exactly.

        A file (or a publication's folder) of that name that is the user's, without
        ``labnews: true``, is never touched: labnews's takes a ``-labnews`` suffix instead.
        Files labnews wrote earlier that are no longer wanted are removed.
        """
        base = self.site / folder
        if base.exists() and not base.resolve().is_relative_to(self.site.resolve()):
            # A data folder linked elsewhere: writing "inside" it would write outside the site.
            raise LabnewsError(f"refusing to write into {folder}: it leads outside the site")
        homes: dict[str, str | None] = {}
        taken: set[str] = set()
        for name, text in wanted.items():
            top, slash, rest = name.partition("/")
            if top not in homes:
                homes[top] = _own_home(base, top, bundle=bool(slash))
            home = homes[top]
            if home is None:
                self.notes.append(f"{folder}/{top} is yours: labnews left it as it is")
                continue
            target = f"{home}/{rest}" if slash else home
            path = _checked(base, target)
            existing = _read_text(path)
            if existing is not None and not is_ours(existing):
                self.notes.append(f"{folder}/{target} is yours: labnews left it as it is")
                continue
            taken.add(target)
            self.files.append(
                FileChange(path, f"{folder}/{target}", part, existing, text, block=False)
            )
        for name in _our_files(base):
            if name not in taken:
                path = base / name
                self.files.append(
                    FileChange(path, f"{folder}/{name}", part, _read_text(path), None, block=False)
                )


def _own_home(base: Path, top: str, *, bundle: bool) -> str | None:
    """The name labnews writes ``top`` as: itself, else with ``-labnews``, else None.

    A file, or a bundle folder whose ``index.md`` is not labnews's, is the user's.
    """
    stem, dot, suffix = top.partition(".")
    for candidate in (top, f"{stem}-labnews{dot}{suffix}"):
        path = _checked(base, candidate)
        if not path.exists():
            return candidate
        owner = path / "index.md" if bundle else path
        if bundle and not path.is_dir():
            continue
        text = _read_text(owner) if owner.is_file() else None
        if text is not None and is_ours(text):
            return candidate
    return None


def _checked(base: Path, name: str) -> Path:
    """``base / name`` for a name with folders (``slug/index.md``), never leaving ``base``."""
    path = base
    for piece in name.split("/"):
        path = inside(path, piece) if path.is_dir() else _inside_new(path, piece)
    return path


def _inside_new(folder: Path, name: str) -> Path:
    if name in {"", ".", ".."} or "/" in name or "\\" in name or "\0" in name:
        raise LabnewsError(f"refusing to write {name!r}: it would leave {folder}")
    return folder / name


DATA_SUFFIXES: Final = (".md", ".markdown", ".bib")
"""The kinds of file labnews writes in a data folder; pictures and the like are never read."""


def _our_files(base: Path) -> list[str]:
    """labnews's files under a data folder (relative names, one level of folders deep).

    Symlinks are never followed (labnews removes only what really is in the folder), and a
    file that is not text (a bundle's picture) or too large is the user's.
    """
    if not base.is_dir():
        return []
    ours: list[str] = []
    for entry in sorted(base.iterdir()):
        if entry.is_symlink():
            continue
        candidates = sorted(entry.iterdir()) if entry.is_dir() else [entry]
        for path in candidates:
            if path.is_symlink() or not path.is_file() or path.suffix not in DATA_SUFFIXES:
                continue
            if path.stat().st_size > MAX_PAGE_BYTES:
                continue
            try:
                text = _read_text(path)
            except LabnewsError:
                continue
            if text is not None and is_ours(text):
                ours.append(path.relative_to(base).as_posix())
    return ours


def plan_site(
    session: Session, site: Path, request: NewsRequest, sections: Sequence[str] = ()
) -> SitePlan:
    """Everything ``labnews publish`` would write into the checkout, nothing written yet."""
    from labnews.io import newsfile

    theme = detect_theme(site)
    planner = _Planner(site, theme)
    news_request = request
    if request.format is None and theme.news_format is not None:
        news_request = _with_format(request, theme.news_format)
    planner.block("news", None, _one_file(session, news_request), theme.block_required)
    for section in sections:
        planner.block(section, section, _one_file(session, _with_format(request, section)), False)
    context = newsfile.news_context(
        session,
        request.years,
        newsfile.resolve_request(session, request)[1],
        with_achievements=request.with_achievements,
    )
    for kind in theme.data:
        if kind == "al-folio-news":
            planner.data("_news", "_news", _al_folio_news(context))
        elif kind == "academicpages-publications":
            planner.data("_publications", "_publications", _academicpages(context))
        elif kind == "hugo-blox-publications":
            planner.data("content/publication", "content/publication", _hugo_blox(session, context))
    return SitePlan(site, theme, tuple(planner.files), tuple(planner.notes))


def _with_format(request: NewsRequest, name: str) -> NewsRequest:
    return replace(request, format=name)


def _one_file(session: Session, request: NewsRequest) -> str:
    """A single-file format's text; a folder format cannot go between markers."""
    from labnews.io import newsfile

    fmt, lang = newsfile.resolve_request(session, request)
    if fmt.is_folder:
        raise ValidationError(
            f"format {fmt.name} writes a folder; it cannot be published into a page",
            field="format",
        )
    context = newsfile.news_context(
        session, request.years, lang, with_achievements=request.with_achievements
    )
    return render_text(fmt, context)


def _al_folio_news(context: Mapping[str, Any]) -> dict[str, str]:
    from labnews.io import newsfile

    files = render_folder(newsfile.output_format("al-folio"), context)
    return {name: mark_ours(_inert_body(text)) for name, text in files.items()}


def _unique(names: Container[str], stem: str, suffix: str) -> str:
    name = f"{stem}{suffix}"
    counter = 2
    while name in names:
        name = f"{stem}-{counter}{suffix}"
        counter += 1
    return name


def _paper_slug(paper: Mapping[str, Any]) -> str:
    title_slug = slug(paper["title"], limit=50)
    # A title with no Latin letters (a Korean one) slugs to the fallback: the id keeps it apart.
    return title_slug if title_slug != "news" else f"paper-{paper['id']}"


def _academicpages(context: Mapping[str, Any]) -> dict[str, str]:
    files: dict[str, str] = {}
    for paper in context["papers"]:
        if paper["placeholder"]:
            continue
        date = f"{paper['news_year']:04d}-{paper['news_month']:02d}-01"
        name = _unique(files, f"{date[:7]}-{_paper_slug(paper)}", ".md")
        authors = ", ".join(a["written"] for a in paper["authors"])
        citation = f"{authors}. ({paper['year']}). {paper['title']}. {paper['venue_full']}."
        category = "manuscripts" if paper["venue_kind"] == "journal" else "conferences"
        lines = [
            "---",
            f"title: {jekyll_value(paper['title'])}",
            "collection: publications",
            f"category: {category}",
            f"permalink: /publication/{name[:-3]}",
            f"date: {date}",
            f"venue: {jekyll_value(paper['venue_full'])}",
        ]
        link = safe_url(paper["links"]["paper"])
        if link:
            lines.append(f"paperurl: {yaml_string(link)}")
        lines += [f"citation: {jekyll_value(citation)}", OURS, "---", ""]
        files[name] = "\n".join(lines)
    return files


def _hugo_blox(session: Session, context: Mapping[str, Any]) -> dict[str, str]:
    from labnews.io.bibexport import paper_entries
    from labnews.store import queries

    wanted = {paper["id"] for paper in context["papers"] if not paper["placeholder"]}
    records = [p for p in queries.papers_in(session, None) if p.id in wanted]
    bib = paper_entries(records)
    files: dict[str, str] = {}
    folders: set[str] = set()
    for paper in context["papers"]:
        if paper["placeholder"]:
            continue
        folder = _unique(folders, f"{paper['year']}-{_paper_slug(paper)}", "")
        folders.add(folder)
        kind = "article-journal" if paper["venue_kind"] == "journal" else "paper-conference"
        authors = ", ".join(hugo_value(a["written"]) for a in paper["authors"])
        date = f"{paper['news_year']:04d}-{paper['news_month']:02d}-01"
        lines = [
            "---",
            f"title: {hugo_value(paper['title'])}",
            f"authors: [{authors}]",
            f"date: {yaml_string(date)}",
            f"publishDate: {yaml_string(date)}",
            f"publication_types: [{yaml_string(kind)}]",
            f"publication: {hugo_value(paper['venue_full'])}",
            f"publication_short: {hugo_value(paper['venue'])}",
        ]
        for key, link in (
            ("url_pdf", paper["links"]["paper"]),
            ("url_code", paper["links"]["code"]),
            ("url_project", paper["links"]["project"]),
        ):
            if safe_url(link):
                lines.append(f"{key}: {yaml_string(safe_url(link))}")
        if paper["links"]["doi"]:
            lines.append(
                f"doi: {yaml_string(paper['links']['doi'].removeprefix('https://doi.org/'))}"
            )
        lines += [OURS, "---", ""]
        files[f"{folder}/index.md"] = "\n".join(lines)
        if paper["id"] in bib:
            files[f"{folder}/cite.bib"] = f"{BIB_MARK}\n{bib[paper['id']]}"
    return files


# --- writing -----------------------------------------------------------------------------------


def apply_plan(plan: SitePlan) -> list[FileChange]:
    """Write the plan's changes (each file atomically); returns what was written or removed.

    Every file is first checked to be as the plan read it: a page edited since (say, in an
    editor while the diff was shown) is refused before anything is written, not overwritten.
    """
    first_seen: dict[Path, FileChange] = {}
    for change in plan.changes:
        first_seen.setdefault(change.path, change)
    for path, change in first_seen.items():
        if _read_text(path) != change.before:
            raise LabnewsError(
                f"{change.relative} changed since the plan was made: publish again to see the "
                "new diff"
            )
    written: list[FileChange] = []
    done: set[Path] = set()
    for change in plan.changes:
        if change.path in done:
            continue
        final = _final_text(plan, change.path)
        done.add(change.path)
        if final is None:
            change.path.unlink(missing_ok=True)
            _drop_empty_folder(change.path.parent, plan.site)
        else:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(change.path, final)
        written.append(change)
    return written


def _final_text(plan: SitePlan, path: Path) -> str | None:
    """A file's last text in the plan (a page two blocks changed has two entries)."""
    texts = [c.after for c in plan.files if c.path == path]
    return texts[-1]


def _drop_empty_folder(folder: Path, site: Path) -> None:
    # A Hugo Blox publication's folder (content/publication/SLUG) goes with its last file;
    # a data folder itself (_news, content/publication) stays.
    if len(folder.relative_to(site).parts) >= 3:
        with contextlib.suppress(OSError):
            folder.rmdir()


def written_paths(plan: SitePlan) -> list[str]:
    """The relative paths a publish changes (for git), each once."""
    return list(dict.fromkeys(c.relative for c in plan.changes))


def describe(plan: SitePlan) -> list[str]:
    """One line per part labnews keeps in the checkout, and whether publishing changes it.

    ``labnews site`` prints these lines and Settings > Homepage shows them.
    """
    lines: list[str] = []
    seen: set[str] = set()
    for change in plan.files:
        if change.block:
            state = "changes on publish" if change.changed else "up to date"
            lines.append(f"{change.part}: the block in {change.relative} ({state})")
        elif change.part not in seen:
            seen.add(change.part)
            group = [c for c in plan.files if c.part == change.part]
            counts = {
                action: sum(1 for c in group if c.changed and c.action == action)
                for action in ("add", "update", "remove")
            }
            kept = sum(1 for c in group if c.after is not None)
            todo = ", ".join(f"{n} to {action}" for action, n in counts.items() if n)
            lines.append(f"{change.part}/: {kept} files of labnews's ({todo or 'up to date'})")
    lines += plan.notes
    return lines


def commit_target(plan: SitePlan) -> tuple[Path, list[str]]:
    """The git repository and the paths in it a commit of this plan covers (``--commit``).

    Refused, before anything is written, when the checkout is in no repository, git does not
    know who commits, or a file the plan writes holds changes of the user's not yet committed.
    """
    from labnews.io import gitrepo

    repo = gitrepo.repository_root(plan.site)
    gitrepo.check_identity(repo)
    base = plan.site.resolve()
    paths = [(base / p).relative_to(repo.resolve()).as_posix() for p in written_paths(plan)]
    dirty = gitrepo.uncommitted(repo, paths)
    if dirty:
        more = f" (and {len(dirty) - 1} more)" if len(dirty) > 1 else ""
        raise LabnewsError(
            f"{dirty[0]}{more} has changes not yet committed; commit or stash them, "
            "then publish again"
        )
    return repo, paths
