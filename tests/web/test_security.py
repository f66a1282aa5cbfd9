"""Security headers, CSRF, cookies and caching on a shared tablet."""

import re
from html.parser import HTMLParser

import pytest

from tests.factories import make_team
from tests.web.signin import enrol, make_manager, make_staff, sign_in_with_password, sign_in_with_pin
from web.config import from_env
from web.headers import CSP
from web.redirects import safe_next

EN = {"Accept-Language": "en"}


@pytest.fixture
def team(session):
    return make_team(session, "Front desk", why="Every guest leaves with a story worth telling.")


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def token_from(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def test_every_page_carries_the_security_headers(client):
    headers = client.get("/auth/login").headers
    csp = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"  # no inline code or styles
    assert csp["object-src"] == "'none'" and csp["form-action"] == "'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_error_pages_carry_the_headers_too(client):
    assert "frame-ancestors 'none'" in client.get("/t/nope").headers["Content-Security-Policy"]


class _InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        if tag == "style":
            self.problems.append("<style>")
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        self.problems += [f"{tag} {name}=" for name in names if name == "style" or name.startswith("on")]


def test_the_sign_in_and_tablet_pages_have_no_inline_scripts_or_styles(client, session, team):
    staff = make_staff(session, team, name="Anouk Jansen")
    manager = make_manager(session, team)
    pages = ["/", "/auth/login", "/auth/set-pin", "/tablet", "/t/nope"]
    enrolled = [f"/tablet/pin/{staff.id}", "/tablet", "/auth/set-pin", "/"]
    for path in pages:
        _assert_no_inline(client, path)
    tablet = enrol(client, session, team)
    for path in enrolled:
        _assert_no_inline(client, path)
    sign_in_with_password(client, manager)
    for path in ["/", "/tablet/register", "/auth/setup-codes"]:
        _assert_no_inline(client, path)
    sign_in_with_pin(client, staff, tablet)
    _assert_no_inline(client, "/tablet")


def _assert_no_inline(client, path):
    finder = _InlineFinder()
    finder.feed(client.get(path).get_data(as_text=True))
    assert not finder.problems, f"{path}: {finder.problems}"


def test_signed_in_pages_are_never_cached(client, session, team):
    sign_in_with_password(client, make_manager(session, team))
    answer = client.get("/tablet/register")
    assert answer.headers["Cache-Control"] == "no-store"
    assert "Cookie" in answer.headers["Vary"]


def test_tablet_pages_are_never_cached_even_before_a_pin(client, session, team):
    enrol(client, session, team)
    assert client.get("/tablet").headers["Cache-Control"] == "no-store"


def test_static_files_may_be_cached(client, session, team):
    enrol(client, session, team)
    answer = client.get("/static/app.css")
    assert "no-store" not in answer.headers.get("Cache-Control", "")
    answer.close()


def test_a_post_without_a_csrf_token_is_refused_kindly_and_changes_nothing(csrf_app, session, team):
    manager = make_manager(session, team, password="a long and honest password")
    client = csrf_app.test_client()
    answer = client.post("/auth/login", headers={**EN, "Referer": "http://localhost/auth/login"},
                         data={"email": manager.email, "password": "a long and honest password"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "Please try again" in page and 'href="/auth/login"' in page
    assert client.get("/tablet/register").status_code == 302  # not signed in


def test_a_post_with_the_forms_csrf_token_goes_through(csrf_app, session, team):
    manager = make_manager(session, team, password="a long and honest password")
    client = csrf_app.test_client()
    token = token_from(client.get("/auth/login").get_data(as_text=True))
    answer = client.post("/auth/login", data={
        "email": manager.email, "password": "a long and honest password", "csrf_token": token})
    assert answer.status_code == 302 and answer.headers["Location"] == "/"


def test_signing_out_without_a_token_does_not_sign_out(csrf_app, session, team):
    client = csrf_app.test_client()
    sign_in_with_password(client, make_manager(session, team))
    assert client.post("/auth/logout").status_code == 400
    assert client.get("/tablet/register").status_code == 200


def test_a_pin_without_a_token_is_refused_and_not_counted(csrf_app, session, team):
    staff = make_staff(session, team, name="Anouk")
    client = csrf_app.test_client()
    enrol(client, session, team)
    assert client.post(f"/tablet/pin/{staff.id}", data={"pin": "1234"}).status_code == 400
    session.refresh(staff)
    assert staff.failed_attempts == 0


def test_a_json_request_without_a_token_gets_a_json_answer(csrf_app):
    answer = csrf_app.test_client().post("/language", json={"lang": "en"})
    assert answer.status_code == 400 and answer.get_json()["error"] == "csrf"


def test_the_session_cookie_is_httponly_and_samesite_lax(client, session, team):
    manager = make_manager(session, team)
    sign_in_with_password(client, manager)
    cookie = next(c for c in client.get("/").headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_outside_debug_the_session_cookie_is_secure_and_a_secret_is_required():
    assert from_env({"SECRET_KEY": "k3J9-x7Qp2LmZ8vRt5Wy1Nc4Hb6Df0Ga"})["SESSION_COOKIE_SECURE"] is True
    assert from_env({"FLASK_DEBUG": "1"})["SESSION_COOKIE_SECURE"] is False


def test_a_view_can_widen_the_policy_for_its_own_response_only(app, client):
    from web.headers import relax_csp

    @app.get("/_test/relaxed")
    def relaxed():
        relax_csp(style_src="'self' 'unsafe-inline'")
        return "ok"

    relaxed_policy = client.get("/_test/relaxed").headers["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in relaxed_policy
    assert f"style-src {CSP['style-src']};" in client.get("/auth/login").headers["Content-Security-Policy"]


@pytest.mark.parametrize("target, expected", [
    ("/log", "/log"), ("/reports/3?week=2026-W45", "/reports/3?week=2026-W45"),
    ("", None), (None, None), ("https://evil.example/x", None), ("//evil.example", None),
    ("/\\evil.example", None), ("\\\\evil", None), ("javascript:alert(1)", None), ("/\x00x", None),
    ("log", None), ("///evil.example", None),
])
def test_only_paths_on_this_site_are_safe_to_return_to(target, expected):
    assert safe_next(target) == expected


def test_refusals_are_explained_in_the_users_language_with_a_way_back(client, session, team):
    tablet = enrol(client, session, team)
    missing = client.get("/tablet/pin/999999", headers={"Accept-Language": "nl"})
    assert missing.status_code == 404 and "Pagina niet gevonden" in missing.get_data(as_text=True)
    sign_in_with_pin(client, make_staff(session, team, name="Anouk"), tablet)
    refused = client.get("/tablet/register", headers={**EN, "Referer": "http://localhost/tablet"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 403 and "You don't have access to this page" in page
    assert 'href="/tablet"' in page and "To the start page" in page


def test_api_paths_get_errors_as_json(client):
    answer = client.get("/api/nothing-here")
    assert answer.status_code == 404 and answer.get_json()["error"] == 404
