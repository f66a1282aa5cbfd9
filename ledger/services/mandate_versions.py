"""A team's frame as a history the team can read: each version, what changed against the one before, and
the learning session that agreed it (tablet and manager mandate pages show the same list).
"""

from dataclasses import dataclass

from sqlmodel import Session

from ledger.models import LearningSession, Mandate
from ledger.services.admin_mandates import COMPARED, Change, changes_against
from ledger.services.mandates import mandate_history
from ledger.services.session_summary import agreeing_sessions


@dataclass(frozen=True)
class Version:
    """One version of the frame with what it changed and where it was agreed."""

    mandate: Mandate
    changes: list[Change]  # against the version before; empty for the first version
    agreed_in: LearningSession | None


def version_history(*, session: Session, team_id: int) -> list[Version]:
    """Every version of the team's frame, newest first, with its changes and agreeing session."""
    versions = mandate_history(session=session, team_id=team_id)
    agreed = agreeing_sessions(session=session, mandate_ids=[m.id for m in versions])
    out = []
    for index, mandate in enumerate(versions):
        before = versions[index + 1] if index + 1 < len(versions) else None
        proposed = {name: getattr(mandate, name) for name in COMPARED}
        changes = [c for c in changes_against(before, proposed) if c.field != "why"] if before else []
        out.append(Version(mandate=mandate, changes=changes, agreed_in=agreed.get(mandate.id)))
    return out
