"""Forms for signing in, PINs, set-up codes, tablets and the language switch."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from web.forms import ActionForm

# [0-9], not \d: \d also matches other scripts' digits ("٣"); \Z refuses a trailing newline.
PIN_REGEXP = r"[0-9]{4,6}\Z"


class LoginForm(ActionForm):
    email = StringField(_l("Email address"), validators=[
        InputRequired(_l("Fill in your email address.")), Length(max=254, message=_l("That is too long."))])
    password = PasswordField(_l("Password"), validators=[
        InputRequired(_l("Fill in your password.")), Length(max=200, message=_l("That is too long."))])
    next = HiddenField()


class PinForm(ActionForm):
    pin = PasswordField(_l("PIN"), validators=[
        InputRequired(_l("Enter your PIN.")), Regexp(PIN_REGEXP, message=_l("A PIN has 4 to 6 digits."))])


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


class RegisterTabletForm(ActionForm):
    team = SelectField(_l("Team"), coerce=int, validators=[InputRequired(_l("Choose a team."))],
                       invalid_value_message=_l("Choose a team."),
                       invalid_choice_message=_l("Choose a team."))
    name = StringField(_l("Name of this tablet (optional)"), validators=[
        Length(max=80, message=_l("Use at most 80 characters."))])


class LanguageForm(ActionForm):
    lang = SelectField(choices=[SelectChoice("nl", "Nederlands"), SelectChoice("en", "English")],
                       validators=[InputRequired()])
    next = HiddenField()
