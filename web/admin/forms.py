"""The administration's forms: each carries a CSRF token, keeps what was typed, names its field."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from web.forms import ActionForm

_TOO_LONG = _l("Use at most %(max)d characters.")
_DATE = _l("Please give a date like 2026-11-23.")
_RANGE = _l("Please give a value from %(min)s to %(max)s.")


def _choose(what):
    return {"validators": [InputRequired(what)], "invalid_value_message": what,
            "invalid_choice_message": what}


class NewTeamForm(ActionForm):
    name = StringField(_l("Name"), validators=[InputRequired(_l("Give the team a name.")),
                                               Length(max=120, message=_TOO_LONG)])
    timezone = StringField(_l("Time zone"), default="Europe/Amsterdam",
                           validators=[InputRequired(_l("Give a time zone.")),
                                       Length(max=64, message=_TOO_LONG)])
    why = TextAreaField(_l("The team's why (one sentence)"), validators=[Length(max=300, message=_TOO_LONG)])


class TeamForm(NewTeamForm):
    works_council = BooleanField(_l("Works-council mode: no comparisons between people"))
    min_group_size = IntegerField(_l("Minimum group size for person-level comparisons"), validators=[
        InputRequired(_l("Give a number.")), NumberRange(2, 50, _RANGE)])


class PersonForm(ActionForm):
    display_name = StringField(_l("Name"), validators=[InputRequired(_l("Give a name.")),
                                                       Length(max=80, message=_TOO_LONG)])
    role = SelectField(_l("Role"), **_choose(_l("Choose a role.")))
    email = StringField(_l("Email address (managers and admins sign in with it)"),
                        validators=[Optional(), Length(max=254, message=_TOO_LONG)])
    team = SelectField(_l("Team"), coerce=int, **_choose(_l("Choose a team.")))
    since = DateField(_l("Member since"), validators=[Optional()], format="%Y-%m-%d")


class MembershipForm(ActionForm):
    team = SelectField(_l("Team"), coerce=int, **_choose(_l("Choose a team.")))
    since = DateField(_l("Member since"), validators=[Optional()], format="%Y-%m-%d")


class RoleForm(ActionForm):
    role = SelectField(_l("Role"), **_choose(_l("Choose a role.")))


class ConfirmPasswordForm(ActionForm):
    password = PasswordField(_l("Your password"), validators=[
        InputRequired(_l("Fill in your password.")), Length(max=200, message=_TOO_LONG)])
    next = HiddenField()


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class MandateForm(ActionForm):
    valid_from = DateField(_l("Valid from"), format="%Y-%m-%d",
                           validators=[InputRequired(_DATE)])
    cap = StringField(_l("At most per gesture (€)"), validators=[InputRequired(_l("Give an amount."))])
    allowance = StringField(_l("Allowance per person per period (€)"),
                            validators=[InputRequired(_l("Give an amount."))])
    period = SelectField(_l("Period"), **_choose(_l("Choose a period.")))
    kinds = MultiCheckboxField(_l("Allowed kinds (none ticked: every kind)"), validate_choice=False)
    why = TextAreaField(_l("Why this frame"), validators=[Length(max=500, message=_TOO_LONG)])
    confirmed = HiddenField()


class OverrideForm(ActionForm):
    person = SelectField(_l("Person"), coerce=int, **_choose(_l("Choose a person.")))
    cap = StringField(_l("Own cap per gesture (€, empty: the team's)"))
    allowance = StringField(_l("Own allowance per period (€, empty: the team's)"))


class SettingsForm(ActionForm):
    installation_name = StringField(_l("Installation name"), validators=[
        InputRequired(_l("Give a name.")), Length(max=80, message=_TOO_LONG)])
    currency = SelectField(_l("Currency"), **_choose(_l("Choose a currency.")))
    default_language = SelectField(_l("Default language"), **_choose(_l("Choose a language.")))
    digest_day = SelectField(_l("Day of the weekly digest"), **_choose(_l("Choose a day.")))
    retention_months = IntegerField(_l("Remove free texts after this many months (0: keep)"), validators=[
        InputRequired(_l("Give a number.")), NumberRange(0, 120, _RANGE)])


class EraseForm(ActionForm):
    confirm_name = StringField(_l("Type the person's name to confirm"), validators=[
        InputRequired(_l("Type the name to confirm.")), Length(max=80, message=_TOO_LONG)])


class NewPasswordForm(ActionForm):
    password = PasswordField(_l("New password"), validators=[
        InputRequired(_l("Choose a password.")), Length(max=1000, message=_TOO_LONG)])
    password_again = PasswordField(_l("New password again"), validators=[
        InputRequired(_l("Type the password once more."))])
