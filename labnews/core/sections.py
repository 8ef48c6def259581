"""The Projects, Talks and Awards sections of a page: their rules and the data templates see.

A lab page (and a member's page) shows its achievements in sections of their own, each in the
style of a hand-kept homepage: projects with their role and period, talks with their videos
embedded, awards with their giver and placement. The records hold the facts (a YouTube link,
a start and end year, a rank of so many teams); this module words them, and the templates
``projects``, ``talks`` and ``awards`` lay them out. Nothing here imports Jinja2, SQLAlchemy or
Qt: the render module registers ``FILTERS`` in its sandbox.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from labnews.core import fields as field_rules
from labnews.core.controls import braces_as_references
from labnews.core.deferred import Deferred
from labnews.core.errors import ValidationError
from labnews.core.links import http_url
from labnews.core.records import ACHIEVEMENT_LINK_KINDS, AchievementLink, AchievementRecord

SECTION_FORMATS: Final = ("projects", "talks", "awards")
"""The built-in formats written from achievements rather than papers."""
PROJECT_KINDS: Final = ("grant", "project")
TALK_KINDS: Final = ("talk", "media")
AWARD_KINDS: Final = ("award", "challenge")
MAX_DESCRIPTION: Final = 5000
MAX_LINKS: Final = 50
MAX_LABEL: Final = field_rules.MAX_LABEL

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = ("youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com")
_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")
# A page-relative path ("images//ncai.jpg", "/assets/a.png"): no scheme, nothing that could
# end a Markdown link or an HTML attribute early.
_PAGE_PATH = re.compile(r"^(?![A-Za-z][A-Za-z0-9+.-]*:)[A-Za-z0-9._~/%+-][^\s<>\"'`()\\]*$")
_ENTITY_AMP = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~!$])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


# --- the rules the store checks ----------------------------------------------------------------


def page_path(value: str) -> str | None:
    """``value`` if it is a path relative to the page (an image beside it), else None."""
    return value if _PAGE_PATH.match(value) else None


def check_links(links: Iterable[AchievementLink]) -> list[AchievementLink]:
    """The links as kept: a known kind, an http(s) link (an image may also be a path on the
    page, "images/clara.png"), a label of one line; each refusal names the link."""
    kept: list[AchievementLink] = []
    for number, link in enumerate(links, start=1):
        field = f"link {number}"
        if number > MAX_LINKS:
            raise ValidationError(f"an achievement has at most {MAX_LINKS} links", field="links")
        field_rules.choice(link.kind, ACHIEVEMENT_LINK_KINDS, f"{field} kind")
        url = field_rules.clean_text(link.url, f"{field} URL")
        if url is None:
            raise ValidationError(f"{field} has no URL", field="links")
        if not (link.kind == "image" and page_path(url)):
            url = field_rules.link(url, f"{field} URL") or url
        label = field_rules.clean_text(link.label, f"{field} label", limit=MAX_LABEL)
        if label is not None:
            label = " ".join(label.split())
        kept.append(AchievementLink(link.kind, url, label))
    return kept


def links_text(links: Iterable[AchievementLink]) -> str:
    """Links as one table cell: a line each, "KIND URL" and then the label, if any."""
    return "\n".join(
        f"{link.kind} {link.url}" + (f" {link.label}" if link.label else "") for link in links
    )


def parse_links(value: object) -> tuple[AchievementLink, ...]:
    """Links from a table cell (``links_text``) or a JSON list of {kind, url, label}; each
    refusal names the link. The links are then checked as the store checks them."""
    if value is None or value == "":
        return ()
    found: list[AchievementLink] = []
    if isinstance(value, str):
        for number, line in enumerate(value.splitlines(), start=1):
            parts = line.split(None, 2)
            if not parts:
                continue
            if len(parts) < 2:
                raise ValidationError(f"link {number} must be KIND URL [LABEL]", field="links")
            label = parts[2] if len(parts) > 2 else None
            found.append(AchievementLink(parts[0].lower(), parts[1], label))
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            if not isinstance(item, dict) or not all(
                isinstance(item.get(key), str) for key in ("kind", "url")
            ):
                raise ValidationError(f"link {number} must have a kind and a URL", field="links")
            label = item.get("label")
            found.append(
                AchievementLink(
                    item["kind"], item["url"], label if isinstance(label, str) else None
                )
            )
    else:
        raise ValidationError("links must be text or a list", field="links")
    return tuple(check_links(found))


def clean_description(value: str | None) -> str | None:
    """Description lines: each trimmed, blank ones dropped, at most MAX_DESCRIPTION characters."""
    cleaned = field_rules.clean_text(value, "description", limit=MAX_DESCRIPTION)
    if cleaned is None:
        return None
    lines = [" ".join(line.split()) for line in cleaned.splitlines()]
    return "\n".join(line for line in lines if line) or None


def check_placement(rank: int | None, teams: int | None) -> tuple[int | None, int | None]:
    """A challenge's placement: a rank from 1, of so many teams (not fewer than the rank)."""
    if rank is not None and rank < 1:
        raise ValidationError(f"rank must be 1 or more, not {rank}", field="rank")
    if teams is not None and teams < 1:
        raise ValidationError(f"teams must be 1 or more, not {teams}", field="teams")
    if teams is not None and rank is None:
        raise ValidationError("a number of teams needs a rank", field="rank")
    if rank is not None and teams is not None and rank > teams:
        raise ValidationError(f"rank {rank} is beyond the {teams} teams", field="rank")
    return rank, teams


