"""API v1 gestures: log one (idempotent on its id), read one, list a team's period, correct, void, appreciate.

Writes act as the admin who created the token (the audit trail names them) within the token's teams;
the ledger's services own every rule and the transaction, as they do for the app's own forms.
"""

import base64
import binascii
import json
import uuid
from datetime import datetime

from sqlmodel import select

from ledger.errors import Conflict, FieldError, ValidationFailed
from ledger.models import Appreciation, Gesture, Person
from ledger.services import appreciations, corrections, gesture_reads
from ledger.services import gestures as ledger_gestures
from ledger.services.gesture_rules import GestureInput
from web.api.v1.auth import current_token, require_team
from web.api.v1.blueprint import ID, operation
from web.api.v1.inputs import read_body, read_query
from web.api.v1.schemas import (
    AppreciationIn,
    AppreciationOut,
    CorrectionIn,
    GestureContentIn,
    GestureCreate,
    GestureListQuery,
    GestureOut,
    GesturePage,
    VoidIn,
)
from web.db import get_session

_CONTENT = tuple(GestureContentIn.model_fields)


def gesture_out(state: gesture_reads.GestureState) -> dict:
    """A gesture's chain as the API shows it."""
    row = state.shown
    content = {name: getattr(row, name) for name in _CONTENT}
    return GestureOut(
        id=row.origin_id, entry_id=row.id, status="voided" if state.voided else "active",
        corrections=state.corrections, team_id=row.team_id, person_id=row.person_id,
        logged_by_id=row.logged_by_id, logged_at=row.logged_at, mandate_check=row.mandate_check,
        redacted=[c for c in row.redacted.split(";") if c], change_reason=row.change_reason, **content,
    ).model_dump(mode="json")


def _input(data: GestureContentIn) -> GestureInput:
    return GestureInput(**{name: getattr(data, name) for name in _CONTENT})


def _state(gesture_id: uuid.UUID) -> gesture_reads.GestureState:
    """The gesture's chain, when it belongs to one of the token's teams (404 otherwise)."""
    state = gesture_reads.gesture_state(session=get_session(), gesture_id=gesture_id)
    require_team(state.shown.team_id)
    return state


def _current(state: gesture_reads.GestureState) -> Gesture:
    if state.voided:
        raise Conflict("this gesture was voided")
    return state.shown


GESTURE_ERRORS = (404, 409, 413, 415, 422)


@operation("POST", "/gestures", summary="Log a gesture", tag="gestures", body=GestureCreate, write=True,
           responses={201: GestureOut, 200: GestureOut}, errors=GESTURE_ERRORS)
def create_gesture():
    """Stores one gesture. The id is the idempotency key: the same id and content again answers 200 with
    the stored gesture; the same id with other content answers 409."""
    data = read_body(GestureCreate)
    session = get_session()
    logged = ledger_gestures.log_gesture(
        session=session, team_id=require_team(data.team_id), person_id=data.person_id,
        logged_by_id=current_token().created_by_id, data=_input(data), gesture_id=data.id)
    state = gesture_reads.gesture_state(session=session, gesture_id=logged.gesture.id)
    return gesture_out(state), 201 if logged.created else 200


@operation("GET", "/gestures/<uuid:gesture_id>", summary="Read a gesture", tag="gestures",
           responses={200: GestureOut}, errors=(404,))
def read_gesture(gesture_id: uuid.UUID):
    """The gesture as it stands now (any of its entry ids finds it): corrected content, or voided."""
    return gesture_out(_state(gesture_id))


def _cursor(key: gesture_reads.Key) -> str:
    raw = json.dumps([key.occurred_at.isoformat(), key.entry_id.hex]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _key(cursor: str | None) -> gesture_reads.Key | None:
    if cursor is None:
        return None
    try:
        moment, entry = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        key = gesture_reads.Key(datetime.fromisoformat(moment), uuid.UUID(hex=entry))
    except (ValueError, TypeError, binascii.Error):
        key = None
    if key is None or key.occurred_at.tzinfo is None:
        raise ValidationFailed([FieldError("cursor", "format")])
    return key


@operation("GET", f"/teams/<{ID}:team_id>/gestures", summary="List a team's gestures in a period",
           tag="gestures", query=GestureListQuery, responses={200: GesturePage}, errors=(404, 422))
def list_gestures(team_id: int):
    """The current (not voided) gestures of the local days `from`..`to`, oldest first, a page at a time."""
    query = read_query(GestureListQuery)
    states, key = gesture_reads.gesture_page(
        session=get_session(), team_id=require_team(team_id), first=query.from_, last=query.to,
        after=_key(query.cursor), limit=query.limit)
    return {"gestures": [gesture_out(s) for s in states], "next_cursor": _cursor(key) if key else None}


@operation("POST", "/gestures/<uuid:gesture_id>/corrections", summary="Correct a gesture", tag="gestures",
           body=CorrectionIn, write=True, responses={201: GestureOut, 200: GestureOut},
           errors=(403, *GESTURE_ERRORS))
def correct_gesture(gesture_id: uuid.UUID):
    """Stores the whole corrected content as a new entry (the ledger is append-only). With an `id`, sending
    the same correction again answers 200."""
    data = read_body(CorrectionIn)
    session = get_session()
    state = _state(gesture_id)
    replayed = session.get(Gesture, data.id) if data.id is not None else None
    same_chain = (replayed is not None and replayed.origin_id == state.shown.origin_id
                  and replayed.supersedes_id is not None)
    target = replayed.supersedes_id if same_chain else _current(state).id
    logged = corrections.correct_gesture(
        session=session, gesture_id=target, actor_id=current_token().created_by_id, data=_input(data),
        reason=data.reason, new_id=data.id)
    return gesture_out(_state(logged.gesture.id)), 201 if logged.created else 200


@operation("POST", "/gestures/<uuid:gesture_id>/void", summary="Void a gesture", tag="gestures",
           body=VoidIn, write=True, responses={201: GestureOut}, errors=(403, *GESTURE_ERRORS))
def void_gesture(gesture_id: uuid.UUID):
    """Voids the gesture with a reason; it stays in the ledger, marked void, and leaves the totals."""
    data = read_body(VoidIn)
    current = _current(_state(gesture_id))
    row = corrections.void_gesture(session=get_session(), gesture_id=current.id,
                                       actor_id=current_token().created_by_id, reason=data.reason)
    return gesture_out(_state(row.id)), 201


@operation("POST", "/gestures/<uuid:gesture_id>/appreciations", summary="Appreciate a gesture",
           tag="gestures", body=AppreciationIn, write=True,
           responses={201: AppreciationOut, 200: AppreciationOut},
           errors=(403, *GESTURE_ERRORS))
def appreciate_gesture(gesture_id: uuid.UUID):
    """One person of the team recognises a colleague's gesture (once: a repeat answers 200 with the first)."""
    data = read_body(AppreciationIn)
    session = get_session()
    state = _state(gesture_id)
    if session.get(Person, data.person_id) is None:
        raise ValidationFailed([FieldError("person_id", "unknown")])
    before = session.exec(select(Appreciation.id).where(
        Appreciation.gesture_id == state.shown.origin_id, Appreciation.person_id == data.person_id)).first()
    row = appreciations.appreciate(session=session, gesture_id=state.shown.origin_id, by_id=data.person_id,
                                   note=data.note)
    body = AppreciationOut(id=row.id, gesture_id=row.gesture_id, person_id=row.person_id, note=row.note,
                           created_at=row.created_at).model_dump(mode="json")
    return body, 200 if before is not None else 201
