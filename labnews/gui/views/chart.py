"""The overview's chart: matplotlib's Qt canvas, built the first time the chart is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontInfo, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from labnews.io.chart import ChartData, ChartStyle, ChartText, Segment

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

MIN_HEIGHT = 250


def _mix(a: QColor, b: QColor, share: float) -> str:
    """``a`` with ``share`` of ``b`` mixed in, as #rrggbb (a tint that follows the theme)."""
    return QColor(
        round(a.red() * (1 - share) + b.red() * share),
        round(a.green() * (1 - share) + b.green() * share),
        round(a.blue() * (1 - share) + b.blue() * share),
    ).name()


class ChartPanel(QWidget):
    """Papers per year stacked by tally label; hover says the numbers, a click picks a bar.

    matplotlib takes a good part of a second to import, so the canvas is made only when the
    panel is first shown with papers to chart (after the window has painted), or when
    ``ensure_canvas`` asks.
    """

    bar_clicked = Signal(int, str)
    """A bar piece was clicked: its year and tally label ("" for the gathered "Other")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData()
        self.highlight: int | None = None
        self.figure: Figure | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.segments: dict[Any, Segment] = {}
        self._style = ChartStyle()
        self._scheduled = False
        self._canvas_queued = False
        self.placeholder = QLabel(self.tr("The chart appears once there are papers."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)
        # No widget tooltip: hovering a bar shows its own numbers instead.
        self.setAccessibleName(self.tr("Papers per year"))
        self.setAccessibleDescription(self.tr("Click a bar to see its papers"))

    # --- data -----------------------------------------------------------------------------------

    def set_data(self, data: ChartData, highlight: int | None = None) -> None:
        """Show these numbers, marking the ``highlight`` year."""
        if data == self.data and highlight == self.highlight:
            return
        self.data, self.highlight = data, highlight
        if self.canvas is not None:
            self.redraw()
        else:
            self._schedule()

    # --- the canvas -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def _schedule(self) -> None:
        if (
            self.canvas is None
            and not self._scheduled
            and self.isVisible()
            and not self.data.is_empty
        ):
            # After this panel has painted its placeholder: the window shows first, and
            # matplotlib (a good part of a second to import) loads after.
            self._scheduled = True
            self.placeholder.setText(self.tr("Drawing the chart…"))
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._scheduled and self.canvas is None and not self._canvas_queued:
            self._canvas_queued = True
            QTimer.singleShot(0, self.ensure_canvas)

    def ensure_canvas(self) -> None:
        """Import matplotlib and make the canvas, if not done yet."""
        if self.canvas is not None:
            return
        import matplotlib
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from labnews.io.chart import chart_rc

        style = self.style_from_palette()
        # The window is the only matplotlib user in this process: its settings can be global.
        matplotlib.rcParams.update(chart_rc(style))
        self._style = style
        self.figure = Figure(figsize=(6.0, 3.2), dpi=100)
        canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        canvas.setParent(self)
        canvas.setMinimumHeight(MIN_HEIGHT)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.mpl_connect("pick_event", self._picked)
        canvas.mpl_connect("motion_notify_event", self._hovered)
        canvas.mpl_connect("figure_leave_event", lambda _event: QToolTip.hideText())
        canvas.installEventFilter(self)
        self.canvas = canvas
        self._layout.removeWidget(self.placeholder)
        self.placeholder.hide()
        self._layout.addWidget(canvas)
        self.redraw()

    def style_from_palette(self) -> ChartStyle:
        """Chart colours and font from the window's own palette and font."""
        from labnews.io.chart import available_fonts

        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        info = QFontInfo(self.font())
        return ChartStyle(
            foreground=text.name(),
            muted=_mix(text, base, 0.35),
            background=base.name(),
            grid=_mix(base, text, 0.14),
            highlight=_mix(base, highlight, 0.10),
            font_families=available_fonts((info.family(),)),
            font_size=max(info.pointSizeF(), 8.0),
        )

    def chart_text(self) -> ChartText:
        # No axis title: the section above the chart names it.
        return ChartText(axis="", other=self.tr("Other"))

    def redraw(self) -> None:
        """Draw the bars again from ``data`` (the canvas paints when Qt next gets to it)."""
        if self.figure is None or self.canvas is None:
            return
        from labnews.io.chart import draw_chart

        self.segments = draw_chart(
            self.figure,
            self.data,
            text=self.chart_text(),
            style=self._style,
            highlight=self.highlight,
        )
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.Leave:
            QToolTip.hideText()
        return super().eventFilter(watched, event)

    # --- hover and click ------------------------------------------------------------------------

    def segment_text(self, segment: Segment) -> str:
        label = segment.label or self.tr("Other")
        if segment.label == "" and self.data.folded:
            label += " (" + ", ".join(self.data.folded) + ")"
        return self.tr("{label}, {year}: {count} of {total} papers (click to see them)").format(
            label=label, year=segment.year, count=segment.count, total=segment.total
        )

    def segment_at(self, x: float, y: float) -> tuple[Any, Segment] | None:
        """The bar piece under a point of the canvas, in matplotlib's display coordinates."""
        for rect, segment in self.segments.items():
            if rect.get_window_extent().contains(x, y):
                return rect, segment
        return None

    def _hovered(self, event: Any) -> None:
        if self.canvas is None:
            return
        found = self.segment_at(event.x, event.y) if event.x is not None else None
        if found is None:
            QToolTip.hideText()
            self.canvas.unsetCursor()
            return
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        ratio = self.canvas.device_pixel_ratio or 1.0
        # matplotlib counts physical pixels from the bottom; Qt logical ones from the top.
        local = QPoint(round(event.x / ratio), round(self.canvas.height() - event.y / ratio))
        where = self.canvas.mapToGlobal(local)
        QToolTip.showText(where, self.segment_text(found[1]), self.canvas)

    def _picked(self, event: Any) -> None:
        segment = self.segments.get(event.artist)
        if segment is not None:
            self.choose(segment)

    def choose(self, segment: Segment) -> None:
        """Act as if the bar piece was clicked."""
        self.bar_clicked.emit(segment.year, segment.label)

    def bar_center(self, year: int, label: str) -> QPoint:
        """Where on the canvas the piece of ``label`` in ``year``'s bar is (Qt's coordinates)."""
        if self.canvas is None:
            raise RuntimeError("the chart is not drawn yet")
        self.canvas.draw()  # type: ignore[no-untyped-call]
        for rect, segment in self.segments.items():
            if (segment.year, segment.label) == (year, label):
                box = rect.get_window_extent()
                ratio = self.canvas.device_pixel_ratio or 1.0
                # matplotlib counts physical pixels from the bottom; Qt logical ones from the top.
                point = QPointF(
                    (box.x0 + box.x1) / 2 / ratio,
                    self.canvas.height() - (box.y0 + box.y1) / 2 / ratio,
                )
                return point.toPoint()
        raise KeyError(f"no bar piece for {label!r} in {year}")
