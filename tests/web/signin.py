"""Helpers for web tests: enrol a tablet, sign someone in without paying for a real hash check.

    tablet = enrol(client, session, team)           # this test client is now the team's tablet
    sign_in_with_pin(client, anouk, tablet)         # a staff PIN session on that tablet
    sign_in_with_password(client, maria)            # a manager/admin password session

The real sign-in forms are tested in test_auth*.py and test_tablet*.py; everything else may use these.
"""

import time

from argon2 import PasswordHasher
from sqlalchemy.orm import object_session
from sqlmodel import Session

from ledger.credentials import hash_secret
from ledger.models import Person, Tablet, Team
from ledger.services.signins import start_signin
from ledger.services.tablets import register_tablet
from tests.factories import make_person
from web.security import TABLET_COOKIE


def use_cheap_hashing(monkeypatch) -> None:
    """Make argon2 fast for tests that check real PINs and passwords (same code path, lower cost)."""
    import ledger.credentials

    monkeypatch.setattr(ledger.credentials, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def enrol(client, session: Session, team: Team, name: str = "") -> Tablet:
    """Register a tablet for `team` and give this client its cookie."""
    tablet, token = register_tablet(session=session, team_id=team.id, name=name)
    client.set_cookie(TABLET_COOKIE, token)
    return tablet


def make_staff(session: Session, team: Team, name: str = "Anouk", pin: str | None = None, **kw) -> Person:
    """A staff member of `team`, with a PIN when one is given (hashing costs time: only when needed)."""
    return make_person(session, team, name=name, role="staff",
                       pin_hash=hash_secret(pin) if pin else None, **kw)


def make_manager(session: Session, team: Team | None, name: str = "Maria", role: str = "manager",
                 email: str | None = None, password: str | None = None) -> Person:
    """A manager (or admin) of `team`; with a password only when given."""
    email = email or f"{name.lower()}@example.test"
    return make_person(session, team, name=name, role=role, email=email,
                       password_hash=hash_secret(password) if password else None)


def user_id(person: Person, *, method: str, tablet: Tablet | None = None) -> str:
    """The flask-login id of a new sign-in of `person` (a real Signin row, as the sign-in forms make)."""
    db = object_session(person)
    signin = start_signin(session=db, person_id=person.id, method=method,
                          tablet_id=tablet.id if tablet is not None else None)
    db.refresh(person)
    return f"{person.id}:{person.session_version}:{signin.id}"


def sign_in_with_pin(client, person: Person, tablet: Tablet) -> None:
    """Put a staff PIN session for `person` on `tablet` into the client's session cookie."""
    uid = user_id(person, method="pin", tablet=tablet)
    with client.session_transaction() as sess:
        sess.clear()
        sess.update({"_user_id": uid, "_fresh": True, "auth": "pin",
                     "tablet_id": tablet.id, "team_id": tablet.team_id, "seen_at": int(time.time())})


def sign_in_with_password(client, person: Person, team: Team | None = None, *, recent: bool = False) -> None:
    """Put a password session for `person` (optionally working on `team`) into the client's cookie;
    `recent=True` also counts it as just confirmed, so sensitive actions (exports, erasure) go on."""
    uid = user_id(person, method="password")
    with client.session_transaction() as sess:
        sess.clear()
        # Not "auth_at" unless asked: a sensitive action still asks to confirm.
        sess.update({"_user_id": uid, "_fresh": True, "auth": "password", "seen_at": int(time.time())})
        if recent:
            sess["auth_at"] = int(time.time())
        if team is not None:
            sess["team_id"] = team.id
