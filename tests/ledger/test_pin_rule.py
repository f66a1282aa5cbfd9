"""One PIN rule: creating a person with a PIN and setting a PIN with a code refuse exactly the same PINs."""

import pytest

from ledger.credentials import pin_problem
from ledger.errors import LedgerError, ValidationFailed
from ledger.services.auth import set_pin_with_code
from ledger.services.people import create_person
from seed_data.demo.cast import PEOPLE
from tests.factories import make_person, make_team

CANDIDATES = ["1234", "0000", "1111", "9876", "123456", "4321", "12a4", "١٢٣٤", "123", "1234567", " 2580",
              "2580", "4711", "135790", "1101", "1108", "2201", "2208", "3301", "3306"]
DEMO_PINS = [person.pin for person in PEOPLE if person.pin]


def _refused_at_creation(session, pin: str) -> bool:
    try:
        create_person(session=session, display_name=f"Someone {pin!r}", pin=pin)
    except ValidationFailed as exc:
        return "pin" in exc.by_field()
    return False


def _refused_when_set(session, person_id: int, team_id: int, pin: str) -> bool:
    try:
        set_pin_with_code(session=session, person_id=person_id, team_id=team_id, code="WRONG-CODE", pin=pin)
    except ValidationFailed as exc:
        return "pin" in exc.by_field()
    except LedgerError:  # the PIN passed the rule; the (wrong) code was refused after it
        return False
    return False


def test_creating_a_person_and_setting_a_pin_refuse_the_same_pins(session):
    team = make_team(session)
    anouk = make_person(session, team)
    at_creation = {pin for pin in CANDIDATES if _refused_at_creation(session, pin)}
    when_set = {pin for pin in CANDIDATES if _refused_when_set(session, anouk.id, team.id, pin)}
    assert at_creation == when_set == {pin for pin in CANDIDATES if pin_problem(pin)}
    assert {"1234", "0000", "1111", "9876"} <= at_creation


def test_the_demo_pins_stay_valid():
    assert len(DEMO_PINS) == 22 and {"1101", "2208", "3306"} <= set(DEMO_PINS)
    assert [pin for pin in DEMO_PINS if pin_problem(pin)] == []


def test_a_trivial_pin_is_named_as_too_simple_when_creating_a_person(session):
    with pytest.raises(ValidationFailed) as caught:
        create_person(session=session, display_name="Anouk", pin="1234")
    assert caught.value.by_field()["pin"].code == "pin_too_simple"
