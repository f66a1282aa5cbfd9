"""The weekly report's charts as plotly figures (graph_objects only), each with a plain table beside it.

Charts are pure functions of a WeeklyReport. Words come in through `text`, a reports.i18n.Lang: the one
catalogue, the one label per code and the one money formatter, so this module stays free of Flask.
The design is calm on purpose: one accent colour, no red for spending over the frame, people in
alphabetical order (never ranked), every average shown with its n. Charts show plain means (shrinking
toward the team mean stays inside the prompt logic); a group with fewer than MIN_GROUP_N gestures is drawn
hollow and low, labelled "too few to say", and a chart with nothing to draw is a sentence, not empty axes.
"""

import math

import plotly.graph_objects as go

from reports.chart_style import (
    ACCENT,
    ACCENT_LIGHT,
    CLEAR,
    MIN_GROUP_N,
    MUTED,
    ROTATED_TITLE,
    ROW_OF_TICKS,
    ROW_OF_TICKS_TITLED,
    TICK_GAP,
    WARM,
    Chart,
    Table,
    blank_figure,
    empty_chart,
    few,
    house_figure,
    plain_label,
    text_px,
    wrap_px,
)
from reports.heatmap import kind_trigger_chart
from reports.i18n import Lang, lang_for
from reports.model import PersonWeek, Stat, WeeklyReport
from reports.overview import OrgOverview
from reports.stats import Z_95, Z_998, funnel_limits

FEW_BAR_HEIGHT = 1.25  # such a group's hollow stub on the 1–5 axis: visibly lower than any real mean
# The widest a bar's text may be before plotly.js shrinks it to the bar's width: a cost band's bar is 126 px
# wide at the narrowest size the report is read at (768 px tablet: 630 px of plot, 4 bands, bargap 0.2).
BAR_TEXT_PX = 116


def charts_for(report: WeeklyReport, text: Lang | None = None) -> list[Chart]:
    """All charts of a report; the person-level ones only when the report is person-level."""
    text = text or lang_for(report.lang)
    charts = []
    if report.person_level and report.people:
        charts.append(mandate_use_chart(report, text))
    if report.window_totals.n:
        charts += [reaction_by_band_chart(report, text), kind_trigger_chart(report, text)]
    else:
        charts.append(empty_chart("reaction-by-band", text.gettext("Reaction by cost band"), text))
    if any(p.gestures for p in report.trend):
        charts.append(trend_chart(report, text))
    if report.person_level and any(p.window_reaction.n for p in report.people):
        charts.append(funnel_chart(report, text))
    return charts


def _people(report: WeeklyReport) -> list[PersonWeek]:
    return sorted(report.people, key=lambda p: p.name.casefold())  # alphabetical: never a ranking


def _use(report: WeeklyReport, person: PersonWeek) -> tuple[int, int | None]:
    """(spent, allowance) as the frame is agreed: this week, or for a monthly frame the month so far."""
    if report.month is None:
        return person.spent_cents, person.allowance_cents
    return report.month.person(person.person_id) or (person.spent_cents, None)


