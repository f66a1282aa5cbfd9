"""What SQL a piece of work sends: the benchmarks count it, print it and replay it."""

from collections.abc import Callable

from sqlalchemy import event


def sent(engine, work: Callable[[], object]) -> list[tuple[str, tuple]]:
    """The statements `work` sends through `engine`, each with its driver parameters, in order."""
    found: list[tuple[str, tuple]] = []

    def record(_conn, _cursor, statement, parameters, *_rest):
        found.append((statement, tuple(parameters)))

    event.listen(engine, "before_cursor_execute", record)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return found
