"""Paints an author list with the lab's members in bold, without a rich-text document per cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from labnews.gui.models.papers import AUTHOR_RUNS_ROLE

_SEPARATOR = ", "
_ELLIPSIS = "…"


class AuthorsDelegate(QStyledItemDelegate):
    """Draws ``((name, is_member), ...)`` runs: members bold, others regular, elided at the edge.

    A QTextDocument per cell would lay out HTML on every paint; two fonts and drawText keep
    scrolling through 100,000 rows smooth.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        runs = index.data(AUTHOR_RUNS_ROLE)
        if not runs:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The background, selection and focus come from the style, as for any other cell.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = text_rect.adjusted(margin, 0, -margin, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        regular = QFont(opt.font)
        bold = QFont(regular)
        bold.setBold(True)
        painter.save()
        try:
            painter.setPen(opt.palette.color(role))
            painter.setClipRect(rect)
            self._draw_runs(painter, rect, runs, regular, bold)
        finally:
            painter.restore()

    @staticmethod
    def _draw_runs(
        painter: QPainter,
        rect: QRect,
        runs: tuple[tuple[str, bool], ...],
        regular: QFont,
        bold: QFont,
    ) -> None:
        metrics = {False: QFontMetrics(regular), True: QFontMetrics(bold)}
        fonts = {False: regular, True: bold}
        x, right = rect.left(), rect.right()
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        last = len(runs) - 1
        pieces: list[tuple[str, bool]] = []
        for number, (name, is_member) in enumerate(runs):
            pieces.append((name, is_member))
            if number < last:
                pieces.append((_SEPARATOR, False))  # the comma is never bold
        for text, is_bold in pieces:
            width = metrics[is_bold].horizontalAdvance(text)
            painter.setFont(fonts[is_bold])
            if x + width > right:
                room = right - x
                elided = metrics[is_bold].elidedText(text, Qt.TextElideMode.ElideRight, room)
                if not elided.strip(", "):
                    elided = _ELLIPSIS
                painter.drawText(QRect(x, rect.top(), room, rect.height()), flags, elided)
                return
            painter.drawText(QRect(x, rect.top(), width, rect.height()), flags, text)
            x += width
