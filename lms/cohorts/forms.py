"""Forms for partners, cohorts, invites and accounts made by trainers."""

from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from lms.cohorts.models import PROVINCES
from lms.core.forms import BaseForm
from lms.core.i18n import _l

REQUIRED = _l("Please fill in this field.")


class CheckboxList(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _province_choices() -> list[tuple[str, str]]:
    return list(PROVINCES.items())


class PartnerForm(BaseForm):
    name = StringField(_l("Name of the organisation"), validators=[DataRequired(REQUIRED), Length(max=200)])
    provinces = CheckboxList(
        _l("Provinces where it works (none: the whole region)"), choices=_province_choices()
    )


class TerritoryForm(BaseForm):
    provinces = CheckboxList(
        _l("Provinces where it works (none: the whole region)"), choices=_province_choices()
    )


class StaffForm(BaseForm):
    username = StringField(
        _l("Username of a partner account"), validators=[DataRequired(REQUIRED), Length(max=40)]
    )


class CohortForm(BaseForm):
    name = StringField(_l("Name of the group"), validators=[DataRequired(REQUIRED), Length(max=200)])
    partner = SelectField(_l("Partner"), coerce=int)
    province = SelectField(_l("Province"), choices=list(PROVINCES.items()))
    municipality = StringField(_l("Municipality"), validators=[Optional(), Length(max=120)])
    languages = CheckboxList(_l("Languages of the group"))
    starts_on = DateField(_l("First meeting"), validators=[DataRequired(_l("Write a date."))])
    ends_on = DateField(_l("Last meeting (optional)"), validators=[Optional()])
    courses = CheckboxList(_l("Courses the group follows"), coerce=int)
    trainers = StringField(
        _l("Trainers (usernames, separated by commas)"), validators=[Optional(), Length(max=1000)]
    )

    def validate_ends_on(self, field) -> None:
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last meeting cannot come before the first."))


class InviteForm(BaseForm):
    days = IntegerField(
        _l("Valid for (days)"), default=14, validators=[DataRequired(REQUIRED), NumberRange(min=1, max=365)]
    )
    max_uses = IntegerField(
        _l("How many people can use it (optional)"), validators=[Optional(), NumberRange(min=1, max=10_000)]
    )


class AccountsForm(BaseForm):
    names = TextAreaField(
        _l("Names, one per line"),
        description=_l("Each person gets a username and a one-time code, printed on a card."),
        validators=[DataRequired(REQUIRED), Length(max=20_000)],
    )
    language = SelectField(_l("Language of their pages"))


class ImportForm(BaseForm):
    file = FileField(_l("CSV file"), validators=[FileRequired(REQUIRED)])


class JoinForm(BaseForm):
    code = StringField(_l("Invitation code"), validators=[DataRequired(REQUIRED), Length(max=16)])


class TokenForm(BaseForm):
    name = StringField(
        _l("What the token is for"),
        description=_l("For example: our reporting spreadsheet."),
        validators=[DataRequired(REQUIRED), Length(max=100)],
    )
