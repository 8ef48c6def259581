"""The homepage as a site: ``labnews site [DIR]`` and ``labnews publish`` without ``--into``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from labnews.cli.common import PROG, lab_session, say, write_change
from labnews.core.errors import LabnewsError, ValidationError


def _site_folder(session: Any) -> Path:
    from labnews.store import settings

    text = settings.setting_text(session, settings.HOMEPAGE_SITE)
    if not text:
        raise LabnewsError(
            "no homepage checkout yet: point labnews at it with `labnews site DIR` "
            "(or publish into one file with --into FILE)"
        )
    return Path(text)


def _sections(session: Any) -> tuple[str, ...]:
    from labnews.io.site import sections_of
    from labnews.store import settings

    # Unset: the default sections; set to "" (``--sections ''``): the news alone.
    return sections_of(settings.text_setting(session, settings.HOMEPAGE_SECTIONS))


def _chosen_sections(text: str) -> tuple[str, ...]:
    """The sections ``--sections`` names, each a format that writes one file."""
    from labnews.io import newsfile
    from labnews.io.site import sections_of

    sections = sections_of(text)
    for section in sections:
        if newsfile.output_format(section).is_folder:
            raise ValidationError(
                f"format {section} writes a folder; a section is written between markers",
                field="sections",
            )
    return sections


def cmd_site(args: argparse.Namespace) -> int:
    from labnews.io.themes import detect_theme
    from labnews.store import settings

    if args.folder is not None:
        folder = args.folder.expanduser().resolve()
        detect_theme(folder)  # refuses a folder that is no Jekyll or Hugo site
        sections = _chosen_sections(args.sections) if args.sections is not None else None

        def remember(session: Any) -> Any:
            change = settings.set_setting_text(session, settings.HOMEPAGE_SITE, str(folder))
            if sections is not None:
                settings.set_setting_text(session, settings.HOMEPAGE_SECTIONS, ",".join(sections))
            return change

        write_change(args, remember)
    elif args.sections is not None:
        chosen = ",".join(_chosen_sections(args.sections))
        write_change(
            args,
            lambda session: settings.set_setting_text(session, settings.HOMEPAGE_SECTIONS, chosen),
        )
    from labnews.io.newsfile import NewsRequest
    from labnews.io.site import describe, plan_site

    with lab_session(args) as session:
        folder = _site_folder(session)
        sections = _sections(session)
        theme = detect_theme(folder)
        print(f"Homepage: {folder}")
        print(f"Theme: {theme.title} (built by {theme.engine.capitalize()})")
        print(f"Sections: {', '.join(('news', *sections))}")
        try:
            plan = plan_site(session, folder, NewsRequest(), sections)
        except LabnewsError as exc:
            print(f"Not ready to publish: {exc}")
            return 0
    print("labnews writes there:")
    for line in describe(plan):
        print(f"  {line}")
    return 0


def publish_site(args: argparse.Namespace, request: Any) -> int:
    """``labnews publish`` into the remembered checkout: plan, check git, write, commit."""
    from labnews.io import gitrepo
    from labnews.io.site import apply_plan, commit_target, plan_site

    if args.push and not args.commit:
        raise ValidationError("--push pushes the commit --commit makes: give both", field="push")
    with lab_session(args) as session:
        folder = _site_folder(session)
        plan = plan_site(session, folder, request, _sections(session))
    for note in plan.notes:
        say(f"{PROG}: {note}")
    if args.dry_run:
        sys.stdout.write(plan.diff())
        return 0
    repo: Path | None = None
    paths: list[str] = []
    if args.commit:
        repo, paths = commit_target(plan)
    if not plan.changes:
        print(f"{folder} is already up to date")
        return 0
    apply_plan(plan)
    print(f"Published into {folder} ({plan.theme.title}): {plan.summary()}")
    if repo is not None:
        sha = gitrepo.commit(repo, paths, plan.message())
        print(f"Committed {sha[:12]} in {repo}")
        if args.push:
            gitrepo.push(repo)
            print("Pushed")
    return 0
