"""The learner's own funder data form: every answer optional, nothing saved without consent."""

from babel import Locale
from flask_babel import get_locale
from wtforms import BooleanField, SelectField
from wtforms.validators import Optional, ValidationError

from lms.cohorts.models import PROVINCES
from lms.core.forms import BaseForm
from lms.core.i18n import _l

SEXES = ("female", "male", "other")
AGE_BANDS = ("under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
YES_NO = (("", _l("I prefer not to say")), ("yes", _l("Yes")), ("no", _l("No")))
OTHER_PROVINCE = "XX"


def countries() -> list[tuple[str, str]]:
    """ISO 3166-1 alpha-2 codes with their names in the interface language, sorted by name."""
    names = Locale.parse(str(get_locale())).territories
    codes = [
        (code, name) for code, name in names.items() if len(code) == 2 and code.isalpha() and code != "ZZ"
    ]
    return sorted(codes, key=lambda pair: pair[1])


CONSENT = _l(
    "I agree that Ponte keeps these answers and uses them, counted together with other people's, in reports "
    "to the programme's funders."
)


class FunderForm(BaseForm):
    consent = BooleanField(CONSENT)
    sex = SelectField(_l("Sex"), validators=[Optional()])
    age_band = SelectField(_l("Age"), validators=[Optional()])
    citizenship = SelectField(_l("Citizenship"), validators=[Optional()])
    third_country = SelectField(
        _l("Are you a citizen of a country outside the European Union?"), choices=YES_NO
    )
    international_protection = SelectField(
        _l("Do you have international protection (refugee or subsidiary protection)?"), choices=YES_NO
    )
    second_generation = SelectField(
        _l("Were you born in Italy to parents who came from another country (second generation)?"),
        choices=YES_NO,
    )
    province = SelectField(_l("Province where you live"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        none = ("", _l("I prefer not to say"))
        self.sex.choices = [none, ("female", _l("Female")), ("male", _l("Male")), ("other", _l("Other"))]
        self.age_band.choices = [none, *((band, band) for band in AGE_BANDS)]
        self.citizenship.choices = [none, *countries()]
        self.province.choices = [none, *PROVINCES.items(), (OTHER_PROVINCE, _l("Another province"))]

    def validate_consent(self, field) -> None:
        if not field.data:
            raise ValidationError(
                _l("Tick the box to agree, or leave this page: answering is never required.")
            )
