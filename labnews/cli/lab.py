"""The commands on the lab as a whole: demo, summary, news, import/export, backups, checks, db."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from labnews.cli.common import (
    PROG,
    close_lab,
    is_stdout,
    lab_session,
    open_lab,
    say,
    say_no_papers,
    say_waits,
    year_range,
)
from labnews.core.errors import LabnewsError, NotFoundError, ValidationError
from labnews.core.sections import SECTION_FORMATS

if TYPE_CHECKING:
    from labnews.io.plan import ImportPlan
    from labnews.store.database import Database


def cmd_demo(args: argparse.Namespace) -> int:
    database = open_lab(args, until_done=True)
    succeeded = False
    try:
        if database.path is not None and (args.force or args.synthetic is not None):
            from labnews.store import backup

            # Replacing a lab, or adding thousands of papers to one, is undone only from a
            # backup: a verified one is taken first, as before every bulk change.
            held = backup.counts(database.path)
            # (A synthetic lab is refused where papers are, so then there is nothing to keep.)
            replaces = held["paper"] if args.force else not held["paper"]
            if replaces and (held["paper"] or held["member"] or held["achievement"]):
                kept = backup.backup_before(database.path, "pre-demo")
                say(f"{PROG}: the lab as it was is kept in {kept}")
        with database.session(write=True) as session:
            if args.synthetic is not None:
                from labnews.store.synthetic import SyntheticSpec, build_synthetic_lab

                change = build_synthetic_lab(session, SyntheticSpec(args.synthetic, seed=args.seed))
            else:
                from labnews.store.demo import load_demo

                change = load_demo(session, force=args.force)
        succeeded = True
    finally:
        close_lab(database, succeeded=succeeded)
    print(change.message)
    # Where the lab went, so the next command (or the window) can be pointed at it; on stderr,
    # so stdout stays the one line scripts read.
    where = str(database.path.resolve()) if database.path is not None else database.name
    say(f"{PROG}: the lab is in {where}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from labnews.core.tally import summary_line
    from labnews.store import queries

    years = year_range(args)
    with lab_session(args) as session:
        tallies = queries.tallies(session, years=years)
    for tally in tallies:
        print(summary_line(tally))
    if not tallies:
        say_no_papers(years)
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from labnews.store import migrate
    from labnews.store.location import resolve_target

    if args.action == "check-migrations":
        migrate.check_migrations()
        print("models and migrations agree")
        return 0
    if args.action == "current":
        name, current, head = migrate.describe_schema(resolve_target(args.db))
        state = "newest" if current == head else f"labnews db upgrade brings it to {head}"
        print(f"{name}: schema {current or 'none (a new database)'} ({state})")
        return 0
    database = open_lab(args)
    try:
        print(f"{database.name}: schema {migrate.schema_version(database)} (newest)")
    finally:
        database.dispose()
    return 0


def _news_request(args: argparse.Namespace) -> Any:
    from labnews.io.newsfile import NewsRequest

    years = year_range(args)
    return NewsRequest(
        years=tuple(years) if years is not None else None,
        format=args.format,
        lang=args.lang,
        with_achievements=getattr(args, "with_achievements", False),
        member=getattr(args, "member", None),
    )


def _one_file_news(session: Any, request: Any, refusal: str, field: str) -> str:
    """The news text of a format that writes one file; a folder format is refused."""
    from labnews.io import newsfile

    fmt, _lang = newsfile.resolve_request(session, request)
    if fmt.is_folder:
        raise ValidationError(f"format {fmt.name} {refusal}", field=field)
    _fmt, text = newsfile.render_news(session, request)
    return text


def cmd_news(args: argparse.Namespace) -> int:
    from labnews.io import newsfile

    request = _news_request(args)
    with lab_session(args) as session:
        if args.output is not None and not is_stdout(args.output):
            say(f"labnews: {newsfile.write_news(session, request, args.output)}")
            return 0
        text = _one_file_news(
            session, request, "writes one file per news line: give --output FOLDER", "output"
        )
    sys.stdout.write(text)
    if not text.strip() and args.format in SECTION_FORMATS:
        # A section is written from achievements: "no papers" would send the user astray.
        whose = f" of {args.member}" if args.member else ""
        say(f"labnews: no {args.format}{whose} to write")
    elif not text.strip():
        say_no_papers(year_range(args))
    return 0


def cmd_formats(args: argparse.Namespace) -> int:
    from labnews.io import newsfile

    for fmt in newsfile.formats():
        origin = "built in" if fmt.builtin else f"yours, {fmt.path}"
        if fmt.overrides_builtin:
            origin += "; replaces the built-in one"
        kind = "folder" if fmt.is_folder else fmt.extension
        print(f"{fmt.name}\t{kind}\t{fmt.description} ({origin})")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from labnews.io import homepage

    request = _news_request(args)
    if args.into is None:
        from labnews.cli.site import publish_site

        return publish_site(args, request)
    if args.commit or args.push:
        raise ValidationError(
            "--commit and --push publish the homepage checkout (`labnews site DIR`), "
            "not one --into file",
            field="commit",
        )
    with lab_session(args) as session:
        block = _one_file_news(
            session, request, "writes a folder; it cannot be published into a file", "format"
        )
    publication = homepage.plan_publication(args.into, block)
    if args.dry_run:
        sys.stdout.write(publication.diff())
        return 0
    backup = homepage.publish(publication)
    if backup is None:
        print(f"{args.into} is already up to date")
    else:
        print(f"Published into {args.into} (previous version kept as {backup.name})")
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    from labnews.io import chart

    chart.check_chart_path(args.output)
    with lab_session(args) as session:
        path = chart.render_chart(session, year_range(args), args.output, lang=args.lang)
    say(f"labnews: Wrote {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from labnews.io.importers import import_kind, plan_file
    from labnews.io.newsplan import leave_out_maybe_people, summarised
    from labnews.io.plan import apply_plan
    from labnews.store.backup import backup_before

    path: Path = args.path
    if not path.exists():
        raise NotFoundError(f"{path} does not exist", field="path")
    # A first import that fails (an unreadable file) leaves no empty lab behind.
    database = open_lab(args, until_done=True)
    succeeded = False
    try:
        with database.session() as session:
            plan = plan_file(session, import_kind(args.kind), path)
        if not args.add_maybe:
            plan = leave_out_maybe_people(plan)
        if not args.verbose:
            plan = summarised(plan)
        print(plan.report())
        if plan.is_empty:
            print(plan.nothing_to_import())
            succeeded = True
            return 0
        errors = plan.of_kind("error")
        if errors:
            raise ValidationError(
                f"the import has {len(errors)} errors; first: {errors[0]}", field="path"
            )
        if args.dry_run:
            # Exit as the real import would (1 and its reason if it would fail), so scripts can
            # tell: the plan is applied in a transaction that is then rolled back.
            _try_plan(database, plan)
            succeeded = True
            return 0
        if database.path is not None:
            backup_before(database.path, "pre-import")
        with database.session(write=True) as session:
            change = apply_plan(session, plan)
        print(change.message)
        succeeded = True
    finally:
        close_lab(database, succeeded=succeeded)
    return 0


class _TrialOver(Exception):
    """Ends a dry run's trial transaction, so that it rolls back."""


