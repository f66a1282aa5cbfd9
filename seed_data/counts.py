"""What an import did: rows added and rows already there, per kind of record."""

from dataclasses import dataclass, field

KINDS = ("teams", "people", "mandates", "gestures", "appreciations")
_SINGULAR = {"teams": "team", "people": "person", "mandates": "mandate", "gestures": "gesture",
             "appreciations": "appreciation"}


@dataclass
class Counts:
    """Rows added and rows that were already in the ledger, per kind of record."""

    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    existing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def summary(self) -> str:
        """One line such as "Added 3 teams, 25 people, …; 12 rows were already there."."""
        added = ", ".join(f"{n} {kind if n != 1 else _SINGULAR[kind]}" for kind, n in self.added.items())
        already = sum(self.existing.values())
        return f"Added {added}" + (f"; {already} rows were already there." if already else ".")
