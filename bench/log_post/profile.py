"""Where one logging request's time goes: the JSON outbox POST in-process (Flask test client, no server),
in CPU milliseconds, with the SQL it sends and cProfile's busiest functions of our own code.

CPU time of this process only, so other jobs on the machine do not count; the bare baseline app is
timed the same way beside it.
"""

import cProfile
import io
import os
import pstats
import time
import uuid
from collections import Counter
from pathlib import Path

from bench import statements
from bench.log_post import baseline, ceiling, fixture

BODY = {"kind": "treat", "trigger": "waiting", "reaction": "4", "cost_pick": "200", "cost": "",
        "effort_pick": "5", "effort": "", "when": "now",
        "description": "Brought coffee to a family waiting for their room after a long journey"}


def _cpu_ms(post, runs: int, rounds: int = 3) -> float:
    """CPU ms per call, the best of a few rounds: other jobs on shared cores only ever add to it."""
    for _ in range(20):
        post()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(runs // rounds):
            post()
        best = min(best, (time.process_time() - start) / (runs // rounds) * 1000)
    return best


def _signed_in_tablet(client, person_id: int, token: str) -> str:
    """The tablet's enrolment link, the name tile and the PIN, as on the server; returns the send token."""
    client.get(f"/t/{token}")
    pin_page = client.get(f"/tablet/pin/{person_id}").get_data(as_text=True)
    form = {"csrf_token": fixture.field(pin_page, "csrf_token"), "pin": fixture.PIN}
    log_page = client.post(f"/tablet/pin/{person_id}", data=form, follow_redirects=True)
    send_token = fixture.field(log_page.get_data(as_text=True), "send_token")
    if not send_token:
        raise RuntimeError(f"no log page after the PIN of person {person_id}")
    return send_token


def profile(work: Path, log=print, runs: int = 300) -> None:
    """Print CPU per request (logging vs baseline), the statements of one request, and the hot spots."""
    db, base_db = work / "logging-profile.db", work / "logging-profile-baseline.db"
    installation = fixture.build(f"sqlite:///{db.resolve()}")
    app = fixture.app_for(db)
    client = app.test_client()
    send_token = _signed_in_tablet(client, *installation.staff[0])

    def post():
        body = {**BODY, "gesture_id": str(uuid.uuid4()), "send_token": send_token}
        response = client.post(fixture.OUTBOX, json=body)
        if response.status_code != 201:
            answer = response.get_data(as_text=True)[:300]
            raise RuntimeError(f"the outbox answered {response.status_code}: {answer}")

    for suffix in ("", "-wal", "-shm"):
        Path(f"{base_db}{suffix}").unlink(missing_ok=True)
    baseline.create_schema(str(base_db))
    os.environ["BASELINE_DB"] = str(base_db)
    bare = baseline.create_app().test_client()
    note = BODY["description"]
    bare_ms = _cpu_ms(lambda: bare.post("/insert", data={"id": str(uuid.uuid4()), "note": note}), runs)
    log_ms = _cpu_ms(post, runs)
    log(f"\nIn-process profile (Flask test client, CPU of this process, best of 3 rounds): "
        f"POST {fixture.OUTBOX} {log_ms:.2f} ms, "
        f"bare baseline {bare_ms:.2f} ms per request ({bare_ms / log_ms:.0%}).")
    sent = statements.sent(app.extensions["engine"], post)
    _statements(sent, log)
    limit = ceiling.measure(sent=sent, db_path=str(db), base_db_path=str(base_db), bare_request_ms=bare_ms,
                            note=note, cpu_ms=_cpu_ms)
    for line in ceiling.describe(limit, log_ms):
        log(line)
    _hot_spots(post, log, runs=100)


def _statements(sent: list[tuple[str, tuple]], log) -> None:
    shortened = [" ".join(statement.split())[:110] for statement, _ in sent]
    log(f"  one request sends {len(sent)} SQL statements:")
    for statement, times in Counter(shortened).items():
        log(f"    {times}× {statement}")


def _hot_spots(post, log, runs: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [post() for _ in range(runs)])
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"/(ledger|web)/", 14)
    lines = [line for line in out.getvalue().splitlines() if "/ledger/" in line or "/web/" in line
             or line.strip().startswith("ncalls")]
    log(f"  cProfile over {runs} requests (profiler overhead included; cumulative seconds):")
    for line in lines:
        log("    " + line.replace(str(Path.cwd()) + "/", ""))
