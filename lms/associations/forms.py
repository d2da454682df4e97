"""Forms for an association's profile and its members."""

from wtforms import BooleanField, DateField, EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from lms.associations.models import LegalForm, Role
from lms.cohorts.forms import CheckboxList
from lms.core.forms import BaseForm
from lms.core.i18n import _l

REQUIRED = _l("Please fill in this field.")
LEGAL_FORMS = [
    (LegalForm.INFORMAL.value, _l("Informal group (no statute yet)")),
    (LegalForm.UNRECOGNISED.value, _l("Unrecognised association (with a statute)")),
    (LegalForm.APS.value, _l("APS: social promotion association")),
    (LegalForm.ODV.value, _l("ODV: voluntary organisation")),
    (LegalForm.OTHER_ETS.value, _l("Another Third Sector entity (ETS)")),
]
TOPIC_CHOICES = [
    ("culture", _l("Culture")),
    ("language", _l("Language courses")),
    ("women", _l("Women")),
    ("youth", _l("Young people and second generations")),
    ("work", _l("Work")),
    ("legal", _l("Rights and documents")),
    ("health", _l("Health")),
    ("education", _l("School and education")),
    ("sport", _l("Sport")),
    ("events", _l("Events and festivals")),
]
ROLES = [
    (Role.PRESIDENT.value, _l("President")),
    (Role.SECRETARY.value, _l("Secretary")),
    (Role.TREASURER.value, _l("Treasurer")),
    (Role.MEMBER.value, _l("Member")),
]


class ProfileForm(BaseForm):
    name = StringField(
        _l("Name of the association or group"), validators=[DataRequired(REQUIRED), Length(max=200)]
    )
    legal_form = SelectField(_l("Legal form"), choices=LEGAL_FORMS)
    province = SelectField(_l("Province"))
    municipality = StringField(_l("Municipality"), validators=[Optional(), Length(max=120)])
    languages = CheckboxList(_l("Languages spoken in the association"))
    description = TextAreaField(_l("What the association does"), validators=[Optional(), Length(max=3000)])
    contact_email = EmailField(
        _l("Contact email (optional)"),
        validators=[
            Optional(),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("This email address is not valid.")),
            Length(max=254),
        ],
    )
    contact_phone = StringField(_l("Contact phone (optional)"), validators=[Optional(), Length(max=40)])
    runts_number = StringField(_l("RUNTS registration number"), validators=[Optional(), Length(max=40)])
    runts_date = DateField(_l("Date of RUNTS registration"), validators=[Optional()])
    art42_number = StringField(
        _l("Number in the national register of associations for immigrants (art. 42)"),
        validators=[Optional(), Length(max=40)],
    )
    art42_date = DateField(_l("Date of registration (art. 42)"), validators=[Optional()])
    lazio_number = StringField(
        _l("Number in the Lazio regional register"), validators=[Optional(), Length(max=40)]
    )
    lazio_date = DateField(_l("Date of registration (Lazio register)"), validators=[Optional()])
    filed_eas = BooleanField(_l("We filed the EAS form with the Agenzia delle Entrate"))
    public_grants = BooleanField(_l("We receive public grants of more than 10,000 euro a year"))
    topics = CheckboxList(_l("What the association works on"), choices=TOPIC_CHOICES)
    listed = BooleanField(
        _l("Show the association in the public directory, with its description and contacts")
    )


class MemberForm(BaseForm):
    username = StringField(
        _l("Username of the new member"), validators=[DataRequired(REQUIRED), Length(max=40)]
    )
    role = SelectField(_l("Role"), choices=ROLES, default=Role.MEMBER.value)


class RoleForm(BaseForm):
    role = SelectField(_l("Role"), choices=ROLES)
