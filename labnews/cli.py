"""The command line: ``labnews [--db PATH_OR_URL] COMMAND``; the window when no command is given.

``main(argv) -> int`` returns 0 on success, 1 on a user error (one ``labnews: error:`` line on
stderr, never a traceback) and 2 on a usage error. Qt is imported only when the window opens.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from labnews.core.controls import one_line
from labnews.core.errors import LabnewsError, NotFoundError, ValidationError
from labnews.core.inputs import (
    AUTO,
    AchievementInput,
    AuthorInput,
    FeaturedChoice,
    MemberInput,
    PaperInput,
    VenueInput,
)
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    PRESENTATIONS,
    ROLES,
    STATUSES,
    VENUE_KINDS,
    AchievementRecord,
    Change,
    MemberRecord,
    PaperRecord,
    VenueRecord,
    YearMonth,
    check_year,
    venue_edition,
)
from labnews.core.rules import LINE_MODES, ORDER_MODES, WORKSHOP_MODES

PROG = "labnews"
Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command line argparse refuses: exit 2 with argparse's own message."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` stays a plain function."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


# --- argument types ----------------------------------------------------------------------------


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"year must be a number, not {text!r}") from None
    try:
        return check_year(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _month_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"month must be a number, not {text!r}") from None
    if not 1 <= value <= 12:
        raise argparse.ArgumentTypeError(f"month must be between 1 and 12, not {value}")
    return value


def _year_month(text: str) -> YearMonth:
    try:
        return YearMonth.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str) -> tuple[YearMonth, int | None]:
    parts = text.strip().split("-")
    if len(parts) == 3:
        try:
            return YearMonth.parse(f"{parts[0]}-{parts[1]}", field="date"), int(parts[2])
        except (ValidationError, ValueError):
            pass
    elif len(parts) == 2:
        try:
            return YearMonth.parse(text, field="date"), None
        except ValidationError:
            pass
    raise argparse.ArgumentTypeError(f"date must look like YYYY-MM or YYYY-MM-DD, not {text!r}")


# --- database access ---------------------------------------------------------------------------


_MAKES_A_LAB = frozenset({"demo", "add"})
"""Commands that may make a new lab where there is none (``import``, ``rules`` and ``db
upgrade`` too, when they write): a command that only reads, or changes records that must
exist, never does."""


def _makes_a_lab(args: argparse.Namespace) -> bool:
    command = getattr(args, "command", None)
    if command == "import":
        return not args.dry_run
    if command == "rules":
        return any(getattr(args, key) is not None for key in ("workshops", "order", "lines"))
    if command == "db":
        return bool(args.action == "upgrade")
    return command in _MAKES_A_LAB


_NEW_LABS: dict[int, Path] = {}
"""Labs this command made, by id of their Database, until ``_done`` keeps or discards them."""


def _open(args: argparse.Namespace, *, upgrade: bool = True, until_done: bool = False) -> Any:
    """The database the arguments name, opened; a risky SQLite location is warned about.

    A missing SQLite file is made only by a command that writes, which says so on stderr: a
    typo in ``--db`` must not quietly split a lab in two. A command that reads refuses it.
    With ``until_done`` the new lab is said (or, when the command fails, deleted) by ``_done``.
    """
    from labnews.store.database import resolve_target, sharing_warning, to_url
    from labnews.store.migrate import check_sqlite_file, open_database

    _say_waits()

    target = resolve_target(args.db)
    url = to_url(target)
    created = None
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if not path.exists():
            check_sqlite_file(path)  # a lone -wal beside the missing file is said first
            if not _makes_a_lab(args):
                raise NotFoundError(f"there is no lab database at {path}", field="db")
            created = path
    database = open_database(target, upgrade=upgrade)
    if created is not None:
        if until_done:
            _NEW_LABS[id(database)] = created
        else:
            _note(f"{PROG}: created a new lab database at {created}")
    if database.path is not None:
        warning = sharing_warning(database.path)
        if warning:
            _note(f"{PROG}: warning: {warning}")
    return database


def _done(database: Any, *, succeeded: bool) -> None:
    """Close the database; a lab the command made is kept (and said) only if it succeeded.

    A first command that fails (a refused link, an unknown venue) leaves no empty lab behind.
    """
    created = _NEW_LABS.pop(id(database), None)
    database.dispose()
    if created is None:
        return
    if succeeded:
        _note(f"{PROG}: created a new lab database at {created}")
        return
    from labnews.store.backup import discard_new_lab

    discard_new_lab(created)


@contextmanager
def _session(args: argparse.Namespace, *, write: bool = False) -> Iterator[Any]:
    """One session for one command, on the database the arguments name."""
    database = _open(args, until_done=True)
    succeeded = False
    try:
        with database.session(write=write) as session:
            yield session
        succeeded = True
    finally:
        _done(database, succeeded=succeeded)


def _change(args: argparse.Namespace, action: Callable[[Any], Change]) -> Change:
    """Run one write action in its own transaction, retried if PostgreSQL reports a deadlock
    or a serialization failure (the other writer won; running again is safe)."""
    database = _open(args, until_done=True)
    succeeded = False
    try:
        change: Change = database.transact(action)
        succeeded = True
        return change
    finally:
        _done(database, succeeded=succeeded)


def _say_waits() -> None:
    """Say on stderr when a write waits for another program (see store.database.WriteWaits).

    Set where a command first reaches the store, not in ``main``: the window must not load
    the database layer before its first paint.
    """
    from labnews.store.database import WriteWaits

    WriteWaits.listener = lambda message: _note(f"{PROG}: {message}")


def _is_stdout(output: Path) -> bool:
    """``--output -`` is standard output, as for most Unix tools (a file named "-" is ./-)."""
    return str(output) == "-"


def _note(message: str) -> None:
    print(message, file=sys.stderr)


# --- demo and summary --------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    database = _open(args, until_done=True)
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
                _note(f"{PROG}: the lab as it was is kept in {kept}")
        with database.session(write=True) as session:
            if args.synthetic is not None:
                from labnews.store.synthetic import SyntheticSpec, build_synthetic_lab

                change = build_synthetic_lab(session, SyntheticSpec(args.synthetic, seed=args.seed))
            else:
                from labnews.store.demo import load_demo

                change = load_demo(session, force=args.force)
        succeeded = True
    finally:
        _done(database, succeeded=succeeded)
    print(change.message)
    # Where the lab went, so the next command (or the window) can be pointed at it; on stderr,
    # so stdout stays the one line scripts read.
    where = str(database.path.resolve()) if database.path is not None else database.name
    _note(f"{PROG}: the lab is in {where}")
    return 0


def _years(args: argparse.Namespace) -> list[int] | None:
    if getattr(args, "year", None) is not None:
        return [args.year]
    start, end = getattr(args, "from_year", None), getattr(args, "to_year", None)
    if start is None and end is None:
        return None
    start = start if start is not None else 1900
    end = end if end is not None else 2100
    if start > end:
        raise ValidationError(f"--from {start} comes after --to {end}", field="from")
    return list(range(start, end + 1))


def cmd_summary(args: argparse.Namespace) -> int:
    from labnews.core.tally import summary_line
    from labnews.store import queries

    years = _years(args)
    with _session(args) as session:
        tallies = queries.tallies(session, years=years)
    for tally in tallies:
        print(summary_line(tally))
    if not tallies:
        _note_no_papers(years)
    return 0


def _note_no_papers(years: list[int] | None) -> None:
    """An empty answer is said on stderr, so that stdout stays what scripts read."""
    _note(f"{PROG}: no papers yet" if years is None else f"{PROG}: no papers in those years")


# --- add ---------------------------------------------------------------------------------------


def _resolve_authors(session: Any, names: Sequence[str]) -> tuple[AuthorInput, ...]:
    """Authors that match a member become that member (said on stderr); others stay plain."""
    from labnews.core.names import clean_name
    from labnews.store import queries

    directory = queries.member_directory(session)
    authors = []
    for index, raw in enumerate(names, start=1):
        name = clean_name(raw, field=f"author {index}")
        match = directory.find(name, field=f"author {index}")
        if match is None:
            authors.append(AuthorInput(name=name))
        else:
            if match.member.name != name:
                _note(f"labnews: author {name!r} is member {match.member.name}")
            authors.append(AuthorInput(name=name, member_id=match.member.id))
    return tuple(authors)


def _featured_choice(session: Any, name: str | None) -> FeaturedChoice:
    from labnews.store import queries

    if name is None:
        return AUTO
    if name.strip().lower() in {"none", "-"}:
        return None
    return queries.find_member(session, name, field="featured").id


def _paper_input(session: Any, args: argparse.Namespace, base: PaperRecord | None) -> PaperInput:
    """A PaperInput from the options; on edit, options not given keep the paper's values."""
    if base is None:
        authors = _resolve_authors(session, args.author or ())
        featured = _featured_choice(session, args.featured)
        return PaperInput(
            venue=args.venue,
            year=args.year,
            news=args.month,
            title=args.title or "",
            authors=authors,
            featured=featured,
            status=args.status or "accepted",
            presentation=args.presentation,
            doi=args.doi,
            arxiv=args.arxiv,
            url=args.url,
            code=args.code,
            project=args.project,
        )
    if args.author:
        authors = _resolve_authors(session, args.author)
        featured = _featured_choice(session, args.featured)
    else:
        authors = tuple(AuthorInput(a.written, a.member_id) for a in base.authors)
        featured = (
            _featured_choice(session, args.featured)
            if args.featured is not None
            else base.featured_id
        )
    venue = args.venue or base.venue_short
    year = args.year or base.year
    news = args.month or (base.news if not (args.venue or args.year) else None)
    if news is None and args.year and not args.venue:
        news = YearMonth(args.year, base.news.month)
    return PaperInput(
        venue=venue,
        year=year,
        news=news,
        title=args.title if args.title is not None else base.title,
        authors=authors,
        featured=featured,
        status=args.status or base.status,
        presentation=args.presentation if args.presentation is not None else base.presentation,
        doi=args.doi if args.doi is not None else base.doi,
        arxiv=args.arxiv if args.arxiv is not None else base.arxiv,
        url=args.url if args.url is not None else base.url,
        code=args.code if args.code is not None else base.code,
        project=args.project if args.project is not None else base.project,
        bibkey=base.bibkey,
        note=base.note,
    )


