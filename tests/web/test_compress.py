"""Text answers travel gzipped when the browser accepts it (DESIGN §7: the log screen's first load)."""

import gzip

import pytest

from tests.factories import make_mandate, make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture
def desk(session, client):
    team = make_team(session, "Front desk")
    make_mandate(session, team, cap=2500)
    anouk = make_staff(session, team, "Anouk")
    sign_in_with_pin(client, anouk, enrol(client, session, team))


def test_the_log_screen_is_sent_gzipped_to_a_browser_that_reads_gzip(client, desk):
    plain, zipped = client.get("/log"), client.get("/log", headers=GZIP)
    assert zipped.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.data).count(b'name="kind"') == plain.data.count(b'name="kind"') > 0
    assert len(zipped.data) * 3 < len(plain.data) and "Content-Encoding" not in plain.headers


def test_a_browser_that_refuses_gzip_gets_plain_text(client, desk):
    answer = client.get("/log", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in answer.headers and b"<html" in answer.data


def test_a_static_file_is_gzipped_once_and_unpacks_to_the_same_bytes(client):
    plain, zipped = client.get("/static/app.css"), client.get("/static/app.css", headers=GZIP)
    assert zipped.headers["Content-Encoding"] == "gzip" and gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["ETag"] != plain.headers["ETag"]  # a cache keeps the two apart
    again = client.get("/static/app.css", headers={**GZIP, "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304


def test_a_small_answer_is_not_worth_compressing(client):
    answer = client.post("/api/gestures", json={"send_token": "x"}, headers=GZIP)
    assert answer.status_code == 403 and "Content-Encoding" not in answer.headers
