"""The bench's baseline: a bare Flask app with one POST route that inserts one row, into SQLite or PostgreSQL.

It is what DESIGN §7 compares the logging POST with: the same framework, the same gunicorn settings, and
on SQLite the same pragmas as ledger/db.py, on PostgreSQL one psycopg connection per worker — but nothing
else (no ORM, sessions, CSRF, templates or rules). Served by `gunicorn 'bench.log_post.baseline:create_app()'`
with BASELINE_DB set to the SQLite file's path or to a PostgreSQL URL (postgresql+psycopg://… or postgresql://…).
"""

import os
import sqlite3
import uuid

from flask import Flask, request

SCHEMA = "CREATE TABLE IF NOT EXISTS hit (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)"
PG_SCHEMA = ("CREATE TABLE IF NOT EXISTS hit (id TEXT PRIMARY KEY, body TEXT NOT NULL, "
             "created_at TIMESTAMPTZ NOT NULL)")
INSERT = "INSERT INTO hit (id, body, created_at) VALUES (?, ?, datetime('now'))"
PG_INSERT = "INSERT INTO hit (id, body, created_at) VALUES (%s, %s, now())"


def is_postgres(target: str) -> bool:
    """Whether BASELINE_DB names a PostgreSQL database (else it is a SQLite file's path)."""
    return target.startswith(("postgresql://", "postgresql+psycopg://"))


def connect(target: str):
    """A connection with the pragmas ledger/db.py sets on every SQLite connection, or a psycopg one."""
    if is_postgres(target):
        import psycopg  # only the PostgreSQL baseline needs it

        return psycopg.connect(target.replace("postgresql+psycopg://", "postgresql://", 1))
    conn = sqlite3.connect(target, check_same_thread=False)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def create_schema(target: str) -> None:
    """Create the one table (run once, before the server starts)."""
    conn = connect(target)
    try:
        conn.execute(PG_SCHEMA if is_postgres(target) else SCHEMA)
        conn.commit()
    finally:
        conn.close()


def create_app() -> Flask:
    """The bare app: POST /insert stores the posted form's `id` (or a new UUID) and `note`."""
    app = Flask(__name__)
    target = os.environ["BASELINE_DB"]
    statement = PG_INSERT if is_postgres(target) else INSERT

    def db():
        # One connection per worker process, opened after gunicorn forked (like an engine's pool).
        if "conn" not in app.extensions:
            app.extensions["conn"] = connect(target)
        return app.extensions["conn"]

    @app.post("/insert")
    def insert():
        row_id = request.form.get("id") or str(uuid.uuid4())
        conn = db()
        try:  # one transaction, committed, like a service's commit
            conn.execute(statement, (row_id, request.form.get("note", "")))
            conn.commit()
        except Exception:
            conn.rollback()  # a failed insert must not leave the worker's connection in a broken transaction
            raise
        return {"id": row_id}, 201

    return app
