"""The fixed vocabularies of the ledger: machine codes used in the database, CSV files and the API.

Labels are translated by the web layer; the ledger only knows the codes.
"""

from enum import StrEnum


class Role(StrEnum):
    STAFF = "staff"
    MANAGER = "manager"
    ADMIN = "admin"


class Kind(StrEnum):
    GIFT = "gift"
    TREAT = "treat"
    TIME = "time"
    UPGRADE = "upgrade"
    DISCOUNT = "discount"
    RECOVERY = "recovery"
    OTHER = "other"


class Trigger(StrEnum):
    COMPLAINT = "complaint"
    WAITING = "waiting"
    CELEBRATION = "celebration"
    REGULAR = "regular"
    IN_NEED = "in_need"
    FIRST_VISIT = "first_visit"
    SPONTANEOUS = "spontaneous"
    OTHER = "other"


class FollowUp(StrEnum):
    RETURNED = "returned"
    REVIEW = "review"
    THANKED = "thanked"
    REFERRED = "referred"


class MandateCheck(StrEnum):
    """Outcome of comparing a gesture with the frame in force; recorded, never blocking."""

    WITHIN = "within"
    OVER_CAP = "over_cap"
    OVER_ALLOWANCE = "over_allowance"
    NO_MANDATE = "no_mandate"
    # Within cap and allowance, but a kind the team's frame does not list.
    OUTSIDE_KINDS = "outside_kinds"


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


class EntryType(StrEnum):
    """What a ledger row is: the first record, a correction of an earlier row, or a void of one."""

    ORIGINAL = "original"
    CORRECTION = "correction"
    VOID = "void"


# Reaction scale 1..5: 1 negative, 2 no visible reaction, 3 pleased, 4 delighted, 5 moved.
REACTION_MIN = 1
REACTION_MAX = 5
REACTION_DELIGHTED = 4


# --- learning sessions (issue 8) --------------------------------------------------------------------

class SessionStatus(StrEnum):
    """Where a learning session is in its life: planned, being held, or closed with its summary."""

    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    """An agreed action of a learning session."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
