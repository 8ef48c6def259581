"""The lab's news from its database: gather records, render a format, write file or folder."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from labnews.core import publist
from labnews.core.deferred import Deferred
from labnews.core.errors import LabnewsError, TemplateError
from labnews.core.links import site_path
from labnews.core.news import news_entries
from labnews.core.records import MemberRecord, PaperRecord
from labnews.core.render import (
    LANGUAGES,
    OutputFormat,
    build_context,
    find_format,
    list_formats,
    render_folder,
    render_text,
    safe_url,
)
from labnews.core.sections import section_context
from labnews.core.tally import tally_years
from labnews.io.files import inside, write_atomic
from labnews.resources import resource
from labnews.store import settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TEMPLATES_ENV = "LABNEWS_TEMPLATES"
MEMBER_FORMATS: Final = ("publications", "awards", "portfolio")
"""The formats that can be narrowed to one member (``NewsRequest.member``)."""
ONE_MEMBER_FORMATS: Final = ("portfolio",)
"""The formats that only a member has (a portfolio): they need ``NewsRequest.member``."""


def builtin_templates_dir() -> Path:
    return resource("templates")


def user_templates_dir() -> Path:
    """Where a lab keeps its own templates: $LABNEWS_TEMPLATES, else the user config dir."""
    if os.environ.get(TEMPLATES_ENV):
        return Path(os.environ[TEMPLATES_ENV])
    from platformdirs import user_config_path

    return user_config_path("labnews", appauthor=False) / "templates"


def formats() -> tuple[OutputFormat, ...]:
    """Every format, built-in and the user's."""
    return list_formats(builtin_templates_dir(), user_templates_dir())


def output_format(name: str) -> OutputFormat:
    return find_format(name, builtin_templates_dir(), user_templates_dir())


@dataclass(frozen=True, slots=True)
class NewsRequest:
    """What to render: years (None: all), format and language (None: the lab's defaults)."""

    years: tuple[int, ...] | None = None
    format: str | None = None
    lang: str | None = None
    with_achievements: bool = False
    member: str | None = None
    """Narrow the member-page formats (publications, awards) to one member, by name or alias."""


def resolve_request(session: Session, request: NewsRequest) -> tuple[OutputFormat, str]:
    """The format and language to use, falling back to the lab's stored defaults."""
    name = request.format or settings.text_setting(session, settings.DEFAULT_FORMAT)
    lang = request.lang or settings.text_setting(session, settings.DEFAULT_LANGUAGE)
    if lang not in LANGUAGES:
        raise LabnewsError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    if request.member is not None and name not in MEMBER_FORMATS:
        # Silently writing the whole lab's news would look like that member's own page.
        raise LabnewsError(
            f"format {name} is the lab's, not one member's: --member narrows "
            + ", ".join(MEMBER_FORMATS)
        )
    if request.member is None and name in ONE_MEMBER_FORMATS:
        raise LabnewsError(f"format {name} is one member's page: give --member NAME")
    return output_format(name), lang


def news_context(
    session: Session,
    years: Iterable[int] | None,
    lang: str,
    *,
    with_achievements: bool,
    member: str | None = None,
) -> dict[str, Any]:
    """The plain data the templates see, computed from the records of the given years."""
    wanted = tuple(years) if years is not None else None
    from labnews.store import queries

    rules = queries.tally_rules(session)
    papers = queries.papers_in(session, wanted)
    chosen = queries.find_member(session, member, field="member") if member else None
    # Only what the lab announces is a news line: a project or a talk of its page is not.
    achievements = (
        tuple(a for a in queries.achievements_in(session, wanted) if a.in_news)
        if with_achievements
        else ()
    )
    context = build_context(
        tallies=tally_years(papers, rules),
        entries=news_entries(papers, rules, achievements),
        papers=papers,
        lang=lang,
        lab_name=settings.text_setting(session, settings.LAB_NAME),
    )
    context["sections"] = section_context(
        lambda: queries.achievements_in(session, wanted),
        lang,
        chosen.id if chosen is not None else None,
    )
    context.update(_publication_context(session, papers, lang, chosen))
    return context


def _writable(url: str) -> str:
    """A link a publication list may write: http(s), doi:, or a file of the page's own site."""
    return safe_url(url) or site_path(url) or ""


def _publication_context(
    session: Session, papers: Sequence[PaperRecord], lang: str, chosen: MemberRecord | None
) -> dict[str, Any]:
    """The publication list's papers: the lab's, with its bold setting, or one member's."""
    from labnews.store import queries

    member_id = chosen.id if chosen is not None else None

    def publication_list() -> list[dict[str, Any]]:
        # Read only when a template lists publications: the members (all of them, for the bold
        # setting) cost a large lab's news block more than its year of papers does.
        if member_id is not None:
            bold = frozenset({member_id})
        else:
            members = queries.members(session)
            owner = next((m.id for m in members if m.role == "pi"), None)
            choice = settings.text_setting(session, settings.PUBLICATION_BOLD)
            bold = publist.bold_ids(choice, owner, [m.id for m in members])
        return publist.publication_list(
            papers, bold=bold, lang=lang, safe=_writable, member_id=member_id
        )

    return {
        "member": {"name": chosen.name} if chosen is not None else None,
        "papers": Deferred(publication_list),
    }


def _request_context(session: Session, request: NewsRequest) -> tuple[OutputFormat, dict[str, Any]]:
    """The request's format and the context its template is rendered with."""
    fmt, lang = resolve_request(session, request)
    context = news_context(
        session,
        request.years,
        lang,
        with_achievements=request.with_achievements,
        member=request.member,
    )
    return fmt, context


def render_news(session: Session, request: NewsRequest) -> tuple[OutputFormat, str]:
    """Render a single-file format to text."""
    fmt, context = _request_context(session, request)
    return fmt, render_text(fmt, context)


def render_news_folder(session: Session, request: NewsRequest) -> dict[str, str]:
    fmt, context = _request_context(session, request)
    return render_folder(fmt, context)


def write_news(session: Session, request: NewsRequest, output: Path) -> str:
    """Render and write: a file atomically, or (folder formats) every file of the folder.

    Everything is rendered before anything is written, so a broken template writes nothing.
    """
    fmt, context = _request_context(session, request)
    if fmt.is_folder:
        files = render_folder(fmt, context)
        if output.exists() and not output.is_dir():
            raise TemplateError(f"format {fmt.name} writes a folder, and {output} is a file")
        output.mkdir(parents=True, exist_ok=True)
        targets = {inside(output, name): text for name, text in files.items()}
        for target, text in targets.items():
            write_atomic(target, text)
        return f"Wrote {len(files)} files into {output}"
    text = render_text(fmt, context)
    write_atomic(output, text)
    return f"Wrote {output}"
