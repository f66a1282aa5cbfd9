"""The plain data of a conversation prompt: its facts, and a manager's mark on it (frozen dataclasses).

Apart from reports.model (the weekly report's data) because prompts and reviews stand on their own: the
selection (reports.prompts.select) and the exports read them without the rest of a week.
"""

from dataclasses import dataclass

from ledger.weeks import IsoWeek

ONE_TO_ONE = "one_to_one"
TEAM_SESSION = "team_session"


@dataclass(frozen=True)
class Fact:
    """One number behind a prompt: a localised label, the formatted value, its n (None: not a mean)."""

    label: str
    value: str
    n: int | None = None
    code: str = ""  # machine name of the fact (stable across languages), e.g. "high_spent"


@dataclass(frozen=True)
class Prompt:
    """A conversation prompt: an open question with the facts and evidence behind it."""

    key: str  # stable for the same data, e.g. "over_frame:2026-W07:team"
    kind: str
    question: str
    why: str
    facts: tuple[Fact, ...]
    evidence: tuple[str, ...]  # origin ids of the gestures it rests on
    setting: str  # ONE_TO_ONE | TEAM_SESSION
    confidence: str
    suggestion: str
    score: float
    person_ids: tuple[int, ...] = ()  # the people the prompt is about; empty for team prompts
    rank: int = 0  # 1 = first; set by reports.prompts.select (0: not ranked yet)
    shown: bool = True  # among the few shown first (page, digest, text); False: "more conversations"
    title: str = ""  # a title of its own in the report language; "" = the kind's label

    @property
    def names_people(self) -> bool:
        """True when the prompt is about particular people (managers only)."""
        return bool(self.person_ids)

    def fact(self, code: str) -> Fact | None:
        """The fact with this machine code, if any."""
        return next((f for f in self.facts if f.code == code), None)


@dataclass(frozen=True)
class Review:
    """A manager's mark on an earlier prompt of this team (ledger PromptReview, copied off the row)."""

    key: str
    week: IsoWeek
    status: str  # "discussed" | "set_aside"
    helped: bool | None = None

    @property
    def kind(self) -> str:
        """The prompt kind, the first part of the key ("spend_contrast:2026-W45:3-7")."""
        return self.key.split(":", 1)[0]
