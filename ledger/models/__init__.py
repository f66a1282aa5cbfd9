"""All tables of the ledger, importable from one place (Alembic reads `SQLModel.metadata`)."""

from sqlmodel import SQLModel

# Named constraints make Alembic batch migrations on SQLite and drops on PostgreSQL predictable.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

from ledger.models.admin import PasswordReset, Setting  # noqa: E402
from ledger.models.api_tokens import ApiRateWindow, ApiToken, ApiTokenTeam  # noqa: E402
from ledger.models.audit import AuditEvent  # noqa: E402
from ledger.models.devices import Tablet  # noqa: E402
from ledger.models.gestures import Appreciation, Gesture  # noqa: E402
from ledger.models.integrity import ErasureGate  # noqa: E402
from ledger.models.mandates import Mandate, MandateOverride  # noqa: E402
from ledger.models.people import Membership, Person, Team  # noqa: E402
from ledger.models.reviews import PromptReview  # noqa: E402
from ledger.models.security import RecoveryCode, Signin, SigninThrottle  # noqa: E402
from ledger.models.sessions import (  # noqa: E402
    LearningSession,
    SessionAction,
    SessionStory,
    StoryOffer,
    Takeaway,
    TakeawayStory,
)

__all__ = [
    "ApiRateWindow",
    "ApiToken",
    "ApiTokenTeam",
    "Appreciation",
    "AuditEvent",
    "ErasureGate",
    "Gesture",
    "LearningSession",
    "Mandate",
    "MandateOverride",
    "Membership",
    "PasswordReset",
    "Person",
    "PromptReview",
    "RecoveryCode",
    "SessionAction",
    "SessionStory",
    "Signin",
    "SigninThrottle",
    "SQLModel",
    "Setting",
    "StoryOffer",
    "Takeaway",
    "TakeawayStory",
    "Tablet",
    "Team",
]
