"""The language switch, on every page."""

from wtforms import HiddenField, SelectChoice, SelectField
from wtforms.validators import InputRequired

from web.forms import ActionForm


class LanguageForm(ActionForm):
    lang = SelectField(choices=[SelectChoice("nl", "Nederlands"), SelectChoice("en", "English")],
                       validators=[InputRequired()])
    next = HiddenField()
