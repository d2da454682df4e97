"""Forms for an event plan: the plan, its budget lines and tasks (fixed rows: no JavaScript needed)."""

from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from lms.associations.budget import COST_TYPES, INCOME_TYPES
from lms.associations.permits import FEATURES, VENUE_KINDS
from lms.cohorts.forms import CheckboxList
from lms.core.forms import BaseForm
from lms.core.i18n import _l

REQUIRED = _l("Please fill in this field.")
BLANK_ROWS = 3
MAX_ROWS = 200  # a bound on what one form post can add


def venue_labels() -> dict:
    return dict(
        zip(
            VENUE_KINDS,
            (
                _l("Indoors (our seat or a hall)"),
                _l("Outdoors on private land"),
                _l("Public land in one Municipio (street, square, park)"),
                _l("Public land across the city, several Municipi or a historic area"),
            ),
            strict=True,
        )
    )


def feature_labels() -> dict:
    return dict(
        zip(
            FEATURES,
            (
                _l("Shows, concerts, dancing or entertainment for the public"),
                _l("Music (live or recorded)"),
                _l("Food or drinks served"),
                _l("Stage, stands or other structures"),
                _l("Tickets or paid entry"),
                _l("Advertising to the public"),
                _l("A meeting or demonstration in a public place"),
            ),
            strict=True,
        )
    )


def income_labels() -> dict:
    return dict(
        zip(
            INCOME_TYPES,
            (
                _l("Members' fees"),
                _l("Occasional public fundraising"),
                _l("Sponsorship (commercial)"),
                _l("Donations"),
                _l("Public grants"),
                _l("Other income"),
            ),
            strict=True,
        )
    )


def cost_labels() -> dict:
    return dict(
        zip(
            COST_TYPES,
            (
                _l("Venue"),
                _l("Permits and fees"),
                _l("Equipment and set-up"),
                _l("Promotion"),
                _l("Food and drinks"),
                _l("Insurance"),
                _l("Travel"),
                _l("Other costs"),
            ),
            strict=True,
        )
    )


class PlanForm(BaseForm):
    title = StringField(_l("Name of the event"), validators=[DataRequired(REQUIRED), Length(max=200)])
    starts_on = DateField(_l("Date of the event"), validators=[DataRequired(REQUIRED)])
    ends_on = DateField(_l("Last day, if it lasts more than one day"), validators=[Optional()])
    ends_by_midnight = BooleanField(_l("It ends by midnight"), default=True)
    expected_people = IntegerField(
        _l("How many people do you expect?"),
        validators=[DataRequired(REQUIRED), NumberRange(min=1, max=1_000_000)],
    )
    goals = TextAreaField(_l("Goals: what should change thanks to the event?"), validators=[Length(max=5000)])
    audience = TextAreaField(_l("Audience: who is it for?"), validators=[Length(max=5000)])
    programme = TextAreaField(_l("Programme: what happens, hour by hour"), validators=[Length(max=10000)])
    venue = TextAreaField(_l("Venue: where, and who owns the place"), validators=[Length(max=3000)])
    in_rome = BooleanField(_l("The event is in Rome (Roma Capitale)"), default=True)
    venue_kind = SelectField(_l("Kind of place"), choices=list(venue_labels().items()))
    features = CheckboxList(_l("What will there be?"), choices=list(feature_labels().items()))
    promotion = TextAreaField(_l("Promotion: how people will hear of it"), validators=[Length(max=5000)])

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day cannot be before the first."))


class LineForm(Form):
    """A budget line; its type (income or cost) is chosen from choices set by budget_choices()."""

    type = SelectField(validators=[Optional()])
    label = StringField(validators=[Optional(), Length(max=200)])
    planned = DecimalField(places=2, validators=[Optional(), NumberRange(min=0, max=10_000_000)])

    def validate(self, extra_validators=None):
        """A line with an amount needs a type; a line with a type or words needs an amount."""
        ok = super().validate(extra_validators)
        if self.planned.data is not None and not self.type.data:
            self.type.errors.append(_l("Choose the type of this line."))
            ok = False
        if self.planned.data is None and not self.planned.errors and (self.type.data or self.label.data):
            self.planned.errors.append(_l("Write the amount in euro."))
            ok = False
        return ok


def budget_choices(form) -> None:
    """Give every line's type its choices, each label telling income from cost."""
    from lms.core.i18n import _

    choices = [("", _("Choose the type"))]
    choices += [(k, _("Income: %(type)s", type=v)) for k, v in income_labels().items()]
    choices += [(k, _("Cost: %(type)s", type=v)) for k, v in cost_labels().items()]
    for entry in form.lines:
        entry.form.type.choices = choices


class BudgetForm(BaseForm):
    lines = FieldList(FormField(LineForm), min_entries=BLANK_ROWS, max_entries=MAX_ROWS)


class TaskForm(Form):
    what = StringField(validators=[Optional(), Length(max=200)])
    who = StringField(validators=[Optional(), Length(max=120)])
    due = DateField(validators=[Optional()])

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if not (self.what.data or "").strip() and (self.who.data or self.due.data):
            self.what.errors.append(_l("Say what has to be done."))
            ok = False
        return ok


class TasksForm(BaseForm):
    tasks = FieldList(FormField(TaskForm), min_entries=BLANK_ROWS, max_entries=MAX_ROWS)


class SubmitPlanForm(BaseForm):
    note = TextAreaField(_l("A note for the trainer (optional)"), validators=[Length(max=3000)])


class ActualForm(Form):
    actual = DecimalField(places=2, validators=[Optional(), NumberRange(min=0, max=10_000_000)])


class ReportForm(BaseForm):
    attendance = IntegerField(
        _l("How many people came?"), validators=[DataRequired(REQUIRED), NumberRange(min=0, max=1_000_000)]
    )
    went_well = TextAreaField(_l("What worked well?"), validators=[Length(max=5000)])
    to_improve = TextAreaField(_l("What would you do differently?"), validators=[Length(max=5000)])
    actual = FieldList(FormField(ActualForm))
