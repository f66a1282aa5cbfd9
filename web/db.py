"""The per-request database session, kept on `g` and closed on teardown (as flaskr does)."""

from flask import Flask, current_app, g
from sqlmodel import Session

from ledger.db import make_engine


def init_app(app: Flask) -> None:
    """Create the engine once per app and close each request's session at teardown."""
    app.extensions["engine"] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(close_session)


def get_session() -> Session:
    """This request's session; services commit their own work on it."""
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["engine"], expire_on_commit=False)
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
