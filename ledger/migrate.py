"""Run Alembic migrations programmatically (the CLI's `init` and the tests use this)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations folder and the given database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind the engine to a revision (head by default)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def is_empty(engine: Engine) -> bool:
    """True when no team exists yet (a fresh installation)."""
    if not inspect(engine).has_table("team"):
        return True
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM team").scalar() == 0
