"""Forms for signing in with a password and setting a PIN with a set-up code."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from web.forms import PIN_REGEXP, ActionForm


class LoginForm(ActionForm):
    email = StringField(_l("Email address"), validators=[
        InputRequired(_l("Fill in your email address.")), Length(max=254, message=_l("That is too long."))])
    password = PasswordField(_l("Password"), validators=[
        InputRequired(_l("Fill in your password.")), Length(max=200, message=_l("That is too long."))])
    next = HiddenField()


class SetPinForm(ActionForm):
    person = SelectField(_l("Your name"), coerce=int, validators=[InputRequired(_l("Choose your name."))],
                         invalid_value_message=_l("Choose your name."),
                         invalid_choice_message=_l("Choose your name."))
    code = StringField(_l("Set-up code"), validators=[
        InputRequired(_l("Fill in the set-up code from your manager.")),
        Length(max=20, message=_l("That is too long."))])
    pin = PasswordField(_l("New PIN"), validators=[
        InputRequired(_l("Choose a PIN.")), Regexp(PIN_REGEXP, message=_l("A PIN has 4 to 6 digits."))])
    pin_again = PasswordField(_l("New PIN again"), validators=[
        InputRequired(_l("Type your new PIN once more.")),
        EqualTo("pin", message=_l("The two PINs are not the same."))])
