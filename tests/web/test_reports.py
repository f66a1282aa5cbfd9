"""The manager's weekly report page: prompts first, evidence, reviews, appreciations, charts, downloads."""

import json
import re

import pytest
from sqlmodel import select

from ledger.models import Appreciation, PromptReview
from tests.factories import make_person, make_team
from tests.reports.scenes import NOW, WEEK, busy_team, sign_in

EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    import web.manager_reports.page as page
    import web.manager_reports.views as views

    monkeypatch.setattr(views, "utcnow", lambda: NOW)
    monkeypatch.setattr(page, "utcnow", lambda: NOW)


@pytest.fixture
def scene(session):
    return busy_team(session)


def report_page(client, scene, week=WEEK, **params):
    return client.get(f"/reports/{scene.team.id}", query_string={"week": str(week), **params}, headers=EN)


def test_a_manager_sees_headline_numbers_then_prompts_then_charts(client, scene):
    sign_in(client, scene.manager)
    page = report_page(client, scene)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Front desk · week 45" in html
    assert "8</strong> gestures" in html and "(n=8)" in html
    assert html.index("Conversations for this week") < html.index('id="charts-title"')
    assert "What did Anouk and Chris each notice" in html
    for chart in ("mandate-use", "reaction-by-band", "kind-trigger", "trend", "funnel"):
        assert f'data-figure="fig-{chart}"' in html


def test_each_prompt_expands_to_its_evidence_gestures_with_their_stories(client, scene):
    sign_in(client, scene.manager)
    html = report_page(client, scene).get_data(as_text=True)
    over = re.search(r'<article class="prompt" id="p-over-frame[^"]*">(.*?)</article>', html, re.S).group(1)
    assert "<details class=\"evidence\">" in over and "1 gesture behind this" in over
    assert "A city guide book for guests whose room was not ready" in over


def test_the_page_carries_chart_data_as_json_not_as_inline_script(client, scene):
    sign_in(client, scene.manager)
    html = report_page(client, scene).get_data(as_text=True)
    blobs = re.findall(r'<script type="application/json" id="fig-[a-z-]+">(.*?)</script>', html, re.S)
    assert len(blobs) == 5 and all(json.loads(b)["data"] for b in blobs)
    assert not re.search(r"<script>(?!</script>)", html)
    csp = report_page(client, scene).headers["Content-Security-Policy"]
    policy = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert policy["script-src"] == "'self'"


def test_the_report_page_carries_its_styles_and_asks_again_for_no_script_it_has_seen_before(client, scene):
    # A stylesheet fetched beside the page holds up its first paint; under /static it is asked for on every
    # visit. The print view (no inline styles allowed there) links them under fingerprinted URLs.
    sign_in(client, scene.manager)
    for path, inline in ((f"/reports/{scene.team.id}", True), (f"/reports/{scene.team.id}/print", False)):
        html = client.get(path, query_string={"week": str(WEEK)}, headers=EN).get_data(as_text=True)
        urls = [a or b for a, b in re.findall(
            r'<(?:link rel="stylesheet"[^>]*|script) (?:href|src)="([^"]+)"|data-plotly="([^"]+)"', html)]
        assert ("<style>" in html and ".headline {" in html) is inline
        assert ('rel="stylesheet"' in html) is not inline
        assert len(urls) >= 3 and all("/reports/assets/" in url and "?v=" in url for url in urls), urls
        for url in urls:
            answer = client.get(url, headers={"Accept-Encoding": "gzip"})
            assert answer.status_code == 200 and "immutable" in answer.headers["Cache-Control"], url
    assert any("/vendor/plotly-" in url for url in urls) is False  # print: tables, no plotly


def test_the_report_page_leaves_plotly_to_report_js_after_the_first_paint(client, scene):
    # A preloaded script is compiled as it arrives, beside the first paint of the prompts; report.js
    # fetches plotly.js (named on .charts[data-plotly]) once that paint is done.
    sign_in(client, scene.manager)
    html = report_page(client, scene).get_data(as_text=True)
    assert re.search(r'data-plotly="/reports/assets/vendor/plotly-[^"]+\?v=', html)
    assert not re.search(r"<link[^>]+(?:preload|prefetch)", html)
    assert not re.search(r"<script[^>]+plotly", html)


def test_a_manager_of_several_teams_can_switch_team_and_keeps_the_week(client, session, scene):
    other = make_team(session, "Shop floor")
    from ledger.models import Membership

    session.add(Membership(team_id=other.id, person_id=scene.manager.id))
    session.commit()
    sign_in(client, scene.manager)
    html = report_page(client, scene).get_data(as_text=True)
    assert 'name="team"' in html and "Shop floor" in html
    moved = client.get(f"/reports/{scene.team.id}", query_string={"team": other.id, "week": "2026-W45"})
    assert moved.status_code == 302
    assert moved.headers["Location"].endswith(f"/reports/{other.id}?week=2026-W45")


