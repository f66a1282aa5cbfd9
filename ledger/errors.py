"""Domain errors. The web layer and the CLI translate them into messages in the user's language.

Each carries machine-readable codes (not prose) so the caller can phrase them; `str()` gives a plain
English fallback for logs and the CLI.
"""

from dataclasses import dataclass, field


class LedgerError(Exception):
    """Base class of every error a user can cause."""


@dataclass
class FieldError:
    """One problem with one field: `code` names the rule (e.g. "too_long"), `params` fill the message."""

    field: str
    code: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.field}: {self.code}" + (f" ({extra})" if extra else "")


class ValidationFailed(LedgerError):
    """Input broke one or more rules; nothing was stored."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))

    def by_field(self) -> dict[str, FieldError]:
        """The first error per field, for showing next to form fields."""
        out: dict[str, FieldError] = {}
        for err in self.errors:
            out.setdefault(err.field, err)
        return out


class Conflict(LedgerError):
    """The request contradicts what is stored (e.g. a reused gesture id with other content)."""


class NotFound(LedgerError):
    """The entity does not exist (or is not visible to the caller)."""


class NotAllowed(LedgerError):
    """The actor may not do this (e.g. correct someone else's entry, or after the correction window)."""


class LockedOut(LedgerError):
    """Too many wrong PINs or passwords; try again after `until`."""

    def __init__(self, until):
        self.until = until
        super().__init__(f"locked until {until.isoformat()}")


class TeamArchived(NotAllowed):
    """The team is archived: its history stays readable, but it takes no new gestures."""
