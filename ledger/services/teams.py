"""Teams and their members."""

from sqlmodel import Session, select

from ledger.models import Team


def list_teams(*, session: Session) -> list[Team]:
    """All teams, by name."""
    return list(session.exec(select(Team).order_by(Team.name)))
