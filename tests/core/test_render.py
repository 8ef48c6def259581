"""core.render: the escaping filters, and user templates that try to escape the sandbox.

Payloads that could hang or exhaust memory run in a child process with a time limit, so a
regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markupsafe import Markup

from labnews.core import render as render_module
from labnews.core.errors import TemplateError
from labnews.core.render import (
    MAX_OUTPUT,
    OutputFormat,
    build_context,
    find_format,
    html_escape,
    list_formats,
    markdown_escape,
    markdown_url,
    one_line,
    render_text,
    safe_url,
    slug,
    yaml_string,
)
from labnews.resources import resource

BUILTIN = resource("templates")
BUILTIN_NAMES = {
    "acadhomepage",
    "al-folio",
    "awards",
    "html",
    "json",
    "plain",
    "portfolio",
    "projects",
    "publications",
    "talks",
    "yearly",
}
CHILD_TIMEOUT = 60


def empty_context() -> dict[str, Any]:
    return build_context(tallies=(), entries=(), lang="en", lab_name="Lab")


def user_format(tmp_path: Path, source: str, name: str = "mine", ext: str = "txt") -> OutputFormat:
    """Write ``source`` as a user template and return its format."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.{ext}.j2").write_text(source, encoding="utf-8")
    return find_format(name, BUILTIN, folder)


def render_user(tmp_path: Path, source: str, name: str = "mine") -> str:
    fmt = user_format(tmp_path, source, name)
    return render_text(fmt, empty_context())


# --- escaping ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*bold*", r"\*bold\*"),
        ("_under_", r"\_under\_"),
        ("a|b", r"a\|b"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("`code`", r"\`code\`"),
        ("# heading", r"\# heading"),
        ("back\\slash", r"back\\slash"),
        # Braces as references, not backslashed: Liquid reads `\{%` as a tag all the same.
        ("{{ 7*7 }}", r"&#123;&#123; 7\*7 &#125;&#125;"),
        ("{% include_relative _config.yml %}", "&#123;% include\\_relative \\_config.yml %&#125;"),
        ("~~gone~~ $x$ !", r"\~\~gone\~\~ \$x\$ \!"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("R&D", "R&amp;D"),
        ("---", r"\---"),
        ("- item", r"\- item"),
        ("1. first", r"1\. first"),
        ("ETRI J.", "ETRI J."),
        ("line1\nline2\r\nline3", "line1 line2 line3"),
        ("bell\x07 null\x00", "bell null"),
        ("함재석", "함재석"),
    ],
)
def test_markdown_escape_makes_metacharacters_and_html_inert(text: str, expected: str) -> None:
    assert markdown_escape(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "*a* _b_ `c` [d](e) <f> &g; ![i](j) # k | l ~~m~~",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "&lt;script&gt; &amp; &#60;",
        "\\*not bold\\*",
        "<!-- comment --> <?php ?> <![CDATA[x]]>",
        "https://example.com/auto <https://example.com>",
    ],
)
def test_markdown_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    html = MarkdownIt("commonmark").render("x " + markdown_escape(text)).strip()
    assert html == f"<p>x {html_escape(text)}</p>".replace("&#34;", "&quot;").replace("&#39;", "'")


def test_html_escape_escapes_markup_and_quotes_once() -> None:
    escaped = html_escape("<a href=\"x\" onclick='y'>R&D</a>")
    assert escaped == "&lt;a href=&#34;x&#34; onclick=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;"
    assert isinstance(escaped, Markup)


def test_html_filter_output_is_not_escaped_again_by_autoescape(tmp_path: Path) -> None:
    fmt = user_format(tmp_path, "{{ lab.name | html }}|{{ lab.name }}", "page", "html")
    context = build_context(tallies=(), entries=(), lab_name="<b>R&D</b>")
    escaped = "&lt;b&gt;R&amp;D&lt;/b&gt;"
    assert render_text(fmt, context) == f"{escaped}|{escaped}"


def test_html_escape_keeps_the_value_on_one_line() -> None:
    assert html_escape("a\nb\u2028c\x0bd") == "a b c d"


