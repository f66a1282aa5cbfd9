"""The set-PIN screen lists only people who sign in with a PIN, and says what its button says."""

import re

import pytest

from ledger.permissions import Actor
from ledger.services.auth import issue_setup_code
from tests.factories import make_team
from tests.web.signin import enrol, make_manager, make_staff, sign_in_with_password, use_cheap_hashing

EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def team(session):
    return make_team(session, "Front desk")


def names_offered(page: str) -> list[str]:
    select = re.search(r'<select[^>]*name="person".*?</select>', page, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]+)</option>", select)


def test_the_tablet_offers_staff_and_not_managers_who_sign_in_with_a_password(client, session, team):
    make_staff(session, team, name="Anouk", pin="4821")
    make_staff(session, team, name="Bram")
    maria = make_manager(session, team, name="Maria")
    enrol(client, session, team)

    page = client.get("/auth/set-pin", headers=EN).get_data(as_text=True)

    assert sorted(names_offered(page)) == ["Anouk", "Bram"]
    assert client.post("/auth/set-pin", data={"person": maria.id, "code": "ABCD-EFGH", "pin": "2580",
                                              "pin_again": "2580"}).status_code == 404


def test_a_manager_given_a_set_up_code_can_choose_a_pin_on_the_tablet(client, session, team):
    maria = make_manager(session, team, name="Maria")
    admin = make_manager(session, None, name="Ada", role="admin")
    issue_setup_code(session=session, person_id=maria.id, issuer=Actor.of(admin))
    enrol(client, session, team)

    page = client.get("/auth/set-pin", headers=EN).get_data(as_text=True)

    assert names_offered(page) == ["Maria"]


def test_the_screen_names_its_button(client, session, team):
    make_staff(session, team, name="Anouk")
    enrol(client, session, team)

    page = client.get("/auth/set-pin", headers=EN).get_data(as_text=True)

    assert "<h1>Set my PIN</h1>" in page
    assert re.search(r'<button[^>]*type="submit"[^>]*>.*?Set my PIN', page, re.S)


def test_the_set_up_code_list_leaves_out_other_managers_but_offers_one_for_yourself(client, session, team):
    make_staff(session, team, name="Anouk")
    maria = make_manager(session, team, name="Maria")
    make_manager(session, team, name="Joost", email="joost@example.test")
    sign_in_with_password(client, maria)

    page = client.get("/auth/setup-codes", headers=EN).get_data(as_text=True)

    assert "Anouk" in page and "Maria" in page and "Joost" not in page


@pytest.mark.parametrize(("pin", "button"), [(None, "Set my PIN"), ("4821", "Set a new PIN")])
def test_the_issued_code_names_the_button_the_person_will_see(client, session, team, pin, button):
    anouk = make_staff(session, team, name="Anouk", pin=pin)
    maria = make_manager(session, team, name="Maria")
    sign_in_with_password(client, maria)

    issued = client.post(f"/auth/setup-codes/{anouk.id}", headers=EN).get_data(as_text=True)
    enrol(client, session, team)
    tablet_page = client.get(f"/tablet/pin/{anouk.id}", headers=EN).get_data(as_text=True)

    assert f"tap the name, then “{button}”" in issued
    assert f"<span>{button}</span>" in tablet_page
