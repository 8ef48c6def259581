"""News output: plain data + a Jinja2 template (in a sandbox) -> text, for every format.

Templates live in resources/templates (built in) and in the user's template folder; a user
template with a built-in's name wins. They run in Jinja2's ImmutableSandboxedEnvironment on plain
dicts and lists, never on records or ORM objects, with StrictUndefined and an output size cap.
Text from the database reaches the output only through the escaping filter of its target.
"""

from __future__ import annotations

import functools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from labnews.core import publist
from labnews.core.controls import braces_as_references, drop_unsafe
from labnews.core.deferred import Deferred
from labnews.core.errors import TemplateError
from labnews.core.news import NewsEntry
from labnews.core.records import AchievementRecord, PaperRecord, YearTally
from labnews.core.sections import FILTERS as SECTION_FILTERS
from labnews.core.words import count_digits, count_words, korean_count, number_word, plural

if TYPE_CHECKING:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

LANGUAGES: Final = ("en", "ko")
MAX_OUTPUT: Final = 5_000_000
"""Characters one render may produce: a runaway user template stops here with a clear error."""
MAX_SEQUENCE: Final = 100_000
MAX_ITERATIONS: Final = 10_000_000
"""Loop steps one render may take in all, nested loops included (a 1M-paper list needs ~6M)."""
MAX_VALUE: Final = MAX_OUTPUT
"""Characters (or items) of any one value a template builds, before it is ever output."""
MAX_INT_BITS: Final = 4096
"""Bits of any one integer a template builds (about 1,200 digits)."""
USER_TEMPLATE_SECONDS: Final = 20.0
"""How long a render of the user's own template may take (LABNEWS_TEMPLATE_SECONDS overrides)."""
TEMPLATE_SUFFIX: Final = ".j2"
FOLDER_ENTRY: Final = "entry"

_DESCRIPTION = re.compile(r"^\s*\{#-?\s*(.*?)\s*-?#\}", re.DOTALL)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~!$])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAFE_URL = re.compile(r"^(?:https?://|doi:)[^\s<>\"'`]+$", re.IGNORECASE)


# --- escaping ----------------------------------------------------------------------------------


def one_line(text: object) -> str:
    """Data as a single line: control characters dropped, line breaks folded to spaces."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", str(text)))


def markdown_escape(text: object) -> str:
    """Data made inert in Markdown: metacharacters backslashed, HTML's < > & as entities.

    The value is kept on one line so a title cannot start a heading, a rule or a list.
    """
    flat = one_line(text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    flat = braces_as_references(flat)  # not backslashed: `\{%` still opens a Liquid tag
    # Data may begin a line (an al-folio body, a publication's author line): a leading "-",
    # "+", "=" or "1." would start a list, rule or heading there, so it is escaped too.
    return _MD_LINE_START.sub(r"\1\\\2", flat, count=1)


def html_escape(text: object) -> str:
    """Data made inert in HTML (markupsafe), on one line; marked safe so it is escaped once."""
    from markupsafe import Markup, escape

    # Braces as character references: a page Jekyll or Hugo builds runs no tag from the data.
    flat = braces_as_references(str(escape(one_line(text))))
    return Markup(flat)


def yaml_string(text: object) -> str:
    """Data as a YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(one_line(text), ensure_ascii=False)


def safe_url(url: object) -> str:
    """The URL if it is http, https or doi:, else empty: no javascript: or data: link is written."""
    text = str(url or "").strip()
    return text if _SAFE_URL.match(text) else ""


def markdown_url(url: object) -> str:
    """A safe URL for a Markdown link target: parentheses encoded so the link cannot end early."""
    return safe_url(url).replace("(", "%28").replace(")", "%29")


def slug(text: object, *, limit: int = 60) -> str:
    """A file-name-safe slug ([a-z0-9-]); it can never name a path outside its folder."""
    value = re.sub(r"[^a-z0-9]+", "-", one_line(text).casefold()).strip("-")
    return value[:limit].rstrip("-") or "news"


