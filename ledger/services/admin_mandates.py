"""A team's frame as an admin or the team's manager changes it: a new version from a date, overrides.

Versions are created by ledger.services.mandates (the same path a learning session's proposal takes);
this module adds the permission check and what the form shows: the changes against the version in force.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from ledger.errors import NotAllowed, NotFound
from ledger.models import Mandate, MandateOverride, Membership
from ledger.permissions import Actor, may_apply_mandate
from ledger.services import mandates

COMPARED = ("per_gesture_cap_cents", "allowance_cents", "allowance_period", "kinds", "why")


@dataclass(frozen=True)
class Change:
    """One field of the frame: its value in force and the proposed one."""

    field: str
    old: object
    new: object


def changes_against(in_force: Mandate | None, proposed: dict) -> list[Change]:
    """The fields whose proposed value differs from the version in force (all of them without one)."""
    def norm(name: str, value):
        if name == "kinds":
            codes = value.split(";") if isinstance(value, str) else list(value or ())
            return ";".join(sorted(c for c in codes if c))
        return value.strip() if isinstance(value, str) else value

    out = []
    for name in COMPARED:
        old = norm(name, getattr(in_force, name)) if in_force is not None else None
        new = norm(name, proposed.get(name))
        if old != new:
            out.append(Change(name, old, new))
    return out


def _check(session: Session, actor: Actor, team_id: int) -> None:
    if not may_apply_mandate(session=session, actor=actor, team_id=team_id):
        raise NotAllowed("the team's managers and administrators only")


def new_version(*, session: Session, actor: Actor, team_id: int, valid_from: date, per_gesture_cap_cents: int,
                allowance_cents: int, allowance_period: str = "week", kinds=(), why: str = "") -> Mandate:
    """A new version of the team's frame from `valid_from` (earlier versions stay as history)."""
    _check(session, actor, team_id)
    return mandates.create_mandate_version(
        session=session, team_id=team_id, valid_from=valid_from, per_gesture_cap_cents=per_gesture_cap_cents,
        allowance_cents=allowance_cents, allowance_period=allowance_period, kinds=kinds, why=why,
        agreed_by_id=actor.person_id)


def set_override(*, session: Session, actor: Actor, mandate_id: int, person_id: int,
                 per_gesture_cap_cents: int | None, allowance_cents: int | None) -> MandateOverride:
    """A person's own cap/allowance for one version (None keeps the team's value)."""
    mandate = session.get(Mandate, mandate_id) if isinstance(mandate_id, int) else None
    if mandate is None:
        raise NotFound("mandate")
    _check(session, actor, mandate.team_id)
    if session.get(Membership, (mandate.team_id, person_id)) is None:
        raise NotFound("person")
    return mandates.set_override(session=session, mandate_id=mandate_id, person_id=person_id,
                                 per_gesture_cap_cents=per_gesture_cap_cents, allowance_cents=allowance_cents,
                                 actor_id=actor.person_id)


def overrides_of(*, session: Session, mandate_id: int) -> list[MandateOverride]:
    """The per-person overrides of one version."""
    return list(session.exec(select(MandateOverride).where(MandateOverride.mandate_id == mandate_id)))