@pytest.mark.parametrize(
    "text",
    ['He said "hi"', "it's", "key: value", "- item", "# not a comment", "{a: b}", "a\nb", "함"],
)
def test_yaml_string_is_a_double_quoted_scalar_that_reads_back(text: str) -> None:
    value = yaml_string(text)
    assert value.startswith('"')
    assert value.endswith('"')
    assert "\n" not in value
    assert json.loads(value) == one_line(text)


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2312.04005",
        "http://example.com/a?b=c&d=e",
        "HTTPS://EXAMPLE.COM/",
        "doi:10.4218/etrij.2023-0266",
    ],
)
def test_safe_url_keeps_http_https_and_doi(url: str) -> None:
    assert safe_url(url) == url
    assert safe_url(f"  {url}  ") == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.com/",
        "//evil.example.com/",
        "/relative/path",
        "https://a b",
        'https://x.com/"onmouseover="alert(1)',
        "https://x.com/'><script>",
        "https://x.com/`",
        "https://x.com/\njavascript:alert(1)",
        "",
        None,
    ],
)
def test_safe_url_refuses_everything_else(url: str | None) -> None:
    assert safe_url(url) == ""


def test_markdown_url_encodes_parentheses_so_the_link_cannot_end_early() -> None:
    url = "https://e.com/x)[y](javascript:alert(1)"
    assert markdown_url(url) == "https://e.com/x%29[y]%28javascript:alert%281%29"
    html = MarkdownIt("commonmark").render(f"[[paper]]({markdown_url(url)})")
    assert html.count("<a ") == 1
    assert 'href="https://e.com/' in html
    assert markdown_url("javascript:alert(1)") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NeurIPS 2024", "neurips-2024"),
        ("ETRI J.", "etri-j"),
        ("ICCV 2023 ETRI J.", "iccv-2023-etri-j"),
        ("Prime Minister's Commendation", "prime-minister-s-commendation"),
        ("../../etc/passwd", "etc-passwd"),
        ("/abs/path\\win", "abs-path-win"),
        ("..", "news"),
        ("", "news"),
        ("함재석", "news"),
        ("<script>", "script"),
    ],
)
def test_slug_is_a_safe_file_name(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_slug_is_capped_and_never_ends_with_a_hyphen() -> None:
    value = slug("a" * 59 + " b" * 40)
    assert len(value) <= 60
    assert not value.endswith("-")
    assert set(value) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


# --- the formats a user sees -------------------------------------------------------------------


def test_every_builtin_format_has_a_description() -> None:
    formats = list_formats(BUILTIN, None)
    assert {f.name for f in formats} == BUILTIN_NAMES
    assert all(f.builtin and f.description for f in formats)


def test_a_user_template_named_like_a_builtin_one_wins(tmp_path: Path) -> None:
    fmt = user_format(tmp_path, "{#- Our own yearly block. #}\nOURS {{ lang }}\n", "yearly", "md")
    assert fmt.overrides_builtin
    assert not fmt.builtin
    assert fmt.description == "Our own yearly block."
    assert render_text(fmt, empty_context()) == "OURS en\n"
    others = {f.name: f for f in list_formats(BUILTIN, tmp_path / "templates")}
    assert set(others) == BUILTIN_NAMES
    assert not others["html"].overrides_builtin
    assert others["html"].builtin


def test_a_new_user_template_is_listed_and_does_not_override(tmp_path: Path) -> None:
    fmt = user_format(tmp_path, "{# Short list. #}\nx\n", "short")
    assert not fmt.overrides_builtin
    names = {f.name for f in list_formats(BUILTIN, tmp_path / "templates")}
    assert names == BUILTIN_NAMES | {"short"}


def test_a_user_template_may_import_the_builtin_wording(tmp_path: Path) -> None:
    source = '{% import "_sentences.j2" as say %}{{ say.names_list(["A*", "B"], "md") }}'
    assert render_user(tmp_path, source) == r"A\*, B"


def test_a_user_template_edited_on_disk_renders_as_edited(tmp_path: Path) -> None:
    """Compiled templates are kept between renders, but never outlive an edit of the file."""
    fmt = user_format(tmp_path, "first {{ lang }}\n")
    assert render_text(fmt, empty_context()) == "first en\n"
    fmt.path.write_text("second, and longer {{ lang }}\n", encoding="utf-8")
    os.utime(fmt.path, (fmt.path.stat().st_atime, fmt.path.stat().st_mtime + 5))
    assert render_text(fmt, empty_context()) == "second, and longer en\n"


def test_a_user_copy_of_a_builtin_part_is_used_from_the_next_render(tmp_path: Path) -> None:
    """A file added beside a user template hides the built-in one, though a sandbox is kept."""
    fmt = user_format(
        tmp_path, '{% import "_sentences.j2" as say %}{{ say.names_list(["A"], "md") }}'
    )
    assert render_text(fmt, empty_context()) == "A"
    (fmt.path.parent / "_sentences.j2").write_text(
        "{% macro names_list(names, how) %}ours{% endmacro %}", encoding="utf-8"
    )
    assert render_text(fmt, empty_context()) == "ours"


def test_each_render_has_its_own_loop_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept sandbox must not carry one render's loop steps over into the next."""
    monkeypatch.setattr(render_module, "MAX_ITERATIONS", 1000)
    fmt = user_format(tmp_path, "{% for i in range(750) %}{% endfor %}done\n")
    assert [render_text(fmt, empty_context()) for _ in range(3)] == ["done\n"] * 3
    over = user_format(tmp_path, "{% for i in range(1001) %}{% endfor %}done\n", "over")
    with pytest.raises(TemplateError, match="looped too many times"):
        render_text(over, empty_context())


def test_an_unknown_format_names_the_formats_there_are() -> None:
    with pytest.raises(TemplateError) as info:
        find_format("nope", BUILTIN, None)
    message = str(info.value)
    assert "'nope'" in message
    for name in BUILTIN_NAMES:
        assert name in message


# --- broken templates --------------------------------------------------------------------------


def test_a_template_with_a_syntax_error_is_reported_naming_the_format(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render_user(tmp_path, "line one\n{% for x in %}\n{% endfor %}\n", "broken")
    assert "format broken is broken" in str(info.value)
    assert "line 2" in str(info.value)


def test_an_unknown_variable_is_an_error_not_an_empty_string(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render_user(tmp_path, "Hello {{ no_such_thing }}!", "strict")
    assert "format strict" in str(info.value)
    assert "no_such_thing" in str(info.value)


def test_an_unknown_attribute_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        render_user(tmp_path, "{{ lab.no_such_field }}", "strict")
    assert "no_such_field" in str(info.value)


def test_including_a_file_outside_the_template_folders_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render_user(tmp_path, '{% include "../secret.txt" %}', "sneaky")
    assert "format sneaky" in str(info.value)


# --- escaping the sandbox ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ lipsum.__globals__ }}",
        "{{ self.__init__.__globals__ }}",
        "{{ ''|attr('__class__') }}",
        "{{ (''|attr('__class__')).__base__ }}",
        "{{ '{0.__class__}'.format('') }}",
        "{{ range.__self__ }}",
        "{{ lab.__class__ }}",
    ],
)
def test_reaching_python_internals_raises_template_error(tmp_path: Path, source: str) -> None:
    with pytest.raises(TemplateError) as info:
        render_user(tmp_path, source, "escape")
    assert str(info.value).startswith("format escape ")


@pytest.mark.parametrize(
    "source",
    [
        "{{ [].append(1) }}",
        "{% set l = [1] %}{{ l.append(2) }}",
        "{% set d = {} %}{{ d.update({'a': 1}) }}",
        "{{ lab.update({'name': 'pwned'}) }}",
        "{{ lab.clear() }}",
        "{{ years.append(1) }}",
        "{{ papers.pop() if papers else [].pop() }}",
    ],
)
def test_mutating_values_raises_template_error(tmp_path: Path, source: str) -> None:
    with pytest.raises(TemplateError) as info:
        render_user(tmp_path, source, "mutate")
    assert "format mutate tried something unsafe" in str(info.value)


def test_a_mutation_attempt_leaves_the_context_untouched(tmp_path: Path) -> None:
    context = empty_context()
    fmt = user_format(tmp_path, "{{ lab.update({'name': 'pwned'}) }}", "mutate")
    with pytest.raises(TemplateError):
        render_text(fmt, context)
    assert context["lab"] == {"name": "Lab"}


_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    # A bomb that slips past the guards fails here as a MemoryError, not by taking the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
    from labnews.core.errors import TemplateError
    from labnews.core.render import build_context, find_format, render_text
    from labnews.resources import resource

    folder = Path(sys.argv[1])
    fmt = find_format("bomb", resource("templates"), folder)
    try:
        text = render_text(fmt, build_context(tallies=(), entries=(), lang="en"))
    except TemplateError as exc:
        print(json.dumps({"error": str(exc)}))
    else:
        print(json.dumps({"length": len(text)}))
    """
)


def render_in_child(
    tmp_path: Path, source: str, timeout: float = CHILD_TIMEOUT, seconds: float | None = None
) -> dict[str, object]:
    """Render ``source`` as user format "bomb" in a child process; its JSON verdict."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "bomb.txt.j2").write_text(source, encoding="utf-8")
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=root,
        env={
            "PYTHONPATH": root,
            "PATH": "/usr/bin:/bin",
            **({"LABNEWS_TEMPLATE_SECONDS": str(seconds)} if seconds else {}),
        },
        check=False,
    )
    assert done.returncode == 0, done.stderr
    verdict: dict[str, object] = json.loads(done.stdout)
    return verdict


