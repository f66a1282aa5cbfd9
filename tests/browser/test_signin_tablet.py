"""A manager registers a tablet; staff tap their name, enter their PIN and land on the log page."""

import re

import pytest
from argon2 import PasswordHasher
from playwright.sync_api import expect
from sqlmodel import select

from ledger.models import AuditEvent, Person
from tests.factories import make_person, make_team

pytestmark = pytest.mark.browser

# Cheap argon2 parameters: the same verification code, a fraction of the time.
_cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

TEXT = {
    "nl": {"email": "E-mailadres", "password": "Wachtwoord", "sign_in": "Inloggen",
           "register": "Registreer deze tablet", "sign_out": "Uitloggen", "who": "Wie ben jij?",
           "wrong": "Die pincode klopt niet", "locked": "Te vaak geprobeerd"},
    "en": {"email": "Email address", "password": "Password", "sign_in": "Sign in",
           "register": "Register this tablet", "sign_out": "Sign out", "who": "Who are you?",
           "wrong": "That PIN is not right", "locked": "Too many tries"},
}


@pytest.fixture
def team_with_people(session):
    team = make_team(session, "Front desk", why="Every guest leaves with a story worth telling.")
    make_person(session, team, name="Maria de Vries", role="manager", email="maria@example.test",
                password_hash=_cheap.hash("maria-password-1"))
    for name in ("Anouk Jansen", "Bram Peters", "Chen Li", "Dewi Santoso", "Emre Yilmaz", "Fleur Bakker"):
        make_person(session, team, name=name, pin_hash=_cheap.hash("4821"))
    return team


def _sign_in_as_manager(page, live_server, t):
    page.goto(live_server("/auth/login"))
    page.get_by_label(t["email"]).fill("maria@example.test")
    page.get_by_label(t["password"]).fill("maria-password-1")
    page.get_by_role("button", name=t["sign_in"]).tap()
    expect(page.get_by_role("button", name=t["sign_out"])).to_be_visible()


def _enter_pin(page, digits: str):
    page.locator("[data-pin-form][data-ready]").wait_for()  # a tap before tablet.js runs is lost
    for digit in digits:
        page.locator(f"[data-key='{digit}']").tap()
    page.locator(".key-ok").tap()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_registered_tablet_takes_staff_from_their_tile_and_pin_to_the_log_page(
        page, live_server, team_with_people, shot, lang):
    t = TEXT[lang]
    _sign_in_as_manager(page, live_server, t)
    shot(page, "manager-start")
    page.goto(live_server("/tablet/register"))
    shot(page, "tablet-register")
    page.get_by_role("button", name=t["register"]).tap()
    expect(page.get_by_role("heading", name=t["who"])).to_be_visible()
    page.get_by_role("button", name=t["sign_out"]).tap()
    expect(page).to_have_url(re.compile(r"/auth/login$"))

    page.goto(live_server("/"))  # a registered tablet opens on the name tiles
    expect(page.get_by_role("heading", name=t["who"])).to_be_visible()
    shot(page, "tablet-tiles")
    page.get_by_role("link", name="Anouk Jansen").tap()
    expect(page.locator("[data-pin-dots] span.filled")).to_have_count(0)
    for digit in "482":
        page.locator(f"[data-key='{digit}']").tap()
    expect(page.locator("[data-pin-dots] span.filled")).to_have_count(3)
    shot(page, "tablet-pin")
    _enter_pin(page, "1")
    expect(page).to_have_url(re.compile(r"/log$"))
    shot(page, "tablet-after-pin")


