"""Installation-wide settings (name, currency, default language, digest day, retention), with defaults.

Stored as key/value rows so a new setting needs no migration; read as one frozen dataclass.
"""

from dataclasses import dataclass, fields

from sqlmodel import Session, select

from ledger.errors import FieldError, NotAllowed, ValidationFailed
from ledger.models import Setting
from ledger.permissions import Actor, may_administer
from ledger.services import audit
from ledger.services.gesture_rules import text_errors
from ledger.types import utcnow

CURRENCIES = ("EUR", "GBP", "USD", "CHF", "DKK", "SEK", "NOK", "PLN")
LANGUAGES = ("nl", "en")
DIGEST_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RETENTION_MAX_MONTHS = 120


@dataclass(frozen=True)
class InstallationSettings:
    """The settings in force; `retention_months` 0 means free texts are kept until erased."""

    installation_name: str = "Gesture Ledger"
    currency: str = "EUR"
    default_language: str = "nl"
    digest_day: str = "monday"
    retention_months: int = 0


def get_settings(*, session: Session) -> InstallationSettings:
    """The stored settings over the defaults (unknown keys are ignored)."""
    names = {f.name for f in fields(InstallationSettings)}
    values: dict[str, object] = {}
    for row in session.exec(select(Setting)):
        if row.key == "retention_months":
            if row.value.isdigit():
                values[row.key] = int(row.value)
        elif row.key in names:
            values[row.key] = row.value
    return InstallationSettings(**values)


def _errors(values: dict) -> list[FieldError]:
    errors = []
    name = values["installation_name"]
    if isinstance(name, str) and not name.strip():
        errors.append(FieldError("installation_name", "required"))
    else:
        errors += text_errors("installation_name", name, 80)
    choices = {"currency": CURRENCIES, "default_language": LANGUAGES, "digest_day": DIGEST_DAYS}
    for key, allowed in choices.items():
        if values[key] not in allowed:
            errors.append(FieldError(key, "unknown"))
    months = values["retention_months"]
    if isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= RETENTION_MAX_MONTHS:
        errors.append(FieldError("retention_months", "range", {"min": 0, "max": RETENTION_MAX_MONTHS}))
    return errors


def update_settings(*, session: Session, actor: Actor, **changes) -> InstallationSettings:
    """Change some settings (admins only); all are checked before any is stored; one audit row."""
    if not may_administer(actor=actor):
        raise NotAllowed("administrators only")
    current = get_settings(session=session)
    unknown = set(changes) - {f.name for f in fields(InstallationSettings)}
    if unknown:
        raise ValidationFailed([FieldError(key, "unknown") for key in sorted(unknown)])
    values = {f.name: changes.get(f.name, getattr(current, f.name)) for f in fields(InstallationSettings)}
    if isinstance(values["installation_name"], str):
        values["installation_name"] = values["installation_name"].strip()
    errors = _errors(values)
    if errors:
        raise ValidationFailed(errors)
    changed = {k: [getattr(current, k), v] for k, v in values.items() if getattr(current, k) != v}
    for key, (_old, new) in changed.items():
        row = session.get(Setting, key) or Setting(key=key)
        row.value, row.updated_at, row.updated_by_id = str(new), utcnow(), actor.person_id
        session.add(row)
    if changed:
        audit.record(session, action="settings.update", actor_id=actor.person_id, entity="settings",
                     detail=changed)
        session.commit()
    return InstallationSettings(**values)
