"""A person's remembered preferences (for now: the language e-mails to them are written in)."""

from sqlmodel import Session

from ledger.errors import FieldError, NotFound, ValidationFailed
from ledger.models import Person

LANGUAGES = ("nl", "en")


def remember_language(*, session: Session, person_id: int, lang: str) -> Person:
    """Keep the language a person reads the app in; writes only when it changed."""
    if lang not in LANGUAGES:
        raise ValidationFailed([FieldError("lang", "unknown", {"allowed": ", ".join(LANGUAGES)})])
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person")
    if person.lang != lang:
        person.lang = lang
        session.add(person)
        session.commit()
    return person
