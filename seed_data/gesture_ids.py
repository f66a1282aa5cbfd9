"""What an imported gesture row is known by: its id when the file gives none, and when it counts as logged.

Importing the same file twice must store nothing twice, so a row without an id gets one derived from its
content (stable however the spreadsheet wrote the amount or the date).
"""

import uuid
from datetime import UTC, datetime, timedelta

from ledger.services.gestures import GestureInput

# Gestures without an id get uuid5(NAMESPACE, their content): the same row always gets the same id.
NAMESPACE = uuid.UUID("6f1f0b8e-3c1a-4f57-9d0e-2b7a9c4e5d11")


def derived_id(team: str, person: str, data: GestureInput) -> uuid.UUID:
    """The id of a gesture row without one: the same for the same content (however the spreadsheet
    wrote the amount or the date), different for any change."""
    parts = [team.strip().lower(), person.strip().lower(), data.occurred_at.astimezone(UTC).isoformat(),
             data.kind, data.trigger, str(data.reaction), str(data.cost_cents),
             # An empty minutes cell is unknown (None) now; it was 0 before, so it hashes as "0" to keep the
             # ids of rows imported earlier.
             str(data.effort_minutes or 0),
             data.description.strip(), data.trigger_note.strip(), data.reaction_note.strip(),
             data.follow_up or ""]
    return uuid.uuid5(NAMESPACE, "\x1f".join(parts))


def logged_at_for(occurred_at: datetime, now: datetime) -> datetime:
    """When an imported gesture counts as logged: just after it happened (history keeps its own dates)."""
    return min(now, occurred_at.astimezone(UTC) + timedelta(minutes=2))
