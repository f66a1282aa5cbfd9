"""Teams and their settings (creation and membership live in ledger.services.people)."""

from sqlmodel import Session, select

from ledger.errors import FieldError, NotFound, ValidationFailed
from ledger.models import Team
from ledger.pii import redact
from ledger.services import audit
from ledger.services.gesture_rules import text_errors


def list_teams(*, session: Session) -> list[Team]:
    """All teams, by name."""
    return list(session.exec(select(Team).order_by(Team.name)))


def get_team(*, session: Session, team_id: int) -> Team:
    """The team with this id; NotFound otherwise."""
    team = session.get(Team, team_id) if isinstance(team_id, int) else None
    if team is None:
        raise NotFound("team")
    return team


def update_team(*, session: Session, team_id: int, why: str | None = None,
                person_comparisons: bool | None = None, actor_id: int | None = None) -> Team:
    """Change a team's purpose sentence and/or its works-council mode (None leaves a setting as it is)."""
    team = get_team(session=session, team_id=team_id)
    if why is not None:
        errors = text_errors("why", why, 300)
        if errors:
            raise ValidationFailed(errors)
        team.why = redact(why.strip())[0]  # personal data never goes into a team's why
    if person_comparisons is not None:
        if not isinstance(person_comparisons, bool):
            raise ValidationFailed([FieldError("person_comparisons", "type")])
        team.person_comparisons = person_comparisons
    session.add(team)
    audit.record(session, action="team.update", actor_id=actor_id, entity="team", entity_id=team.id,
                 team_id=team.id, detail={"why": team.why, "person_comparisons": team.person_comparisons})
    session.commit()
    return team
