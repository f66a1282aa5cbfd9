"""Teams, people and memberships: creation with validated credentials, activation, look-ups."""

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger.credentials import hash_secret, pin_problem
from ledger.errors import Conflict, FieldError, NotFound, ValidationFailed
from ledger.models import Membership, Person, Team
from ledger.pii import redact
from ledger.services import audit
from ledger.services.gesture_rules import text_errors
from ledger.vocab import Role

PASSWORD_MIN = 10
PASSWORD_MAX = 1000  # argon2 copes, but a megabyte "password" is an attack, not a password
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _name_errors(field: str, value, max_len: int) -> list[FieldError]:
    if isinstance(value, str) and not value.strip():
        return [FieldError(field, "required")]
    return text_errors(field, value, max_len) + (
        [FieldError(field, "control_chars")] if isinstance(value, str) and "\n" in value.strip() else [])


def since_errors(since: object) -> list[FieldError]:
    """A membership's start date: a real date from 2000 on, at most a year ahead (a typo otherwise)."""
    if since is None:
        return []
    if not isinstance(since, date) or since.year < 2000 or since > date.today() + timedelta(days=366):
        return [FieldError("since", "range")]
    return []


def timezone_ok(name: object) -> bool:
    """True when `name` is a time zone zoneinfo knows (e.g. "Europe/Amsterdam"); the one check of a team's
    time zone, for a new team here and a changed one in ledger.services.admin_teams."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def create_team(*, session: Session, name: str, timezone: str = "Europe/Amsterdam", why: str = "",
                person_comparisons: bool = True, actor_id: int | None = None) -> Team:
    """Create a team; names are unique regardless of case."""
    errors = _name_errors("name", name, 120) + text_errors("why", why, 300)
    if not isinstance(timezone, str) or not timezone_ok(timezone):
        errors.append(FieldError("timezone", "unknown"))
    if not errors and find_team_by_name(session=session, name=name) is not None:
        errors.append(FieldError("name", "taken"))
    if errors:
        raise ValidationFailed(errors)
    # The same personal-data scan as every free text (issue 12, finding 6).
    team = Team(name=redact(name.strip())[0], timezone=timezone, why=redact(why.strip())[0],
                person_comparisons=bool(person_comparisons))
    session.add(team)
    _flush_or(session, FieldError("name", "taken"))
    audit.record(session, action="team.create", actor_id=actor_id, entity="team", entity_id=team.id,
                 team_id=team.id, detail={"name": team.name})
    session.commit()
    return team


def _flush_or(session: Session, error: FieldError) -> None:
    try:
        session.flush()
    except IntegrityError:  # a concurrent request took the unique value first
        session.rollback()
        raise ValidationFailed([error]) from None


def normalise_email(email: str | None) -> str | None:
    """Trimmed and lowercased; None for empty."""
    return (email or "").strip().lower() or None


def _person_errors(session: Session, display_name, role, email, password, pin, team_ids,
                   since=None) -> list[FieldError]:
    errors = _name_errors("display_name", display_name, 80) + since_errors(since)
    if role not in set(Role):
        errors.append(FieldError("role", "unknown"))
    if email is not None and (not isinstance(email, str) or len(email) > 254 or not _EMAIL_RE.match(email)):
        errors.append(FieldError("email", "format"))
    elif email is not None and find_person_by_email(session=session, email=email) is not None:
        errors.append(FieldError("email", "taken"))
    if password is not None and (not isinstance(password, str) or len(password) < PASSWORD_MIN):
        errors.append(FieldError("password", "too_short", {"min": PASSWORD_MIN}))
    elif password is not None and len(password) > PASSWORD_MAX:
        errors.append(FieldError("password", "too_long", {"max": PASSWORD_MAX}))
    if pin is not None and (problem := pin_problem(pin)) is not None:  # the same rule as setting a PIN
        errors.append(FieldError("pin", f"pin_{problem}"))
    if any(session.get(Team, tid) is None for tid in team_ids):
        errors.append(FieldError("teams", "unknown"))
    return errors


def create_person(*, session: Session, display_name: str, role: Role = Role.STAFF, team_ids=(),
                  email: str | None = None, password: str | None = None, pin: str | None = None,
                  actor_id: int | None = None, since: date | None = None) -> Person:
    """Create a person with optional sign-in credentials (hashed) and team memberships (from `since`)."""
    email = normalise_email(email) if isinstance(email, str | None) else email
    errors = _person_errors(session, display_name, role, email, password or None, pin or None, team_ids,
                            since)
    if errors:
        raise ValidationFailed(errors)
    person = Person(display_name=display_name.strip(), role=role, email=email,
                    password_hash=hash_secret(password) if password else None,
                    pin_hash=hash_secret(pin) if pin else None)
    session.add(person)
    _flush_or(session, FieldError("email", "taken"))
    for tid in dict.fromkeys(team_ids):
        session.add(Membership(team_id=tid, person_id=person.id, since=since))
    audit.record(session, action="person.create", actor_id=actor_id, entity="person", entity_id=person.id,
                 detail={"role": role, "teams": list(dict.fromkeys(team_ids))})
    session.commit()
    return person


def add_member(*, session: Session, team_id: int, person_id: int, since: date | None = None) -> None:
    """Make a person a member of a team from `since` (doing nothing when they already are)."""
    if session.get(Team, team_id) is None:
        raise NotFound("team")
    if session.get(Person, person_id) is None:
        raise NotFound("person")
    if since_errors(since):
        raise ValidationFailed(since_errors(since))
    if session.get(Membership, (team_id, person_id)) is None:
        session.add(Membership(team_id=team_id, person_id=person_id, since=since))
        try:
            session.commit()
        except IntegrityError:  # added concurrently: the membership exists, which is what was asked
            session.rollback()


def date_membership(*, session: Session, team_id: int, person_id: int, since: date,
                    only_undated: bool = False) -> bool:
    """Set the day a member joined the team (an import's dates); with `only_undated` a known date stays."""
    errors = since_errors(since)
    if errors:
        raise ValidationFailed(errors)
    membership = session.get(Membership, (team_id, person_id))
    if membership is None:
        raise NotFound("membership")
    if only_undated and membership.since is not None or membership.since == since:
        return False
    membership.since = since
    session.add(membership)
    session.commit()
    return True


def set_active(*, session: Session, person_id: int, active: bool, actor_id: int | None = None) -> Person:
    """Activate or deactivate a person; deactivation also ends their signed-in sessions."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person")
    if person.active != bool(active):
        person.active = bool(active)
        if not active:
            person.session_version += 1
        session.add(person)
        audit.record(session, action="person.activate" if active else "person.deactivate",
                     actor_id=actor_id, entity="person", entity_id=person.id)
        session.commit()
    return person


def team_members(*, session: Session, team_id: int, active_only: bool = True) -> list[Person]:
    """The team's members by display name (active ones only unless asked)."""
    query = select(Person).join(Membership, Membership.person_id == Person.id).where(
        Membership.team_id == team_id)
    if active_only:
        query = query.where(Person.active)
    return list(session.exec(query.order_by(func.lower(Person.display_name), Person.id)))


def tablet_people(*, session: Session, team_id: int) -> list[Person]:
    """Who gets a name tile: active staff, and managers/admins only once they have set a PIN."""
    return [p for p in team_members(session=session, team_id=team_id) if p.role == Role.STAFF or p.pin_hash]


def signs_in_with_pin(person: Person) -> bool:
    """Staff sign in with a PIN; a manager or admin only once they hold a PIN or a set-up code for one."""
    return person.role == Role.STAFF or bool(person.pin_hash or person.setup_code_hash)


def pin_people(*, session: Session, team_id: int) -> list[Person]:
    """The active members of a team who sign in with a PIN (the set-PIN screen and the set-up codes list)."""
    return [p for p in team_members(session=session, team_id=team_id) if signs_in_with_pin(p)]


def teams_of(*, session: Session, person_id: int) -> list[Team]:
    """The teams a person belongs to, by name."""
    query = select(Team).join(Membership, Membership.team_id == Team.id).where(
        Membership.person_id == person_id)
    return list(session.exec(query.order_by(Team.name)))


def find_team_by_name(*, session: Session, name: str) -> Team | None:
    """The team with this name, ignoring case and surrounding spaces."""
    key = (name or "").strip().lower()
    return session.exec(select(Team).where(func.lower(Team.name) == key)).first()


def find_person_by_name(*, session: Session, name: str, team_id: int | None = None) -> Person | None:
    """The person with this display name (ignoring case), within a team if given; Conflict if ambiguous."""
    query = select(Person).where(func.lower(Person.display_name) == (name or "").strip().lower())
    if team_id is not None:
        query = query.join(Membership, Membership.person_id == Person.id).where(Membership.team_id == team_id)
    found = list(session.exec(query.limit(2)))
    if len(found) > 1:
        raise Conflict(f"more than one person is called {name.strip()!r}")
    return found[0] if found else None


def find_person_by_email(*, session: Session, email: str) -> Person | None:
    """The person with this email address, ignoring case."""
    key = normalise_email(email)
    if key is None:
        return None
    return session.exec(select(Person).where(func.lower(Person.email) == key)).first()
