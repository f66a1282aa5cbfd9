"""Settings that change what people see: the default language, the currency and the digest day."""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from ledger.models import Gesture
from ledger.permissions import Actor
from ledger.services.settings import update_settings
from tests.factories import make_person
from tests.reports.scenes import WEEK, busy_team, sign_in
from web.cli import main


@pytest.fixture
def admin(session):
    return Actor.of(make_person(session, None, name="Ada", role="admin", email="ada@example.test"))


def test_the_default_language_is_used_when_the_browser_states_none(client, session, admin):
    assert "Inloggen" in client.get("/auth/login").get_data(as_text=True)  # the default default: Dutch

    update_settings(session=session, actor=admin, default_language="en")

    assert "Sign in" in client.get("/auth/login").get_data(as_text=True)
    dutch_browser = client.get("/auth/login", headers={"Accept-Language": "nl-NL,nl;q=0.9"})
    assert "Inloggen" in dutch_browser.get_data(as_text=True)  # a browser that says which wins


def test_the_currency_changes_how_amounts_read_never_the_cents(client, session, admin):
    scene = busy_team(session)
    cents = sorted(g.cost_cents for g in session.exec(select(Gesture)))
    sign_in(client, scene.manager)
    page = f"/reports/{scene.team.id}?week={WEEK}"
    assert "€" in client.get(page, headers={"Accept-Language": "en"}).get_data(as_text=True)

    update_settings(session=session, actor=admin, currency="GBP")

    shown = client.get(page, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "£65.50" in shown and "€" not in shown
    session.expire_all()
    assert sorted(g.cost_cents for g in session.exec(select(Gesture))) == cents


def test_the_cli_report_reads_the_currency_too(runner, session, admin):
    busy_team(session)
    update_settings(session=session, actor=admin, currency="CHF")

    result = runner.invoke(main, ["report", "--team", "Front desk", "--week", str(WEEK)])

    assert result.exit_code == 0, result.output
    assert "CHF" in result.output and "€" not in result.output


@pytest.mark.parametrize(("today", "sends"), [(datetime(2026, 12, 1, 7, tzinfo=UTC), False),  # Tuesday
                                              (datetime(2026, 12, 3, 7, tzinfo=UTC), True)])  # Thursday
def test_the_digest_goes_out_on_the_settings_day_only(app, runner, session, admin, monkeypatch, today, sends):
    busy_team(session)
    update_settings(session=session, actor=admin, digest_day="thursday")
    monkeypatch.setattr("web.cli.weekly.utcnow", lambda: today)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=1)  # nothing listens: trying to send fails

    result = runner.invoke(main, ["digest", "--week", str(WEEK), "--send"])

    if sends:
        assert result.exit_code == 1 and "could not send through 127.0.0.1:1" in result.output
    else:
        assert result.exit_code == 0 and "the digest goes out on Thursday (settings)" in result.output
        assert "Nothing sent" in result.output
