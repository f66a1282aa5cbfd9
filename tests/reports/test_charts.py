"""Chart figures: calm, honest (n beside every average), no rankings, person charts only when allowed."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from ledger.weeks import IsoWeek
from reports.chart_style import text_px, wrap_px
from reports.charts import BAR_TEXT_PX, charts_for, funnel_chart
from reports.i18n import Lang
from reports.model import Group, MonthFrame, PersonWeek, Stat, Totals, WeeklyReport, WeekPoint

W45 = IsoWeek(2026, 45)


def person(pid, name, spent, gestures, window_n, delighted, allowance=2000):
    return PersonWeek(person_id=pid, name=name, gestures=gestures, spent_cents=spent,
                      allowance_cents=allowance, over_frame=0, reaction=Stat(gestures, 4.0, 4.0),
                      appreciations=0, appreciated=0,
                      window_gestures=window_n, window_reaction=Stat(window_n, 4.0, 4.0, delighted=delighted))


def sample_report(**kw) -> WeeklyReport:
    totals = Totals(gestures=5, people_active=3, spent_cents=2400, allowance_cents=6000, over_frame=1,
                    over_cap=1, over_allowance=0, reaction=Stat(5, 3.8, 3.8, delighted=3), appreciated=2,
                    appreciations=3)
    base = dict(
        team_id=1, team_name="Front desk", timezone="Europe/Amsterdam", week=W45,
        start=datetime(2026, 11, 1, 23, tzinfo=UTC), end=datetime(2026, 11, 8, 23, tzinfo=UTC), complete=True,
        lang="en", person_level=True, totals=totals, window_weeks=8,
        window_totals=Stat(40, 3.6, 3.6, delighted=20),
        people=(person(3, "Bram", 400, 1, 6, 1), person(2, "Anouk", 2000, 3, 20, 14),
                person(4, "Chris", 0, 0, 14, 5)),
        by_band=(Group("band", "free", Stat(12, 3.9, 3.8)), Group("band", "up_to_5", Stat(3, 4.7, 4.1)),
                 Group("band", "5_to_15", Stat(0, None, 3.6)), Group("band", "over_15", Stat(2, 3.0, 3.4))),
        by_kind_trigger=(Group("kind_trigger", "treat|waiting", Stat(7, 4.4, 4.2)),
                         Group("kind_trigger", "time|complaint", Stat(2, 2.0, 3.1))),
        trend=tuple(WeekPoint(W45.shift(i - 11), gestures=i, spent_cents=100 * i,
                              reaction=Stat(i, 3.5, 3.5) if i else Stat(0)) for i in range(12)),
    )
    base.update(kw)
    return WeeklyReport(**base)


def by_id(charts):
    return {c.id: c for c in charts}


def test_a_person_level_report_has_all_five_charts_each_with_a_table():
    charts = by_id(charts_for(sample_report()))
    assert list(charts) == ["mandate-use", "reaction-by-band", "kind-trigger", "trend", "funnel"]
    for chart in charts.values():
        assert chart.table.rows and all(len(r) == len(chart.table.columns) for r in chart.table.rows)
        json.dumps(chart.figure)  # the page embeds it as JSON


@pytest.mark.parametrize("why", ["works council", "small team"])
def test_a_team_level_report_shows_no_chart_about_people(why):
    report = sample_report(person_level=False, people=())
    charts = charts_for(report)
    assert [c.id for c in charts] == ["reaction-by-band", "kind-trigger", "trend"]
    assert "Anouk" not in json.dumps([c.figure for c in charts]) + repr([c.table for c in charts])


def test_people_appear_in_alphabetical_order_never_ranked_by_spend():
    chart = by_id(charts_for(sample_report()))["mandate-use"]
    assert [row[0] for row in chart.table.rows] == ["Anouk", "Bram", "Chris"]
    assert chart.table.rows[0][2:] == ("€20.00", "€20.00", "100%")


def test_spending_over_the_allowance_is_not_painted_red():
    report = sample_report(people=(person(2, "Anouk", 5000, 3, 20, 14),))
    figure = json.dumps(charts_for(report)[0].figure).lower()
    assert "red" not in figure and "#d62728" not in figure and "#ff0000" not in figure


def test_every_cost_band_shows_its_plain_mean_and_n_and_thin_bands_say_too_few_to_say():
    chart = by_id(charts_for(sample_report()))["reaction-by-band"]
    assert chart.figure["data"][0]["text"] == ["3.9 · n=12", "too few to say<br>n=3", "n=0",
                                               "too few to say<br>n=2"]
    assert chart.figure["data"][0]["hovertext"][1] == "Up to €5<br>too few to say · n=3"
    assert [r[:2] for r in chart.table.rows] == [("Free", "12"), ("Up to €5", "3"), ("€5–€15", "0"),
                                                  ("Over €15", "2")]


def test_the_heatmap_labels_each_cell_with_its_n_and_leaves_empty_pairs_blank():
    heat = by_id(charts_for(sample_report()))["kind-trigger"].figure["data"][0]
    assert heat["type"] == "heatmap"
    assert heat["y"] == ["Extra time", "Treat"] and heat["x"] == ["Complaint or problem", "Waiting or delay"]
    assert heat["text"] == [["n=2", ""], ["", "4.4<br>n=7"]]  # words stay out of cells: see the next test
    assert heat["hovertext"] == [["n=2<br>too few to say", ""], ["", "4.4<br>n=7"]]
    assert heat["z"] == [[None, None], [None, 4.4]]  # plain means; a thin pair stays uncoloured


THIN_PAIRS = (Group("kind_trigger", "treat|waiting", Stat(4, 4.5, 4.2)),
              Group("kind_trigger", "time|complaint", Stat(1, 2.0, 3.1)))


def test_a_heatmap_of_only_thin_pairs_still_has_numbers_in_z_so_plotly_draws_its_grid_and_every_n():
    # plotly.js hides a heatmap whose z holds no number: no labels, no cells, only two stray tick marks
    heat = by_id(charts_for(sample_report(by_kind_trigger=THIN_PAIRS)))["kind-trigger"].figure["data"][0]
    assert heat["y"] == ["Extra time", "Treat"] and heat["x"] == ["Complaint or problem", "Waiting or delay"]
    assert heat["text"] == [["n=1", ""], ["", "n=4"]] and heat["z"] == [[0, None], [None, 0]]
    assert heat["hovertext"] == [["n=1<br>too few to say", ""], ["", "n=4<br>too few to say"]]


def test_a_heatmap_of_only_thin_pairs_leaves_every_cell_uncoloured_and_shows_no_colour_bar():
    heat = by_id(charts_for(sample_report(by_kind_trigger=THIN_PAIRS)))["kind-trigger"].figure["data"][0]
    assert {colour for _, colour in heat["colorscale"]} == {"rgba(0,0,0,0)"}
    assert heat["showscale"] is False  # a scale of colours nobody sees would only puzzle


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_when_no_pair_is_coloured_the_note_says_none_has_five_gestures_yet(lang):
    note = by_id(charts_for(sample_report(by_kind_trigger=THIN_PAIRS, lang=lang)))["kind-trigger"].note
    usual = by_id(charts_for(sample_report(lang=lang)))["kind-trigger"].note  # one pair coloured
    words = {"en": "No pair has 5 gestures yet.", "nl": "Nog geen enkele combinatie heeft 5 gebaren."}[lang]
    assert note == f"{usual} {words}" and words not in usual


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_heatmap_cells_hold_only_short_numbers_in_every_language_so_plotly_need_not_shrink_them(lang):
    # plotly.js sizes all cells' text by the longest line of any cell: one phrase made them all tiny
    heat = by_id(charts_for(sample_report(lang=lang)))["kind-trigger"].figure["data"][0]
    lines = [line for row in heat["text"] for cell in row for line in cell.split("<br>")]
    assert max(len(line) for line in lines) <= 5


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_thin_bands_words_are_broken_into_lines_that_fit_its_bar_at_the_narrowest_width(lang):
    bar = by_id(charts_for(sample_report(lang=lang)))["reaction-by-band"].figure["data"][0]
    for label in bar["text"]:
        assert text_px(label.split("<br>")) <= BAR_TEXT_PX, label  # wider, plotly.js would shrink it


def test_wrapping_breaks_at_spaces_only_where_a_line_would_grow_too_wide():
    assert wrap_px("te weinig om iets te zeggen", 116) == "te weinig om iets<br>te zeggen"
    assert wrap_px("short", 10) == "short"  # one word longer than the width stays whole
    assert wrap_px("a b", 1000) == "a b"


def test_the_trend_covers_twelve_weeks_with_a_gap_where_a_week_had_no_reactions():
    chart = by_id(charts_for(sample_report()))["trend"]
    reaction_trace = chart.figure["data"][2]
    assert len(reaction_trace["x"]) == 12 and reaction_trace["y"][0] is None
    assert chart.table.rows[-1] == ("2026-W45", "11", "€11.00", "3.5", "11")


def test_funnel_limits_are_wide_for_few_gestures_and_readings_stay_calm():
    report = sample_report()
    chart = funnel_chart(report, Lang())
    upper95 = chart.figure["data"][3]["y"]
    assert upper95[0] == 1.0 and upper95[-1] < 0.75  # p0 = 0.5: the 95 % band narrows as n grows
    readings = {row[0]: row[4] for row in chart.table.rows}
    assert readings["Bram"] == "within the expected range"  # 1 of 6: small n is not an outlier
    assert readings["Anouk"] == "within the expected range"  # 14 of 20 = 70 % (limits 28–72 %)
    assert readings["Chris"] == "within the expected range"  # 5 of 14


def test_a_clear_outlier_is_named_a_conversation_not_a_failure():
    report = sample_report(people=(person(2, "Anouk", 0, 0, 40, 40),))
    row = funnel_chart(report, Lang()).table.rows[0]
    assert row[3:] == ("100%", "outside the range: worth a conversation")


def test_dutch_charts_write_decimal_commas_and_dutch_money():
    report = replace(sample_report(), lang="nl")
    charts = by_id(charts_for(report, Lang("nl")))
    assert charts["reaction-by-band"].figure["data"][0]["text"][0] == "3,9 · n=12"
    assert charts["mandate-use"].table.rows[0][2] == "€\u00a020,00"


def test_the_funnel_names_only_people_outside_the_lines_on_the_chart_and_everyone_in_the_table():
    report = sample_report(people=(person(2, "Anouk", 0, 0, 40, 40), person(3, "Bram", 0, 0, 6, 3)))
    chart = funnel_chart(report, Lang())
    assert chart.figure["data"][-1]["text"] == ["Anouk", ""]
    assert [row[0] for row in chart.table.rows] == ["Anouk", "Bram"]


def test_a_single_gesture_is_drawn_hollow_and_lower_than_any_real_bar_never_like_a_group():
    bands = (Group("band", "free", Stat(52, 3.2, 3.3)), Group("band", "over_15", Stat(1, 5.0, 3.6)))
    bar = by_id(charts_for(sample_report(by_band=bands)))["reaction-by-band"].figure["data"][0]
    assert bar["y"][1] < bar["y"][0] and bar["y"][1] < 1.5  # one 5/5 is not a tall bar
    assert bar["marker"]["color"][1] == "rgba(0,0,0,0)" and bar["marker"]["color"][0] != "rgba(0,0,0,0)"
    assert bar["text"] == ["3.2 · n=52", "too few to say<br>n=1"]


def test_charts_show_plain_means_never_the_shrunk_ones():
    bands = (Group("band", "free", Stat(20, 4.6, 4.1)),)
    chart = by_id(charts_for(sample_report(by_band=bands)))["reaction-by-band"]
    assert chart.figure["data"][0]["y"] == [4.6] and chart.table.rows[0][2] == "4.6"
    assert "adjusted" not in json.dumps(chart.figure).lower()


def test_an_empty_week_shows_a_sentence_instead_of_empty_axes():
    empty = sample_report(window_totals=Stat(0), by_band=(), by_kind_trigger=(), people=(),
                          person_level=False,
                          trend=tuple(WeekPoint(W45.shift(i - 11), 0, 0, Stat(0)) for i in range(12)))
    charts = charts_for(empty)
    assert [c.id for c in charts] == ["reaction-by-band"]
    assert charts[0].figure is None and "nothing to draw" in charts[0].empty


def test_a_monthly_frame_is_charted_as_the_month_so_far_against_the_monthly_allowance():
    month = MonthFrame(first_day=date(2026, 11, 1), last_day=date(2026, 11, 8), allowance_cents=30000,
                       spent_cents=5000, per_person=((2, 4000, 10000), (3, 1000, 10000), (4, 0, 10000)))
    people = tuple(replace(p, allowance_cents=None) for p in sample_report().people)
    chart = by_id(charts_for(sample_report(month=month, people=people)))["mandate-use"]
    assert chart.table.rows[0][2:] == ("€40.00", "€100.00", "40%")  # Anouk: month so far, not this week
    assert chart.figure["data"][1]["x"] == [100.0, 100.0, 100.0]  # per month, never a weekly share
    assert "November" in chart.note
    assert chart.figure["layout"]["xaxis"]["title"]["text"] == "euro this month so far"


def test_the_names_get_a_left_margin_as_wide_as_the_longest_name_and_their_axis_keeps_growing_it():
    short = charts_for(sample_report())[0].figure["layout"]
    long_name = person(5, "Wilhelmina van den Broek-Oosterhuis", 100, 1, 6, 1)
    long = charts_for(sample_report(people=(*sample_report().people, long_name)))[0].figure["layout"]
    assert long["margin"]["l"] >= text_px(["Wilhelmina van den Broek-Oosterhuis"]) > short["margin"]["l"]
    # the chart sets only its x axis; the names' axis still may push the margin (plotly's automargin)
    assert short["yaxis"]["automargin"] is True and short["xaxis"]["automargin"] is True


def test_every_chart_gives_margins_for_each_side_its_labels_need():
    for chart in charts_for(sample_report()):
        margin = chart.figure["layout"]["margin"]
        assert set(margin) == {"l", "r", "t", "b"} and all(v >= 8 for v in margin.values()), chart.id
    heat = by_id(charts_for(sample_report()))["kind-trigger"].figure["layout"]["margin"]
    assert heat["t"] > 8 and heat["r"] > 16  # trigger names on top, the colour bar on the right


def test_text_width_grows_with_the_text_and_counts_unknown_characters_generously():
    assert text_px([]) == 1
    assert text_px(["iii"]) < text_px(["nnn"]) < text_px(["mmm"])
    assert text_px(["Anouk", "Wilhelmina"]) == text_px(["Wilhelmina"])
    assert text_px(["字字字"]) >= 3 * 13  # a full em each: too wide leaves space, too narrow a second layout
