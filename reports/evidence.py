"""The gestures behind prompts and stories, with their appreciations, for the manager's report page."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session

from ledger import queries as q
from ledger.services.feed import appreciations_by_origin
from reports.model import GestureBrief


@dataclass(frozen=True)
class Thanks:
    """One appreciation as shown beside a story: who (empty in team-level reports) and their note."""

    name: str
    note: str
    by_viewer: bool = False


@dataclass(frozen=True)
class Evidence:
    """A gesture as evidence: its brief, the appreciations it received, and what the viewer may do."""

    brief: GestureBrief
    thanks: tuple[Thanks, ...] = ()
    viewer_appreciated: bool = False
    viewer_is_giver: bool = False


def _uuids(ids: Iterable[str]) -> list[uuid.UUID]:
    out = []
    for value in ids:
        try:
            out.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return list(dict.fromkeys(out))


def evidence_for(*, session: Session, team_id: int, origin_ids: Iterable[str], person_level: bool,
                 viewer_id: int | None = None) -> dict[str, Evidence]:
    """The current gestures of these chains in the team, by origin id, with their appreciations."""
    ids = _uuids(origin_ids)
    rows = q.gestures_by_origin(session=session, team_id=team_id, origin_ids=ids)
    thanks = _thanks(session, [r.origin_id for r in rows], viewer_id, person_level)
    out = {}
    for r in rows:
        brief = GestureBrief.from_row(r, person_level)
        given = thanks.get(r.origin_id, [])
        out[brief.id] = Evidence(brief=brief, thanks=tuple(given),
                                 viewer_appreciated=any(t.by_viewer for t in given),
                                 viewer_is_giver=viewer_id is not None and r.person_id == viewer_id)
    return out


def _thanks(session: Session, origin_ids: list[uuid.UUID], viewer_id: int | None,
            person_level: bool) -> dict[uuid.UUID, list[Thanks]]:
    found = appreciations_by_origin(session=session, origin_ids=origin_ids)
    return {origin: [Thanks(name=a.name if person_level else "",  # a team-level report names nobody
                            note=a.note, by_viewer=a.person_id == viewer_id) for a in given]
            for origin, given in found.items()}
