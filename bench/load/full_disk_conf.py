"""gunicorn config for the full-disk fault (load tests only; not a deployment setting).

Every SQLite connection the app opens gets `PRAGMA max_page_count` = LOAD_SQLITE_MAX_PAGES: the database
cannot grow past that many pages, which SQLite reports exactly as a full disk ("database or disk is
full"). Registered on the Engine class, so the app's code is untouched.
"""

import os

from sqlalchemy import event
from sqlalchemy.engine import Engine


def _limit_pages(dbapi_connection, _record) -> None:
    if type(dbapi_connection).__module__ == "sqlite3":
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count={int(os.environ['LOAD_SQLITE_MAX_PAGES'])}")
        cursor.close()


event.listen(Engine, "connect", _limit_pages)
