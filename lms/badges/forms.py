"""Forms for awarding, revoking and naming badges."""

from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from lms.core.forms import BaseForm
from lms.core.i18n import _l

REQUIRED = _l("Please fill in this field.")


class AwardForm(BaseForm):
    username = StringField(_l("Learner's username"), validators=[DataRequired(REQUIRED), Length(max=40)])
    course = SelectField(_l("Course"), validators=[DataRequired(REQUIRED)])
    evidence = TextAreaField(
        _l("Evidence"),
        description=_l("What the learner did: e.g. attended the in-person course in Latina, March-May 2026."),
        validators=[DataRequired(REQUIRED), Length(max=2000)],
    )


class RevokeForm(BaseForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(REQUIRED), Length(max=1000)])


class NameForm(BaseForm):
    name = StringField(
        _l("Your name on the certificate"),
        description=_l("Write it as you want it printed, in your own alphabet if you like."),
        validators=[DataRequired(REQUIRED), Length(max=120)],
    )
