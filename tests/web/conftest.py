"""Fixtures shared by the web tests."""

import sqlite3

import pytest
from sqlalchemy import event, make_url

from tests.factories import make_mandate, make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin


@pytest.fixture
def desk(session, client):
    """Anouk signed in with her PIN on the front desk's tablet (whose cookie the client carries)."""
    team = make_team(session, "Front desk")
    make_mandate(session, team, cap=2500)
    anouk = make_staff(session, team, "Anouk")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    return team, anouk, tablet


@pytest.fixture
def write_lock(app, db_url):
    """Another connection that can hold SQLite's write lock past the app's (shortened) busy timeout."""
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock; PostgreSQL's outage is the load test's restart fault")
    event.listen(app.extensions["engine"], "connect",
                 lambda conn, _record: conn.execute("PRAGMA busy_timeout=50"))
    app.extensions["engine"].dispose()  # connections opened from now on wait 50 ms, not 5 s
    holder = sqlite3.connect(make_url(db_url).database, isolation_level=None)
    yield holder
    holder.close()
