"""The house look of every chart: calm colours, the figure's layout, and the Chart and Table it comes in.

Shared by the weekly report's charts and the organisation overview's (reports.charts); plotly's own
template is dropped so the colours are ours.
"""

import html
from dataclasses import dataclass

import plotly.graph_objects as go

from reports.i18n import Lang

ACCENT = "#1d6b5f"
ACCENT_LIGHT = "#9cc9bf"
MUTED = "#5b6770"
WARM = "#b7791f"  # amber, for the outer funnel limit only: calm, not alarming
GRID = "#e4e1da"
HEAT_SCALE = [[0.0, "#f4f1ea"], [0.5, "#9cc9bf"], [1.0, "#1d6b5f"]]


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

    Copying the default template in and out of every figure was most of the ~10 ms the page's charts cost.
    """
    return go.Figure(list(traces), layout={"template": {}})


def house_figure(fig: go.Figure, height: int, lang: str, **kw) -> dict:
    """The figure as JSON with the calm house layout merged in as plain dicts.

    plotly's update_layout/update_axes validate every key on every call (~20 ms a chart); the traces
    are validated when built, the layout here is ours and fixed, so it is merged without them.
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
    axes = [k for k in layout if k.startswith(("xaxis", "yaxis"))] or ["xaxis", "yaxis"]
    for name in axes:
        layout[name] = {"automargin": True, "gridcolor": GRID, "zeroline": False, **layout.get(name, {})}
    for axis in ("xaxis", "yaxis"):
        title = layout.get(axis, {}).get("title")
        if isinstance(title, str):
            layout[axis]["title"] = {"text": title}
    return figure


def plain_label(name: str) -> str:
    """A name as plotly shows it: its pseudo-HTML (<b>, <a href>…) escaped, so a name is only text."""
    return html.escape(name, quote=False)


def empty_chart(chart_id: str, title: str, text: Lang) -> Chart:
    """A chart with nothing to draw: a sentence instead of empty axes."""
    sentence = text.gettext("No gestures in these weeks yet, so there is nothing to draw.")
    return Chart(chart_id, title, "", None, Table((), ()), empty=sentence)
