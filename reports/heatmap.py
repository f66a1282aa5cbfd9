"""The weekly report's heatmap: the mean reaction of each kind × trigger pair, with its n.

A pair with fewer than MIN_GROUP_N gestures stays uncoloured and shows only its n. A new team's first
weeks have nothing but such pairs, and they still get their grid (see _uncoloured).
"""

import plotly.graph_objects as go

from reports.chart_style import (
    CLEAR,
    COLORBAR,
    HEAT_SCALE,
    MIN_GROUP_N,
    ROW_OF_TICKS_ON_TOP,
    TICK_MARK_GAP,
    Chart,
    Table,
    blank_figure,
    few,
    house_figure,
    text_px,
)
from reports.i18n import Lang
from reports.model import Stat, WeeklyReport


def kind_trigger_chart(report: WeeklyReport, text: Lang) -> Chart:
    """Heatmap of the mean reaction of each kind × trigger pair with its n; thin pairs stay uncoloured."""
    _, groups = text.gettext, [g for g in report.by_kind_trigger if g.stat.n]
    kinds = sorted({g.parts[0] for g in groups})
    triggers = sorted({g.parts[-1] for g in groups})
    cell = {g.parts: g.stat for g in groups}
    stats = [[cell.get((k, tr)) for tr in triggers] for k in kinds]
    z = [[None if s is None or few(s) else s.mean for s in row] for row in stats]
    coloured = any(v is not None for row in z for v in row)
    if coloured:
        colours = dict(z=z, colorscale=HEAT_SCALE, zmin=1, zmax=5,
                       colorbar=dict(title=dict(text=_("reaction")), thickness=12))
    else:
        colours = _uncoloured(stats)
    fig = blank_figure(go.Heatmap(x=[text.label("trigger", c) for c in triggers],
                                  y=[text.label("kind", c) for c in kinds], texttemplate="%{text}",
                                  text=[[_heat_text(text, s) for s in row] for row in stats],
                                  hovertext=[[_heat_label(text, s) for s in row] for row in stats],
                                  hoverinfo="text", xgap=2, ygap=2, **colours))
    figure = house_figure(fig, 110 + 44 * max(len(kinds), 1), text.lang,
                          xaxis=dict(side="top", showgrid=False),
                          yaxis=dict(showgrid=False, autorange="reversed"),
                          margin=dict(l=text_px([text.label("kind", c) for c in kinds]) + TICK_MARK_GAP,
                                      t=ROW_OF_TICKS_ON_TOP, r=text_px([_("reaction"), "4.5"]) + COLORBAR))
    rows = tuple((text.label("kind", g.parts[0]), text.label("trigger", g.parts[-1]), str(g.stat.n),
                  text.gettext("too few to say") if few(g.stat) else text.num(g.stat.mean))
                 for g in sorted(groups, key=lambda g: g.parts))
    table = Table((_("Kind"), _("Prompted by"), "n", _("Mean reaction")), rows)
    note = _note(report, text, coloured)
    return Chart("kind-trigger", _("Reaction by kind and trigger"), note, figure, table)


def _note(report: WeeklyReport, text: Lang, coloured: bool) -> str:
    """How to read the cells; when none is coloured, also that this is the count so far, not an error."""
    note = text.gettext("Last %(weeks)s weeks; each cell shows the mean reaction and its n. Pairs with fewer "
                        "than %(min)s gestures stay uncoloured: too few to say.", weeks=report.window_weeks,
                        min=MIN_GROUP_N)
    if coloured:
        return note
    return f"{note} {text.gettext('No pair has %(min)s gestures yet.', min=MIN_GROUP_N)}"


def _uncoloured(stats: list[list[Stat | None]]) -> dict:
    """Colours for a heatmap whose pairs are all thin: a 0 for each in a see-through scale, no colour bar.

    plotly.js hides a heatmap whose z holds no number at all: no cells, no n, not even the kinds and
    triggers on its axes. A 0 makes it draw them; the scale keeps those cells as uncoloured as usual.
    """
    return dict(z=[[None if s is None else 0 for s in row] for row in stats],
                colorscale=[[0, CLEAR], [1, CLEAR]], showscale=False)


def _heat_text(text: Lang, stat: Stat | None) -> str:
    """A cell's own text, numbers only: plotly.js sizes every cell's text to fit the longest line of any
    cell in the narrowest cell, so one phrase in one thin cell shrank them all (2–9 px in Dutch)."""
    return "" if stat is None else f"n={stat.n}" if few(stat) else f"{text.num(stat.mean)}<br>n={stat.n}"


def _heat_label(text: Lang, stat: Stat | None) -> str:
    """A cell's hover: its text, and for a thin pair why it stays uncoloured."""
    if stat is not None and few(stat):
        return f"n={stat.n}<br>{text.gettext('too few to say')}"
    return _heat_text(text, stat)
