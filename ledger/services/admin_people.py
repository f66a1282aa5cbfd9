"""An admin's (or a team manager's) changes to people: add, memberships with a start date, roles, leavers.

Deactivation and role changes move the person's session version on, so every live session and
cookie of that person stops working at once; reactivation moves it on again, so an old cookie never
comes back to life. PINs are reset through the existing one-time set-up code (ledger.services.auth),
passwords through a one-time link (ledger.services.password_reset).
"""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import Membership, Person, Team
from ledger.permissions import (
    Actor,
    may_change_roles,
    may_manage_person,
    may_manage_team_people,
)
from ledger.services import audit
from ledger.services import people as people_service
from ledger.services.teams import get_team
from ledger.types import utcnow
from ledger.vocab import Role


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id) if isinstance(person_id, int) else None
    if person is None or person.erased_at is not None:
        raise NotFound("person")
    return person


def add_person(*, session: Session, actor: Actor, display_name: str, role: str = Role.STAFF,
               email: str | None = None, team_id: int | None = None, since: date | None = None) -> Person:
    """Add a person (admins any role; a team's manager staff of that team), optionally with a membership."""
    if role != Role.STAFF and not may_change_roles(actor=actor):
        raise NotAllowed("only administrators add managers and administrators")
    if team_id is None and not may_change_roles(actor=actor):
        raise NotAllowed("a manager adds people to one of their teams")
    if team_id is not None:
        get_team(session=session, team_id=team_id)
        if not may_manage_team_people(session=session, actor=actor, team_id=team_id):
            raise NotAllowed("not your team")
    if team_id is None and since is not None:
        raise ValidationFailed([FieldError("team", "required")])
    return people_service.create_person(session=session, display_name=display_name, role=role,
                                        email=email or None, team_ids=[team_id] if team_id else [],
                                        actor_id=actor.person_id, since=since)


def memberships(*, session: Session, person_id: int) -> list[tuple[Team, Membership]]:
    """A person's teams with their memberships (start dates), by team name."""
    query = (select(Team, Membership).join(Membership, Membership.team_id == Team.id)
             .where(Membership.person_id == person_id).order_by(func.lower(Team.name)))
    return [(team, membership) for team, membership in session.exec(query)]


def _check_member_change(session: Session, actor: Actor, person: Person, team_id: int) -> None:
    get_team(session=session, team_id=team_id)
    if not may_manage_team_people(session=session, actor=actor, team_id=team_id):
        raise NotAllowed("not your team")
    if not actor.is_admin and person.role != Role.STAFF:
        raise NotAllowed("managers change the memberships of staff only")


def set_membership(*, session: Session, actor: Actor, person_id: int, team_id: int,
                   since: date | None) -> Membership:
    """Make a person a member of a team from `since` (or correct the start date of a membership)."""
    person = _person(session, person_id)
    _check_member_change(session, actor, person, team_id)
    errors = people_service.since_errors(since)
    if errors:
        raise ValidationFailed(errors)
    membership = session.get(Membership, (team_id, person_id))
    action = "membership.update" if membership is not None else "membership.add"
    membership = membership or Membership(team_id=team_id, person_id=person_id)
    membership.since = since
    session.add(membership)
    audit.record(session, action=action, actor_id=actor.person_id, entity="person", entity_id=person_id,
                 team_id=team_id, detail={"since": since.isoformat() if since else None})
    session.commit()
    return membership


def remove_membership(*, session: Session, actor: Actor, person_id: int, team_id: int) -> None:
    """End a person's membership of a team (their gestures stay in the team's history)."""
    person = _person(session, person_id)
    _check_member_change(session, actor, person, team_id)
    membership = session.get(Membership, (team_id, person_id))
    if membership is None:
        raise NotFound("membership")
    session.delete(membership)
    audit.record(session, action="membership.remove", actor_id=actor.person_id, entity="person",
                 entity_id=person_id, team_id=team_id)
    session.commit()


def _active_admins(session: Session) -> int:
    query = select(func.count()).select_from(Person).where(Person.role == Role.ADMIN, Person.active)
    return int(session.exec(query).one())


def change_role(*, session: Session, actor: Actor, person_id: int, role: str) -> Person:
    """Give a person another role (admins only); every session of theirs ends, as it should."""
    if not may_change_roles(actor=actor):
        raise NotAllowed("administrators only")
    person = _person(session, person_id)
    if role not in set(Role):
        raise ValidationFailed([FieldError("role", "unknown")])
    if person.role == role:
        return person
    if person.role == Role.ADMIN and person.active and _active_admins(session) <= 1:
        raise Conflict("the last administrator keeps their role")
    old, person.role = person.role, role
    person.session_version += 1
    session.add(person)
    audit.record(session, action="person.role", actor_id=actor.person_id, entity="person",
                 entity_id=person.id, detail={"from": old, "to": role})
    session.commit()
    return person


def deactivate(*, session: Session, actor: Actor, person_id: int) -> Person:
    """A leaver: signed out everywhere at once, no tile, no sign-in; their history stays."""
    person = _person(session, person_id)
    if not may_manage_person(session=session, actor=actor, person=person):
        raise NotAllowed("not yours to deactivate")
    if person.id == actor.person_id:
        raise Conflict("you cannot deactivate yourself")
    if person.role == Role.ADMIN and person.active and _active_admins(session) <= 1:
        raise Conflict("the last administrator stays active")
    if not person.active:
        return person
    person.active = False
    person.deactivated_at = utcnow()
    person.session_version += 1
    session.add(person)
    audit.record(session, action="person.deactivate", actor_id=actor.person_id, entity="person",
                 entity_id=person.id)
    session.commit()
    return person


def reactivate(*, session: Session, actor: Actor, person_id: int) -> Person:
    """Bring a person back; sessions from before stay dead (the version moves on once more)."""
    person = _person(session, person_id)
    if not may_manage_person(session=session, actor=actor, person=person):
        raise NotAllowed("not yours to reactivate")
    if person.active:
        return person
    person.active = True
    person.deactivated_at = None
    person.session_version += 1
    session.add(person)
    audit.record(session, action="person.reactivate", actor_id=actor.person_id, entity="person",
                 entity_id=person.id)
    session.commit()
    return person


def people_for(*, session: Session, actor: Actor, query: str = "") -> list[Person]:
    """The people an actor may manage (admins everyone, managers their teams' people), by name."""
    stmt = select(Person).where(Person.erased_at.is_(None))
    if not actor.is_admin:
        mine = select(Membership.team_id).where(Membership.person_id == actor.person_id)
        stmt = stmt.where(Person.id.in_(select(Membership.person_id).where(Membership.team_id.in_(mine))))
    if query.strip():
        stmt = stmt.where(func.lower(Person.display_name).contains(query.strip().lower()[:80]))
    return list(session.exec(stmt.order_by(Person.active.desc(), func.lower(Person.display_name))))