# --- wording -----------------------------------------------------------------------------------


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def placement(rank: int | None, teams: int | None, lang: str = "en") -> str:
    """ "Ranked 8th place out of 655 teams (Top 2%)", "Ranked 2nd place"; in Korean
    "655팀 중 8위 (상위 2%)". The share is rounded up: 8 of 655 is in the top 2%, not 1%."""
    if rank is None:
        return ""
    if lang == "ko":
        if teams is None:
            return f"{rank}위"
        return f"{teams}팀 중 {rank}위 (상위 {top_percent(rank, teams)}%)"
    if teams is None:
        return f"Ranked {ordinal(rank)} place"
    return f"Ranked {ordinal(rank)} place out of {teams} teams (Top {top_percent(rank, teams)}%)"


def short_placement(rank: int | None, teams: int | None, lang: str = "en") -> str:
    """The portfolio's short form: "3rd place/20 teams" ("20팀 중 3위")."""
    if rank is None:
        return ""
    if lang == "ko":
        return f"{teams}팀 중 {rank}위" if teams else f"{rank}위"
    return f"{ordinal(rank)} place/{teams} teams" if teams else f"{ordinal(rank)} place"


def top_percent(rank: int, teams: int) -> int:
    return math.ceil(rank * 100 / teams)


def period(start: int, end: int | None) -> str:
    """A project's years as a page writes them: "'22~'26", or "'20" for one year."""
    if end is None or end == start:
        return f"'{start % 100:02d}"
    return f"'{start % 100:02d}~'{end % 100:02d}"