def _try_plan(database: Database, plan: ImportPlan) -> None:
    """Apply the plan and roll it back: raises the LabnewsError the real import would meet."""
    from labnews.io.plan import apply_plan

    try:
        with database.session(write=True) as session:
            apply_plan(session, plan)
            session.flush()
            raise _TrialOver
    except _TrialOver:
        pass
    except LabnewsError as exc:
        raise LabnewsError(f"the import would fail: {exc.message}", field=exc.field) from exc


def cmd_export(args: argparse.Namespace) -> int:
    years = year_range(args)
    with lab_session(args) as session:
        if args.kind == "bibtex":
            from labnews.io import bibexport

            text = bibexport.export_bibtex(session, years)
        else:
            from labnews.io import tableexport

            text = (
                tableexport.export_json(session, years)
                if args.kind == "json"
                else tableexport.export_csv(session, args.table, years)
            )
    if args.output is None or is_stdout(args.output):
        sys.stdout.write(text)
        return 0
    from labnews.io.files import write_atomic

    data = text.encode("utf-8-sig") if args.kind == "csv" else text.encode("utf-8")
    write_atomic(args.output, data)
    say(f"labnews: wrote {args.output}")
    return 0


def _sqlite_path(args: argparse.Namespace, what: str) -> Path:
    from labnews.store.database import to_url
    from labnews.store.location import resolve_target

    say_waits()
    url = to_url(resolve_target(args.db))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise ValidationError(
            f"{what} works on SQLite files; a server database is backed up with its own tools "
            "(pg_dump for PostgreSQL)",
            field="db",
        )
    return Path(url.database)


def cmd_backup(args: argparse.Namespace) -> int:
    from labnews.store import backup

    path = _sqlite_path(args, "backup")
    if not path.exists():
        raise NotFoundError(f"there is no lab database at {path}", field="db")
    target = backup.backup_to(path, args.to) if args.to else backup.backup_before(path, "manual")
    print(f"Backed up {path} to {target}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from labnews.store import backup

    path = _sqlite_path(args, "backups")
    found = backup.list_backups(path)
    if not found:
        print(f"No backups of {path} yet (they go in {backup.backups_dir(path)})")
    for info in found:
        print(f"{info.taken:%Y-%m-%d %H:%M:%S}\t{info.reason}\t{info.size:,} bytes\t{info.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from labnews.store import backup

    path = _sqlite_path(args, "restore")
    plan = backup.plan_restore(path, args.backup)
    print(f"Restore {args.backup} over {path}:")
    print(plan.describe())
    questions = plan.questions()
    if questions and not args.yes:
        reasons = "; ".join(questions)
        if not sys.stdin.isatty():
            raise ValidationError(f"{reasons}; add --yes to restore it anyway", field="backup")
        try:
            answer = input(f"Warning: {reasons}. Restore anyway? [y/N] ")
        except EOFError:
            # Ctrl-D is a "no" that was never typed: nothing done, and the exit says so.
            print()
            print("Nothing restored.")
            return 1
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing restored.")
            return 0
    aside = backup.restore(plan)
    if aside is not None:
        print(f"Restored; the previous database is kept as {aside}")
    else:
        print("Restored.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from labnews.store import backup, checks

    database = open_lab(args)
    try:
        with database.session() as session:
            findings = checks.run_checks(session, is_sqlite=database.is_sqlite)
        problems = [f for f in findings if not f.note]
        if args.fix and any(f.fixable for f in problems):
            if database.path is not None:
                backup.backup_before(database.path, "pre-fix")
            with database.session(write=True) as session:
                done = checks.repair(session)
            for line in done:
                print(f"fixed: {line}")
            with database.session() as session:
                findings = checks.run_checks(session, is_sqlite=database.is_sqlite)
            problems = [f for f in findings if not f.note]
    finally:
        database.dispose()
    for finding in findings:
        print(finding)
    if problems:
        print(f"{len(problems)} problems found", file=sys.stderr)
        return 1
    print(f"No problems found in {database.name}.")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from labnews.gui.app import run

    return run(
        db=args.db,
        screenshot=getattr(args, "screenshot", None),
        view=getattr(args, "view", None),
    )