def test_five_wrong_pins_lock_the_person_and_each_failure_is_audited(
        page, live_server, team_with_people, session, shot):
    from ledger.services.tablets import register_tablet

    _tablet, token = register_tablet(session=session, team_id=team_with_people.id)
    page.goto(live_server(f"/t/{token}"))
    page.get_by_role("link", name="Bram Peters").tap()
    for _attempt in range(4):
        _enter_pin(page, "1357")
        expect(page.get_by_text(TEXT["en"]["wrong"])).to_be_visible()
    shot(page, "tablet-pin-wrong")
    _enter_pin(page, "1357")
    expect(page.get_by_role("alert")).to_contain_text(TEXT["en"]["locked"])
    expect(page.locator("[data-key]")).to_have_count(0)  # no keypad while locked
    shot(page, "tablet-pin-locked")

    session.expire_all()
    bram = session.exec(select(Person).where(Person.display_name == "Bram Peters")).one()
    assert bram.locked_until is not None
    failures = session.exec(select(AuditEvent).where(AuditEvent.action == "signin_failed",
                                                     AuditEvent.actor_id == bram.id)).all()
    assert len(failures) == 5


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_sign_in_page_is_comfortable_on_a_tablet(page, live_server, team_with_people, shot, lang):
    page.goto(live_server("/auth/login"))
    field = page.get_by_label(TEXT[lang]["email"])
    expect(field).to_be_visible()
    box = field.bounding_box()
    assert box["height"] >= 48
    button = page.get_by_role("button", name=TEXT[lang]["sign_in"]).bounding_box()
    assert button["height"] >= 48 and button["width"] >= 48
    shot(page, "signin")


def test_a_tablet_left_alone_after_the_pin_returns_to_the_names(page, live_server, team_with_people, session):
    from ledger.services.tablets import register_tablet

    live_server.app.config["PIN_IDLE_SECONDS"] = 2
    _tablet, token = register_tablet(session=session, team_id=team_with_people.id)
    page.goto(live_server(f"/t/{token}"))
    page.get_by_role("link", name="Chen Li").tap()
    _enter_pin(page, "4821")
    expect(page).to_have_url(re.compile(r"/log$"))
    expect(page).to_have_url(re.compile(r"/tablet$"), timeout=8_000)  # nobody touched it: back to the tiles
    expect(page.get_by_role("heading", name=TEXT["en"]["who"])).to_be_visible()


def test_the_language_switch_changes_the_page_and_is_remembered(page, live_server, team_with_people):
    page.goto(live_server("/auth/login"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_role("button", name="NL Nederlands").tap()
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.context.clear_cookies(name="session")  # a new browser session: the language cookie remains
    page.goto(live_server("/tablet"))
    expect(page.get_by_role("heading", name="Dit is nog geen teamtablet")).to_be_visible()


def test_a_manager_issues_a_set_up_code_and_staff_choose_their_own_pin(
        page, live_server, team_with_people, session, shot):
    from ledger.services.tablets import register_tablet

    newcomer = make_person(session, team_with_people, name="Gijs Nieuw")
    _tablet, token = register_tablet(session=session, team_id=team_with_people.id)
    _sign_in_as_manager(page, live_server, TEXT["en"])
    page.goto(live_server("/auth/setup-codes"))
    page.locator("li", has_text="Gijs Nieuw").get_by_role("button", name="New set-up code").tap()
    code = page.locator(".setup-code").inner_text()
    shot(page, "setup-code")
    page.get_by_role("button", name="Sign out").tap()
    expect(page).to_have_url(re.compile(r"/auth/login$"))

    page.goto(live_server(f"/t/{token}"))
    page.get_by_role("link", name="Gijs Nieuw").tap()
    page.get_by_role("link", name="Set my PIN").tap()
    page.get_by_label("Set-up code").fill(code)
    page.get_by_label("New PIN", exact=True).fill("2580")
    page.get_by_label("New PIN again").fill("2580")
    shot(page, "set-pin")
    page.get_by_role("button", name="Set my PIN").tap()
    expect(page.get_by_text("Your PIN is set.")).to_be_visible()
    page.get_by_role("link", name="Gijs Nieuw").tap()
    _enter_pin(page, "2580")
    expect(page).to_have_url(re.compile(r"/log$"))
    session.refresh(newcomer)
    assert newcomer.setup_code_hash is None