def mandate_use_chart(report: WeeklyReport, text: Lang) -> Chart:
    """Each person's spend against their allowance (a marker), alphabetically; a monthly frame per month."""
    _, people = text.gettext, list(reversed(_people(report)))  # plotly draws the first category at the bottom
    names = [plain_label(p.name) for p in people]
    use = {p.person_id: _use(report, p) for p in people}
    fig = blank_figure()
    fig.add_trace(go.Bar(y=names, x=[use[p.person_id][0] / 100 for p in people], orientation="h",
                         marker_color=ACCENT, name=_("Spent"),
                         hovertext=[f"{n}: {text.cents(use[p.person_id][0])}"
                                    for n, p in zip(names, people, strict=True)],
                         hoverinfo="text"))
    framed = [p for p in people if use[p.person_id][1] is not None]
    allowances = [use[p.person_id][1] for p in framed]
    fig.add_trace(go.Scatter(y=[plain_label(p.name) for p in framed], x=[a / 100 for a in allowances],
                             mode="markers", name=_("Allowance"), hoverinfo="text",
                             hovertext=[f"{_('Allowance')}: {text.cents(a)}" for a in allowances],
                             marker=dict(symbol="line-ns-open", size=22, color=MUTED, line=dict(width=3))))
    monthly = report.month is not None
    figure = house_figure(fig, 70 + 30 * len(people), text.lang, xaxis=dict(
        title=_("euro this month so far") if monthly else _("euro this week"), rangemode="tozero"),
        margin=dict(l=text_px(names) + TICK_GAP, b=ROW_OF_TICKS_TITLED))
    rows = tuple((p.name, str(p.gestures), text.cents(use[p.person_id][0]), text.cents(use[p.person_id][1]),
                  text.pct(use[p.person_id][0] / use[p.person_id][1] if use[p.person_id][1] else None))
                 for p in _people(report))
    table = Table((_("Person"), _("Gestures this week"), _("Spent"), _("Allowance"), _("Share used")), rows)
    if monthly:
        note = _("Bars show what each person spent in %(month)s up to %(day)s; the vertical mark is their "
                 "allowance per month.") % {"month": text.month(report.month.first_day),
                                            "day": text.day(report.month.last_day)}
    else:
        note = _("Bars show what each person spent this week; the vertical mark is their allowance.")
    return Chart("mandate-use", _("Mandate use per person"), note, figure, table)


def _band_label(text: Lang, stat: Stat) -> str:
    if not stat.n:
        return "n=0"
    if few(stat):
        return f"{text.gettext('too few to say')} · n={stat.n}"
    return f"{text.num(stat.mean)} · n={stat.n}"


def _band_text(text: Lang, stat: Stat) -> str:
    """The label over a bar: a thin band's words in lines that fit the bar, so plotly keeps their size."""
    if few(stat):
        return f"{wrap_px(text.gettext('too few to say'), BAR_TEXT_PX)}<br>n={stat.n}"
    return _band_label(text, stat)


def reaction_by_band_chart(report: WeeklyReport, text: Lang) -> Chart:
    """Mean reaction per cost band over the window with its n; a thin band is drawn hollow and low."""
    _, bands = text.gettext, list(report.by_band)
    names = [text.label("band", g.code) for g in bands]
    heights = [None if not g.stat.n else FEW_BAR_HEIGHT if few(g.stat) else g.stat.mean for g in bands]
    fig = blank_figure(go.Bar(
        x=names, y=heights, textposition="outside", cliponaxis=False, hoverinfo="text",
        marker=dict(color=[CLEAR if few(g.stat) else ACCENT for g in bands],
                    line=dict(color=[MUTED if few(g.stat) else ACCENT for g in bands], width=1.5),
                    pattern=dict(shape=["/" if few(g.stat) else "" for g in bands], fgcolor=MUTED)),
        text=[_band_text(text, g.stat) for g in bands],
        hovertext=[f"{n}<br>{_band_label(text, g.stat)}" for n, g in zip(names, bands, strict=True)]))
    figure = house_figure(fig, 300, text.lang, yaxis=dict(range=[1, 5.4], title=_("reaction (1–5)"), dtick=1),
                          margin=dict(l=56, b=ROW_OF_TICKS))  # l: room for the rotated axis title
    rows = tuple((n, str(g.stat.n), _band_label(text, g.stat) if few(g.stat) else text.num(g.stat.mean),
                  text.cents(g.spent_cents)) for n, g in zip(names, bands, strict=True))
    table = Table((_("Cost band"), "n", _("Mean reaction"), _("Spent")), rows)
    note = _("Last %(weeks)s weeks: the mean reaction and its n. A band with fewer than %(min)s gestures is "
             "drawn hollow: too few to say.") % {"weeks": report.window_weeks, "min": MIN_GROUP_N}
    return Chart("reaction-by-band", _("Reaction by cost band"), note, figure, table)


