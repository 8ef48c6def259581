"""Fonts for Korean text: one Hangul font for a whole run of mixed Korean and Latin text.

Qt draws Hangul with a fallback font, and digits and brackets next to Hangul with it too, so a
line like "**(2024)** : 올해 논문" mixes two fonts. A font that has both scripts keeps it even.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontDatabase

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    return HANGUL.search(text) is not None


def korean_font(base: QFont, *, fixed: bool) -> QFont:
    """``base`` led by an installed Korean font (a monospaced one when ``fixed``), if any."""
    family = _korean_family(fixed=fixed)
    if family is None:
        return base
    font = QFont(base)
    font.setFamilies([family, *base.families()])
    return font


def fixed_with_hangul(base: QFont) -> QFont:
    """A monospaced ``base`` that keeps its own Latin letters and takes Hangul from a Korean font.

    A CJK monospace font gives Latin letters its own, wider spacing, so Markdown's ASCII looks
    odd in it: Latin and digits stay in ``base``, and only what ``base`` lacks (Hangul) falls
    back, per character, to a Korean font (a monospaced one if installed).
    """
    family = _korean_family(fixed=True) or _korean_family(fixed=False)
    if family is None:
        return base
    font = QFont(base)
    font.setFamilies([*base.families(), family])
    return font


def _korean_family(*, fixed: bool) -> str | None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)

    def monospaced(name: str) -> bool:
        return "Mono" in name or "Coding" in name

    candidates = [f for f in families if monospaced(f) == fixed and "Serif" not in f]
    # Korean-first designs (KR, Nanum, Malgun...) before the Chinese and Japanese cuts.
    korean_marks = ("KR", "Korean", "Nanum", "Malgun", "Apple SD", "D2Coding", "Un")
    candidates.sort(key=lambda name: not any(mark in name for mark in korean_marks))
    return candidates[0] if candidates else None
