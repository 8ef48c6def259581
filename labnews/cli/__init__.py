"""The command line: ``labnews [--db PATH_OR_URL] COMMAND``; the window when no command is given.

``main(argv) -> int`` returns 0 on success, 1 on a user error (one ``labnews: error:`` line on
stderr, never a traceback) and 2 on a usage error. Qt is imported only when the window opens.
``main`` and the parser are here; the commands are in ``common``, ``records`` and ``lab``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from labnews.cli.adopt import cmd_adopt
from labnews.cli.common import (
    PROG,
    Handler,
    Parser,
    UsageError,
    month_arg,
    year_arg,
    year_month_arg,
)
from labnews.cli.lab import (
    cmd_backup,
    cmd_backups,
    cmd_chart,
    cmd_check,
    cmd_db,
    cmd_demo,
    cmd_export,
    cmd_formats,
    cmd_gui,
    cmd_import,
    cmd_news,
    cmd_publish,
    cmd_restore,
    cmd_summary,
)
from labnews.cli.lookup import cmd_lookup
from labnews.cli.records import (
    achievement_date_arg,
    cmd_add,
    cmd_edit,
    cmd_list,
    cmd_order,
    cmd_remove,
    cmd_rules,
)
from labnews.cli.site import cmd_site
from labnews.core.controls import one_line
from labnews.core.errors import LabnewsError
from labnews.core.publist import BOLD_CHOICES
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    DEFAULT_ROLE,
    PRESENTATIONS,
    ROLE_WORDS,
    ROLES,
    STATUSES,
    VENUE_KINDS,
)
from labnews.core.rules import LINE_MODES, ORDER_MODES, WORKSHOP_LINE_NAMES, WORKSHOP_MODES


def _add_year_range(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--year", type=year_arg, help="one year")
    group.add_argument("--from", dest="from_year", type=year_arg, metavar="Y", help="first year")
    parser.add_argument("--to", dest="to_year", type=year_arg, metavar="Y", help="last year")


def _paper_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if not editing:
        parser.add_argument(
            "--from",
            dest="from_id",
            metavar="ID_OR_URL",
            help="fill it from a DOI, arXiv, OpenReview, DBLP or ACL Anthology id or link",
        )
    # Required unless --from fills them (cmd_add says so in argparse's words).
    parser.add_argument("--venue", help="short name or alias")
    parser.add_argument("--year", type=year_arg, help="edition year")
    parser.add_argument(
        "--month", type=year_month_arg, metavar="YYYY-MM", help="news month (default: venue's)"
    )
    parser.add_argument("--title")
    parser.add_argument("--author", action="append", metavar="NAME", help="repeat, in order")
    parser.add_argument("--featured", metavar="NAME", help="the member its news line names")
    parser.add_argument("--status", choices=STATUSES)
    parser.add_argument("--presentation", choices=PRESENTATIONS)
    parser.add_argument("--doi")
    parser.add_argument("--arxiv")
    parser.add_argument("--url")
    parser.add_argument("--code", metavar="URL")
    parser.add_argument("--project", metavar="URL")
    parser.add_argument(
        "--link",
        action="append",
        metavar="LABEL=URL",
        help="a labelled link ([paper], [demo], [slides]...); repeat, in order",
    )
    parser.add_argument(
        "--also", action="append", metavar="VENUE", help="also presented at (a line); repeat"
    )
    parser.add_argument("--accepted", metavar="YYYY-MM-DD", help="the day of acceptance")
    parser.add_argument(
        "--equal", action="append", metavar="NAME", help="an author of equal contribution"
    )
    if editing:
        parser.add_argument(
            "--month-from-venue",
            action="store_true",
            help="move the news month to the venue's usual month (kept otherwise)",
        )


def _member_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if editing:
        parser.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
        parser.add_argument("--in-news", action="store_true", help="list in news lines")
    parser.add_argument("--native", metavar="N", help="name in the native script (함재석)")
    parser.add_argument("--alias", action="append", metavar="A", help="another spelling")
    parser.add_argument(
        "--role",
        choices=ROLES,
        metavar="ROLE",
        help="one of "
        + ", ".join(
            role if ROLE_WORDS[role] == role else f"{role} ({ROLE_WORDS[role]})" for role in ROLES
        )
        + ("" if editing else f"; default {DEFAULT_ROLE}"),
    )
    parser.add_argument("--not-in-news", action="store_true", help="never named in news (the PI)")
    parser.add_argument("--joined", type=year_month_arg, metavar="YYYY-MM")
    parser.add_argument("--left", type=year_month_arg, metavar="YYYY-MM")


def _venue_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if editing:
        parser.add_argument("--short", dest="new_short", metavar="NEW", help="rename")
    parser.add_argument("--full", metavar="F", help="full name")
    parser.add_argument("--kind", choices=VENUE_KINDS)
    parser.add_argument("--parent", metavar="SHORT", help="a workshop's conference")
    parser.add_argument("--label", metavar="L", help="what the tally counts it as")
    parser.add_argument("--month", type=month_arg, metavar="M", help="typical month")
    parser.add_argument("--alias", action="append", metavar="A", help="another spelling")


def _achievement_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if editing:
        parser.add_argument("--in-news", action="store_true", help="announce it in the news")
        parser.add_argument("--no-links", action="store_true", help="remove every link")
    parser.add_argument("--kind", choices=ACHIEVEMENT_KINDS, required=not editing)
    parser.add_argument("--title", required=not editing)
    parser.add_argument(
        "--date",
        type=achievement_date_arg,
        required=not editing,
        metavar="YYYY[-MM[-DD]]",
        help="a year alone when the month is not known",
    )
    parser.add_argument("--member", action="append", metavar="NAME", help="repeat, in order")
    parser.add_argument("--organisation", help="who gave it (an award's giver)")
    parser.add_argument("--url", help="the title's link")
    parser.add_argument("--sentence", help="the news sentence, if not the generated one")
    parser.add_argument("--role", help="the member's part: Project Investigator")
    parser.add_argument("--end-year", type=year_arg, metavar="YYYY", help="a project's last year")
    parser.add_argument(
        "--description", action="append", metavar="LINE", help="a line of text; repeat"
    )
    parser.add_argument("--rank", type=int, metavar="N", help="a challenge's place")
    parser.add_argument("--teams", type=int, metavar="N", help="of how many teams")
    parser.add_argument(
        "--link",
        action="append",
        metavar="'KIND URL [LABEL]'",
        help="link (labelled), video, embed or image; repeat, in order",
    )
    parser.add_argument("--not-in-news", action="store_true", help="not announced in the news")


def _record_parser(
    subparsers: argparse._SubParsersAction[Parser],
    what: str,
    help_text: str,
    options: Callable[..., None],
    *,
    key: tuple[str, str] | None = None,
    editing: bool = False,
) -> argparse.ArgumentParser:
    """An add or edit sub-command for one kind of record: its key argument, then its options."""
    parser = subparsers.add_parser(what, help=help_text)
    if key is not None:
        dest, metavar = key
        parser.add_argument(dest, metavar=metavar)
    options(parser, editing=editing)
    return parser


def _venue_and_year_or_from(args: argparse.Namespace) -> str | None:
    """``add paper`` needs --venue and --year, unless --from fills them: argparse's own words."""
    if args.from_id is not None:
        return None
    missing = [
        name for name, value in (("--venue", args.venue), ("--year", args.year)) if not value
    ]
    if not missing:
        return None
    return f"the following arguments are required: {', '.join(missing)} (or --from ID_OR_URL)"