@pytest.mark.parametrize(
    ("source", "phrase"),
    [
        ("{{ 'x' * 100000000 }}", "too long"),
        ("{{ 100000000 * 'x' }}", "too long"),
        ("{{ [0] * 100000000 }}", "too long"),
        ("{% for i in range(10**9) %}x{% endfor %}", "range longer than"),
        ("{{ 10 ** 100000000 }}", "too high a power"),
        (
            "{% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}",
            f"produced more than {MAX_OUTPUT:,} characters",
        ),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "produced more than",
        ),
        # Refused now before the joined value is built, no longer when it is output.
        ("{{ range(100000) | join('x' * 100) }}", "too long"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "ran away"),
        # Values built before any output: joins, concatenation, replace, formats, numbers.
        ("{% set s = 'x' * 4000000 %}{{ [s, s, s] | join | length }}", "too long"),
        ("{% set s = 'x' * 4000000 %}{{ '-'.join([s, s]) | length }}", "too long"),
        (
            "{% set ns = namespace(s='x' * 100000) %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
            "too long",
        ),
        (
            "{% set ns = namespace(s='x' * 100000) %}{% for i in range(40) %}"
            "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s | length }}",
            "too long",
        ),
        (
            "{% set s = 'x' * 1000000 %}"
            "{{ s.replace('x', 'xx').replace('x', 'xx').replace('x', 'xx') | length }}",
            "too long",
        ),
        ("{% set s = 'x' * 3000000 %}{{ s | replace('x', 'xxx') | length }}", "too long"),
        ("{{ '{0:>999999999}'.format('x') }}", "too wide format"),
        ("{{ '{:>999999999}'.format_map({}) }}", "too wide format"),
        ("{{ '%999999999s' % 'x' }}", "too wide format"),
        ("{{ (((10 ** 64) ** 64) ** 64) ** 64 }}", "too high a power"),
        ("{% set x = 10 ** 1000 %}{{ x ** 64 }}", "too high a power"),
        (
            "{% set ns = namespace(n=10 ** 60) %}{% for i in range(40) %}"
            "{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n }}",
            "too large a number",
        ),
    ],
)
def test_output_bombs_stop_with_a_clear_template_error(
    tmp_path: Path, source: str, phrase: str
) -> None:
    verdict = render_in_child(tmp_path, source)
    assert "error" in verdict, f"rendered {verdict} instead of stopping"
    assert phrase in str(verdict["error"])


