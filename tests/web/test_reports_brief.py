"""The report page a manager reads in five minutes: five prompts first and the rest one tap away, the
header naming the team shown, honest weeks (not started, running), a monthly frame as a month, the
managers' marks shaping the page, and CSV downloads in the reader's spreadsheet convention."""

import csv
import io
import re
from datetime import date

import pytest

from ledger.models import PromptReview
from reports.settings import PROMPTS_SHOWN
from tests.factories import make_mandate
from tests.reports.scenes import NOW, WEEK, busy_team, sign_in

EN = {"Accept-Language": "en"}
NL = {"Accept-Language": "nl"}


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    import web.manager_reports.page as page
    import web.manager_reports.views as views

    monkeypatch.setattr(views, "utcnow", lambda: NOW)
    monkeypatch.setattr(page, "utcnow", lambda: NOW)


@pytest.fixture
def scene(session):
    return busy_team(session)


def html_of(client, scene, week=WEEK, headers=EN, **params) -> str:
    page = client.get(f"/reports/{scene.team.id}", query_string={"week": str(week), **params},
                      headers=headers)
    assert page.status_code == 200
    return page.get_data(as_text=True)


def first_prompts(html: str) -> list[str]:
    """The prompt cards above "more conversations"."""
    head = html.split('<details class="more-prompts"')[0]
    return re.findall(r'<article class="prompt[^"]*" id="(p-[^"]+)"', head)


def test_five_prompts_come_first_and_the_rest_wait_one_tap_away_without_javascript(client, scene):
    sign_in(client, scene.manager)
    html = html_of(client, scene)
    shown = first_prompts(html)
    assert 0 < len(shown) <= PROMPTS_SHOWN
    assert len({s.split("-2026")[0] for s in shown}) == len(shown)  # one per kind
    assert '<details class="more-prompts">' in html and "more conversation" in html


def test_the_header_names_the_team_whose_report_is_shown(client, session, scene):
    other = busy_team(session, "Night desk", manager_email="night@example.org")
    from ledger.models import Membership

    session.add(Membership(team_id=other.team.id, person_id=scene.manager.id))
    session.commit()
    sign_in(client, scene.manager)
    html = html_of(client, other)
    topbar = re.search(r'<span class="topbar-team"><span>([^<]+)</span>', html).group(1)
    assert topbar == "Night desk"


def test_a_week_that_has_not_started_says_no_report_yet_and_asks_nothing(client, scene):
    sign_in(client, scene.manager)
    html = html_of(client, scene, week=WEEK.shift(20))
    assert "No report yet" in html and '<article class="prompt' not in html
    assert 'data-figure="' not in html
    exported = client.get(f"/reports/{scene.team.id}/export.json", query_string={"week": str(WEEK.shift(20))})
    assert exported.json["started"] is False and exported.json["prompts"] == []


def test_a_monthly_frame_reads_as_a_month_to_date(client, session, scene):
    make_mandate(session, scene.team, cap=2500, allowance=10000, period="month", valid_from=date(2026, 10, 1))
    sign_in(client, scene.manager)
    html = html_of(client, scene)
    assert "November so far:" in html and "(allowance per month)" in html
    assert "€23.08" not in html and " frame</p>" not in html


def test_a_kind_set_aside_three_weeks_running_waits_below_and_comes_back_in_one_tap(client, session, scene):
    for i in (1, 2, 3):
        week = WEEK.shift(-i)
        session.add(PromptReview(team_id=scene.team.id, prompt_key=f"spend_contrast:{week}:x", week=str(week),
                                 status="set_aside"))
    session.commit()
    sign_in(client, scene.manager)
    html = html_of(client, scene)
    assert not [s for s in first_prompts(html) if s.startswith("p-spend-contrast")]
    assert "you set them aside 3 weeks running" in html
    link = re.search(r'<a href="([^"]*bring_back=spend_contrast[^"]*)">Show them first again</a>', html)
    back = client.get(link.group(1).replace("&amp;", "&"), headers=EN).get_data(as_text=True)
    assert [s for s in first_prompts(back) if s.startswith("p-spend-contrast")]


def test_a_discussed_prompt_is_followed_up_the_week_after(client, session, scene):
    session.add(PromptReview(team_id=scene.team.id, prompt_key=f"falls_flat:{WEEK.shift(-1)}:gift|regular",
                             week=str(WEEK.shift(-1)), status="discussed", helped=True))
    session.commit()
    sign_in(client, scene.manager)
    html = html_of(client, scene)
    assert "Following up" in html and "Week 44: you discussed “What falls flat”, and it helped." in html


def test_the_csv_download_follows_the_readers_language(client, scene):
    sign_in(client, scene.manager)
    nl = client.get(f"/reports/{scene.team.id}/export.csv", query_string={"week": str(WEEK)}, headers=NL)
    assert nl.headers["Content-Type"] == "text/csv; charset=utf-8" and nl.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(nl.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "cents" and any(r[3] == "spent" and "," in r[4] for r in rows[1:])
    en = client.get(f"/reports/{scene.team.id}/export.csv", query_string={"week": str(WEEK)}, headers=EN)
    assert not en.data.startswith(b"\xef\xbb\xbf") and en.data.decode().startswith("section,subject")
