"""Plain factory functions with defaults (CTFd style) for building test data quickly."""

from datetime import date

from sqlmodel import Session

from ledger.models import Mandate, Membership, Person, Team


def make_team(session: Session, name: str = "Front desk", **kw) -> Team:
    team = Team(name=name, **kw)
    session.add(team)
    session.commit()
    return team


def make_person(session: Session, team: Team | None = None, name: str = "Anouk", role: str = "staff",
                **kw) -> Person:
    person = Person(display_name=name, role=role, **kw)
    session.add(person)
    session.commit()
    if team is not None:
        session.add(Membership(team_id=team.id, person_id=person.id))
        session.commit()
    return person


def make_mandate(session: Session, team: Team, *, cap: int = 2500, allowance: int = 6000,
                 period: str = "week", valid_from: date = date(2020, 1, 1), kinds: str = "",
                 why: str = "Make a guest's day when you see the chance.") -> Mandate:
    mandate = Mandate(team_id=team.id, valid_from=valid_from, per_gesture_cap_cents=cap,
                      allowance_cents=allowance, allowance_period=period, kinds=kinds, why=why)
    session.add(mandate)
    session.commit()
    return mandate
