"""labnews's icon: the news page with a bar chart, drawn in resources/icons/labnews.svg."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from labnews.resources import resource

ICON_FILE = ("icons", "labnews.svg")


def labnews_icon() -> QIcon:
    """The application's icon (an SVG, so it is sharp at every size the desktop asks for)."""
    return QIcon(str(resource(*ICON_FILE)))
