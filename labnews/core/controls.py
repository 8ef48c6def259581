"""Characters that must never reach a terminal or a page as they are: controls, bidi overrides."""

from __future__ import annotations

import re

# C0 controls but tab and line ends, DEL, C1 controls (ESC and CSI start terminal sequences; OSC
# can retitle a window or write a hyperlink), and the bidi embeddings, overrides and isolates
# that make "gpj.exe" read as "exe.jpg". Marks (U+200E, U+200F) stay: right-to-left names need them.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_unsafe(text: str) -> bool:
    """Does ``text`` hold a control or bidi-override character?"""
    return _UNSAFE.search(text) is not None


def escape_unsafe(text: str) -> str:
    """``text`` with each unsafe character shown as its escape (``\\x1b``, ``\\u202e``).

    For a terminal: the admin sees that the record holds such a character, and what it is.
    """
    return _UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def drop_unsafe(text: str) -> str:
    """``text`` without its unsafe characters: for pages, where an escape would read as noise."""
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """``text`` as one terminal line: line breaks and unsafe characters shown as escapes.

    An error message quotes what the user gave; a value holding a newline must not make the
    one ``labnews: error:`` line two.
    """
    return escape_unsafe(text.replace("\r", "\\r").replace("\n", "\\n"))


def braces_as_references(text: str) -> str:
    """Every brace as its HTML character reference, which Markdown and HTML show as the brace.

    A backslash does not stop the engines that build pages (``\\{% x %\\}`` still holds a
    Liquid tag, ``\\{{<`` a Hugo shortcode); ``&#123;`` opens nothing in any of them.
    """
    return text.replace("{", "&#123;").replace("}", "&#125;")
