"""An admin sets up a new location from an empty database in the browser alone (laptop, 1280x900).

Team, people with a membership, a frame, a PIN set-up code and the tablet's registration; a colleague sets
her PIN on that tablet and logs a gesture there; then the admin changes the frame, deactivates a leaver
and erases another person. axe checks every admin screen on the way (no serious or critical violation);
screenshots go to /tmp/shots-a9b/ (and test-artifacts/screenshots/) to be looked at.
"""

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from ledger.credentials import hash_secret
from ledger.models import Gesture, Mandate, Membership, Person, Team
from tests.browser.axe import assert_accessible
from tests.browser.conftest import LOCALES, save_screenshot
from tests.browser.layout import sideways_scroll
from tests.factories import make_person

SHOTS = Path("/tmp/shots-a9b")
ADMIN_EMAIL, ADMIN_PASSWORD = "ilse@example.org", "samen-leren-2026"
TEAM = "Harbour Hotel · Lobby"
PIN = "4821"


@pytest.fixture
def viewport() -> str:
    return "laptop"


@pytest.fixture
def browser_context_args(lang):
    return {"viewport": {"width": 1280, "height": 900}, "locale": LOCALES[lang], "device_scale_factor": 1,
            "service_workers": "block"}


@pytest.fixture
def admin(session):
    """The first admin, as `gesture-ledger create-user --role admin` makes them: the only CLI step."""
    return make_person(session, None, name="Ilse de Wit", role="admin", email=ADMIN_EMAIL,
                       password_hash=hash_secret(ADMIN_PASSWORD))


def snap(page, name: str) -> None:
    """A full-page screenshot under /tmp/shots-a9b/ (and beside the other browser tests' screenshots)."""
    path = save_screenshot(page, f"admin-{name}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def screen(page, name: str) -> None:
    """Every admin screen: no serious or critical axe violation, no sideways scrolling, a screenshot."""
    snap(page, name)
    assert_accessible(page, name)
    assert sideways_scroll(page) == 0, f"{name} scrolls sideways"


def sign_in(page, url) -> None:
    page.goto(url("/auth/login"))
    page.locator("#email").fill(ADMIN_EMAIL)
    page.locator("#password").fill(ADMIN_PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page.locator("form[action='/auth/logout'] button")).to_be_visible()


def create_team(page, url) -> None:
    page.goto(url("/admin/"))
    screen(page, "home")
    page.locator(".admin-grid").get_by_role("link", name="Teams", exact=True).click()
    page.get_by_label("Name", exact=True).fill(TEAM)
    page.get_by_label("The team's why (one sentence)").fill("Every guest feels expected.")
    screen(page, "teams")
    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_text("is created")).to_be_visible()
    screen(page, "team")


def add_person(page, url, name: str, since: date) -> None:
    page.goto(url("/admin/people/new"))
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Role").select_option("staff")
    page.get_by_label("Team", exact=True).select_option(label=TEAM)
    page.get_by_label("Member since").fill(since.isoformat())
    if name.startswith("Noor"):
        screen(page, "person-new")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()


def set_frame(page, url, team_id: int, *, valid_from: date, cap: str, allowance: str, shot: str) -> None:
    page.goto(url(f"/admin/teams/{team_id}/mandate"))
    page.get_by_label("Valid from").fill(valid_from.isoformat())
    page.get_by_label("At most per gesture (€)").fill(cap)
    page.get_by_label("Allowance per person per period (€)").fill(allowance)
    page.get_by_label("Period", exact=True).select_option("week")
    page.get_by_label("Why this frame").fill("Make a guest's day when you see the chance.")
    page.get_by_role("button", name="Show what changes").click()
    expect(page.get_by_text("What changes against the frame in force")).to_be_visible()
    screen(page, f"{shot}-preview")
    page.get_by_role("button", name="Save this version").click()
    screen(page, shot)


