"""The shapes API v1 reads and writes, as pydantic models: the endpoints validate with them and the
OpenAPI document is generated from them (openapi.py), so the two cannot drift apart.

Bodies are validated strictly (a number sent as a string is a type error, unknown fields are refused);
query strings are text by nature and are converted. Limits repeat the ledger's own (ledger.models,
gesture_rules), read from there; the ledger's services still decide every rule of their own.
"""

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from ledger.models.gestures import GestureContent
from ledger.services.gesture_rules import MAX_EFFORT_MINUTES, MAX_GESTURE_CENTS
from ledger.vocab import REACTION_MAX, REACTION_MIN, FollowUp, Kind, MandateCheck, Trigger

ID_MAX = 2**63 - 1  # the largest row id both databases store; larger ids are simply not found
TEXT = {name: GestureContent.model_fields[name].metadata[0].max_length
        for name in ("description", "trigger_note", "reaction_note")}
REASON_MAX = 300
NOTE_MAX = 200
PAGE_MAX = 200


class Body(BaseModel):
    """A request body: strict JSON types, no unknown fields."""

    model_config = ConfigDict(strict=True, extra="forbid")


class Out(BaseModel):
    """A response document."""


class GestureContentIn(Body):
    """What happened: the content of a gesture, as logged or corrected."""

    occurred_at: AwareDatetime = Field(description="When it happened, with its UTC offset.")
    kind: Kind
    trigger: Trigger
    reaction: int = Field(ge=REACTION_MIN, le=REACTION_MAX,
                          description="1 negative, 2 no visible reaction, 3 pleased, 4 delighted, 5 moved.")
    cost_cents: int = Field(default=0, ge=0, le=MAX_GESTURE_CENTS)
    effort_minutes: int | None = Field(default=None, ge=0, le=MAX_EFFORT_MINUTES,
                                       description="null: not known (not the same as 0).")
    description: str = Field(default="", max_length=TEXT["description"])
    trigger_note: str = Field(default="", max_length=TEXT["trigger_note"])
    reaction_note: str = Field(default="", max_length=TEXT["reaction_note"])
    follow_up: FollowUp | None = None


class GestureCreate(GestureContentIn):
    """A new gesture. `id` is the idempotency key: sending it again stores nothing new."""

    id: uuid.UUID = Field(description="Chosen by the sender (a UUID); the same id with other content is 409.")
    team_id: int = Field(ge=1, le=ID_MAX)
    person_id: int = Field(ge=1, le=ID_MAX, description="The giver, a member of the team.")


class CorrectionIn(GestureContentIn):
    """A correction of the current entry: the whole content again, and why."""

    reason: str = Field(min_length=1, max_length=REASON_MAX)
    id: uuid.UUID | None = Field(default=None, description="Optional idempotency key of the correction.")


class VoidIn(Body):
    """Why a gesture is voided (it stays in the ledger, marked void)."""

    reason: str = Field(min_length=1, max_length=REASON_MAX)


class AppreciationIn(Body):
    """One person's one-tap recognition of a gesture (once per person)."""

    person_id: int = Field(ge=1, le=ID_MAX)
    note: str = Field(default="", max_length=NOTE_MAX)


