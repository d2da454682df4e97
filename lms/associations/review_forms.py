"""Forms for self-assessments, work handed in, reviews and messages."""

from flask_wtf.file import MultipleFileField
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from lms.associations import needs
from lms.associations.models.review import Kind, Status
from lms.core.forms import BaseForm
from lms.core.i18n import _l

REQUIRED = _l("Please fill in this field.")
KINDS = [
    (Kind.STATUTE.value, _l("Draft statute or atto costitutivo")),
    (Kind.MINUTES.value, _l("Minutes of a meeting")),
    (Kind.BUDGET.value, _l("Budget or accounts")),
    (Kind.PROJECT.value, _l("Project proposal")),
    (Kind.OTHER.value, _l("Other work")),
]
KIND_LABELS = {**dict(KINDS), Kind.EVENT_PLAN.value: _l("Event plan")}
STATUS_LABELS = {
    Status.WAITING.value: _l("Waiting for review"),
    Status.NEEDS_CHANGES.value: _l("Needs changes"),
    Status.APPROVED.value: _l("Approved"),
}
FILES_HELP = _l("Optional: up to 5 files (PDF, DOCX, XLSX, ODT, ODS or a photo), 5 MB each.")


def assessment_form(formdata=None, answers: dict | None = None) -> BaseForm:
    """One radio group per question, all optional so that a half-filled questionnaire can be saved."""

    class AssessmentForm(BaseForm):
        pass

    for q in needs.QUESTIONS:
        choices = [(a, needs.ANSWER_LABELS[a]) for a in q.answers]
        setattr(AssessmentForm, q.key, RadioField(q.text, choices=choices, validators=[Optional()]))
    return AssessmentForm(formdata=formdata, data=answers or {})


class HandInForm(BaseForm):
    kind = SelectField(_l("What are you handing in?"), choices=KINDS)
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=200)])
    module = SelectField(_l("The module that teaches it"), validators=[Optional()])
    text = TextAreaField(
        _l("Your text, or a note for the trainer"),
        validators=[Optional(), Length(max=50000)],
        render_kw={"rows": 10},
    )
    files = MultipleFileField(_l("Files"), description=FILES_HELP)


class ResubmitForm(BaseForm):
    text = TextAreaField(
        _l("The new version, or what you changed"),
        validators=[Optional(), Length(max=50000)],
        render_kw={"rows": 8},
    )
    files = MultipleFileField(_l("Files"), description=FILES_HELP)


class ReviewForm(BaseForm):
    body = TextAreaField(
        _l("Your review"), validators=[DataRequired(REQUIRED), Length(max=10000)], render_kw={"rows": 6}
    )
    status = RadioField(
        _l("Decision"),
        choices=[
            (Status.NEEDS_CHANGES.value, _l("Needs changes")),
            (Status.APPROVED.value, _l("Approved")),
        ],
        validators=[DataRequired(REQUIRED)],
    )


class MessageForm(BaseForm):
    message = TextAreaField(
        _l("Message"), validators=[DataRequired(REQUIRED), Length(max=10000)], render_kw={"rows": 3}
    )
