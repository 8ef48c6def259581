"""The papers-per-year chart: bars stacked by tally label, drawn with matplotlib (never Qt here).

The data comes from the same tallies as every other output. ``draw_chart`` draws on any
matplotlib Figure, so ``labnews chart`` (Agg, to SVG or PNG) and the window (matplotlib's Qt
canvas) show the same chart. matplotlib is imported only inside the functions that draw.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from labnews.core.errors import LabnewsError, ValidationError
from labnews.core.records import YearTally
from labnews.io.files import write_atomic

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType
    from sqlalchemy.orm import Session

CHART_SUFFIXES: Final = (".svg", ".png")
OTHER: Final = ""
"""The label key of the segment that gathers the labels past the palette's colours."""

# Tableau 10 without its grey, then three more: distinct hues that read on white and in print.
PALETTE: Final = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#499894",
    "#8CD17D",
    "#D37295",
)
OTHER_COLOR: Final = "#BAB0AC"
KOREAN_FONTS: Final = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "NanumBarunGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "Source Han Sans KR",
    "UnDotum",
)
"""Fonts with Hangul, tried after the main font: matplotlib, unlike Qt, has no system fallback."""


@dataclass(frozen=True, slots=True)
class ChartText:
    """The words on the chart, in the language of whoever reads it."""

    axis: str = "Papers"
    other: str = "Other"


CHART_TEXTS: Final = {"en": ChartText(), "ko": ChartText(axis="논문 수", other="기타")}


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """Colours and fonts: the window passes its palette's, files use these."""

    foreground: str = "#24292F"
    muted: str = "#57606A"
    background: str = "#FFFFFF"
    grid: str = "#D8DEE4"
    highlight: str = "#EEF2F6"
    font_families: tuple[str, ...] = ("DejaVu Sans",)
    font_size: float = 10.0


@dataclass(frozen=True, slots=True)
class ChartData:
    """Papers per year and tally label: years ascending, labels from the bottom of a bar up."""

    years: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()
    counts: tuple[tuple[int, ...], ...] = ()
    """``counts[label][year]``, indexed like ``labels`` and ``years``."""
    folded: tuple[str, ...] = ()
    """The labels gathered into the ``OTHER`` segment."""
    colors: tuple[str, ...] = ()
    """Each label's colour, indexed like ``labels`` (see ``stable_colors``)."""

    @property
    def is_empty(self) -> bool:
        return not self.years

    def total(self, year: int) -> int:
        if year not in self.years:
            return 0
        column = self.years.index(year)
        return sum(row[column] for row in self.counts)

    def count(self, year: int, label: str) -> int:
        if year not in self.years or label not in self.labels:
            return 0
        return self.counts[self.labels.index(label)][self.years.index(year)]


@dataclass(frozen=True, slots=True)
class Segment:
    """One coloured piece of a bar: a label's papers in a year."""

    year: int
    label: str
    count: int
    total: int


def chart_data_from_tallies(
    tallies: Iterable[YearTally], *, max_labels: int = len(PALETTE)
) -> ChartData:
    """The chart's numbers from the yearly tallies (years without papers in between included).

    The labels with the most papers overall sit at the bottom of each bar; each keeps its own
    colour (``stable_colors``) whatever else is charted; past ``max_labels`` the smallest are
    gathered into one "Other" segment.
    """
    counts: dict[tuple[int, str], int] = {}
    overall: dict[str, int] = {}
    first_seen: dict[str, None] = {}  # labels in order of first appearance, oldest year first
    for tally in sorted(tallies, key=lambda t: t.year):
        for label, count in tally.items:
            first_seen.setdefault(label)
            counts[(tally.year, label)] = counts.get((tally.year, label), 0) + count
            overall[label] = overall.get(label, 0) + count
    if not counts:
        return ChartData()
    present = sorted({year for year, _label in counts})
    years = tuple(range(present[0], present[-1] + 1))
    # A stable sort by count keeps first-seen order (newest year's tally order) among equals.
    ranked = sorted(overall, key=lambda label: -overall[label])
    kept, folded = ranked, []
    if len(ranked) > max_labels:
        kept, folded = ranked[: max_labels - 1], ranked[max_labels - 1 :]
    rows = [tuple(counts.get((year, label), 0) for year in years) for label in kept]
    labels = list(kept)
    if folded:
        rows.append(tuple(sum(counts.get((year, label), 0) for label in folded) for year in years))
        labels.append(OTHER)
    colors = stable_colors([label for label in first_seen if label in kept])
    return ChartData(
        years,
        tuple(labels),
        tuple(rows),
        tuple(folded),
        tuple(colors.get(label, OTHER_COLOR) for label in labels),
    )