def trend_chart(report: WeeklyReport, text: Lang) -> Chart:
    """Gestures, spend and mean reaction per week over the trend weeks, stacked on one time axis."""
    _, points = text.gettext, list(report.trend)
    weeks = [f"W{p.week.week:02d}" for p in points]
    # Three stacked panels on one week axis, laid out by hand: plotly's make_subplots costs ~25 ms.
    fig = blank_figure()
    fig.add_trace(go.Bar(x=weeks, y=[p.gestures for p in points], marker_color=ACCENT_LIGHT, yaxis="y",
                         hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.add_trace(go.Scatter(x=weeks, y=[p.spent_cents / 100 for p in points], mode="lines+markers",
                             line=dict(color=ACCENT), hoverinfo="text", yaxis="y2",
                             hovertext=[f"{w}: {text.cents(p.spent_cents)}"
                                        for w, p in zip(weeks, points, strict=True)]))
    fig.add_trace(go.Scatter(x=weeks, y=[p.reaction.mean for p in points], mode="lines+markers",
                             line=dict(color=MUTED), connectgaps=False, hoverinfo="text", yaxis="y3",
                             hovertext=[f"{w}: {text.num(p.reaction.mean)} (n={p.reaction.n})"
                                        for w, p in zip(weeks, points, strict=True)]))
    panels = ((_("Gestures"), [0.72, 1.0]), (_("Spent (euro)"), [0.36, 0.64]),
              (_("Mean reaction"), [0.0, 0.28]))
    titles = [dict(text=title, x=0.5, xref="paper", xanchor="center", y=top, yref="paper", yanchor="bottom",
                   showarrow=False, font=dict(size=14)) for title, (_low, top) in panels]
    tallest = max(max(p.gestures for p in points), max(p.spent_cents for p in points) // 100)
    figure = house_figure(fig, 420, text.lang, annotations=titles, xaxis=dict(anchor="y3"),
                          yaxis=dict(domain=panels[0][1], rangemode="tozero"),
                          yaxis2=dict(domain=panels[1][1], rangemode="tozero"),
                          yaxis3=dict(domain=panels[2][1], range=[1, 5.2], dtick=1),
                          # a number axis's labels and the three panels' shared week axis sit 4 px further out
                          margin=dict(l=text_px([f"{math.ceil(tallest * 1.1):,}"]) + TICK_GAP + 4, t=28,
                                      b=ROW_OF_TICKS + 4))
    rows = tuple((str(p.week), str(p.gestures), text.cents(p.spent_cents), text.num(p.reaction.mean),
                  str(p.reaction.n)) for p in points)
    table = Table((_("Week"), _("Gestures"), _("Spent"), _("Mean reaction"), "n"), rows)
    return Chart("trend", _("The last %(n)s weeks") % {"n": len(points)},
                 _("Gestures, spend and mean reaction per week."), figure, table)


def funnel_chart(report: WeeklyReport, text: Lang) -> Chart:
    """Funnel plot: each person's share of delighted reactions against their number of gestures."""
    _ = text.gettext
    people = [p for p in _people(report) if p.window_reaction.n]
    p0 = report.window_totals.delighted_share or 0.0
    top = max(p.window_reaction.n for p in people) + 2
    ns = list(range(1, top + 1))
    fig = blank_figure()
    for z, colour, dash in ((Z_998, WARM, "dot"), (Z_95, MUTED, "dash")):
        limits = [funnel_limits(p0, n, z) for n in ns]
        for side in (0, 1):
            fig.add_trace(go.Scatter(x=ns, y=[lim[side] for lim in limits], mode="lines", hoverinfo="skip",
                                     line=dict(color=colour, dash=dash, width=1.5, shape="hv")))
    fig.add_trace(go.Scatter(x=[1, top], y=[p0, p0], mode="lines", hoverinfo="skip",
                             line=dict(color=ACCENT_LIGHT, width=2)))
    # Only points outside the 95 % lines carry their name on the chart (the table names everyone): a
    # cluster of names inside the funnel would invite the very ranking this chart is here to prevent.
    fig.add_trace(go.Scatter(
        x=[p.window_reaction.n for p in people], y=[p.window_reaction.delighted_share for p in people],
        mode="markers+text", text=[plain_label(p.name) if _outside(p, p0) else "" for p in people],
        textposition="top center", hoverinfo="text",
        hovertext=[f"{plain_label(p.name)}: {p.window_reaction.delighted}/{p.window_reaction.n}"
                   for p in people],
        marker=dict(color=ACCENT, size=10)))
    figure = house_figure(fig, 360, text.lang, xaxis=dict(title=_("gestures (n)"), range=[0, top + 0.5]),
                          yaxis=dict(title=_("share delighted"), range=[-0.05, 1.08], tickformat=".0%"),
                          margin=dict(l=text_px(["100%"]) + TICK_GAP + ROTATED_TITLE,
                                      b=ROW_OF_TICKS_TITLED))
    rows = tuple(_funnel_row(text, p, p0) for p in people)
    table = Table((_("Person"), "n", _("Delighted"), _("Share"), _("Reading")), rows)
    note = _("The solid line is the team's share, %(share)s over %(weeks)s weeks. A point between the dashed "
             "lines differs from it by chance alone; outside the dotted lines it is worth a curious "
             "question. With few gestures the lines are wide on purpose.") % {
                 "share": text.pct(p0), "weeks": report.window_weeks}
    return Chart("funnel", _("Delighted reactions against number of gestures"), note, figure, table)


def _outside(p: PersonWeek, p0: float, z: float = Z_95) -> bool:
    low, high = funnel_limits(p0, p.window_reaction.n, z)
    return not low <= (p.window_reaction.delighted_share or 0.0) <= high


def _funnel_row(text: Lang, p: PersonWeek, p0: float) -> tuple[str, ...]:
    stat = p.window_reaction
    share = stat.delighted_share or 0.0
    if not _outside(p, p0, Z_95):
        reading = text.gettext("within the expected range")
    elif not _outside(p, p0, Z_998):
        reading = text.gettext("near the edge: worth a curious question")
    else:
        reading = text.gettext("outside the range: worth a conversation")
    return (p.name, str(stat.n), str(stat.delighted), text.pct(share), reading)


def overview_chart(view: OrgOverview, text: Lang) -> Chart:
    """Gestures per week of every team, one line each, for the organisation overview."""
    _, weeks = text.gettext, [f"W{w.week:02d}" for w in view.weeks]
    fig = blank_figure()
    for row in view.teams:
        fig.add_trace(go.Scatter(x=weeks, y=[c.gestures for c in row.cells], mode="lines+markers",
                                 name=plain_label(row.name),
                                 hovertemplate="%{fullData.name} %{x}: %{y}<extra></extra>"))
    figure = house_figure(fig, 320, text.lang, yaxis=dict(title=_("gestures"), rangemode="tozero"))
    figure["layout"].update(showlegend=True, legend=dict(orientation="h", y=-0.15),
                            colorway=[ACCENT, WARM, MUTED, ACCENT_LIGHT, "#6b5b95", "#8a9a5b"])
    rows = tuple((row.name, str(row.gestures), text.cents(row.spend_cents), text.num(row.reaction_mean),
                  text.pct(row.delighted_share)) for row in view.teams)
    table = Table((_("Team"), _("Gestures"), _("Spent"), _("Mean reaction"), _("Share delighted")), rows)
    return Chart("overview", _("Gestures per week, all teams"),
                 _("Each team's weeks are counted in its own time zone."), figure, table)