class GestureListQuery(BaseModel):
    """A period of local days in the team's time zone (both included), read page by page."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: date = Field(alias="from", description="First local day (YYYY-MM-DD).")
    to: date = Field(description="Last local day, included.")
    cursor: str | None = Field(default=None, max_length=200, description="`next_cursor` of the page before.")
    limit: int = Field(default=50, ge=1, le=PAGE_MAX)


class MandateQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    on: date | None = Field(default=None, description="Local day (default: today in the team's time zone).")


class ReportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lang: Literal["en", "nl"] = "en"


class GestureOut(Out):
    """A gesture as it stands now: its current entry (after corrections), or its last entry when voided."""

    id: uuid.UUID = Field(description="The gesture's id (its first entry's id).")
    entry_id: uuid.UUID = Field(description="The id of the entry shown (a correction has its own).")
    status: Literal["active", "voided"]
    corrections: int = Field(ge=0)
    team_id: int
    person_id: int
    logged_by_id: int
    logged_at: datetime
    occurred_at: datetime
    kind: Kind
    trigger: Trigger
    reaction: int
    cost_cents: int
    effort_minutes: int | None
    description: str
    trigger_note: str
    reaction_note: str
    follow_up: FollowUp | None
    mandate_check: MandateCheck
    redacted: list[str] = Field(description="Kinds of personal data removed from the texts before storing.")
    change_reason: str


class GesturePage(Out):
    gestures: list[GestureOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last.")


class AppreciationOut(Out):
    id: int
    gesture_id: uuid.UUID
    person_id: int
    note: str
    created_at: datetime


class TeamOut(Out):
    id: int
    name: str
    timezone: str
    why: str
    archived: bool


class TeamList(Out):
    teams: list[TeamOut]


class PersonOut(Out):
    id: int
    display_name: str
    role: Literal["staff", "manager", "admin"]
    active: bool


class PeopleList(Out):
    people: list[PersonOut]


class MandateOut(Out):
    id: int
    valid_from: date
    per_gesture_cap_cents: int
    allowance_cents: int
    allowance_period: Literal["week", "month"]
    kinds: list[Kind] = Field(description="Allowed kinds; empty means every kind.")
    why: str
    agreed_at: datetime


class MandateInForce(Out):
    team_id: int
    on: date
    mandate: MandateOut | None = Field(description="null when the team has no frame on that day.")


class ReportOut(Out):
    """The weekly report with its prompts: the JSON of `gesture-ledger report --format json`."""

    model_config = ConfigDict(extra="allow")

    team: dict[str, Any]
    week: str
    start: str
    end: str
    totals: dict[str, Any]
    prompts: list[dict[str, Any]]


class OutboxGesture(BaseModel):
    """A gesture as the tablet's log form holds it, sent by its outbox (web/static/log.js): the form's own
    fields, as text. The ledger reads them as it reads the form post (web/gestures/forms.parse_gesture), in
    the team's time zone, so a refused field is named as the form names it. Fields this version does not
    read are ignored rather than refused: a gesture queued by an older page must still arrive."""

    model_config = ConfigDict(strict=True, extra="ignore", json_schema_extra={"examples": [{
        "gesture_id": "0b6f3c1e-6a51-4f3e-9d55-7a2b1c9e4f10", "send_token": "(the log form's hidden field)",
        "kind": "treat", "trigger": "waiting", "reaction": "4", "cost_pick": "200", "cost": "",
        "effort_pick": "5", "effort": "", "description": "Coffee while they waited", "trigger_note": "",
        "reaction_note": "", "follow_up": "", "when": "now", "day": "", "time": "",
        "queued_at": "2026-11-30T10:15:00.000Z"}]})

    gesture_id: uuid.UUID = Field(description="Chosen by the tablet: the idempotency key.")
    # Not required by the schema: a missing token is refused as a wrong one is (403), the credential it is.
    send_token: str = Field(default="", description="The signed send token the log form was issued with (its "
                                                    "hidden field); without a valid one the answer is 403.")
    kind: str = Field(default="", description="A kind code, e.g. `treat`.")
    trigger: str = Field(default="", description="A trigger code, e.g. `waiting`.")
    reaction: str = Field(default="", description="`1` … `5`.")
    cost_pick: str = Field(default="", description="A quick pick in cents (`0`, `200`, … `2000`).")
    cost: str = Field(default="", description="Typed euros (`4,50` or `4.50`); wins over the pick.")
    effort_pick: str = Field(default="", description="A quick pick in minutes (`0`, `5`, `15`, `30`).")
    effort: str = Field(default="", description="Typed minutes; wins over the pick. Neither: not known.")
    description: str = ""
    trigger_note: str = ""
    reaction_note: str = ""
    follow_up: str = Field(default="", description="A follow-up code, or empty.")
    when: str = Field(default="now", description="`now`, or `earlier` with `day` and `time`.")
    day: str = Field(default="", description="With `earlier`: the team's local day (YYYY-MM-DD).")
    time: str = Field(default="", description="With `earlier`: the team's local time (HH:MM).")
    queued_at: str = Field(default="", description="When the tablet saved it (ISO 8601 with an offset): "
                                                   "`now` means then, within the form's lifetime.")


class OutboxAnswer(Out):
    """A gesture the outbox delivered (stored now, or before when `created` is false)."""

    id: uuid.UUID
    created: bool = Field(description="false: this id was stored before; nothing new was stored.")
    mandate_check: MandateCheck
    redacted: list[str] = Field(description="Kinds of personal data removed from the texts before storing.")
    thanks_url: str = Field(description="The thank-you page, for the signed-in giver only (no token in it).")


class Problem(Out):
    """An RFC 9457 problem document; `codes` names each refused field with the ledger's code."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    error: str | int | None = None
    errors: dict[str, str] | None = None
    codes: dict[str, str] | None = None