def stable_colors(labels: Sequence[str]) -> dict[str, str]:
    """A palette colour per label that stays the label's own when other labels come and go.

    Each label wants the colour its name hashes to (CRC-32: the same in every run, unlike
    ``hash``); two labels that want one colour share it out in the order given (first
    appearance, oldest year first), the later one taking the next free colour. A venue added
    in a new year comes last, so it never takes an existing label's colour. With more labels
    than colours, the colours repeat.
    """
    taken: dict[int, str] = {}
    chosen: dict[str, str] = {}
    for label in labels:
        slot = zlib.crc32(label.encode("utf-8")) % len(PALETTE)
        if len(taken) < len(PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
        taken.setdefault(slot, label)
        chosen[label] = PALETTE[slot]
    return chosen


def chart_data(session: Session, years: Iterable[int] | None = None) -> ChartData:
    """The chart's numbers for the given news years (None: every year), from the SQL tallies."""
    from labnews.store import queries

    return chart_data_from_tallies(queries.tallies(session, years=years))


def label_color(data: ChartData, label: str) -> str:
    if label == OTHER or label not in data.labels:
        return OTHER_COLOR
    index = data.labels.index(label)
    if index < len(data.colors):
        return data.colors[index]
    return stable_colors([label])[label]


def available_fonts(preferred: Sequence[str]) -> tuple[str, ...]:
    """The preferred font families matplotlib can find, then Hangul ones, then sans-serif."""
    from matplotlib import font_manager

    known = {entry.name for entry in font_manager.fontManager.ttflist}
    chosen = [name for name in (*preferred, *KOREAN_FONTS) if name in known]
    return (*dict.fromkeys(chosen), "sans-serif")


def chart_rc(style: ChartStyle) -> dict[RcKeyType, Any]:
    """matplotlib settings for the style: fonts (with fallbacks), sizes, colours."""
    return {
        "font.family": list(style.font_families),
        "font.size": style.font_size,
        "axes.edgecolor": style.grid,
        "axes.labelcolor": style.muted,
        "xtick.color": style.muted,
        "ytick.color": style.muted,
        "text.color": style.foreground,
        "svg.hashsalt": "labnews",
        # Tally labels are the lab's text, never mathtext: "$\\frac{1}{$" is a label, not math.
        "text.parse_math": False,
    }


def draw_chart(
    figure: Figure,
    data: ChartData,
    *,
    text: ChartText | None = None,
    style: ChartStyle | None = None,
    highlight: int | None = None,
) -> dict[Any, Segment]:
    """Draw the stacked bars on ``figure``; returns each drawn bar piece's Segment (for picking).

    ``highlight`` is a year to mark with a band behind its bar and a bold year under it.
    """
    from matplotlib.ticker import MaxNLocator

    text = text or ChartText()
    style = style or ChartStyle()
    figure.clear()
    figure.set_facecolor(style.background)
    axes = figure.add_subplot(1, 1, 1)
    axes.set_facecolor(style.background)
    segments: dict[Any, Segment] = {}
    if data.is_empty:
        axes.set_axis_off()
        return segments
    positions = list(range(len(data.years)))
    totals = [data.total(year) for year in data.years]
    bottoms = [0] * len(data.years)
    for label, row in zip(data.labels, data.counts, strict=True):
        bars = axes.bar(
            positions,
            row,
            width=0.62,
            bottom=bottoms,
            color=label_color(data, label),
            edgecolor=style.background,
            linewidth=1.0,
            label=label or text.other,
            zorder=2,
        )
        for rect, year, count, total in zip(bars.patches, data.years, row, totals, strict=True):
            if count:
                rect.set_picker(True)
                segments[rect] = Segment(year, label, count, total)
        bottoms = [b + c for b, c in zip(bottoms, row, strict=True)]
    top = max(totals) or 1
    for position, total in zip(positions, totals, strict=True):
        if total:
            axes.annotate(
                str(total),
                (position, total),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontweight="bold",
                color=style.foreground,
            )
    if highlight in data.years:
        index = data.years.index(highlight)
        axes.axvspan(index - 0.5, index + 0.5, color=style.highlight, zorder=0, linewidth=0)
    axes.set_xticks(positions, [str(year) for year in data.years])
    for tick, year in zip(axes.get_xticklabels(), data.years, strict=True):
        if year == highlight:
            tick.set_fontweight("bold")
            tick.set_color(style.foreground)
    axes.set_xlim(-0.6, len(positions) - 0.4)
    axes.set_ylim(0, top * 1.14 + 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    axes.set_ylabel(text.axis)
    axes.grid(axis="y", color=style.grid, linewidth=0.8, zorder=0)
    axes.set_axisbelow(True)
    axes.tick_params(axis="both", length=0, pad=6)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(style.grid)
    # The legend reads top to bottom like the stack, beside the bars so it never hides one.
    handles, names = axes.get_legend_handles_labels()
    legend = axes.legend(
        handles[::-1],
        names[::-1],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        handlelength=1.0,
        handleheight=1.0,
        borderaxespad=0.0,
        labelcolor=style.foreground,
    )
    legend.set_zorder(3)
    figure.set_layout_engine("constrained")
    return segments


def check_chart_path(path: Path) -> None:
    """Refuse an output that is not .svg or .png, before anything is read or drawn."""
    if path.suffix.lower() not in CHART_SUFFIXES:
        given = f"{path.suffix!r}" if path.suffix else "no extension"
        raise ValidationError(
            f"the chart is written as .svg or .png, not {given}: {path}", field="output"
        )


@contextmanager
def _settings(style: ChartStyle) -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(chart_rc(style)):
        yield


def render_chart(
    session: Session, years: Iterable[int] | None, path: Path, *, lang: str = "en"
) -> Path:
    """Write the chart of the given news years (None: all) to an SVG or PNG file, atomically."""
    check_chart_path(path)
    data = chart_data(session, years)
    if data.is_empty:
        raise LabnewsError("there are no papers to chart in those years")
    from matplotlib.figure import Figure

    style = ChartStyle(font_families=available_fonts(("DejaVu Sans",)))
    text = CHART_TEXTS.get(lang, ChartText())
    kind = path.suffix.lower().lstrip(".")
    buffer = io.BytesIO()
    with _settings(style):
        # Wide enough for a decade of bars and a legend of a dozen labels.
        width = min(max(6.0, 2.5 + 0.75 * len(data.years)), 14.0)
        figure = Figure(figsize=(width, 4.2), dpi=100)
        draw_chart(figure, data, text=text, style=style)
        # No date in the file: the same data always makes the same bytes.
        metadata = {"Date": None} if kind == "svg" else {}
        figure.savefig(buffer, format=kind, dpi=150 if kind == "png" else 100, metadata=metadata)
    write_atomic(path, buffer.getvalue())
    return path
