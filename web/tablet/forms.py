"""Forms of the shared tablet: registering it for a team and typing a PIN."""

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import InputRequired, Length, Regexp

from web.forms import PIN_REGEXP, ActionForm


class PinForm(ActionForm):
    pin = PasswordField(_l("PIN"), validators=[
        InputRequired(_l("Enter your PIN.")), Regexp(PIN_REGEXP, message=_l("A PIN has 4 to 6 digits."))])


class RegisterTabletForm(ActionForm):
    team = SelectField(_l("Team"), coerce=int, validators=[InputRequired(_l("Choose a team."))],
                       invalid_value_message=_l("Choose a team."),
                       invalid_choice_message=_l("Choose a team."))
    name = StringField(_l("Name of this tablet (optional)"), validators=[
        Length(max=80, message=_l("Use at most 80 characters."))])
