"""An admin's changes to teams: create, rename, time zone, why, works-council mode, archive.

Every change is checked against the permission module, validated whole before anything is written
(nothing half-stored), and leaves one audit row.
"""

from sqlalchemy import func
from sqlmodel import Session, select

from ledger.errors import FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import Team
from ledger.permissions import Actor, may_administer
from ledger.pii import redact
from ledger.services import audit
from ledger.services import people as people_service
from ledger.services.gesture_rules import text_errors
from ledger.types import utcnow

MIN_GROUP_SIZE_RANGE = (2, 50)


def _require_admin(actor: Actor | None) -> Actor:
    if not may_administer(actor=actor):
        raise NotAllowed("administrators only")
    return actor


def _team(session: Session, team_id: int) -> Team:
    team = session.get(Team, team_id) if isinstance(team_id, int) else None
    if team is None:
        raise NotFound("team")
    return team


def create_team(*, session: Session, actor: Actor, name: str, timezone: str = "Europe/Amsterdam",
                why: str = "") -> Team:
    """Create a team (admins); the name is unique regardless of case."""
    _require_admin(actor)
    return people_service.create_team(session=session, name=name, timezone=timezone, why=why,
                                      actor_id=actor.person_id)


def _name_errors(session: Session, team: Team, name: object) -> list[FieldError]:
    if isinstance(name, str) and not name.strip():
        return [FieldError("name", "required")]
    errors = text_errors("name", name, 120)
    if not errors and "\n" in name.strip():
        errors.append(FieldError("name", "control_chars"))
    if not errors:
        same = session.exec(select(Team.id).where(func.lower(Team.name) == name.strip().lower(),
                                                  Team.id != team.id)).first()
        if same is not None:
            errors.append(FieldError("name", "taken"))
    return errors


def _settings_errors(session: Session, team: Team, name, timezone, why, works_council,
                     min_group_size) -> list[FieldError]:
    errors = _name_errors(session, team, name) if name is not None else []
    if timezone is not None and not people_service.timezone_ok(timezone):
        errors.append(FieldError("timezone", "unknown"))
    if why is not None:
        errors += text_errors("why", why, 300)
    if works_council is not None and not isinstance(works_council, bool):
        errors.append(FieldError("works_council", "type"))
    low, high = MIN_GROUP_SIZE_RANGE
    if min_group_size is not None and (isinstance(min_group_size, bool) or not isinstance(min_group_size, int)
                                       or not low <= min_group_size <= high):
        errors.append(FieldError("min_group_size", "range", {"min": low, "max": high}))
    return errors


def update_team(*, session: Session, actor: Actor, team_id: int, name: str | None = None,
                timezone: str | None = None, why: str | None = None, works_council: bool | None = None,
                min_group_size: int | None = None) -> Team:
    """Change a team's name, time zone, why, works-council mode or minimum group size (None: unchanged).

    Works-council mode switches person-level comparisons off: the report then speaks of the team,
    kinds and triggers only.
    """
    _require_admin(actor)
    team = _team(session, team_id)
    errors = _settings_errors(session, team, name, timezone, why, works_council, min_group_size)
    if errors:
        raise ValidationFailed(errors)
    # Names and whys go through the same personal-data scan as every free text (issue 12, finding 6).
    wanted = {"name": redact(name.strip())[0] if name is not None else None, "timezone": timezone,
              "why": redact(why.strip())[0] if why is not None else None,
              "person_comparisons": None if works_council is None else not works_council,
              "min_group_size": min_group_size}
    changes = {key: [getattr(team, key), value] for key, value in wanted.items()
               if value is not None and getattr(team, key) != value}
    for key, (_old, new) in changes.items():
        setattr(team, key, new)
    if changes:
        session.add(team)
        audit.record(session, action="team.update", actor_id=actor.person_id, entity="team",
                     entity_id=team.id, team_id=team.id, detail=changes)
        session.commit()
    return team


def set_archived(*, session: Session, actor: Actor, team_id: int, archived: bool) -> Team:
    """Archive a team (history kept, no more logging) or bring it back."""
    _require_admin(actor)
    team = _team(session, team_id)
    if (team.archived_at is not None) == bool(archived):
        return team
    team.archived_at = utcnow() if archived else None
    session.add(team)
    audit.record(session, action="team.archive" if archived else "team.unarchive",
                 actor_id=actor.person_id, entity="team", entity_id=team.id, team_id=team.id)
    session.commit()
    return team


def list_teams(*, session: Session, include_archived: bool = True) -> list[Team]:
    """All teams by name, archived ones last."""
    query = select(Team)
    if not include_archived:
        query = query.where(Team.archived_at.is_(None))
    return list(session.exec(query.order_by(Team.archived_at.is_not(None), func.lower(Team.name))))


def get_team(*, session: Session, team_id: int) -> Team:
    """The team with this id (archived or not); NotFound otherwise."""
    return _team(session, team_id)
