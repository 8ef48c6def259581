"""The ``adopt`` command: import a hand-kept page's news, then wrap its block in the markers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from labnews.cli.common import close_lab, open_lab
from labnews.cli.lab import _one_file_news, _try_plan
from labnews.core.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from labnews.io.adopt import Adoption


def cmd_adopt(args: argparse.Namespace) -> int:
    from labnews.io import adopt, homepage, newspage, newsplan
    from labnews.io.newsfile import NewsRequest
    from labnews.io.plan import apply_plan
    from labnews.store.backup import backup_before

    path: Path = args.path
    if not path.is_file():
        if path.exists():
            raise ValidationError(f"{path} is not a file; adopt takes the page with the news")
        raise NotFoundError(f"{path} does not exist", field="path")
    text = adopt.read_page_text(path)
    page = newspage.read_page(text, path.name)
    database = open_lab(args, until_done=True)
    succeeded = False
    try:
        # The same plan as `labnews import news PAGE`, from the page as read above.
        with database.session() as session:
            plan = newsplan.leave_out_maybe_people(newsplan.plan_page(session, page))
        print(plan.report())
        errors = plan.of_kind("error")
        if errors:
            raise ValidationError(
                f"{path} has {len(errors)} errors to fix before adopting it; first: {errors[0]}",
                field="path",
            )
        # Known before anything is written: a page with no news block is refused untouched.
        adoption = adopt.plan_adoption(path, text, page, plan)
        if args.dry_run:
            if not plan.is_empty:
                _try_plan(database, plan)
            _say_wrapping(adoption)
            sys.stdout.write(adoption.diff())
            succeeded = True
            return 0
        if plan.is_empty:
            print(plan.nothing_to_import())
        else:
            if database.path is not None:
                backup_before(database.path, "pre-import")
            with database.session(write=True) as session:
                change = apply_plan(session, plan)
            print(change.message)
        backup = adopt.write_adoption(adoption)
        if backup is None:
            print(f"{path} already has the labnews markers; not wrapped again")
        else:
            print(
                f"Wrapped lines {adoption.first}-{adoption.last} of {path} in the labnews "
                f"markers (previous version kept as {backup.name})"
            )
        with database.session() as session:
            block = _one_file_news(
                session,
                NewsRequest(),
                "writes a folder; it cannot be published into a file",
                "format",
            )
        publication = homepage.plan_publication(path, block)
        if publication.changed:
            print(f"`labnews publish --into {path}` would then change the page:")
            sys.stdout.write(publication.diff())
        else:
            print(f"`labnews publish --into {path}` would then change nothing")
        succeeded = True
    finally:
        close_lab(database, succeeded=succeeded)
    return 0


def _say_wrapping(adoption: Adoption) -> None:
    if adoption.already_adopted:
        print(f"{adoption.path} already has the labnews markers; it would not be wrapped again")
    else:
        print(
            f"Would wrap lines {adoption.first}-{adoption.last} of {adoption.path} "
            "in the labnews markers:"
        )
