"""The administration pages as an admin or manager uses them: forms keep input and name the field,
nothing is half-stored, leavers are signed out, role changes want a fresh password, erasure leaves
no trace of the name in pages or exports."""

from datetime import date

import pytest
from sqlmodel import select

from ledger.models import AuditEvent, Mandate, Membership, Person, Team
from tests.factories import make_gesture, make_mandate, make_person, make_team
from tests.web.signin import enrol, sign_in_with_password, sign_in_with_pin, use_cheap_hashing


@pytest.fixture
def world(session):
    team = make_team(session, "Front desk", why="Every guest leaves with a story.")
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    maria = make_person(session, team, name="Maria", role="manager", email="maria@example.test")
    anouk = make_person(session, team, name="Anouk")
    return {"team": team, "admin": admin, "maria": maria, "anouk": anouk}


def test_the_admin_home_links_every_area_and_the_overview(client, world):
    sign_in_with_password(client, world["admin"])
    page = client.get("/admin/").get_data(as_text=True)
    for href in ("/admin/teams", "/admin/people", "/tablets", "/admin/audit", "/admin/settings",
                 "/reports/overview", "/admin/privacy", f"/admin/teams/{world['team'].id}/mandate"):
        assert f'href="{href}"' in page


def test_a_new_person_with_a_bad_email_keeps_what_was_typed_and_names_the_field(client, session, world):
    sign_in_with_password(client, world["admin"])
    response = client.post("/admin/people/new", data={
        "display_name": "Chen Li", "role": "manager", "email": "not-an-address", "team": world["team"].id,
        "since": "2025-03-01"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="Chen Li"' in page and 'value="not-an-address"' in page and 'value="2025-03-01"' in page
    assert 'id="email-error"' in page
    assert session.exec(select(Person).where(Person.display_name == "Chen Li")).first() is None


def test_an_admin_adds_a_person_with_a_membership_start_date(client, session, world):
    sign_in_with_password(client, world["admin"])
    response = client.post("/admin/people/new", data={
        "display_name": "Chen", "role": "staff", "email": "", "team": world["team"].id,
        "since": "2025-03-01"})
    assert response.status_code == 302
    chen = session.exec(select(Person).where(Person.display_name == "Chen")).one()
    assert session.get(Membership, (world["team"].id, chen.id)).since == date(2025, 3, 1)
    page = client.get(f"/admin/people/{chen.id}").get_data(as_text=True)
    assert "Front desk" in page


def test_deactivating_a_leaver_ends_their_live_session_and_reactivation_does_not_revive_it(
        app, client, session, world):
    anouk, team = world["anouk"], world["team"]
    tablet_client = app.test_client()
    tablet = enrol(tablet_client, session, team)
    sign_in_with_pin(tablet_client, anouk, tablet)
    assert tablet_client.get("/me").status_code == 200
    sign_in_with_password(client, world["maria"])
    client.post(f"/admin/people/{anouk.id}/deactivate")
    assert tablet_client.get("/me").status_code != 200
    assert "Anouk" not in tablet_client.get("/tablet").get_data(as_text=True)
    client.post(f"/admin/people/{anouk.id}/reactivate")
    assert tablet_client.get("/me").status_code != 200  # the old cookie stays dead


def test_a_role_change_asks_for_the_admins_password_first(client, session, world, monkeypatch):
    use_cheap_hashing(monkeypatch)
    from ledger.credentials import hash_secret

    admin, anouk = world["admin"], world["anouk"]
    admin.password_hash = hash_secret("correct horse battery")
    session.add(admin)
    session.commit()
    sign_in_with_password(client, admin)
    response = client.post(f"/admin/people/{anouk.id}/role", data={"role": "manager"})
    assert response.status_code == 302 and "/auth/confirm" in response.headers["Location"]  # web.security's
    session.refresh(anouk)
    assert anouk.role == "staff"
    wrong = client.post("/auth/confirm", data={"password": "nope", "next": f"/admin/people/{anouk.id}/role"})
    assert wrong.status_code == 422
    client.post("/auth/confirm", data={"password": "correct horse battery",
                                       "next": f"/admin/people/{anouk.id}/role"})
    assert client.post(f"/admin/people/{anouk.id}/role", data={"role": "manager"}).status_code == 302
    session.refresh(anouk)
    assert anouk.role == "manager"


def test_the_team_page_saves_works_council_mode_and_refuses_a_bad_time_zone_by_name(client, session, world):
    team = world["team"]
    sign_in_with_password(client, world["admin"])
    bad = client.post(f"/admin/teams/{team.id}", data={"name": "Lobby", "timezone": "Mars/Base",
                                                       "why": "", "min_group_size": "3"})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422 and 'value="Lobby"' in page and 'id="timezone-error"' in page
    ok = client.post(f"/admin/teams/{team.id}", data={"name": "Lobby", "timezone": "Europe/London",
                                                      "why": "Warm welcome", "works_council": "y",
                                                      "min_group_size": "4"})
    assert ok.status_code == 302
    session.refresh(team)
    assert (team.name, team.timezone, team.person_comparisons, team.min_group_size) == (
        "Lobby", "Europe/London", False, 4)


def test_a_new_frame_shows_what_changes_before_it_is_saved(client, session, world):
    team = world["team"]
    make_mandate(session, team, cap=2500, allowance=6000)
    sign_in_with_password(client, world["maria"])
    values = {"valid_from": "2030-01-01", "cap": "30", "allowance": "60", "period": "week",
              "why": "Make a guest's day when you see the chance."}
    preview = client.post(f"/admin/teams/{team.id}/mandate", data=values)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "€25.00" in page.replace("\u00a0", "") or "25,00" in page
    assert len(session.exec(select(Mandate)).all()) == 1  # nothing saved yet
    token = page.split('name="confirmed" type="hidden" value="')[1].split('"')[0]
    saved = client.post(f"/admin/teams/{team.id}/mandate", data={**values, "confirmed": token})
    assert saved.status_code == 302
    assert sorted(m.per_gesture_cap_cents for m in session.exec(select(Mandate))) == [2500, 3000]


def test_a_frame_amount_that_is_not_money_is_named_and_kept(client, session, world):
    sign_in_with_password(client, world["admin"])
    response = client.post(f"/admin/teams/{world['team'].id}/mandate", data={
        "valid_from": "2030-01-01", "cap": "lots", "allowance": "60", "period": "week"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'value="lots"' in page and 'id="cap-error"' in page


def test_the_audit_csv_makes_formulas_inert(client, session, world):
    session.add(AuditEvent(action="team.update", actor_id=world["admin"].id, team_id=world["team"].id,
                           detail="=HYPERLINK(\"http://evil\")"))
    session.commit()
    sign_in_with_password(client, world["admin"], recent=True)
    body = client.get("/admin/audit.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_the_audit_log_filters_and_a_bad_date_is_named(client, session, world):
    session.add_all([AuditEvent(action="team.update", actor_id=world["admin"].id, team_id=world["team"].id),
                     AuditEvent(action="person.deactivate", actor_id=world["maria"].id)])
    session.commit()
    sign_in_with_password(client, world["admin"])
    page = client.get("/admin/audit?what=team.").get_data(as_text=True)
    assert "team.update" in page and "<td>person.deactivate</td>" not in page
    bad = client.get("/admin/audit?start=2026-13-45")
    assert bad.status_code == 422 and 'id="start-error"' in bad.get_data(as_text=True)


def test_erasing_needs_the_typed_name_and_then_no_page_or_export_shows_it(client, session, world):
    team, anouk = world["team"], world["anouk"]
    make_gesture(session, team, anouk, description="Walked the guest to the taxi with an umbrella")
    sign_in_with_password(client, world["admin"], recent=True)
    wrong = client.post(f"/admin/people/{anouk.id}/erase", data={"confirm_name": "anouk"})
    assert wrong.status_code == 422 and 'value="anouk"' in wrong.get_data(as_text=True)
    assert client.post(f"/admin/people/{anouk.id}/erase", data={"confirm_name": "Anouk"}).status_code == 302
    responses = [client.get(path) for path in (
        "/admin/people", f"/admin/teams/{team.id}", "/admin/audit", "/admin/audit.csv",
        f"/reports/{team.id}", f"/reports/{team.id}/export.csv", f"/reports/{team.id}/export.json",
        f"/admin/people/{world['maria'].id}/export.json")]
    assert [r.status_code for r in responses] == [200] * len(responses)
    for page in (r.get_data(as_text=True) for r in responses):
        assert "Anouk" not in page and "umbrella" not in page


def test_settings_keep_a_bad_value_and_name_it(client, world):
    sign_in_with_password(client, world["admin"])
    response = client.post("/admin/settings", data={"installation_name": "Harbour Hotel", "currency": "EUR",
                                                    "default_language": "nl", "digest_day": "monday",
                                                    "retention_months": "500"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'value="Harbour Hotel"' in page
    assert 'id="retention_months-error"' in page


def test_a_password_link_sets_a_new_password_once(app, client, session, world, monkeypatch):
    use_cheap_hashing(monkeypatch)
    sign_in_with_password(client, world["admin"])
    page = client.post(f"/admin/people/{world['maria'].id}/password-link").get_data(as_text=True)
    link = page.split('class="link-box">')[1].split("<")[0].strip()
    path = "/" + link.split("/", 3)[3]
    visitor = app.test_client()
    assert visitor.post(path, data={"password": "short", "password_again": "short"}).status_code == 422
    assert visitor.post(path, data={"password": "a long new password", "password_again":
                                    "a long new password"}).status_code == 302
    assert visitor.get(path).status_code == 404


def test_the_privacy_page_is_public_in_both_languages(client):
    english = client.get("/privacy", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "What is never stored" in english
    client.set_cookie("lang", "nl")
    dutch = client.get("/privacy").get_data(as_text=True)
    assert "Wat nooit wordt bewaard" in dutch


def test_staff_and_other_teams_cannot_reach_the_admin_pages(client, session, world):
    other = make_team(session, "Restaurant")
    mo = make_person(session, other, name="Mo", role="manager", email="mo@example.test")
    sign_in_with_password(client, mo)
    assert client.get(f"/admin/people/{world['anouk'].id}").status_code == 404
    assert session.get(Team, world["team"].id).archived_at is None


def test_the_sign_in_page_and_the_tablet_link_to_the_privacy_page(client, session, world):
    assert 'href="/privacy"' in client.get("/auth/login").get_data(as_text=True)
    enrol(client, session, world["team"])
    assert 'href="/privacy"' in client.get("/tablet").get_data(as_text=True)


def test_a_managers_start_page_links_the_administration(client, world):
    sign_in_with_password(client, world["maria"])
    assert 'href="/admin/"' in client.get("/").get_data(as_text=True)