def _member_input(args: argparse.Namespace, base: MemberRecord | None) -> MemberInput:
    if base is None:
        return MemberInput(
            name=args.name,
            native=args.native,
            aliases=tuple(args.alias or ()),
            role=args.role or "other",
            in_news=not args.not_in_news,
            joined=args.joined,
            left=args.left,
        )
    in_news = base.in_news
    if args.not_in_news:
        in_news = False
    elif args.in_news:
        in_news = True
    return MemberInput(
        name=args.new_name or base.name,
        native=args.native if args.native is not None else base.native,
        aliases=base.aliases + tuple(args.alias or ()),
        role=args.role or base.role,
        in_news=in_news,
        joined=args.joined or base.joined,
        left=args.left or base.left,
        homepage=base.homepage,
        orcid=base.orcid,
        note=base.note,
    )


def _venue_input(args: argparse.Namespace, base: VenueRecord | None) -> VenueInput:
    if base is None:
        kind = args.kind or ("workshop" if args.parent else "conference")
        return VenueInput(
            short=args.short,
            full=args.full,
            kind=kind,
            parent=args.parent,
            label=args.label,
            month=args.month,
            aliases=tuple(args.alias or ()),
        )
    parent = args.parent if args.parent is not None else base.parent_short
    if parent is not None and parent.strip().lower() in {"", "none", "-"}:
        parent = None
    label = args.label if args.label is not None else base.label
    if label is not None and label.strip().lower() in {"", "none", "-"}:
        label = None
    return VenueInput(
        short=args.new_short or base.short,
        full=args.full if args.full is not None else base.full,
        kind=args.kind or base.kind,
        parent=parent,
        label=label,
        month=args.month if args.month is not None else base.month,
        aliases=base.aliases + tuple(args.alias or ()),
        homepage=base.homepage,
    )


