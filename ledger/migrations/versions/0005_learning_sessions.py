"""learning sessions, stories, actions, takeaways (the playbook), story offers, name consent

Also gives Mandate.learning_session_id the foreign key it was waiting for, and adds the per-person
choice "my name may be shown in learning sessions" (on by default, also for existing people).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import ledger.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = ledger.types.UTCDateTime(timezone=True)


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _defer_foreign_keys() -> None:
    # SQLite's batch mode copies `mandate` to add its foreign key; gestures and overrides point at its rows,
    # so the check waits for the commit, when the renamed copy holds the same ids again (as in 0007).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA defer_foreign_keys = ON")


def _create_learning_session() -> None:
    op.create_table(
        "learning_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", _text(120), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("facilitator_id", sa.Integer(), nullable=True),
        sa.Column("status", _text(10), nullable=False),
        sa.Column("notes", _text(4000), nullable=False),
        sa.Column("participants", _text(500), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("closed_at", UTC, nullable=True),
        _fk("learning_session", "created_by_id", "person"),
        _fk("learning_session", "facilitator_id", "person"),
        _fk("learning_session", "team_id", "team"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_session")),
    )
    op.create_index(op.f("ix_learning_session_team_id"), "learning_session", ["team_id"], unique=False)


def _create_takeaway() -> None:
    op.create_table(
        "takeaway",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("text", _text(300), nullable=False),
        sa.Column("kind", _text(16), nullable=True),
        sa.Column("trigger", _text(16), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("retired_at", UTC, nullable=True),
        sa.Column("retired_in_session_id", sa.Integer(), nullable=True),
        sa.Column("retired_by_id", sa.Integer(), nullable=True),
        _fk("takeaway", "created_by_id", "person"),
        _fk("takeaway", "retired_by_id", "person"),
        _fk("takeaway", "retired_in_session_id", "learning_session"),
        _fk("takeaway", "session_id", "learning_session"),
        _fk("takeaway", "team_id", "team"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takeaway")),
    )
    op.create_index(op.f("ix_takeaway_team_id"), "takeaway", ["team_id"], unique=False)
    op.create_table(
        "takeaway_story",
        sa.Column("takeaway_id", sa.Integer(), nullable=False),
        sa.Column("gesture_id", sa.Uuid(), nullable=False),
        _fk("takeaway_story", "gesture_id", "gesture"),
        _fk("takeaway_story", "takeaway_id", "takeaway"),
        sa.PrimaryKeyConstraint("takeaway_id", "gesture_id", name=op.f("pk_takeaway_story")),
    )


def _create_session_action() -> None:
    op.create_table(
        "session_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("text", _text(300), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", _text(10), nullable=False),
        sa.Column("proposed_cap_cents", sa.Integer(), nullable=True),
        sa.Column("proposed_allowance_cents", sa.Integer(), nullable=True),
        sa.Column("proposed_period", _text(8), nullable=True),
        sa.Column("proposed_kinds", _text(200), nullable=False),
        sa.Column("proposed_why", _text(500), nullable=False),
        sa.Column("applied_mandate_id", sa.Integer(), nullable=True),
        sa.Column("applied_by_id", sa.Integer(), nullable=True),
        sa.Column("applied_at", UTC, nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        _fk("session_action", "applied_by_id", "person"),
        _fk("session_action", "applied_mandate_id", "mandate"),
        _fk("session_action", "created_by_id", "person"),
        _fk("session_action", "owner_id", "person"),
        _fk("session_action", "session_id", "learning_session"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_action")),
    )
    op.create_index(op.f("ix_session_action_session_id"), "session_action", ["session_id"], unique=False)


def _create_session_story() -> None:
    op.create_table(
        "session_story",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("gesture_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("takeaway_id", sa.Integer(), nullable=True),
        sa.Column("offered_by_id", sa.Integer(), nullable=True),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        _fk("session_story", "added_by_id", "person"),
        _fk("session_story", "gesture_id", "gesture"),
        _fk("session_story", "offered_by_id", "person"),
        _fk("session_story", "session_id", "learning_session"),
        _fk("session_story", "takeaway_id", "takeaway"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_story")),
        sa.UniqueConstraint("session_id", "gesture_id", name=op.f("uq_session_story_session_id")),
    )
    op.create_index(op.f("ix_session_story_session_id"), "session_story", ["session_id"], unique=False)


def _create_story_offer() -> None:
    op.create_table(
        "story_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("gesture_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("used_in_session_id", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", UTC, nullable=True),
        _fk("story_offer", "gesture_id", "gesture"),
        _fk("story_offer", "person_id", "person"),
        _fk("story_offer", "team_id", "team"),
        _fk("story_offer", "used_in_session_id", "learning_session"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_offer")),
        sa.UniqueConstraint("gesture_id", name=op.f("uq_story_offer_gesture_id")),
    )
    op.create_index(op.f("ix_story_offer_team_id"), "story_offer", ["team_id"], unique=False)


def upgrade() -> None:
    _create_learning_session()
    _create_takeaway()
    _create_session_action()
    _create_session_story()
    _create_story_offer()
    _defer_foreign_keys()
    with op.batch_alter_table("mandate") as batch:
        batch.create_foreign_key(op.f("fk_mandate_learning_session_id_learning_session"), "learning_session",
                                 ["learning_session_id"], ["id"])
    with op.batch_alter_table("person") as batch:
        # Existing people keep what they had in practice: their name is shown.
        batch.add_column(sa.Column("show_name_in_sessions", sa.Boolean(), server_default="1", nullable=False))


def downgrade() -> None:
    _defer_foreign_keys()
    with op.batch_alter_table("person") as batch:
        batch.drop_column("show_name_in_sessions")
    with op.batch_alter_table("mandate") as batch:
        batch.drop_constraint(op.f("fk_mandate_learning_session_id_learning_session"), type_="foreignkey")
    for table in ("story_offer", "session_story", "session_action", "takeaway_story", "takeaway",
                  "learning_session"):
        op.drop_table(table)
