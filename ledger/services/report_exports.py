"""Downloads of a team's report are audited: who took which week's figures out of the app, and how."""

from sqlmodel import Session

from ledger.services import audit

FORMATS = ("json", "csv")


def record_report_export(*, session: Session, actor_id: int, team_id: int, week: str, fmt: str) -> None:
    """Audit that a person downloaded a team's weekly report in a format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    audit.record(session, action="report_export", actor_id=actor_id, entity="report", entity_id=week,
                 team_id=team_id, detail={"format": fmt})
    session.commit()
