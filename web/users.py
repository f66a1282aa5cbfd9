"""The signed-in user as flask-login sees it.

The id flask-login keeps in the session is "person id:session version:sign-in id". Ending that one
sign-in (ledger/services/signins.py: a saved gesture, an idle tablet, leaving) makes this device's
cookie worthless; moving the person's session version on (password sign-out, new PIN or password,
deactivation, role change) ends every device at once. The cookie session alone would do neither.
"""

from flask_login import UserMixin

from ledger.models import Person
from ledger.services.signins import live_signin
from web.db import get_session
from web.extensions import login_manager


class User(UserMixin):
    """A Person signed in through the web; `person` is the row loaded for this request."""

    def __init__(self, person: Person, signin_id: int):
        self.person = person
        self.signin_id = signin_id

    def get_id(self) -> str:
        return f"{self.person.id}:{self.person.session_version}:{self.signin_id}"

    @property
    def is_active(self) -> bool:
        return self.person.active

    @property
    def role(self) -> str:
        return self.person.role


@login_manager.user_loader
def load_user(token: str) -> User | None:
    parts = token.split(":")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    person_id, version, signin_id = (int(part) for part in parts)
    person = get_session().get(Person, person_id)
    if person is None or not person.active or person.session_version != version:
        return None
    if live_signin(session=get_session(), signin_id=signin_id, person_id=person_id) is None:
        return None
    return User(person, signin_id)