def test_previous_and_next_weeks_are_one_click_away_but_not_the_future(client, scene):
    sign_in(client, scene.manager)
    html = report_page(client, scene).get_data(as_text=True)
    assert f"/reports/{scene.team.id}?week=2026-W44" in html
    assert f"/reports/{scene.team.id}?week=2026-W46" in html
    running = report_page(client, scene, week="2026-W46").get_data(as_text=True)
    assert "still running" in running and "week=2026-W47" not in running


def test_a_week_that_is_not_a_week_is_explained_and_the_last_complete_week_shown(client, scene):
    sign_in(client, scene.manager)
    page = report_page(client, scene, week="2026-W99")
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "not a week" in html and "week 45" in html


def test_marking_a_prompt_discussed_keeps_a_private_note(client, session, scene):
    sign_in(client, scene.manager)
    key = "over_frame:2026-W45:team"
    done = client.post(f"/reports/{scene.team.id}/reviews", headers=EN,
                       data={"prompt_key": key, "week": "2026-W45", "status": "discussed",
                             "note": "Talked Monday"})
    assert done.status_code == 302 and "#p-over-frame-2026-w45-team" in done.headers["Location"]
    html = report_page(client, scene).get_data(as_text=True)
    assert "Talked Monday" in html and "Did the conversation help?" in html
    client.post(f"/reports/{scene.team.id}/reviews/helped", data={"prompt_key": key, "week": "2026-W45",
                                                                 "helped": "yes"})
    session.expire_all()
    review = session.exec(select(PromptReview)).one()
    assert (review.status, review.note, review.helped) == ("discussed", "Talked Monday", True)


def test_a_note_that_is_too_long_is_refused_with_the_text_kept(client, session, scene):
    sign_in(client, scene.manager)
    note = "We talked. " * 200
    page = client.post(f"/reports/{scene.team.id}/reviews", headers=EN,
                       data={"prompt_key": "over_frame:2026-W45:team", "week": "2026-W45",
                             "status": "discussed", "note": note})
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "at most 2000 characters" in html and note.strip()[:200] in html
    assert session.exec(select(PromptReview)).all() == []


def test_a_manager_appreciates_a_gesture_from_the_evidence_list(client, session, scene):
    sign_in(client, scene.manager)
    gesture = scene.gestures[1]  # this week's umbrella story
    done = client.post(f"/reports/{scene.team.id}/appreciate", headers=EN,
                       data={"gesture_id": str(gesture.id), "week": "2026-W45", "note": "Wonderful",
                             "back": "p-x"})
    assert done.status_code == 302 and done.headers["Location"].endswith("#p-x")
    mine = session.exec(select(Appreciation).where(Appreciation.person_id == scene.manager.id)).one()
    assert mine.note == "Wonderful"
    assert "You appreciated this." in report_page(client, scene).get_data(as_text=True)


def test_the_report_downloads_as_csv_and_json(client, scene):
    sign_in(client, scene.manager)
    as_json = client.get(f"/reports/{scene.team.id}/export.json?week=2026-W45", headers=EN)
    assert as_json.status_code == 200 and "attachment" in as_json.headers["Content-Disposition"]
    data = json.loads(as_json.get_data(as_text=True))
    assert data["week"] == "2026-W45" and data["prompts"]
    as_csv = client.get(f"/reports/{scene.team.id}/export.csv?week=2026-W45", headers=EN)
    assert as_csv.status_code == 200 and as_csv.mimetype == "text/csv"


def test_the_print_page_shows_tables_instead_of_charts_and_no_forms(client, scene):
    sign_in(client, scene.manager)
    html = client.get(f"/reports/{scene.team.id}/print?week=2026-W45", headers=EN).get_data(as_text=True)
    assert "data-figure=" not in html and "plotly" not in html
    assert '<table class="data-table">' in html and "<form class=\"review\"" not in html
    assert '<details class="evidence" open>' in html


def test_an_admin_sees_all_teams_side_by_side(client, session, scene):
    busy_team(session, "Shop floor", manager_email="piet@example.org", weeks=2)
    admin = make_person(session, None, "Ada", role="admin", email="ada@example.org")
    sign_in(client, admin)
    html = client.get("/reports/overview", headers=EN).get_data(as_text=True)
    assert "Front desk" in html and "Shop floor" in html and "W45" in html
    assert 'data-figure="fig-overview"' in html


def test_a_team_level_report_says_so_and_names_nobody(client, session):
    scene = busy_team(session, person_comparisons=False)
    sign_in(client, scene.manager)
    html = report_page(client, scene).get_data(as_text=True)
    assert "speaks about the team as a whole" in html
    assert "fig-mandate-use" not in html and "fig-funnel" not in html
    for name in ("Anouk", "Bram", "Chris", "Daan"):
        assert name not in html


def test_dutch_managers_read_the_page_in_dutch(client, scene):
    sign_in(client, scene.manager)
    html = client.get(f"/reports/{scene.team.id}?week=2026-W45",
                      headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert "Gesprekken voor deze week" in html and "€\u00a0" in html


def test_reading_the_report_in_a_language_makes_the_digest_come_in_that_language(client, session, scene):
    sign_in(client, scene.manager)
    report_page(client, scene)  # in English
    session.expire_all()
    assert session.get(type(scene.manager), scene.manager.id).lang == "en"
