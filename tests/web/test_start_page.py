from ledger.models import Team
from tests.factories import make_person
from tests.web.signin import sign_in_with_password

WHY = "Every guest leaves with a story worth telling."


def _teams(session):
    front, back = Team(name="Front desk", why=WHY), Team(name="Back office", why="Quiet hands.")
    session.add_all([front, back])
    session.commit()
    return front, back


def test_the_anonymous_start_page_tells_nothing_about_the_organisation(client, session):
    _teams(session)
    page = client.get("/", headers={"Accept-Language": "en"})
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Sign in" in body
    assert not any(word in body for word in ("Front desk", "Back office", WHY, "Quiet hands"))


def test_a_signed_in_manager_sees_only_their_own_teams(client, session):
    front, _back = _teams(session)
    maria = make_person(session, front, name="Maria", role="manager", email="maria@example.test")
    sign_in_with_password(client, maria)
    body = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Front desk" in body and WHY in body and "Back office" not in body


def test_app_refuses_to_start_without_a_secret_key_outside_debug(monkeypatch):
    import pytest

    from web import create_app
    from web.config import ConfigError

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(ConfigError):
        create_app()
