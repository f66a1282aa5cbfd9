"""Helpers for API v1 tests: a ledger with two teams, tokens for them, a gesture body, and the tablet
outbox's send token and body."""

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from ledger.models import Person, Team
from ledger.permissions import Actor
from ledger.services.api_tokens import create_token
from tests.factories import make_mandate, make_person, make_team


@dataclass
class Ledger:
    desk: Team
    bar: Team
    admin: Person
    anouk: Person
    bram: Person
    pieter: Person  # of the bar


def make_ledger(session: Session) -> Ledger:
    desk, bar = make_team(session, "Front desk"), make_team(session, "Bar")
    make_mandate(session, desk, cap=2500)
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    anouk, bram = make_person(session, desk, name="Anouk"), make_person(session, desk, name="Bram")
    pieter = make_person(session, bar, name="Pieter")
    return Ledger(desk, bar, admin, anouk, bram, pieter)


def token_for(session: Session, ledger: Ledger, *teams: Team, scope: str = "write", rate: int = 1000,
              name: str = "Till") -> str:
    """A new token's secret (the token acts as the ledger's admin)."""
    _token, secret = create_token(session=session, actor=Actor.of(ledger.admin), name=name,
                                  team_ids=[t.id for t in teams or (ledger.desk,)], scope=scope,
                                  rate_per_minute=rate)
    return secret


def auth(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def gesture_body(team: Team, person: Person, **extra) -> dict:
    """A valid new gesture: a €2.50 treat for a waiting customer an hour ago, who was delighted."""
    when = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    return {"id": str(uuid.uuid4()), "team_id": team.id, "person_id": person.id, "occurred_at": when,
            "kind": "treat", "trigger": "waiting", "reaction": 4, "cost_cents": 250, "effort_minutes": 5,
            "description": "Coffee while they waited", **extra}


def form_token(client) -> str:
    """The send token the log screen hands out with its form (the client is signed in)."""
    html = client.get("/log").get_data(as_text=True)
    return re.search(r'name="send_token" value="([^"]+)"', html)[1]


def outbox_body(token: str, **extra) -> dict:
    """What log.js sends to the outbox: the form's fields as text, with the send token."""
    return {"send_token": token, "gesture_id": str(uuid.uuid4()), "kind": "treat", "trigger": "waiting",
            "reaction": "4", "cost_pick": "200", "cost": "", "effort_pick": "5", "effort": "",
            "description": "", "trigger_note": "", "reaction_note": "", "when": "now", "day": "", "time": "",
            **extra}
