"""The only writes that change stored ledger rows in place: privacy erasure and retention (DESIGN §8).

The ledger is append-only everywhere else. These functions blank free texts (and replace a name by a
pseudonym) while every number — cost, effort, reaction, kind, trigger, dates — stays, so the team's
totals and past reports stay true. Keep every such write in this module: the tamper-evidence work
wires its database guard (triggers refusing UPDATE/DELETE) to exactly these statements.
They run in the caller's transaction and never commit.
"""

import functools
import json
import re
from datetime import datetime

from sqlalchemy import func, or_, update
from sqlmodel import Session, select

from ledger import chain, guard
from ledger.models import Appreciation, AuditEvent, Gesture, Membership, PromptReview

GESTURE_TEXTS = ("description", "trigger_note", "reaction_note")
# Audit details that copy a free text (a correction's or void's reason, a note).
AUDIT_TEXT_KEYS = ("reason", "note")
_ANY_GESTURE_TEXT = or_(*(getattr(Gesture, name) != "" for name in GESTURE_TEXTS))


def guarded(rewrite):
    """Run a rewrite with the database guard's erasure gate open (ledger/guard.py, migration 0009)."""
    @functools.wraps(rewrite)
    def run(session: Session, **kwargs):
        with guard.erasure(session):
            return rewrite(session, **kwargs)
    return run


@guarded
def blank_texts_of_person(session: Session, *, person_id: int) -> int:
    """Blank the free texts a person wrote: their gestures' stories, their change reasons, their notes."""
    told = session.exec(update(Gesture).where(
        or_(Gesture.person_id == person_id, Gesture.logged_by_id == person_id))
        .values(**dict.fromkeys(GESTURE_TEXTS, ""))).rowcount
    mine = Gesture.logged_by_id == person_id
    reasons = session.exec(update(Gesture).where(mine, Gesture.change_reason != "")
                           .values(change_reason="")).rowcount
    given = Appreciation.person_id == person_id
    notes = session.exec(update(Appreciation).where(given, Appreciation.note != "").values(note="")).rowcount
    reviews = session.exec(update(PromptReview).where(PromptReview.reviewer_id == person_id,
                                                      PromptReview.note != "").values(note="")).rowcount
    return told + reasons + notes + reviews


def _replacer(name: str, pseudonym: str):
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return lambda text: pattern.sub(pseudonym, text) if text else text


@guarded
def replace_name_in_team_texts(session: Session, *, person_id: int, name: str, pseudonym: str) -> int:
    """Replace the person's name by their pseudonym in colleagues' texts of the person's teams."""
    if len(name.strip()) < 2:
        return 0
    swap, key = _replacer(name.strip(), pseudonym), name.strip().lower()

    def mentions(column):
        return func.lower(column).contains(key, autoescape=True)

    teams = select(Membership.team_id).where(Membership.person_id == person_id)
    changed = 0
    text_columns = (*GESTURE_TEXTS, "change_reason")
    rows = session.exec(select(Gesture).where(Gesture.team_id.in_(teams), or_(
        *(mentions(getattr(Gesture, c)) for c in text_columns))))
    for row in rows:
        values = {c: swap(getattr(row, c)) for c in text_columns}
        # The new texts' hashes, so verify tells this rewrite from an edit (ledger/chain.py).
        values["rewrite_hashes"] = chain.hashes_of_texts(values)
        session.exec(update(Gesture).where(Gesture.id == row.id).values(**values))
        changed += 1
    team_gestures = select(Gesture.id).where(Gesture.team_id.in_(teams))
    in_teams = {Appreciation: Appreciation.gesture_id.in_(team_gestures),
                PromptReview: PromptReview.team_id.in_(teams)}
    for model, scope in in_teams.items():
        for row in session.exec(select(model).where(scope, mentions(model.note))):
            session.exec(update(model).where(model.id == row.id).values(note=swap(row.note)))
            changed += 1
    return changed


def count_texts_before(session: Session, *, cutoff: datetime) -> dict[str, int]:
    """How many rows hold free text older than `cutoff` (what retention would blank)."""
    def count(model, *where) -> int:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())

    return {
        "gestures": count(Gesture, Gesture.occurred_at < cutoff,
                          or_(_ANY_GESTURE_TEXT, Gesture.change_reason != "")),
        "appreciations": count(Appreciation, Appreciation.created_at < cutoff, Appreciation.note != ""),
        "reviews": count(PromptReview, PromptReview.updated_at < cutoff, PromptReview.note != ""),
    }


@guarded
def blank_texts_before(session: Session, *, cutoff: datetime) -> dict[str, int]:
    """Retention: blank every free text older than `cutoff`, keeping every number."""
    counts = count_texts_before(session, cutoff=cutoff)
    session.exec(update(Gesture).where(Gesture.occurred_at < cutoff)
                 .where(or_(_ANY_GESTURE_TEXT, Gesture.change_reason != ""))
                 .values(change_reason="", **dict.fromkeys(GESTURE_TEXTS, "")))
    session.exec(update(Appreciation).where(Appreciation.created_at < cutoff, Appreciation.note != "")
                 .values(note=""))
    session.exec(update(PromptReview).where(PromptReview.updated_at < cutoff, PromptReview.note != "")
                 .values(note=""))
    counts["audit"] = blank_audit_texts_before(session, cutoff=cutoff)
    return counts


def _without_texts(detail: str, swap=None) -> str:
    """An audit detail with its copied free texts blanked (and the name swapped when `swap` is given)."""
    try:
        data = json.loads(detail)
    except ValueError:
        return swap(detail) if swap else detail
    if not isinstance(data, dict):
        return detail
    if swap is None:
        data.update({key: "" for key in AUDIT_TEXT_KEYS if key in data})
    else:
        data = {key: swap(value) if isinstance(value, str) else value for key, value in data.items()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


@guarded
def scrub_audit_details(session: Session, *, person_id: int, name: str, pseudonym: str) -> int:
    """Blank the texts the person wrote that audit rows copied, and their name anywhere in a detail."""
    changed = 0
    for event in session.exec(select(AuditEvent).where(AuditEvent.actor_id == person_id,
                                                       AuditEvent.detail != "")):
        event.detail = _without_texts(event.detail)
        session.add(event)
        changed += 1
    if len(name.strip()) >= 2:
        swap = _replacer(name.strip(), pseudonym)
        mentions = func.lower(AuditEvent.detail).contains(name.strip().lower(), autoescape=True)
        for event in session.exec(select(AuditEvent).where(mentions)):
            event.detail = _without_texts(event.detail, swap)
            session.add(event)
            changed += 1
    return changed


@guarded
def blank_audit_texts_before(session: Session, *, cutoff: datetime) -> int:
    """Retention for audit rows: copied reasons and notes older than `cutoff` are blanked."""
    quoted = or_(*(AuditEvent.detail.contains(f'"{key}": "', autoescape=True) for key in AUDIT_TEXT_KEYS))
    rows = list(session.exec(select(AuditEvent).where(AuditEvent.at < cutoff, quoted)))
    for event in rows:
        event.detail = _without_texts(event.detail)
        session.add(event)
    return len(rows)
