"""Migrating an empty database to head gives exactly the schema the models describe."""

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from ledger import migrate
from ledger.models import SQLModel


def test_migrating_to_head_matches_the_models(engine, db_url):
    cfg = migrate.alembic_config(db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.check(cfg)  # raises when models and migrations differ


def test_every_model_table_exists_after_migration(engine):
    assert set(SQLModel.metadata.tables) <= set(inspect(engine).get_table_names())


def test_upgrading_an_up_to_date_database_keeps_it_at_head(engine, db_url):
    migrate.upgrade(engine)
    script = ScriptDirectory.from_config(migrate.alembic_config(db_url))
    with engine.connect() as conn:
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert current == script.get_current_head()
