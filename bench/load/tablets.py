"""Simulated tablets: each posts gestures to the outbox (`POST /api/v1/outbox/gestures`) one after another.

Like web/static/outbox.js, a gesture is resent with the SAME id (and the same body) after a timeout, a
broken connection, a 5xx, a 429 or a 408, waiting what Retry-After says (capped, to keep runs short); a
2xx answer acknowledges it; any other answer rejects it (counted: a load run expects none). When the run
time is over a tablet starts no new gesture but keeps resending the one in hand, for a bounded drain time.
"""

import http.client
import json
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bench.load.install import Tablet
from bench.log_post.fixture import OUTBOX

REQUEST_TIMEOUT = 15.0  # above the SQLite busy timeout (5 s): a locked database answers before this
RETRY_CAP = 2.0  # a real tablet waits the whole Retry-After; the runs stay short
ERROR_PAUSE = 0.2  # after a broken connection or a timeout
RETRYABLE = {408, 429}
DESCRIPTION = "Brought coffee to a family waiting for their room after a long journey"


@dataclass
class Target:
    """Where the tablets send; a fault may point them at another server in the middle of a run."""

    url: str


@dataclass
class Tally:
    """What the tablets saw; one per tablet while running, merged at the end."""

    sent: dict[uuid.UUID, tuple[int, str]] = field(default_factory=dict)  # id → (person, description)
    acked: dict[uuid.UUID, float] = field(default_factory=dict)  # id → monotonic time of the 2xx
    latencies: list[float] = field(default_factory=list)  # seconds, every answered request
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # no answer: exception class
    retry_after: Counter = field(default_factory=Counter)  # on 429/503: the header's value ("" = none)
    served_by: Counter = field(default_factory=Counter)  # X-Served-By of the answers (behind haproxy)
    samples: list[str] = field(default_factory=list)  # first bodies of unexpected answers
    started: float = 0.0
    finished: float = 0.0

    def merge(self, other: "Tally") -> None:
        self.sent |= other.sent
        self.acked |= other.acked
        self.latencies += other.latencies
        for name in ("statuses", "failures", "retry_after", "served_by"):
            getattr(self, name).update(getattr(other, name))
        self.samples += other.samples[: max(0, 5 - len(self.samples))]

    @property
    def requests(self) -> int:
        return sum(self.statuses.values()) + sum(self.failures.values())


def letters(number: int) -> str:
    """A number in letters (a, b, …, z, ba, …): a unique mark in a description that the PII check
    leaves alone (digit runs could look like phone or card numbers)."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = chr(ord("a") + digit) + out
        if number == 0:
            return out


def _body(tablet: Tablet, gesture_id: uuid.UUID, description: str, queued_at: str) -> bytes:
    return json.dumps({
        "gesture_id": str(gesture_id), "send_token": tablet.credentials.token, "kind": "treat",
        "trigger": "waiting", "reaction": "4", "cost_pick": "200", "cost": "", "effort_pick": "5",
        "effort": "", "description": description, "trigger_note": "", "reaction_note": "", "follow_up": "",
        "when": "now", "day": "", "time": "", "queued_at": queued_at,
    }).encode()


def _post(target: Target, tablet: Tablet, body: bytes, tally: Tally) -> float | None:
    """One attempt; returns None when acknowledged, else the pause before the next attempt
    (raises _Rejected on an answer that must not be retried)."""
    parts = urlsplit(target.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
    started = time.monotonic()
    try:
        conn.request("POST", OUTBOX, body, {
            "Content-Type": "application/json", "Accept": "application/json",
            "Cookie": tablet.credentials.cookie})
        response = conn.getresponse()
        answer = response.read()
    except (OSError, http.client.HTTPException) as err:  # refused, reset, timed out, cut off
        tally.failures[type(err).__name__] += 1
        return ERROR_PAUSE
    finally:
        conn.close()
    tally.latencies.append(time.monotonic() - started)
    tally.statuses[response.status] += 1
    if served_by := response.getheader("X-Served-By"):
        tally.served_by[served_by] += 1
    if 200 <= response.status < 300:
        return None
    if response.status >= 500 or response.status in RETRYABLE:
        header = response.getheader("Retry-After") or ""
        if response.status in (429, 503):
            tally.retry_after[header] += 1
        if len(tally.samples) < 5:
            tally.samples.append(f"{response.status} {answer[:200]!r}")
        return min(float(header), RETRY_CAP) if header.isdigit() else ERROR_PAUSE
    raise _Rejected(f"{response.status} {answer[:300]!r}")


class _Rejected(Exception):
    pass


def _tablet_loop(index: int, tablet: Tablet, target: Target, run_tag: str, stop_new: threading.Event,
                 hard_deadline: float, tally: Tally) -> None:
    number = 0
    while not stop_new.is_set() and time.monotonic() < hard_deadline:
        number += 1
        gesture_id = uuid.uuid4()
        description = f"Load {run_tag} tablet {letters(index)} gesture {letters(number)}: {DESCRIPTION}"
        queued_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = _body(tablet, gesture_id, description, queued_at)
        tally.sent[gesture_id] = (tablet.person_id, description)
        while time.monotonic() < hard_deadline:
            try:
                pause = _post(target, tablet, body, tally)
            except _Rejected as rejected:
                tally.samples.append(str(rejected))
                break
            if pause is None:
                tally.acked[gesture_id] = time.monotonic()
                break
            time.sleep(min(pause, max(0.0, hard_deadline - time.monotonic())))


class Run:
    """A load run in progress: one thread per tablet, starting new gestures for `seconds`, then finishing
    the one in hand for at most `drain_seconds`. Use as a context manager; `finish()` merges the tallies."""

    def __init__(self, tablets: list[Tablet], target: Target, *, seconds: float, drain_seconds: float = 30.0):
        self.target, self.seconds = target, seconds
        self.stop_new = threading.Event()
        self.started = time.monotonic()
        self.hard_deadline = self.started + seconds + drain_seconds
        self.tag = letters(uuid.uuid4().int % 26**4)  # tells this run's descriptions from earlier runs'
        self.tallies = [Tally(started=self.started) for _ in tablets]
        self.threads = [threading.Thread(target=_tablet_loop, name=f"tablet-{i}", daemon=True,
                                         args=(i, t, target, self.tag, self.stop_new, self.hard_deadline,
                                               self.tallies[i]))
                        for i, t in enumerate(tablets)]

    def __enter__(self) -> "Run":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop_new.set()  # a fault that failed ends the run at once; the drain still runs, bounded
        self._join()

    def acked(self) -> dict[uuid.UUID, float]:
        """The gestures acknowledged so far (dict.copy is atomic under the GIL)."""
        out: dict[uuid.UUID, float] = {}
        for tally in self.tallies:
            out |= tally.acked.copy()
        return out

    def wait_until(self, seconds_into_run: float) -> None:
        """Sleep until this long after the start (no longer than the run time)."""
        time.sleep(max(0.0, min(seconds_into_run, self.seconds) - (time.monotonic() - self.started)))

    def finish(self) -> Tally:
        """Wait for the run time and the drain, then the merged tally of every tablet."""
        self.wait_until(self.seconds)
        self.stop_new.set()
        self._join()
        total = Tally(started=self.started, finished=time.monotonic())
        for tally in self.tallies:
            total.merge(tally)
        return total

    def _join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=max(0.1, self.hard_deadline + REQUEST_TIMEOUT - time.monotonic()))