def youtube_embed(url: str) -> str | None:
    """The embed address of a YouTube link, its start time kept ("...embed/ID?start=3547");
    None when the link is not a YouTube video."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    path = parts.path.strip("/").split("/")
    if host in ("youtu.be", "www.youtu.be"):
        video = path[0]
    elif host in _YOUTUBE_HOSTS and path[0] == "watch":
        video = (query.get("v") or [""])[0]
    elif host in _YOUTUBE_HOSTS and path[0] in ("embed", "shorts", "live") and len(path) > 1:
        video = path[1]
    else:
        return None
    if not _YOUTUBE_ID.match(video):
        return None
    start = _seconds((query.get("start") or query.get("t") or [""])[0])
    return f"https://www.youtube.com/embed/{video}" + (f"?start={start}" if start else "")


def _seconds(text: str) -> int:
    """A start time in seconds: "3547", "3547s" or "59m7s"; 0 when there is none."""
    match = _DURATION.match(text.strip().lower())
    if not text or match is None:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


# --- escaping for the sections' templates ------------------------------------------------------


def markdown_text(text: object) -> str:
    """Data made inert in Markdown and in the engines that build pages (Jekyll's Liquid, Hugo),
    like render's ``md`` filter, but a lone "&" stays as it is:
    only an "&" that would start an entity ("&amp;", "&#60;") can change what a page shows, and
    award titles such as "Google Cloud & YouTube-8M" are written as their pages write them."""
    flat = _CONTROL.sub("", _LINE_BREAKS.sub(" ", str(text)))
    flat = _ENTITY_AMP.sub("&amp;", flat).replace("<", "&lt;").replace(">", "&gt;")
    flat = braces_as_references(_MD_SPECIAL.sub(r"\\\1", flat))
    return _MD_LINE_START.sub(r"\1\\\2", flat, count=1)


def page_url(url: object) -> str:
    """A link target a page may hold: http(s), or a path relative to the page; else empty."""
    text = str(url or "").strip()
    if page_path(text):
        return text
    if http_url(text) is None or re.search(r"[\s<>\"'`\\]", text):
        return ""
    return text.replace("(", "%28").replace(")", "%29")


FILTERS: Final[dict[str, Callable[..., Any]]] = {"md_text": markdown_text, "page_url": page_url}
"""The filters the render sandbox adds for these sections."""


# --- the data templates see --------------------------------------------------------------------


def newest_first(items: Iterable[AchievementRecord]) -> list[AchievementRecord]:
    """Newest first; on the same date, in the order they were entered."""
    return sorted(items, key=lambda a: (-a.date.year, -a.date.month, -(a.day or 0), a.id))


def _date_text(item: AchievementRecord) -> str:
    return str(item.date.year) if item.year_only else f"{item.date.year}.{item.date.month:02d}"


def _media(link: AchievementLink) -> dict[str, str]:
    embed = youtube_embed(link.url) if link.kind == "video" else None
    return {
        "kind": link.kind,
        "url": link.url,
        "label": link.label or "",
        # A video that is not on YouTube is embedded as the page it is.
        "embed": embed or link.url,
        "youtube": "yes" if embed else "",
    }


def achievement_data(item: AchievementRecord, lang: str) -> dict[str, Any]:
    """One achievement as the sections' templates see it: plain text, worded dates."""
    people = [(p.native or p.name) if lang == "ko" else p.name for p in item.members]
    media = [_media(link) for link in item.links if link.kind != "link"]
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "url": item.url or "",
        "year": item.date.year,
        "month": None if item.year_only else item.date.month,
        "date": _date_text(item),
        "short_date": f"'{item.date.year % 100:02d}"
        + ("" if item.year_only else f".{item.date.month:02d}"),
        "period": period(item.date.year, item.end_year),
        "members": people,
        "role": item.role or "",
        "organisation": item.organisation or "",
        "description": (item.description or "").splitlines(),
        "placement": placement(item.rank, item.teams, lang),
        "short_placement": short_placement(item.rank, item.teams, lang),
        "links": [
            {"label": link.label or "link", "url": link.url}
            for link in item.links
            if link.kind == "link"
        ],
        "media": media,
        "images": [m for m in media if m["kind"] == "image"],
    }


def _shows_media(item: AchievementRecord) -> bool:
    return any(link.kind in ("video", "embed") for link in item.links)


def section_context(
    load: Callable[[], Sequence[AchievementRecord]], lang: str, member_id: int | None = None
) -> dict[str, Any]:
    """The sections a template may read: ``projects`` (grants and projects), ``talks`` (talks,
    media and anything else shown with a video, such as an award's ceremony) and ``awards``
    (awards and challenges), each newest first; with ``member_id``, only that member's."""
    cache: list[list[AchievementRecord]] = []

    def chosen() -> list[AchievementRecord]:
        if not cache:
            items = list(load())
            if member_id is not None:
                items = [a for a in items if any(m.member_id == member_id for m in a.members)]
            cache.append(newest_first(items))
        return cache[0]

    def section(keep: Callable[[AchievementRecord], bool]) -> Deferred:
        return Deferred(lambda: [achievement_data(a, lang) for a in chosen() if keep(a)])

    return {
        "projects": section(lambda a: a.kind in PROJECT_KINDS),
        "talks": section(lambda a: a.kind in TALK_KINDS or _shows_media(a)),
        "awards": section(lambda a: a.kind in AWARD_KINDS),
    }