def issue_code(page, url, person_id: int) -> str:
    page.goto(url(f"/admin/people/{person_id}"))
    screen(page, "person")
    page.get_by_role("button", name="New PIN set-up code").click()
    code = page.locator(".setup-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    snap(page, "setup-code")
    return code


def register_tablet(page, url) -> None:
    """On the browser that becomes the tablet: the admin registers it for the team, then signs out."""
    sign_in(page, url)
    page.goto(url("/tablet/register"))
    page.get_by_label("Team", exact=True).select_option(label=TEAM)
    page.get_by_label("Name of this tablet (optional)").fill("Lobby desk")
    snap(page, "tablet-register")
    page.get_by_role("button", name="Register this tablet").click()
    page.get_by_role("button", name="Sign out").click()
    page.goto(url("/tablet"))
    expect(page.get_by_role("heading", name="Who are you?")).to_be_visible()


def staff_logs(page, url, code: str) -> None:
    """Noor chooses her PIN with the set-up code and logs a gesture, on the tablet."""
    page.get_by_role("link", name="Noor Visser").click()
    page.get_by_role("link", name="Set my PIN").click()
    page.get_by_label("Set-up code").fill(code)
    page.get_by_label("New PIN", exact=True).fill(PIN)
    page.get_by_label("New PIN again").fill(PIN)
    snap(page, "tablet-set-pin")
    page.get_by_role("button", name="Set my PIN").click()
    expect(page.get_by_text("Your PIN is set.")).to_be_visible()
    page.get_by_role("link", name="Noor Visser").click()
    page.locator("#pin").fill(PIN)
    page.locator("#pin").press("Enter")
    expect(page).to_have_url(re.compile(r"/log$"))
    for name, value in (("kind", "treat"), ("trigger", "waiting"), ("reaction", "4"), ("cost_pick", "0")):
        page.locator(f"label[for='{name}-{value}']").click()
    snap(page, "tablet-log")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Thank you, Noor Visser. Saved.")).to_be_visible()
    snap(page, "tablet-thanks")


def leaver_and_erasure(page, url, sam_id: int, femke_id: int) -> None:
    page.goto(url(f"/admin/people/{sam_id}"))
    page.get_by_role("button", name="Deactivate").click()
    expect(page.get_by_role("heading", name=re.compile("Sam Berg"))).to_contain_text("deactivated")
    snap(page, "person-deactivated")
    page.goto(url(f"/admin/people/{femke_id}"))
    page.get_by_role("link", name="Erase…").click()
    screen(page, "erase")
    page.get_by_label("Type the person's name to confirm").fill("Femke Bos")
    page.get_by_role("button", name="Erase for good").click()
    page.goto(url("/admin/people"))
    screen(page, "people")
    expect(page.get_by_text("Femke Bos")).to_have_count(0)


def other_screens(page, url) -> None:
    for path, name in (("/tablets", "tablets"), ("/auth/setup-codes", "setup-codes"),
                       ("/admin/audit", "audit"), ("/admin/settings", "settings"),
                       ("/admin/privacy", "privacy-requests"), ("/reports/overview", "overview")):
        page.goto(url(path))
        page.wait_for_load_state("networkidle")
        screen(page, name)


def test_an_admin_sets_up_a_location_in_the_browser_and_staff_log_there(
        new_context, live_server, session, admin):
    url = live_server
    laptop, tablet = new_context().new_page(), new_context().new_page()
    started = date.today() - timedelta(days=30)

    sign_in(laptop, url)
    create_team(laptop, url)
    team = session.exec(select(Team).where(Team.name == TEAM)).one()
    for name in ("Noor Visser", "Sam Berg", "Femke Bos"):
        add_person(laptop, url, name, started)
    people = {p.display_name: p for p in session.exec(select(Person).where(Person.role == "staff"))}
    set_frame(laptop, url, team.id, valid_from=started, cap="25", allowance="60", shot="mandate")
    code = issue_code(laptop, url, people["Noor Visser"].id)

    register_tablet(tablet, url)
    staff_logs(tablet, url, code)

    sign_in(laptop, url)  # signing out on the tablet ended every session of the admin, this one too
    set_frame(laptop, url, team.id, valid_from=date.today(), cap="30", allowance="60", shot="mandate-changed")
    leaver_and_erasure(laptop, url, people["Sam Berg"].id, people["Femke Bos"].id)
    other_screens(laptop, url)

    session.expire_all()
    [gesture] = session.exec(select(Gesture)).all()
    assert gesture.person_id == people["Noor Visser"].id and gesture.team_id == team.id
    assert session.get(Membership, (team.id, people["Noor Visser"].id)).since == started
    caps = [m.per_gesture_cap_cents for m in session.exec(select(Mandate).order_by(Mandate.valid_from))]
    assert caps == [2500, 3000]
    assert session.get(Person, people["Sam Berg"].id).active is False
    erased = session.get(Person, people["Femke Bos"].id)
    assert erased.erased_at is not None and erased.display_name.startswith("P-")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_organisation_overview_shows_every_week_and_the_total_at_1280(
        new_context, live_server, session, admin, lang):
    from datetime import UTC, datetime

    from ledger.weeks import last_complete_week, week_bounds
    from tests.factories import make_team
    from tests.reports.builders import add

    newest = last_complete_week(datetime.now(UTC), "Europe/Amsterdam")
    for name in ("Harbour Hotel · Front desk and concierge", "Reisbureau Zuid · Desk", "Supermarkt · Floor"):
        team = make_team(session, name)
        giver = make_person(session, team, name=f"Staff of {name}")
        for back in range(12):  # large amounts: the widest cells a real overview shows
            monday = week_bounds(newest.shift(-back), team.timezone)[0]
            add(session, team, giver, monday + timedelta(hours=10), cost=123_450, commit=False)
        session.commit()
    page = new_context().new_page()
    sign_in(page, live_server)

    page.goto(live_server("/reports/overview"))

    wrap = page.locator(".table-wrap").first
    widths = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    snap(page, f"overview-12-weeks-{lang}")
    assert widths[0] <= widths[1], f"the overview table scrolls: {widths}"
    for label in (f"W{newest.week:02d}", "Total" if lang == "en" else "Totaal"):
        expect(page.locator(".overview-table thead").get_by_text(label, exact=True)).to_be_in_viewport()