def test_output_just_under_the_cap_is_rendered_whole(tmp_path: Path) -> None:
    source = "{% for i in range(1000) %}{{ 'y' * 1000 }}{% endfor %}"
    assert render_in_child(tmp_path, source) == {"length": 1_000_000}


def test_a_silent_nested_range_loop_stops_on_the_iteration_budget(tmp_path: Path) -> None:
    source = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    verdict = render_in_child(tmp_path, source)
    assert verdict == {"error": "format bomb: a template looped too many times; stopped"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "source",
    [
        "{% set s = 'x' * 4000000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
        "{% for a in range(100000) %}{% for b in 'x' * 4000000 %}{% endfor %}{% endfor %}",
        "{{ lipsum(10**7) | length }}",
    ],
    ids=["string-x-string", "range-x-string", "lipsum"],
)
def test_a_silent_loop_over_other_sequences_does_not_hang(tmp_path: Path, source: str) -> None:
    verdict = render_in_child(tmp_path, source, timeout=10)
    assert "error" in verdict


def test_a_user_template_runs_under_a_time_limit_that_names_it(tmp_path: Path) -> None:
    """Under the loop budget and the output cap, but slow: stopped by the clock, named."""
    source = (
        "{% for i in range(100000) %}{% for j in range(95) %}"
        "{{ '' | lower | upper | trim }}{% endfor %}{% endfor %}"
    )
    verdict = render_in_child(tmp_path, source, seconds=1)
    assert verdict == {"error": "format bomb: it took longer than 1 s; stopped"}


def test_built_in_formats_have_no_clock(tmp_path: Path) -> None:
    from labnews.core.render import _time_limit, find_format
    from labnews.resources import resource

    assert _time_limit(find_format("yearly", resource("templates"), tmp_path)) is None
