"""Who may do what to which team's things: every "may this person …" question of the ledger, in one place.

Team scoping is decided here once: managers and staff see the teams they belong to, admins every team,
a PIN session on a shared tablet only that tablet's team, and an inactive (or erased) person nothing.
The question is always asked about an `Actor` — the person *as they act in this request* — so that a
manager who signs in with a PIN on a tablet has a staff member's rights there and nothing more.

Every function is keyword-only, takes `actor=None` for "nobody is signed in" (always False), and only
answers; the services turn a False into NotAllowed/NotFound, the web layer into 403/404.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import false
from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar

from ledger.models import Gesture, Membership, Person, Team
from ledger.vocab import Role

# Staff may correct or void their own entries this long after logging them.
CORRECTION_WINDOW = timedelta(hours=24)
MANAGER_ROLES = frozenset({Role.MANAGER, Role.ADMIN})


@dataclass(frozen=True)
class Actor:
    """A person as they act in one request: their id, the role that counts now, and a PIN session's team.

    `role` is the *effective* role: a PIN session on a tablet always counts as staff. `pinned_team_id`
    is the tablet's team for a PIN session (None for a password session or a service call).
    """

    person_id: int
    role: Role
    pinned_team_id: int | None = None
    active: bool = True

    @classmethod
    def of(cls, person: Person, *, pinned_team_id: int | None = None) -> "Actor":
        """The actor for a person; with `pinned_team_id` (a PIN session) the role becomes staff."""
        role = Role.STAFF if pinned_team_id is not None else Role(person.role)
        return cls(person_id=person.id, role=role, pinned_team_id=pinned_team_id,
                   active=bool(person.active) and person.erased_at is None)

    @property
    def is_admin(self) -> bool:
        """True for an admin acting with an admin's rights (never in a PIN session)."""
        return self.role == Role.ADMIN

    @property
    def is_manager_or_admin(self) -> bool:
        """True for a manager or admin acting with those rights (never in a PIN session)."""
        return self.role in MANAGER_ROLES


def as_actor(who: "Actor | Person | None") -> Actor | None:
    """An Actor for a service's caller: an Actor as given, a Person with their full role, None as None."""
    if who is None or isinstance(who, Actor):
        return who
    return Actor.of(who)


def _acting(actor: Actor | None) -> bool:
    return actor is not None and actor.active and isinstance(actor.person_id, int)


def _is_member(session: Session, team_id: int, person_id: int) -> bool:
    return session.get(Membership, (team_id, person_id)) is not None


# --- seeing teams ---------------------------------------------------------------------------------

def can_see_team(*, session: Session, actor: Actor | None, team_id: int) -> bool:
    """Members see their own teams, admins every team, a PIN session only its tablet's team."""
    if not _acting(actor) or not isinstance(team_id, int):
        return False
    if actor.pinned_team_id is not None:
        return actor.pinned_team_id == team_id
    if actor.is_admin:
        return session.get(Team, team_id) is not None
    return _is_member(session, team_id, actor.person_id)


def visible_teams_query(*, actor: Actor | None) -> SelectOfScalar[Team]:
    """A select of the teams the actor may see, by name (none for nobody or an inactive person)."""
    query = select(Team).order_by(Team.name)
    if not _acting(actor):
        return query.where(false())
    if actor.pinned_team_id is not None:
        return query.where(Team.id == actor.pinned_team_id)
    if actor.is_admin:
        return query
    mine = Membership.person_id == actor.person_id
    return query.join(Membership, Membership.team_id == Team.id).where(mine)


def visible_teams(*, session: Session, actor: Actor | None) -> list[Team]:
    """The teams the actor may see, by name."""
    return list(session.exec(visible_teams_query(actor=actor)))


def visible_team_ids(*, session: Session, actor: Actor | None) -> list[int]:
    """The ids of the teams the actor may see, by team name."""
    return [team.id for team in visible_teams(session=session, actor=actor)]


def _manages(session: Session, actor: Actor | None, team_id: int) -> bool:
    """An admin, or a manager of this team, acting with those rights."""
    return (_acting(actor) and actor.is_manager_or_admin
            and can_see_team(session=session, actor=actor, team_id=team_id))


# --- the ledger's entries -------------------------------------------------------------------------