# --- formats -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """A news format: a template file (or, for a folder format, a folder of them)."""

    name: str
    path: Path
    description: str
    builtin: bool
    overrides_builtin: bool = False
    search: tuple[Path, ...] = ()
    """Folders its template may include or import from: its own, then the built-in one."""

    @property
    def is_folder(self) -> bool:
        """A folder format writes one file per news line (al-folio's ``_news/``)."""
        return self.path.is_dir()

    @property
    def extension(self) -> str:
        """The file extension of its output (``md`` for ``yearly.md.j2``)."""
        source = self._entry_template() if self.is_folder else self.path
        parts = source.name.removesuffix(TEMPLATE_SUFFIX).split(".")
        return parts[-1] if len(parts) > 1 else "txt"

    def _entry_template(self) -> Path:
        for candidate in sorted(self.path.glob(f"{FOLDER_ENTRY}.*{TEMPLATE_SUFFIX}")):
            return candidate
        raise TemplateError(f"format {self.name} has no {FOLDER_ENTRY} template")

    @property
    def template_name(self) -> str:
        """The name the Jinja loader knows it by (relative to its templates folder)."""
        if self.is_folder:
            return f"{self.path.name}/{self._entry_template().name}"
        return self.path.name


def _describe(path: Path) -> str:
    """The first Jinja comment of a template is its one-line description."""
    source = path
    if path.is_dir():
        found = sorted(path.glob(f"{FOLDER_ENTRY}.*{TEMPLATE_SUFFIX}"))
        if not found:
            return ""
        source = found[0]
    try:
        head = source.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return ""
    match = _DESCRIPTION.match(head)
    return " ".join(match[1].split()) if match else ""


def _scan(folder: Path | None, builtin: bool) -> dict[str, OutputFormat]:
    found: dict[str, OutputFormat] = {}
    if folder is None or not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")):
            continue
        if path.is_file() and path.name.endswith(TEMPLATE_SUFFIX):
            name = path.name.split(".")[0]
        elif path.is_dir() and any(path.glob(f"{FOLDER_ENTRY}.*{TEMPLATE_SUFFIX}")):
            name = path.name
        else:
            continue
        found.setdefault(name, OutputFormat(name, path, _describe(path), builtin))
    return found


def list_formats(builtin_dir: Path, user_dir: Path | None) -> tuple[OutputFormat, ...]:
    """Every format by name; a user template named like a built-in one replaces it (and says so)."""
    builtin = {
        name: replace(fmt, search=(builtin_dir,)) for name, fmt in _scan(builtin_dir, True).items()
    }
    merged = dict(builtin)
    if user_dir is not None:
        for name, fmt in _scan(user_dir, False).items():
            merged[name] = replace(
                fmt, overrides_builtin=name in builtin, search=(user_dir, builtin_dir)
            )
    return tuple(sorted(merged.values(), key=lambda f: f.name))


def find_format(name: str, builtin_dir: Path, user_dir: Path | None) -> OutputFormat:
    formats = list_formats(builtin_dir, user_dir)
    for fmt in formats:
        if fmt.name == name:
            return fmt
    names = ", ".join(f.name for f in formats)
    raise TemplateError(f"there is no format {name!r}; the formats are: {names}")


# --- the sandbox -------------------------------------------------------------------------------


def _environment(search: tuple[Path, ...], guarded: bool) -> ImmutableSandboxedEnvironment:
    """A sandbox over the template folders, with the escaping and wording filters.

    One per set of folders, kept while no file is added to or removed from them: compiling
    the templates costs far more than rendering them. A file added to a user folder can hide
    a built-in one a kept sandbox has loaded (a copied ``_sentences.j2``), so what the
    folders hold is part of the key; templates edited in place are reloaded by Jinja itself
    (auto_reload). Each render brings its own loop budget (see ``_render``).
    """
    return _kept_environment(search, tuple(_listing(folder) for folder in search), guarded)


def _listing(folder: Path) -> tuple[str, ...]:
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return ()