def _news_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", metavar="NAME", help="see `labnews formats` (default: yearly)")
    parser.add_argument("--lang", choices=("en", "ko"), help="language (default: en)")


def build_parser() -> argparse.ArgumentParser:
    from labnews.io.importers import import_names

    parser = Parser(
        prog=PROG,
        description="Keep your lab's papers and achievements; write its news from them.",
        epilog="With no command, labnews opens its window. The window and every command work "
        "on the same lab: --db, else $LABNEWS_DB, else the default file; the window lists the "
        "labs opened before in File > Open Recent.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="the lab database: a SQLite file or a SQLAlchemy URL (default: $LABNEWS_DB, "
        "then labnews.sqlite in your user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    gui = command("gui", cmd_gui, "open the window")
    gui.add_argument("--screenshot", type=Path, metavar="PATH", help="render to a PNG and exit")
    gui.add_argument("--view", help="the view to show (overview, papers, members, ...)")

    demo = command("demo", cmd_demo, "load the demo lab")
    demo.add_argument("--force", action="store_true", help="replace papers already there")
    demo.add_argument(
        "--synthetic", type=int, metavar="N", help="a seeded synthetic lab of N papers instead"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="its seed (default 1)")

    summary = command("summary", cmd_summary, "one tally line per year, newest first")
    _add_year_range(summary)

    add = command("add", cmd_add, "add a member, venue, paper or achievement")
    add_sub = add.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=Parser)
    for what, help_text, options, key in (
        ("member", "a lab member", _member_options, ("name", "NAME")),
        ("venue", "a conference, workshop or journal", _venue_options, ("short", "SHORT")),
        ("paper", "an accepted paper", _paper_options, None),
    ):
        made = _record_parser(add_sub, what, help_text, options, key=key)
        if what == "paper":
            made.set_defaults(check_args=_venue_and_year_or_from, usage_parser=made)
    _record_parser(add_sub, "achievement", "an award, talk, project...", _achievement_options)

    lookup = command(
        "lookup", cmd_lookup, "find a paper by its DOI, arXiv, OpenReview, DBLP or ACL link"
    )
    lookup.add_argument("identifier", metavar="ID_OR_URL")
    lookup.add_argument("--add", action="store_true", help="record it in the lab")
    lookup.add_argument("--venue", help="where it was accepted, if the service does not know")
    lookup.add_argument("--year", type=year_arg, help="the edition year, if not the service's")

    listing = command("list", cmd_list, "list papers, members, venues or achievements")
    listing.add_argument("what", choices=("papers", "members", "venues", "achievements"))
    listing.add_argument("--year", type=year_arg)
    listing.add_argument("--json", action="store_true", help="a JSON list with every field")

    edit = command("edit", cmd_edit, "change a paper, member, venue or achievement")
    edit_sub = edit.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=Parser)
    for what, help_text, options, metavar in (
        ("paper", "a paper by id", _paper_options, "ID"),
        ("member", "a member by name", _member_options, "NAME"),
        ("venue", "a venue by short name", _venue_options, "SHORT"),
        ("achievement", "an achievement by id", _achievement_options, "ID"),
    ):
        _record_parser(edit_sub, what, help_text, options, key=("target", metavar), editing=True)

    remove = command("remove", cmd_remove, "remove papers, a member, a venue or achievements")
    remove.add_argument("what", choices=("paper", "member", "venue", "achievement"))
    remove.add_argument("target", nargs="+", metavar="ID_OR_NAME")

    order = command("order", cmd_order, "pin a year's tally order (or --clear it)")
    order.add_argument("year", type=year_arg, metavar="YEAR")
    order.add_argument("labels", nargs="*", metavar="LABEL")
    order.add_argument("--clear", action="store_true", help="unpin: back to the rule's order")

    rules = command("rules", cmd_rules, "show or set the tally rules")
    rules.add_argument("--workshops", choices=WORKSHOP_MODES)
    rules.add_argument("--order", choices=ORDER_MODES)
    rules.add_argument("--lines", choices=LINE_MODES)
    rules.add_argument(
        "--workshop-lines",
        choices=WORKSHOP_LINE_NAMES,
        help="in --year, month lines name a workshop paper's workshop (default) or conference",
    )
    rules.add_argument("--year", type=year_arg, metavar="Y", help="the year --workshop-lines sets")
    rules.add_argument(
        "--bold",
        choices=BOLD_CHOICES,
        help="who is in bold on the lab's publication list (default: owner, the PI)",
    )

    news = command("news", cmd_news, "write the lab's news in a format")
    _add_year_range(news)
    _news_options(news)
    news.add_argument("--with-achievements", action="store_true", help="awards, talks, grants")
    news.add_argument(
        "--member", metavar="NAME", help="narrow to one member (publications, awards, portfolio)"
    )
    news.add_argument(
        "--output", type=Path, metavar="PATH", help="write here (atomically; - for stdout)"
    )

    command("formats", cmd_formats, "the news formats, built-in and yours")

    publish = command(
        "publish",
        cmd_publish,
        "write the news into the homepage (see `labnews site`), or between a file's markers",
    )
    publish.add_argument(
        "--into", type=Path, metavar="FILE", help="this file's block only (not the whole site)"
    )
    _add_year_range(publish)
    _news_options(publish)
    publish.add_argument("--with-achievements", action="store_true")
    publish.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    publish.add_argument(
        "--commit", action="store_true", help="one git commit of what changed in the homepage"
    )
    publish.add_argument("--push", action="store_true", help="then git push it (with --commit)")

    site = command("site", cmd_site, "remember the lab's homepage checkout, or show it")
    site.add_argument("folder", type=Path, nargs="?", metavar="DIR", help="the site's folder")
    site.add_argument(
        "--sections",
        metavar="NAMES",
        help="what to publish besides the news, comma-separated (e.g. publications,talks; "
        "'' for none)",
    )

    chart = command("chart", cmd_chart, "draw papers per year by tally label as SVG or PNG")
    _add_year_range(chart)
    chart.add_argument("--output", type=Path, required=True, metavar="FILE.svg|png")
    chart.add_argument("--lang", choices=("en", "ko"), default="en", help="its words' language")

    importing = command("import", cmd_import, "bring in a news page, BibTeX or CSV/JSON")
    importing.add_argument("kind", choices=import_names(), metavar="news|bibtex|csv")
    importing.add_argument("path", type=Path, metavar="FILE_OR_FOLDER")
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="report only, change nothing; exit 1 (and say why) if the import would fail",
    )
    importing.add_argument(
        "--add-maybe",
        action="store_true",
        help="also make members of the names that may not be people's (the report lists them)",
    )
    importing.add_argument(
        "--verbose", action="store_true", help="list every line outside the news, not their count"
    )

    adopting = command(
        "adopt",
        cmd_adopt,
        "import a hand-kept news page, then wrap its news block in the labnews markers",
    )
    adopting.add_argument("path", type=Path, metavar="PAGE")
    adopting.add_argument(
        "--dry-run", action="store_true", help="print the plan and the wrapping; change nothing"
    )

    exporting = command("export", cmd_export, "write the records as BibTeX, CSV or JSON")
    exporting.add_argument("kind", choices=("bibtex", "csv", "json"))
    _add_year_range(exporting)
    exporting.add_argument(
        "--table",
        choices=("papers", "members", "venues", "achievements"),
        default="papers",
        help="which table a CSV holds (default: papers)",
    )
    exporting.add_argument("--output", type=Path, metavar="PATH", help="- for stdout")

    backup = command("backup", cmd_backup, "take a verified backup of the database now")
    backup.add_argument("--to", type=Path, metavar="PATH", help="where (default: backups/)")
    command("backups", cmd_backups, "list the database's backups, newest first")
    restore = command("restore", cmd_restore, "replace the database with a backup")
    restore.add_argument("backup", type=Path, metavar="PATH")
    restore.add_argument(
        "--yes", action="store_true", help="even when records would go, or it is another lab's"
    )
    check = command("check", cmd_check, "check the database and its records")
    check.add_argument("--fix", action="store_true", help="repair what is safe, after a backup")

    db = command("db", cmd_db, "database schema: show, upgrade, or check the migrations")
    db.add_argument("action", choices=("current", "upgrade", "check-migrations"))

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one labnews command; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    for argument in args_list:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            # Python hands undecodable argv bytes over as lone surrogates; no record may hold one.
            shown = repr(os.fsencode(argument))[2:-1]
            print(f"{PROG}: error: an argument is not UTF-8 text: {shown}", file=sys.stderr)
            return 1
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version exit 0 through argparse
        return int(exc.code or 0)
    check: Callable[[argparse.Namespace], str | None] | None = getattr(args, "check_args", None)
    problem = check(args) if check is not None else None
    if problem:
        try:
            args.usage_parser.error(problem)
        except UsageError as exc:
            print(exc, file=sys.stderr)
            return 2
    handler: Handler = getattr(args, "handler", cmd_gui)
    if not hasattr(args, "screenshot"):
        args.screenshot = None
        args.view = None
    try:
        return handler(args)
    except LabnewsError as exc:
        print(f"{PROG}: error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"{PROG}: error: {one_line(f'{exc.strerror or exc}{where}')}", file=sys.stderr)
        return 1
