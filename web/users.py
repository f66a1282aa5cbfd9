"""The signed-in user as flask-login sees it.

The id flask-login keeps in the session is "person id:session version". Bumping the version in the
database (sign-out, new PIN/password, deactivation) makes every cookie captured before it worthless,
which the default cookie session alone would not do.
"""

from flask_login import UserMixin

from ledger.models import Person
from web.db import get_session
from web.extensions import login_manager


class User(UserMixin):
    """A Person signed in through the web; `person` is the row loaded for this request."""

    def __init__(self, person: Person):
        self.person = person

    def get_id(self) -> str:
        return f"{self.person.id}:{self.person.session_version}"

    @property
    def is_active(self) -> bool:
        return self.person.active

    @property
    def role(self) -> str:
        return self.person.role


@login_manager.user_loader
def load_user(token: str) -> User | None:
    person_id, _, version = token.partition(":")
    if not person_id.isdigit() or not version.isdigit():
        return None
    person = get_session().get(Person, int(person_id))
    if person is None or not person.active or person.session_version != int(version):
        return None
    return User(person)
