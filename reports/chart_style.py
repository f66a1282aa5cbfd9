"""The house look of every chart: calm colours, the figure's layout, and the Chart and Table it comes in.

Shared by the weekly report's charts and the organisation overview's (reports.charts); plotly's own
template is dropped so the colours are ours.
"""

import html
import math
from dataclasses import dataclass

import plotly.graph_objects as go

from reports.i18n import Lang
from reports.model import Stat

ACCENT = "#1d6b5f"
ACCENT_LIGHT = "#9cc9bf"
MUTED = "#5b6770"
WARM = "#b7791f"  # amber, for the outer funnel limit only: calm, not alarming
GRID = "#e4e1da"
CLEAR = "rgba(0,0,0,0)"  # a shape drawn but not filled: a thin group's bar or heatmap cell
HEAT_SCALE = [[0.0, "#f4f1ea"], [0.5, "#9cc9bf"], [1.0, "#1d6b5f"]]
FONT_PX = 13
# Margins that already fit the labels: plotly.js's automargin (kept on, so a label that does not fit still
# gets room) otherwise finds the margins too small, grows them and lays the whole chart out a second
# time, about a third of the time the report's charts take to draw. Pixels of the chart font around labels:
TICK_GAP = 9  # between the plot and its tick labels
TICK_MARK_GAP = 17  # the same with tick marks (the heatmap's)
ROW_OF_TICKS = 25  # a row of tick labels under the plot
ROW_OF_TICKS_TITLED = 41  # the same with an axis title under it
ROW_OF_TICKS_ON_TOP = 31
COLORBAR = 55  # a colour bar beside its title's width
ROTATED_TITLE = 16  # a y-axis title turned upright, beside its tick labels
MIN_GROUP_N = 5  # a group with fewer gestures is drawn as "too few to say", never as a real bar or colour


@dataclass(frozen=True)
class Table:
    """The chart's data as a table: header cells and rows of display strings."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """One chart: an id for the page, a title, a short reading note, the plotly figure as JSON-ready dict."""

    id: str
    title: str
    note: str
    figure: dict | None  # None: nothing to draw, `empty` says so in a sentence
    table: Table
    empty: str = ""


def blank_figure(*traces) -> go.Figure:
    """A figure without plotly.py's default template, which house_figure would drop anyway.

    Copying the default template in and out of every figure cost ~2 of the ~9 ms of the page's charts.
    """
    return go.Figure(list(traces), layout={"template": {}})


def house_figure(fig: go.Figure, height: int, lang: str, **kw) -> dict:
    """The figure as JSON with the calm house layout merged in as plain dicts.

    plotly's update_layout/update_axes validate every key on every call (~20 ms a chart); the traces
    are validated when built, the layout here is ours and fixed, so it is merged without them.
    `margin=dict(...)` sets the sides whose labels a chart knows (see TICK_GAP and text_px).
    """
    figure = fig.to_plotly_json()
    layout = figure.setdefault("layout", {})
    layout.pop("template", None)  # plotly.js draws with its own defaults; the colours are ours
    layout.update(height=height, separators=",." if lang == "nl" else ".,",
                  margin=dict(l=8, r=16, t=8, b=8),
                  font=dict(family="system-ui, sans-serif", size=13, color="#1f2a33"),
                  paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", showlegend=False)
    for name, extra in kw.items():
        layout[name] = {**layout.get(name, {}), **extra} if isinstance(extra, dict) else extra
    axes = {"xaxis", "yaxis"} | {k for k in layout if k.startswith(("xaxis", "yaxis"))}
    for name in sorted(axes):
        layout[name] = {"automargin": True, "gridcolor": GRID, "zeroline": False, **layout.get(name, {})}
    for axis in ("xaxis", "yaxis"):
        title = layout.get(axis, {}).get("title")
        if isinstance(title, str):
            layout[axis]["title"] = {"text": title}
    return figure


# Advance widths (1/100 em, rounded up) of DejaVu Sans, the widest common system-ui font, as Chromium
# measures them: a narrower font leaves a pixel or two to spare. Any other character counts a full em.
_ADVANCES = {
    **dict.fromkeys("'ijlï", 28), **dict.fromkeys('IJ', 30), **dict.fromkeys(' ,.·', 32),
    **dict.fromkeys('/:;\\|', 34), **dict.fromkeys('f', 36), **dict.fromkeys('-', 37),
    **dict.fromkeys('()[]t', 40), **dict.fromkeys('!', 41), **dict.fromkeys('r', 42),
    **dict.fromkeys('"', 46), **dict.fromkeys('*_`–', 50), **dict.fromkeys('sz', 53),
    **dict.fromkeys('?', 54), **dict.fromkeys('cç', 55), **dict.fromkeys('L', 56),
    **dict.fromkeys('Fk', 58), **dict.fromkeys('vxy', 60), **dict.fromkeys('P', 61),
    **dict.fromkeys('TYaeoéëèöáà', 62), **dict.fromkeys('$0123456789ESbdghnpqu{}€ü', 64),
    **dict.fromkeys('K', 66), **dict.fromkeys('ABVXZ', 69), **dict.fromkeys('CR', 70),
    **dict.fromkeys('U', 74), **dict.fromkeys('N', 75), **dict.fromkeys('H', 76),
    **dict.fromkeys('&DG', 78), **dict.fromkeys('OQ', 79), **dict.fromkeys('w', 82),
    **dict.fromkeys('#+<=>^~', 84), **dict.fromkeys('M', 87), **dict.fromkeys('%', 96),
    **dict.fromkeys('m', 98), **dict.fromkeys('W', 99), **dict.fromkeys('@', 100),
}


def text_px(texts) -> int:
    """Width in pixels of the widest of `texts` in the chart font, rounded up a little."""
    widest = max((sum(_ADVANCES.get(ch, 100) for ch in t) for t in texts), default=0)
    return math.ceil(widest * FONT_PX / 100) + 1


def wrap_px(text: str, width: int) -> str:
    """`text` broken at its spaces into lines (plotly's <br>) no wider than `width` pixels where words allow.

    plotly.js shrinks a text that is wider than its shape (a bar's outside text, a heatmap's cells) until
    it fits, so one long phrase (Dutch words are long) turns tiny; broken into lines it keeps the chart font.
    """
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_px([f"{lines[-1]} {word}"]) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


def few(stat: Stat) -> bool:
    """A group with gestures, but too few to draw its mean: every chart shows only its n."""
    return 0 < stat.n < MIN_GROUP_N


def plain_label(name: str) -> str:
    """A name as plotly shows it: its pseudo-HTML (<b>, <a href>…) escaped, so a name is only text."""
    return html.escape(name, quote=False)


def empty_chart(chart_id: str, title: str, text: Lang) -> Chart:
    """A chart with nothing to draw: a sentence instead of empty axes."""
    sentence = text.gettext("No gestures in these weeks yet, so there is nothing to draw.")
    return Chart(chart_id, title, "", None, Table((), ()), empty=sentence)