@lru_cache(maxsize=16)
def _kept_environment(
    search: tuple[Path, ...], _listings: tuple[tuple[str, ...], ...], guarded: bool
) -> ImmutableSandboxedEnvironment:
    from jinja2 import FileSystemLoader, StrictUndefined, nodes, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class CappedSandbox(ImmutableSandboxedEnvironment):
        """The immutable sandbox, plus limits on the work a template can make it do.

        Output is capped as it is written, but a loop that writes nothing never reaches that
        cap: every ``for`` loop's steps are counted against one budget per render (the loop's
        iterable is wrapped when the template is parsed), and the operators that build huge
        values before any output (``'x' * 10**9``, ``10 ** 10**9``) are refused.
        """

        intercepted_binops = frozenset({"*", "**"})
        guarded = False
        """Measure every value a template builds (the user's own templates; ours are trusted
        and keep their speed)."""

        def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(
                    nodes.Name(_STEP_GLOBAL, "load"), [loop.iter], [], None, None
                )
            if not self.guarded:
                return tree
            # Every ``a ~ b`` result is measured: a loop of ``ns.s = ns.s ~ ns.s`` doubles.
            return cast("nodes.Template", _ConcatChecker().visit(tree))

        def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
            if not self.guarded:
                return self._capped_call(context, obj, *args, **kwargs)
            _budget().tick()
            name = getattr(obj, "__name__", "")
            owner = getattr(obj, "__self__", None)
            if isinstance(owner, str):
                if name in _PADDING_METHODS and any(
                    isinstance(a, int) and a > MAX_VALUE for a in args
                ):
                    raise TemplateError("a template tried to build a too long value")
                if name == "replace" and len(args) >= 2:
                    _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else -1)
                if name == "join" and args:
                    args = (_bounded_join_items(owner, args[0]), *args[1:])
            return _checked(super().call(context, obj, *args, **kwargs))

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _budget().tick()
            if (
                operator == "**"
                and _is_int(right)
                and (abs(right) > 64 or _power_too_big(left, right))
            ):
                raise TemplateError("a template raised a number to too high a power")
            both_ints = _is_int(left) and _is_int(right)
            if operator == "*" and both_ints and _bits(left) + _bits(right) > MAX_INT_BITS:
                raise TemplateError("a template built too large a number")
            if operator == "*":
                for value, times in ((left, right), (right, left)):
                    if (
                        isinstance(value, str | list | tuple)
                        and isinstance(times, int)
                        and len(value) * max(times, 0) > MAX_VALUE
                    ):
                        raise TemplateError("a template tried to build a too long value")
            if operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
                raise TemplateError("a template asked for a too wide format")
            return _checked(super().call_binop(context, operator, left, right))

        def _capped_call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
            """The checks every template gets, ours included: padding and format widths."""
            if isinstance(getattr(obj, "__self__", None), str) and (
                getattr(obj, "__name__", "") in _PADDING_METHODS
                and any(isinstance(a, int) and a > MAX_VALUE for a in args)
            ):
                raise TemplateError("a template tried to build a too long value")
            return super().call(context, obj, *args, **kwargs)

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            # Jinja hands templates its own wrapper of str.format, without __self__: the
            # format string is checked here, where the wrapper is made.
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            if _WIDE_FORMAT.search(value.__self__):

                def refused(*_args: Any, **_kwargs: Any) -> str:
                    raise TemplateError("a template asked for a too wide format")

                return refused

            def measured(*args: Any, **kwargs: Any) -> str:
                _budget().tick()
                return cast(str, _checked(wrapped(*args, **kwargs)))

            return measured

    env = CappedSandbox(
        loader=FileSystemLoader([str(folder) for folder in search]),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2", "htm.j2", "xml.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(
        md=markdown_escape,
        html=html_escape,
        yaml=yaml_string,
        url=safe_url,
        md_url=markdown_url,
        oneline=one_line,
        slug=slug,
        words=count_words,
        number_word=number_word,
        digits=count_digits,
        plural=plural,
        korean_count=korean_count,
        tojson_text=lambda value: json.dumps(value, ensure_ascii=False, indent=2),
    )
    env.filters.update(SECTION_FILTERS)
    escapers = {name: env.filters[name] for name in ("md", "html", "yaml", "oneline")}

    def apply(value: object, name: str) -> Any:
        """Apply the escaping filter a shared macro was given by name."""
        if name not in escapers:
            raise TemplateError(f"{name!r} is not an escaping filter")
        return escapers[name](value)

    env.filters["apply"] = apply
    for wide in ("center", "indent", "wordwrap", "truncate"):
        env.filters[wide] = _capped_width(env.filters[wide])
    env.filters["format"] = _checked_format
    if guarded:
        env.guarded = True
        env.intercepted_binops = frozenset({"*", "**", "+", "%"})
        env.filters["join"] = _capped_join(env.filters["join"])
        env.filters["replace"] = _capped_replace(env.filters["replace"])
        # Every filter's result is measured, and each call counts toward the render's time.
        for name, function in list(env.filters.items()):
            env.filters[name] = _measured(function)
        env.globals[_CHECK_GLOBAL] = _checked
    env.globals["range"] = _capped_range
    env.globals[_STEP_GLOBAL] = _walk
    # Globals no news format needs, and lipsum() can be made to run for minutes.
    for unused in ("lipsum", "cycler", "joiner", "dict"):
        env.globals.pop(unused, None)
    return env


_STEP_GLOBAL = "labnews_loop_steps"
_CHECK_GLOBAL = "labnews_checked"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _bits(value: int) -> int:
    return abs(value).bit_length()


def _power_too_big(base: object, exponent: int) -> bool:
    """Would ``base ** exponent`` be an integer past MAX_INT_BITS (``(10**64)**64``)?"""
    return _is_int(base) and exponent > 0 and _bits(base) * exponent > MAX_INT_BITS  # type: ignore[arg-type]


def _checked(value: Any) -> Any:
    """``value``, if it is within the size any one value of a template may have."""
    if isinstance(value, str | list | tuple | dict | set) and len(value) > MAX_VALUE:
        raise TemplateError("a template tried to build a too long value")
    if _is_int(value) and value.bit_length() > MAX_INT_BITS:
        raise TemplateError("a template built too large a number")
    return value


def _check_replace(text: str, old: object, new: object, count: object) -> None:
    """Refuse a ``replace`` whose result would be too long, before it is built."""
    if not isinstance(old, str) or not isinstance(new, str) or len(new) <= len(old):
        return
    found = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    if len(text) + found * (len(new) - len(old)) > MAX_VALUE:
        raise TemplateError("a template tried to build a too long value")


def _bounded_join_items(separator: str, items: Iterable[Any]) -> list[Any]:
    """The items of a join, refused before joining when the result would be too long."""
    listed: list[Any] = []
    total = 0
    for item in items:
        listed.append(item)
        total += len(item if isinstance(item, str) else str(item)) + len(separator)
        if total > MAX_VALUE + len(separator) or len(listed) > MAX_SEQUENCE:
            raise TemplateError("a template tried to build a too long value")
    return listed


def _capped_join(join: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``join`` filter, measuring the result before it is built."""

    @functools.wraps(join)
    def capped(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> Any:
        if attribute is not None:
            from jinja2.filters import make_attrgetter

            value = map(make_attrgetter(eval_ctx.environment, attribute), value)
        return join(eval_ctx, _bounded_join_items(str(d), value), d)

    return capped


def _capped_replace(replace: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``replace`` filter, measuring the result before it is built."""

    @functools.wraps(replace)
    def capped(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> Any:
        _check_replace(str(s), str(old), str(new), -1 if count is None else count)
        return replace(eval_ctx, s, old, new, count)

    return capped


def _measured(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose every call counts toward the render's time and whose result is measured.

    ``functools.wraps`` keeps Jinja's pass-context markers, so the filter is called as before.
    """

    @functools.wraps(function)
    def measured(*args: Any, **kwargs: Any) -> Any:
        _budget().tick()
        return _checked(function(*args, **kwargs))

    return measured


class _ConcatChecker:
    """Rewrites a template tree so that every ``~`` concatenation's result is measured."""

    def visit(self, node: Any) -> Any:
        from jinja2 import nodes

        for field, value in node.iter_fields():
            if isinstance(value, nodes.Node):
                setattr(node, field, self.visit(value))
            elif isinstance(value, list):
                setattr(
                    node,
                    field,
                    [self.visit(item) if isinstance(item, nodes.Node) else item for item in value],
                )
        if isinstance(node, nodes.Concat):
            return nodes.Call(nodes.Name(_CHECK_GLOBAL, "load"), [node], [], None, None)
        return node


_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_WIDE_FORMAT = re.compile(r"[%{:][^%{}]*?\d{6,}")


def _capped_width(filter_function: Callable[..., Any]) -> Callable[..., Any]:
    """A Jinja filter whose width arguments are refused past the output cap."""

    def capped(*args: Any, **kwargs: Any) -> Any:
        if any(isinstance(a, int) and a > MAX_OUTPUT for a in (*args[1:], *kwargs.values())):
            raise TemplateError("a template tried to build a too long value")
        return filter_function(*args, **kwargs)

    return capped


def _checked_format(value: str, *args: Any, **kwargs: Any) -> str:
    """Jinja's ``format`` filter, refusing printf widths that would build huge strings."""
    if _WIDE_FORMAT.search(str(value)):
        raise TemplateError("a template asked for a too wide format")
    return str(value) % (kwargs or args)


def _capped_range(*args: int) -> range:
    wanted = range(*args)
    if len(wanted) > MAX_SEQUENCE:
        raise TemplateError(f"a template asked for a range longer than {MAX_SEQUENCE}")
    return wanted


class _IterationBudget:
    """One render's budgets: loop steps shared by every ``for`` loop, and (for the user's own
    templates) a deadline, checked on loop steps, calls, operators and filters."""

    def __init__(self, budget: int, seconds: float | None = None) -> None:
        self.left = budget
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds

    def tick(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TemplateError(f"it took longer than {self.seconds:g} s; stopped")

    def walk(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for value in iterable:
            self.left -= 1
            if self.left < 0:
                raise TemplateError("a template looped too many times; stopped")
            if not self.left & 1023:
                self.tick()
            yield value


def _budget() -> _IterationBudget:
    return _BUDGET.get()


def _time_limit(fmt: OutputFormat) -> float | None:
    """Seconds a render of this format may take: None for the built-in ones (trusted, and slow
    only on a very large lab); LABNEWS_TEMPLATE_SECONDS, else USER_TEMPLATE_SECONDS, for the
    user's own."""
    if fmt.builtin:
        return None
    try:
        return float(os.environ.get("LABNEWS_TEMPLATE_SECONDS", "")) or USER_TEMPLATE_SECONDS
    except ValueError:
        return USER_TEMPLATE_SECONDS


# The budget of the render in progress: the environments are shared, the budgets are not.
_BUDGET: ContextVar[_IterationBudget] = ContextVar("labnews_render_budget")


def _walk(iterable: Iterable[Any]) -> Iterator[Any]:
    """Every template ``for`` loop iterates through this (see CappedSandbox._parse)."""
    return _BUDGET.get().walk(iterable)


PUBLISH_MARKER = re.compile(r"<!--\s*labnews:(?:[\w-]+:)?(?:start|end)\s*-->", re.IGNORECASE)
"""A line labnews publishes between (``<!-- labnews:start -->``, ``<!-- labnews:end -->``, and
a section's ``<!-- labnews:publications:start -->``...)."""


def defuse_markers(text: str, *, json: bool = False) -> str:
    """``text`` with every publish marker made inert, so no record's text can move the block.

    A member named ``Mallory <!-- labnews:end --> x`` would otherwise end the block early and
    push part of it outside the markers on each publish. JSON keeps the same data with ``<`` as
    ``\\u003c``; other text gets a zero-width space inside the comment opener.
    """
    if "labnews:" not in text.lower():
        return text
    opener = "\\u003c!--" if json else "<!-\u200b-"
    return PUBLISH_MARKER.sub(lambda m: opener + m.group(0)[4:], text)


def _render(fmt: OutputFormat, context: Mapping[str, Any]) -> str:
    from jinja2 import TemplateError as JinjaTemplateError
    from jinja2.exceptions import SecurityError

    search = tuple(fmt.search or (fmt.path.parent,))
    token = _BUDGET.set(_IterationBudget(MAX_ITERATIONS, _time_limit(fmt)))
    try:
        template = _environment(search, not fmt.builtin).get_template(fmt.template_name)
        pieces: list[str] = []
        size = 0
        for piece in template.generate(**context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateError(
                    f"format {fmt.name} produced more than {MAX_OUTPUT:,} characters; stopped"
                )
            pieces.append(piece)
        return defuse_markers(drop_unsafe("".join(pieces)), json=fmt.extension == "json")
    except TemplateError as exc:
        if fmt.name in exc.message:
            raise
        raise TemplateError(f"format {fmt.name}: {exc.message}") from exc
    except SecurityError as exc:
        raise TemplateError(f"format {fmt.name} tried something unsafe: {exc}") from exc
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        raise TemplateError(f"format {fmt.name} is broken{where}: {exc}") from exc
    except (RecursionError, MemoryError, OverflowError) as exc:
        raise TemplateError(f"format {fmt.name} ran away: {type(exc).__name__}") from exc
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        raise TemplateError(f"format {fmt.name} failed: {exc}") from exc
    finally:
        _BUDGET.reset(token)


def render_text(fmt: OutputFormat, context: Mapping[str, Any]) -> str:
    """Render a single-file format."""
    if fmt.is_folder:
        raise TemplateError(f"format {fmt.name} writes a folder; give --output FOLDER")
    return _render(fmt, context)


def render_folder(fmt: OutputFormat, context: Mapping[str, Any]) -> dict[str, str]:
    """Render a folder format: one file per news entry, named ``YYYY-MM-<slug>.<ext>``."""
    files: dict[str, str] = {}
    total = 0
    for year in context["years"]:
        for entry in year["entries"]:
            text = _render(fmt, {**context, "entry": entry, "year": year})
            total += len(text)
            if total > MAX_OUTPUT:
                raise TemplateError(f"format {fmt.name} produced too much output; stopped")
            stem = f"{entry['year']:04d}-{entry['month']:02d}-{entry['slug']}"
            name = f"{stem}.{fmt.extension}"
            counter = 2
            while name in files:
                name = f"{stem}-{counter}.{fmt.extension}"
                counter += 1
            files[name] = text
    return files


# --- the data templates see --------------------------------------------------------------------


def _names(names: Iterable[Any], lang: str) -> list[str]:
    return [(n.native or n.name) if lang == "ko" else n.name for n in names]


def _people(people: Iterable[Any], lang: str) -> list[str]:
    return [(p.native or p.name) if lang == "ko" else p.name for p in people]


def _achievement_data(item: AchievementRecord, lang: str) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "members": _people(item.members, lang),
        "organisation": item.organisation or "",
        "url": item.url or "",
        "sentence": item.sentence or "",
        "day": item.day,
    }


def _entry_slug(entry: NewsEntry) -> str:
    """What an entry's file is named after (al-folio): its venues, or the achievement's title."""
    if entry.achievement is not None:
        return slug(entry.achievement.title)
    return slug(" ".join(c.venue for c in entry.clauses))


def _entry_data(entry: NewsEntry, lang: str) -> dict[str, Any]:
    return {
        "year": entry.year,
        "month": entry.month,
        "kind": entry.kind,
        "slug": _entry_slug(entry),
        "clauses": [
            {
                "venue": c.venue,
                "short": c.venue_short,
                "kind": c.venue_kind,
                "edition": c.year,
                "count": c.count,
                "names": _names(c.names, lang),
                "paper_ids": list(c.paper_ids),
            }
            for c in entry.clauses
        ],
        "paper_ids": list(entry.paper_ids),
        "achievement": _achievement_data(entry.achievement, lang) if entry.achievement else None,
    }


def build_context(
    *,
    tallies: Sequence[YearTally],
    entries: Sequence[NewsEntry],
    papers: Sequence[PaperRecord] = (),
    lang: str = "en",
    lab_name: str = "",
) -> dict[str, Any]:
    """The plain data every template sees: years (newest first) with tally and entries."""
    if lang not in LANGUAGES:
        raise TemplateError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    tally_by_year = {t.year: t for t in tallies}
    entries_by_year: dict[int, list[dict[str, Any]]] = {}
    for entry in entries:
        entries_by_year.setdefault(entry.year, []).append(_entry_data(entry, lang))
    years = sorted(set(tally_by_year) | set(entries_by_year), reverse=True)
    counted = [p for p in papers if p.counted]
    counted.sort(key=lambda p: (p.news, p.position, p.id), reverse=True)
    return {
        "lang": lang,
        "lab": {"name": lab_name},
        "years": [
            {
                "year": year,
                "tally": {
                    "total": tally_by_year[year].total if year in tally_by_year else 0,
                    "items": [
                        {"label": label, "count": count}
                        for label, count in (
                            tally_by_year[year].items if year in tally_by_year else ()
                        )
                    ],
                },
                "entries": entries_by_year.get(year, []),
            }
            for year in years
        ],
        # Only the publication list reads every paper's details: build them when it asks.
        "papers": Deferred(lambda: publist.publication_list(counted, lang=lang, safe=safe_url)),
    }


def iter_entries(context: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every entry of a context, newest first."""
    for year in context["years"]:
        yield from year["entries"]
