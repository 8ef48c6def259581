"""LaTeX in BibTeX values: decoded to plain text on the way in, escaped on the way out."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any, Final

MAX_DECODE: Final = 20_000
"""Characters handed to pylatexenc at most; longer values only lose their braces."""
_SYMBOL_ACCENTS: Final = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    '"': "\u0308",
}
_LETTER_ACCENTS: Final = {
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_SPECIAL_LETTERS: Final = {
    "ss": "ß",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "i": "ı",
    "j": "ȷ",
    "l": "ł",
    "L": "Ł",
    "o": "ø",
    "O": "Ø",
}
_BASE = r"\\[ij](?![A-Za-z])|[A-Za-z]"
# The forms real .bib files use for names and titles ({\"u}, \'{e}, \c{c}, {\ss}, \&, {CVPR}),
# decoded in one regex pass: pylatexenc gives the same text but takes ~0.3 ms a value.
_LATEX_TOKEN = re.compile(
    r"\\(?:"
    rf"(?P<sym>[`'^~=.\"])(?:\{{\s*(?P<b1>{_BASE})\s*\}}|(?P<b2>{_BASE}))"
    rf"|(?P<let>[uvHckrdb])(?:\s*\{{\s*(?P<b3>{_BASE})\s*\}}|\s+(?P<b4>{_BASE}))"
    r"|(?P<sp>ss|ae|AE|oe|OE|aa|AA|[ijlLoO])(?![A-Za-z])(?:\{\}|[ \t\n]*)"
    r"|(?P<esc>[&%$#_{}])"
    r")|(?P<brace>[{}])|(?P<tilde>~)"
)
_PLAIN = re.compile(r"[\\{}~$]|--|``|''|[?!]`")
_NEEDS_PYLATEXENC = re.compile(r"(?<!\\)\$|--|``|''|[?!]`")
_BARE_SPECIAL = re.compile(r"(?<!\\)([&%#])")
_HAS_SPECIAL = re.compile(r"[&%#]")
_BEYOND_BRACES = re.compile(r"[~$]|--|``|''|[?!]`")
_UNESCAPED_BRACE = re.compile(r"(?<!\\)[{}]")


def _escaped(match: re.Match[str]) -> str:
    return "\\" + match[1]


def _token(match: re.Match[str]) -> str:
    if match["brace"] is not None:
        return ""
    if match["tilde"] is not None:
        return " "
    if match["esc"] is not None:
        return match["esc"]
    if match["sp"] is not None:
        return _SPECIAL_LETTERS[match["sp"]]
    if match["sym"] is not None:
        accent = _SYMBOL_ACCENTS[match["sym"]]
        base = match["b1"] or match["b2"]
    else:
        accent = _LETTER_ACCENTS[match["let"]]
        base = match["b3"] or match["b4"]
    letter = base[1] if base.startswith("\\") else base
    return unicodedata.normalize("NFC", letter + accent)


@cache
def _latex_converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text()


def decode_latex(text: str) -> str:
    """A BibTeX value as plain text: accents composed, protective braces gone, spaces folded."""
    decoded, _ok = decode_latex_checked(text)
    return decoded


def decode_latex_checked(text: str) -> tuple[str, bool]:
    """The decoded text, and False when the LaTeX could not be read and only braces went."""
    if not text:
        return "", True
    if not _PLAIN.search(text):
        return " ".join(text.split()), True
    if "\\" not in text and not _BEYOND_BRACES.search(text):
        # Only protective braces ({CVPR}, {{Title}}): the most common case, removed directly.
        return " ".join(text.replace("{", "").replace("}", "").split()), True
    # A bare & % or # in a .bib value means the character itself (LaTeX would eat it).
    source = _BARE_SPECIAL.sub(_escaped, text) if _HAS_SPECIAL.search(text) else text
    if not _NEEDS_PYLATEXENC.search(source):
        fast = _LATEX_TOKEN.sub(_token, source)
        if "\\" not in fast:
            return " ".join(fast.split()), True
    if len(source) <= MAX_DECODE:
        try:
            return " ".join(str(_latex_converter().latex_to_text(source)).split()), True
        except (RecursionError, MemoryError):
            pass
        except Exception:  # pylatexenc on hostile input: fall back to braces removed
            pass
    return " ".join(_UNESCAPED_BRACE.sub("", text).split()), False


_ESCAPES: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
}
# LaTeX ligatures (-- ``  '' ?` !`) would turn into other characters on the way back.
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")


def escape_latex(text: str) -> str:
    """Text as a BibTeX value that ``decode_latex`` turns back into the same text."""
    escaped = "".join(_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))
    return _LIGATURE.sub("{}", escaped)
