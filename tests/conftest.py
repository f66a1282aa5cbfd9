"""Shared fixtures (flaskr style): a migrated database per run, emptied after each test."""

import pytest
from sqlalchemy import delete
from sqlmodel import Session, SQLModel

from ledger import guard, migrate
from ledger.db import make_engine
from tests.dbs import fresh_database


@pytest.fixture(scope="session")
def db_url(tmp_path_factory):
    with fresh_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def engine(db_url):
    eng = make_engine(db_url)
    migrate.upgrade(eng)  # the schema comes from the migrations, as in production
    yield eng
    eng.dispose()


@pytest.fixture(autouse=True)
def _empty_tables(request):
    """Every test starts from empty tables (only when it used the database)."""
    yield
    if "engine" not in request.fixturenames:
        return
    eng = request.getfixturevalue("engine")
    with eng.begin() as conn, guard.open_gate(conn, guard.MAINTENANCE):  # the ledger's guard lets it empty
        for table in reversed(SQLModel.metadata.sorted_tables):
            if table.name != "erasure_gate":
                conn.execute(delete(table))


@pytest.fixture
def session(engine):
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def app(engine, db_url):
    from web import create_app

    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": db_url,
        "WTF_CSRF_ENABLED": False,  # tests of CSRF itself switch it back on
        "SESSION_COOKIE_SECURE": False,
    })
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
