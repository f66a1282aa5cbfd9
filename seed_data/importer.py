"""Import a CSV folder through the ledger's own services, all or nothing.

Every row goes through the same service as a form in the app (validation, PII redaction, mandate
check). Problems are collected across all files as `file:line: column: reason`; if there is any, the
whole import is rolled back. Re-importing a folder adds nothing: teams match by name, people by e-mail
(else by name in their first team), mandates by team and valid_from, gestures by id — a row without an
id gets a deterministic one derived from its content.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.services import audit
from ledger.types import utcnow
from seed_data.counts import Counts
from seed_data.csvfiles import SPECS, Folder, ImportFailed, Problem, read_folder
from seed_data.rows import RowImporter

__all__ = ["Counts", "ImportFailed", "import_folder", "import_rows", "import_session"]


def import_folder(*, engine: Engine, folder: Path | str, now: datetime | None = None,
                  progress: Callable[[int], None] | None = None) -> Counts:
    """Import a CSV folder in one transaction; ImportFailed (nothing stored) lists every bad row."""
    return import_rows(engine=engine, folder=read_folder(folder), now=now, progress=progress)


def import_rows(*, engine: Engine, folder: Folder, now: datetime | None = None,
                progress: Callable[[int], None] | None = None) -> Counts:
    """Import rows already read with `read_folder`; `progress(n)` is called as rows are done."""
    now = now or utcnow()
    with import_session(engine) as session:
        run = RowImporter(session=session, now=now, tick=progress or (lambda _n: None))
        run.problems += folder.problems
        for name, rows in folder.files.items():
            run.import_file(name, rows)
        if not run.problems:
            run.finish()
        if run.problems:
            raise ImportFailed(sorted(run.problems, key=_problem_order))
        audit.record(session, action="data.import", entity="import",
                     detail={"added": run.counts.added, "existing": run.counts.existing})
        session.commit()
        return run.counts


@contextmanager
def import_session(engine: Engine) -> Iterator[Session]:
    """A session whose services' commits become savepoints of one transaction, committed only on success.

    This is SQLAlchemy's "join a session into an external transaction" recipe: a service's own
    rollback (e.g. after a unique-key race) undoes only its own savepoint, never earlier rows.
    """
    with engine.connect() as conn:
        outer = conn.begin()
        if engine.dialect.name == "sqlite":
            # pysqlite defers BEGIN until the first write, so the first SAVEPOINT would open (and its
            # RELEASE commit) a transaction of its own; an explicit BEGIN IMMEDIATE holds everything in
            # one transaction and takes the write lock up front instead of failing halfway.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        session = Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
        try:
            yield session
        except BaseException:
            session.close()
            outer.rollback()
            raise
        session.close()
        outer.commit()


def _problem_order(p: Problem) -> tuple:
    files = list(SPECS)
    rank = files.index(p.file) if p.file in files else -1
    return rank, p.line or 0
