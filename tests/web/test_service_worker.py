"""The service worker a tablet installs (/sw.js) and the offline page it keeps (/offline)."""

import json
import re
import shutil

import pytest

from tests.factories import make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin
from web import service_worker


def worker_config(response) -> dict:
    first_line = response.get_data(as_text=True).split("\n", 1)[0]
    match = re.fullmatch(r"self\.SHELL_CONFIG = (\{.*\});", first_line)
    assert match, first_line
    return json.loads(match.group(1))


@pytest.fixture
def tablet_client(client, session):
    """A client with a registered tablet's cookie: the app marks its pages no-store."""
    enrol(client, session, make_team(session, "Front desk"))
    return client


def test_the_worker_is_served_at_the_root_as_javascript_that_is_checked_again_on_every_load(tablet_client):
    response = tablet_client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert "self.addEventListener(\"fetch\"" in response.get_data(as_text=True)


def test_an_unchanged_worker_is_answered_with_304_so_weak_wifi_carries_no_bytes(client):
    first = client.get("/sw.js")
    again = client.get("/sw.js", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["Cache-Control"] == "no-cache"


def test_every_url_the_worker_keeps_exists_and_is_allowed_in_a_cache(tablet_client):
    config = worker_config(tablet_client.get("/sw.js"))
    assert "/offline" in config["shell"] and config["offline"] == "/offline"
    assert {"/static/app.css", "/static/log.css", "/static/tablet.js", "/static/log.js", "/static/outbox.js",
            "/static/manifest.webmanifest"} <= set(config["shell"])
    for url in config["shell"]:
        response = tablet_client.get(url)
        assert response.status_code == 200, url
        # The worker refuses to keep no-store answers: none of these may be one.
        assert "no-store" not in response.headers.get("Cache-Control", ""), url
        response.close()


def test_signed_in_pages_stay_no_store_so_the_worker_never_keeps_them(client, session):
    team = make_team(session, "Front desk")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, make_staff(session, team, name="Anouk Jansen"), tablet)
    assert client.get("/log").headers["Cache-Control"] == "no-store"
    assert client.get("/tablet").headers["Cache-Control"] == "no-store"


def test_the_worker_version_changes_when_a_file_it_keeps_changes(client, monkeypatch, tmp_path):
    static = tmp_path / "static"
    shutil.copytree(service_worker.STATIC, static)
    monkeypatch.setattr(service_worker, "STATIC", static)
    before = worker_config(client.get("/sw.js"))["version"]
    assert worker_config(client.get("/sw.js"))["version"] == before
    (static / "app.css").write_text((static / "app.css").read_text() + "\n.new-rule { color: red; }\n")
    after = worker_config(client.get("/sw.js"))["version"]
    assert after != before and re.fullmatch(r"[0-9a-f]{16}", after)


@pytest.mark.parametrize(("lang", "title", "text", "button"), [
    ("nl", "Geen verbinding",
     "Gebaren die op deze tablet wachten, worden verstuurd zodra er weer verbinding is.", "Probeer opnieuw"),
    ("en", "No connection",
     "Gestures waiting on this tablet will be sent as soon as the connection is back.", "Try again"),
])
def test_the_offline_page_speaks_the_tablets_language(client, lang, title, text, button):
    response = client.get("/offline", headers={"Accept-Language": lang})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html and text in html and button in html
    assert 'id="outbox"' in html and "/static/outbox.js" in html  # the waiting count, from the tablet


def test_the_offline_page_holds_nothing_of_the_person_signed_in_and_no_form(client, session):
    team = make_team(session, "Front desk")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, make_staff(session, team, name="Anouk Jansen"), tablet)
    response = client.get("/offline")
    html = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-cache"
    assert "Anouk" not in html and "Front desk" not in html
    assert "<form" not in html and "csrf" not in html
