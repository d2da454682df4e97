"""Forms for writing courses, modules and pages, and for moving a version through review."""

from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from lms.authoring.editor import is_slug
from lms.core.forms import BaseForm
from lms.core.i18n import _l

REQUIRED = _l("Please fill in this field.")
TITLE_MAX = 200


def _slug_or_empty(form, field) -> None:
    if field.data and not is_slug(field.data):
        raise ValidationError(_l("Use only lowercase letters, digits and hyphens (e.g. my-course)."))


def _tier_choices():
    return [("1", _l("Tier 1: first steps")), ("2", _l("Tier 2: running an association")),
            ("3", _l("Tier 3: events, money and projects"))]  # fmt: skip


class CourseForm(BaseForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=TITLE_MAX)])
    summary = TextAreaField(
        _l("Summary"),
        description=_l("One or two sentences learners read in the catalog. Markdown is allowed."),
        validators=[Length(max=2000)],
    )
    tier = SelectField(_l("Tier"), choices=_tier_choices)
    sequential = BooleanField(_l("Modules open one after the other"))


class NewCourseForm(CourseForm):
    language = SelectField(_l("Language you write in"))
    slug = StringField(
        _l("Web address (optional)"),
        description=_l("Made from the title if left empty. It cannot change once the course is published."),
        validators=[Optional(), Length(max=60), _slug_or_empty],
    )


TITLE = [DataRequired(REQUIRED), Length(max=TITLE_MAX)]


class NewModuleForm(BaseForm):
    title = StringField(
        _l("Title of the new module"), validators=[DataRequired(REQUIRED), Length(max=TITLE_MAX)]
    )


class NewPageForm(BaseForm):
    title = StringField(
        _l("Title of the new page"), validators=[DataRequired(REQUIRED), Length(max=TITLE_MAX)]
    )


class ModuleForm(BaseForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=TITLE_MAX)])
    objectives = TextAreaField(
        _l("Learning objectives"),
        description=_l("One per line: what a learner can do after this module."),
        validators=[DataRequired(REQUIRED), Length(max=3000)],
    )
    estimated_minutes = IntegerField(
        _l("Minutes it takes"), validators=[DataRequired(REQUIRED), NumberRange(min=1, max=600)]
    )


class PageForm(BaseForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=TITLE_MAX)])
    body = TextAreaField(_l("Text (Markdown)"), validators=[DataRequired(REQUIRED), Length(max=50_000)])


class UploadForm(BaseForm):
    file = FileField(_l("File"), validators=[FileRequired(REQUIRED)])
    alt = StringField(
        _l("Description of the image, or title of the document"),
        description=_l("Required: learners who cannot see the image hear this text."),
        validators=[DataRequired(REQUIRED), Length(max=200)],
    )


class SubmitForm(BaseForm):
    note = TextAreaField(
        _l("What changed"),
        description=_l("A line for the history, e.g. 'Updated the 2024 bookkeeping thresholds'."),
        validators=[Length(max=2000)],
    )
    major = BooleanField(
        _l("Major change: learners who already passed a changed module take its quiz again"),
    )


class CommentForm(BaseForm):
    comment = TextAreaField(
        _l("Comment for the authors"), validators=[DataRequired(REQUIRED), Length(max=2000)]
    )


class ConfirmForm(BaseForm):
    """A button with CSRF protection: publish, delete, restore, move."""


class EditorForm(BaseForm):
    username = StringField(_l("Trainer's username"), validators=[DataRequired(REQUIRED), Length(max=40)])


class ImportForm(BaseForm):
    file = FileField(_l("Course zip file"), validators=[FileRequired(REQUIRED)])


class QuizSettingsForm(BaseForm):
    pass_mark = IntegerField(
        _l("Pass mark (%)"), validators=[DataRequired(REQUIRED), NumberRange(min=1, max=100)]
    )
    max_attempts = IntegerField(
        _l("Attempts allowed"),
        description=_l("0 means unlimited."),
        validators=[Optional(), NumberRange(min=0, max=100)],
    )
    shuffle = BooleanField(_l("Shuffle questions and options"))
    draw_count = IntegerField(
        _l("Questions drawn at random for each attempt"),
        description=_l("Leave empty to ask every question."),
        validators=[Optional(), NumberRange(min=1, max=1000)],
    )
