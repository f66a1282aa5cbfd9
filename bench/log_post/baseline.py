"""The bench's baseline: a bare Flask app with one POST route that inserts one SQLite row.

It is what DESIGN §7 compares the logging POST with: the same framework, the same gunicorn settings and
the same SQLite pragmas as ledger/db.py, but nothing else (no ORM, sessions, CSRF, templates or rules).
Served by `gunicorn 'bench.log_post.baseline:create_app()'` with BASELINE_DB set to the SQLite file.
"""

import os
import sqlite3
import uuid

from flask import Flask, request

SCHEMA = "CREATE TABLE IF NOT EXISTS hit (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)"


def connect(path: str) -> sqlite3.Connection:
    """A connection with the pragmas ledger/db.py sets on every SQLite connection."""
    conn = sqlite3.connect(path, check_same_thread=False)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def create_schema(path: str) -> None:
    """Create the one table (run once, before the server starts)."""
    with connect(path) as conn:
        conn.execute(SCHEMA)
    conn.close()


def create_app() -> Flask:
    """The bare app: POST /insert stores the posted form's `id` (or a new UUID) and `note`."""
    app = Flask(__name__)
    path = os.environ["BASELINE_DB"]

    def db() -> sqlite3.Connection:
        # One connection per worker process, opened after gunicorn forked (like an engine's pool).
        if "conn" not in app.extensions:
            app.extensions["conn"] = connect(path)
        return app.extensions["conn"]

    @app.post("/insert")
    def insert():
        row_id = request.form.get("id") or str(uuid.uuid4())
        conn = db()
        with conn:  # one transaction, committed, like a service's commit
            conn.execute("INSERT INTO hit (id, body, created_at) VALUES (?, ?, datetime('now'))",
                         (row_id, request.form.get("note", "")))
        return {"id": row_id}, 201

    return app
