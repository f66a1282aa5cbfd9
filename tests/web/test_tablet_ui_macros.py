"""The shared UI macros: chips are real radio inputs with big labels; errors are tied to their field."""

from flask import render_template_string
from wtforms import Form, RadioField, SelectChoice, StringField
from wtforms.validators import InputRequired

MACROS = '{% from "macros/ui.html" import icon, field, chip_group, initials %}'


class _Form(Form):
    kind = RadioField("What", choices=[SelectChoice("gift", "Gift"), SelectChoice("treat", "Treat")],
                      validators=[InputRequired("Choose what you did.")])
    note = StringField("Note", validators=[InputRequired("Write a note.")])


def render(app, template, **context):
    with app.test_request_context():
        return render_template_string(MACROS + template, **context)


def test_a_chip_group_is_a_fieldset_of_radio_inputs_with_labels_and_icons(app):
    html = render(app, '{{ chip_group(form.kind, icons={"gift": "gift"}) }}', form=_Form())
    assert "<fieldset" in html and "<legend" in html and ">What</legend>" in html
    assert html.count('type="radio"') == 2 and html.count('class="chip"') == 2
    assert 'for="kind-0"' in html and 'id="kind-0"' in html
    assert html.count("<svg") == 1 and 'aria-hidden="true"' in html


def test_field_errors_are_announced_through_aria_describedby(app):
    form = _Form(data={})
    form.validate()
    html = render(app, "{{ field(form.note, hint='Short, please.') }}{{ chip_group(form.kind) }}", form=form)
    assert 'aria-describedby="note-hint note-error"' in html and 'aria-invalid="true"' in html
    assert 'id="note-error"' in html and "Write a note." in html
    assert 'aria-describedby="kind-error"' in html and "Choose what you did." in html


def test_an_icon_can_carry_a_name_for_screen_readers(app):
    html = render(app, "{{ icon('lock', label='Locked') }}")
    assert 'role="img" aria-label="Locked"' in html and "aria-hidden" not in html


def test_initials_come_from_the_first_and_last_word(app):
    html = render(app, "{{ initials('Anouk Jansen') }}|{{ initials('Chen') }}|{{ initials('ma de vries') }}")
    assert html.strip() == "AJ|C|MV"