def may_change_gesture(*, session: Session, actor: Actor | None, origin: Gesture, now: datetime) -> bool:
    """Admins and the team's managers always; staff only their own entries within CORRECTION_WINDOW.

    `origin` is the chain's first row: the window counts from when the gesture was first logged.
    """
    if not can_see_team(session=session, actor=actor, team_id=origin.team_id):
        return False
    if actor.is_manager_or_admin:
        return True
    own = actor.person_id in (origin.person_id, origin.logged_by_id)
    return own and now - origin.logged_at <= CORRECTION_WINDOW


def may_appreciate(*, session: Session, actor: Actor | None, gesture: Gesture) -> bool:
    """Anyone who may see the gesture's team, except its giver (nobody appreciates their own gesture)."""
    if not can_see_team(session=session, actor=actor, team_id=gesture.team_id):
        return False
    return gesture.person_id != actor.person_id


def may_review(*, session: Session, actor: Actor | None, team_id: int) -> bool:
    """The team's managers and admins mark its prompts and read its report (never a PIN session)."""
    return _manages(session, actor, team_id)


def may_issue_setup_code(*, session: Session, actor: Actor | None, person: Person) -> bool:
    """Admins for anyone; managers for themselves and for staff in one of their own teams."""
    if not _acting(actor) or not actor.is_manager_or_admin:
        return False
    return actor.person_id == person.id or may_manage_person(session=session, actor=actor, person=person)


# --- learning sessions and mandates ---------------------------------------------------------------

def may_facilitate_session(*, session: Session, actor: Actor | None, team_id: int,
                           facilitator_id: int | None = None) -> bool:
    """The team's managers and admins, or the team member named as the session's facilitator."""
    if _manages(session, actor, team_id):
        return True
    return (facilitator_id is not None and _acting(actor) and actor.person_id == facilitator_id
            and can_see_team(session=session, actor=actor, team_id=team_id))


def may_apply_mandate(*, session: Session, actor: Actor | None, team_id: int) -> bool:
    """The team's managers and admins put an agreed frame into force."""
    return _manages(session, actor, team_id)


# --- administration -------------------------------------------------------------------------------

def may_administer(*, actor: Actor | None) -> bool:
    """Admins only: teams, tablets of every team, settings of the organisation."""
    return _acting(actor) and actor.is_admin


def may_manage_team_people(*, session: Session, actor: Actor | None, team_id: int) -> bool:
    """Admins for every team; managers for the people of their own teams."""
    return _manages(session, actor, team_id)


def may_erase_person(*, actor: Actor | None) -> bool:
    """Admins only: a privacy erasure cannot be undone."""
    return may_administer(actor=actor)


def may_read_audit(*, session: Session, actor: Actor | None, team_id: int | None = None) -> bool:
    """Admins read the whole audit trail (team_id None); managers only their own teams' events."""
    if team_id is None:
        return may_administer(actor=actor)
    return _manages(session, actor, team_id)


# --- administration of people (issue 9, helper A9) -------------------------------------------------

def may_manage_person(*, session: Session, actor: Actor | None, person: Person) -> bool:
    """Admins for anyone; managers for staff who share one of their teams (memberships, leavers)."""
    if not _acting(actor) or not actor.is_manager_or_admin:
        return False
    if actor.is_admin:
        return True
    if person.role != Role.STAFF:
        return False
    mine = select(Membership.team_id).where(Membership.person_id == actor.person_id)
    shared = select(Membership).where(Membership.person_id == person.id, Membership.team_id.in_(mine))
    return session.exec(shared).first() is not None


def may_change_roles(*, actor: Actor | None) -> bool:
    """Admins only (and the web asks for a fresh sign-in first): a role decides what someone sees."""
    return may_administer(actor=actor)


# --- learning sessions: seeing, opening, offering (issue 8; added by helper S8, kept separate) ---------

def may_see_sessions(*, session: Session, actor: Actor | None, team_id: int) -> bool:
    """Everyone who may see the team sees its learning sessions, the summary and the playbook."""
    return can_see_team(session=session, actor=actor, team_id=team_id)


def may_open_session(*, session: Session, actor: Actor | None, team_id: int) -> bool:
    """The team's managers and admins open (plan) a learning session and name its facilitator."""
    return _manages(session, actor, team_id)


def may_offer_story(*, session: Session, actor: Actor | None, gesture: Gesture) -> bool:
    """Only the giver offers their own story for the next session ("I'd like to tell this one")."""
    return (can_see_team(session=session, actor=actor, team_id=gesture.team_id)
            and actor.person_id == gesture.person_id)


def may_set_name_consent(*, actor: Actor | None, person_id: int) -> bool:
    """A person decides themselves whether their name may be shown in learning sessions."""
    return _acting(actor) and actor.person_id == person_id
