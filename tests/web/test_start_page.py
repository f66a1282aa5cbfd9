from ledger.models import Team


def test_start_page_lists_the_teams(client, session):
    session.add(Team(name="Front desk", why="Every guest leaves with a story worth telling."))
    session.commit()
    page = client.get("/", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "Front desk" in page.get_data(as_text=True)


def test_app_refuses_to_start_without_a_secret_key_outside_debug(monkeypatch):
    import pytest

    from web import create_app
    from web.config import ConfigError

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(ConfigError):
        create_app()