def cmd_add(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    memberless = False

    def act(session: Any) -> Change:
        nonlocal memberless
        if args.what == "paper":
            data = _paper_input(session, args, None)
            memberless = all(a.member_id is None for a in data.authors)
            return commands.add_paper(session, data)
        if args.what == "member":
            return commands.add_member(session, _member_input(args, None))
        if args.what == "venue":
            return commands.add_venue(session, _venue_input(args, None))
        date, day = args.date
        members = tuple(
            queries.find_member(session, name, field="member").id for name in args.member or ()
        )
        return commands.add_achievement(
            session,
            AchievementInput(
                kind=args.kind,
                title=args.title,
                date=date,
                day=day,
                members=members,
                organisation=args.organisation,
                url=args.url,
                sentence=args.sentence,
            ),
        )

    change = _change(args, act)
    if args.what == "paper":
        # The id is what scripts read from stdout; the sentence is for the person.
        _note(f"labnews: {change.message}")
        if memberless:
            # Still added: a line may name nobody on purpose, but a misspelt member does too.
            _note(
                f"{PROG}: warning: none of the authors is a lab member; the paper counts in the "
                "tally but no news line names anyone"
            )
        print(change.ids[0])
    else:
        print(change.message)
    return 0


# --- edit and remove ---------------------------------------------------------------------------


MAX_ID = 2**63 - 1
"""The largest id a database row can have (a 64-bit signed integer on SQLite and PostgreSQL)."""


def _paper_id(text: str) -> int:
    try:
        value = int(text.lstrip("#"))
    except ValueError:
        raise NotFoundError(f"paper id must be a number, not {text!r}", field="paper") from None
    if not 1 <= value <= MAX_ID:
        # Past a 64-bit integer the driver itself would fail (OverflowError), not find nothing.
        raise NotFoundError(f"there is no paper #{text.lstrip('#')}", field="paper")
    return value


def cmd_edit(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    def act(session: Any) -> Change:
        if args.what == "paper":
            paper = queries.paper_by_id(session, _paper_id(args.target))
            return commands.update_paper(session, paper.id, _paper_input(session, args, paper))
        if args.what == "member":
            member = queries.find_member(session, args.target)
            return commands.update_member(session, member.id, _member_input(args, member))
        venue = queries.find_venue(session, args.target)
        return commands.update_venue(session, venue.id, _venue_input(args, venue))

    print(_change(args, act).message)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    if len(args.target) > 1:
        # A bulk delete is one of the moments a verified backup is taken first.
        from labnews.store.backup import backup_before
        from labnews.store.database import resolve_target, to_url

        url = to_url(resolve_target(args.db))
        if url.get_backend_name() == "sqlite" and url.database and Path(url.database).exists():
            backup_before(Path(url.database), "pre-delete")

    def act(session: Any) -> Change:
        if args.what == "paper":
            return commands.remove_papers(session, [_paper_id(t) for t in args.target])
        if args.what == "achievement":
            return commands.remove_achievements(session, [_paper_id(t) for t in args.target])
        if len(args.target) != 1:
            raise ValidationError(f"remove one {args.what} at a time", field=args.what)
        if args.what == "member":
            return commands.remove_member(session, queries.find_member(session, args.target[0]).id)
        return commands.remove_venue(session, queries.find_venue(session, args.target[0]).id)

    print(_change(args, act).message)
    return 0


# --- list --------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, YearMonth):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def paper_json(paper: PaperRecord) -> dict[str, Any]:
    """Every field of a paper, as ``list papers --json`` writes it."""
    data: dict[str, Any] = _plain(paper)
    data["authors"] = [
        {"name": a.name, "member_id": a.member_id, "native": a.native} for a in paper.authors
    ]
    data["venue"] = data.pop("venue_short")
    data["month"] = str(paper.news)
    del data["news"]
    data["placeholder"] = paper.is_placeholder
    return data


def venue_json(venue: VenueRecord) -> dict[str, Any]:
    """A venue as ``list venues --json`` writes it: the export's fields, with id and version."""
    from labnews.io.tableexport import venue_document

    return {"id": venue.id, **venue_document(venue), "version": venue.version}


def _paper_line(paper: PaperRecord) -> str:
    venue = venue_edition(paper.venue_short, paper.venue_kind, paper.year)
    title = paper.title or "(title unknown)"
    names = ", ".join(a.name for a in paper.authors)
    status = "" if paper.status == "accepted" else f" [{paper.status}]"
    return f"#{paper.id}\t{paper.news}\t{venue}\t{title}\t{names}{status}"


def _member_line(member: MemberRecord) -> str:
    extras = [member.role]
    if member.native:
        extras.append(member.native)
    if not member.in_news:
        extras.append("not in news")
    if member.aliases:
        extras.append("aka " + ", ".join(member.aliases))
    return f"{member.name}\t{'; '.join(extras)}"


def _venue_line(venue: VenueRecord) -> str:
    extras = [venue.kind]
    if venue.parent_short:
        extras.append(f"parent {venue.parent_short}")
    if venue.label:
        extras.append(f"label {venue.label}")
    if venue.month:
        extras.append(f"month {venue.month}")
    return f"{venue.short}\t{venue.full or ''}\t{'; '.join(extras)}"


def _achievement_line(item: AchievementRecord) -> str:
    people = ", ".join(m.name for m in item.members)
    return f"#{item.id}\t{item.date}\t{item.kind}\t{item.title}" + (f"\t{people}" if people else "")


def cmd_list(args: argparse.Namespace) -> int:
    from labnews.store import queries

    years = [args.year] if args.year is not None else None
    rows: Sequence[Any]
    with _session(args) as session:
        if args.what == "papers":
            rows = queries.papers_in(session, years)
            render_json: Callable[[Any], Any] = paper_json
            render_line: Callable[[Any], str] = _paper_line
        elif args.what == "members":
            rows = queries.members(session)
            if years:
                active = {a.member_id for p in queries.papers_in(session, years) for a in p.authors}
                rows = [m for m in rows if m.id in active]
            render_json, render_line = _plain, _member_line
        elif args.what == "venues":
            rows = queries.venues(session)
            if years:
                used = {p.venue_id for p in queries.papers_in(session, years)}
                rows = [v for v in rows if v.id in used]
            render_json, render_line = venue_json, _venue_line
        else:
            rows = queries.achievements_in(session, years)
            render_json, render_line = _plain, _achievement_line
    if args.json:
        json.dump([render_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from labnews.core.controls import escape_unsafe

        for row in rows:
            # Stored text never drives the terminal: ESC and OSC sequences and bidi overrides
            # are shown as escapes (JSON escapes its own controls).
            print(escape_unsafe(render_line(row)))
    return 0


# --- tally order and rules ---------------------------------------------------------------------


def cmd_order(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    if args.clear == bool(args.labels):
        raise ValidationError("give the labels in order, or --clear (not both)", field="labels")
    with _session(args, write=True) as session:
        if args.labels:
            present = {
                label.casefold()
                for tally in queries.tallies(session, years=[args.year])
                for label, _ in tally.items
            }
            unknown = [label for label in args.labels if label.casefold() not in present]
            if unknown:
                raise ValidationError(
                    f"{args.year} has no papers counted as {', '.join(unknown)}", field="labels"
                )
        change = commands.pin_order(session, args.year, args.labels or None)
    print(change.message)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from labnews.store import commands, queries

    changes = {
        key: value
        for key, value in (
            ("workshops", args.workshops),
            ("order", args.order),
            ("lines", args.lines),
        )
        if value is not None
    }
    with _session(args, write=bool(changes)) as session:
        rules = queries.tally_rules(session)
        if changes:
            rules = dataclasses.replace(rules, **changes)
            commands.set_rules(session, rules)
    print(rules.describe())
    return 0


# --- database maintenance ----------------------------------------------------------------------


def cmd_db(args: argparse.Namespace) -> int:
    from labnews.store import migrate
    from labnews.store.database import resolve_target

    if args.action == "check-migrations":
        migrate.check_migrations()
        print("models and migrations agree")
        return 0
    if args.action == "current":
        name, current, head = migrate.describe_schema(resolve_target(args.db))
        state = "newest" if current == head else f"labnews db upgrade brings it to {head}"
        print(f"{name}: schema {current or 'none (a new database)'} ({state})")
        return 0
    database = _open(args)
    try:
        print(f"{database.name}: schema {migrate.schema_version(database)} (newest)")
    finally:
        database.dispose()
    return 0


# --- news output ------------------------------------------------------------------------------


def _news_request(args: argparse.Namespace) -> Any:
    from labnews.io.newsfile import NewsRequest

    years = _years(args)
    return NewsRequest(
        years=tuple(years) if years is not None else None,
        format=args.format,
        lang=args.lang,
        with_achievements=getattr(args, "with_achievements", False),
    )


def cmd_news(args: argparse.Namespace) -> int:
    from labnews.io import newsfile

    request = _news_request(args)
    with _session(args) as session:
        if args.output is not None and not _is_stdout(args.output):
            _note(f"labnews: {newsfile.write_news(session, request, args.output)}")
            return 0
        fmt, _lang = newsfile.resolve_request(session, request)
        if fmt.is_folder:
            raise ValidationError(
                f"format {fmt.name} writes one file per news line: give --output FOLDER",
                field="output",
            )
        _fmt, text = newsfile.render_news(session, request)
    sys.stdout.write(text)
    if not text.strip():
        _note_no_papers(_years(args))
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
    from labnews.io import homepage, newsfile

    request = _news_request(args)
    with _session(args) as session:
        fmt, _lang = newsfile.resolve_request(session, request)
        if fmt.is_folder:
            raise ValidationError(
                f"format {fmt.name} writes a folder; it cannot be published into a file",
                field="format",
            )
        _fmt, block = newsfile.render_news(session, request)
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
    with _session(args) as session:
        path = chart.render_chart(session, _years(args), args.output, lang=args.lang)
    _note(f"labnews: Wrote {path}")
    return 0


# --- import and export ------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from labnews.io.importers import import_kind, plan_file
    from labnews.io.plan import apply_plan
    from labnews.store.backup import backup_before

    path: Path = args.path
    if not path.exists():
        raise NotFoundError(f"{path} does not exist", field="path")
    # A first import that fails (an unreadable file) leaves no empty lab behind.
    database = _open(args, until_done=True)
    succeeded = False
    try:
        with database.session() as session:
            plan = plan_file(session, import_kind(args.kind), path)
        print(plan.report())
        if plan.is_empty:
            print(plan.nothing_to_import())
            succeeded = True
            return 0
        if args.dry_run:
            succeeded = True
            return 0
        errors = plan.of_kind("error")
        if errors:
            raise ValidationError(
                f"the import has {len(errors)} errors; first: {errors[0]}", field="path"
            )
        if database.path is not None:
            backup_before(database.path, "pre-import")
        with database.session(write=True) as session:
            change = apply_plan(session, plan)
        print(change.message)
        succeeded = True
    finally:
        _done(database, succeeded=succeeded)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    years = _years(args)
    with _session(args) as session:
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
    if args.output is None or _is_stdout(args.output):
        sys.stdout.write(text)
        return 0
    from labnews.io.files import write_atomic

    data = text.encode("utf-8-sig") if args.kind == "csv" else text.encode("utf-8")
    write_atomic(args.output, data)
    _note(f"labnews: wrote {args.output}")
    return 0


# --- backups and checks ------------------------------------------------------------------------


def _sqlite_path(args: argparse.Namespace, what: str) -> Path:
    from labnews.store.database import resolve_target, to_url

    _say_waits()
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

    database = _open(args)
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


# --- the parser --------------------------------------------------------------------------------


def _add_year_range(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--year", type=_year, help="one year")
    group.add_argument("--from", dest="from_year", type=_year, metavar="Y", help="first year")
    parser.add_argument("--to", dest="to_year", type=_year, metavar="Y", help="last year")


def _paper_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    parser.add_argument("--venue", required=not editing, help="short name or alias")
    parser.add_argument("--year", type=_year, required=not editing, help="edition year")
    parser.add_argument(
        "--month", type=_year_month, metavar="YYYY-MM", help="news month (default: venue's)"
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


def _member_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if editing:
        parser.add_argument("--name", dest="new_name", metavar="NEW", help="rename")
        parser.add_argument("--in-news", action="store_true", help="list in news lines")
    parser.add_argument("--native", metavar="N", help="name in the native script (함재석)")
    parser.add_argument("--alias", action="append", metavar="A", help="another spelling")
    parser.add_argument("--role", choices=ROLES)
    parser.add_argument("--not-in-news", action="store_true", help="never named in news (the PI)")
    parser.add_argument("--joined", type=_year_month, metavar="YYYY-MM")
    parser.add_argument("--left", type=_year_month, metavar="YYYY-MM")


def _venue_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if editing:
        parser.add_argument("--short", dest="new_short", metavar="NEW", help="rename")
    parser.add_argument("--full", metavar="F", help="full name")
    parser.add_argument("--kind", choices=VENUE_KINDS)
    parser.add_argument("--parent", metavar="SHORT", help="a workshop's conference")
    parser.add_argument("--label", metavar="L", help="what the tally counts it as")
    parser.add_argument("--month", type=_month_number, metavar="M", help="typical month")
    parser.add_argument("--alias", action="append", metavar="A", help="another spelling")


def _news_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", metavar="NAME", help="see `labnews formats` (default: yearly)")
    parser.add_argument("--lang", choices=("en", "ko"), help="language (default: en)")


def build_parser() -> argparse.ArgumentParser:
    from labnews.io.importers import import_names

    parser = _Parser(
        prog=PROG,
        description="Keep your lab's papers and achievements; write its news from them.",
        epilog="With no command, labnews opens its window.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="the lab database: a SQLite file or a SQLAlchemy URL (default: $LABNEWS_DB, "
        "then labnews.sqlite in your user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

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
    add_sub = add.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    member = add_sub.add_parser("member", help="a lab member")
    member.add_argument("name", metavar="NAME")
    _member_options(member, editing=False)
    venue = add_sub.add_parser("venue", help="a conference, workshop or journal")
    venue.add_argument("short", metavar="SHORT")
    _venue_options(venue, editing=False)
    paper = add_sub.add_parser("paper", help="an accepted paper")
    _paper_options(paper, editing=False)
    achievement = add_sub.add_parser("achievement", help="an award, talk, grant...")
    achievement.add_argument("--kind", choices=ACHIEVEMENT_KINDS, required=True)
    achievement.add_argument("--title", required=True)
    achievement.add_argument("--date", type=_date, required=True, metavar="YYYY-MM[-DD]")
    achievement.add_argument("--member", action="append", metavar="NAME")
    achievement.add_argument("--organisation")
    achievement.add_argument("--url")
    achievement.add_argument("--sentence", help="the news sentence, if not the generated one")

    listing = command("list", cmd_list, "list papers, members, venues or achievements")
    listing.add_argument("what", choices=("papers", "members", "venues", "achievements"))
    listing.add_argument("--year", type=_year)
    listing.add_argument("--json", action="store_true", help="a JSON list with every field")

    edit = command("edit", cmd_edit, "change a paper, member or venue")
    edit_sub = edit.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    edit_paper = edit_sub.add_parser("paper", help="a paper by id")
    edit_paper.add_argument("target", metavar="ID")
    _paper_options(edit_paper, editing=True)
    edit_member = edit_sub.add_parser("member", help="a member by name")
    edit_member.add_argument("target", metavar="NAME")
    _member_options(edit_member, editing=True)
    edit_venue = edit_sub.add_parser("venue", help="a venue by short name")
    edit_venue.add_argument("target", metavar="SHORT")
    _venue_options(edit_venue, editing=True)

    remove = command("remove", cmd_remove, "remove papers, a member, a venue or achievements")
    remove.add_argument("what", choices=("paper", "member", "venue", "achievement"))
    remove.add_argument("target", nargs="+", metavar="ID_OR_NAME")

    order = command("order", cmd_order, "pin a year's tally order (or --clear it)")
    order.add_argument("year", type=_year, metavar="YEAR")
    order.add_argument("labels", nargs="*", metavar="LABEL")
    order.add_argument("--clear", action="store_true", help="unpin: back to the rule's order")

    rules = command("rules", cmd_rules, "show or set the tally rules")
    rules.add_argument("--workshops", choices=WORKSHOP_MODES)
    rules.add_argument("--order", choices=ORDER_MODES)
    rules.add_argument("--lines", choices=LINE_MODES)

    news = command("news", cmd_news, "write the lab's news in a format")
    _add_year_range(news)
    _news_options(news)
    news.add_argument("--with-achievements", action="store_true", help="awards, talks, grants")
    news.add_argument(
        "--output", type=Path, metavar="PATH", help="write here (atomically; - for stdout)"
    )

    command("formats", cmd_formats, "the news formats, built-in and yours")

    publish = command("publish", cmd_publish, "write the news between the markers of a file")
    publish.add_argument("--into", type=Path, required=True, metavar="FILE")
    _add_year_range(publish)
    _news_options(publish)
    publish.add_argument("--with-achievements", action="store_true")
    publish.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")

    chart = command("chart", cmd_chart, "draw papers per year by tally label as SVG or PNG")
    _add_year_range(chart)
    chart.add_argument("--output", type=Path, required=True, metavar="FILE.svg|png")
    chart.add_argument("--lang", choices=("en", "ko"), default="en", help="its words' language")

    importing = command("import", cmd_import, "bring in a news page, BibTeX or CSV/JSON")
    importing.add_argument("kind", choices=import_names(), metavar="news|bibtex|csv")
    importing.add_argument("path", type=Path, metavar="FILE_OR_FOLDER")
    importing.add_argument("--dry-run", action="store_true", help="report only, change nothing")

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


if __name__ == "__main__":
    sys.exit(main())
