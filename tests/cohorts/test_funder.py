"""Funder data: only with consent, withdrawable; the report counts it with small-cell suppression."""

import io

import pytest
from openpyxl import load_workbook

from lms.cohorts import funder, services
from lms.core.clock import utcnow
from lms.extensions import db
from lms.learning.models import Enrolment
from tests import factories
from tests.cohorts.helpers import make_cohort

ANSWERS = {"sex": "female", "age_band": "25-34", "citizenship": "SN", "third_country": "yes", "consent": "y",
           "international_protection": "no", "second_generation": "", "province": "LT"}  # fmt: skip


def test_nothing_is_saved_without_consent_and_what_was_typed_stays(client, forms, login_as, db):
    user = login_as("learner", "awa")
    response = forms.post("/me/funder-data", {**ANSWERS, "consent": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and '<option selected value="25-34">' in html
    assert services.funder_profile(user) is None


def test_answers_are_saved_then_withdrawn_and_erased(client, forms, login_as, db):
    user = login_as("learner", "awa")
    assert forms.post("/me/funder-data", ANSWERS).status_code == 302
    profile = services.funder_profile(user)
    assert profile.active and profile.sex == "female" and profile.third_country is True
    assert profile.second_generation is None  # "prefer not to say"
    forms.post("/me/funder-data/withdraw", {}, page="/me/funder-data")
    profile = services.funder_profile(user)
    assert not profile.active and profile.sex is None and profile.withdrawn_at is not None


def _cohort_with(courses, women: int, men: int, silent: int):
    cohort = make_cohort()
    cohort.courses = [courses[0]]
    for n in range(women + men + silent):
        user = factories.make_user(f"p{n}")
        services.join(cohort, user, "added")
        db.session.add(Enrolment(user_id=user.id, course_id=courses[0].id, completed_at=utcnow()))
        if n < women + men:
            sex = "female" if n < women else "male"
            services.save_funder_data(user, {"sex": sex, "third_country": "yes"})
    db.session.commit()
    return cohort


def test_the_report_hides_small_cells_and_the_cell_that_would_reveal_them(db, courses):
    cohort = _cohort_with(courses, women=12, men=3, silent=6)
    report = funder.report([cohort])
    assert report.participants == 21 and report.completions == 21
    assert report.breakdowns["sex"] == {
        "female": {"participants": 12, "completions": 12},
        "male": {"participants": "<5", "completions": "<5"},
        "not_given": {"participants": "<5", "completions": "<5"},  # 6, hidden so the 3 cannot be worked out
    }
    assert report.breakdowns["third_country"]["yes"] == {"participants": 15, "completions": 15}


def test_withdrawn_consent_is_not_counted(db, courses):
    cohort = _cohort_with(courses, women=6, men=6, silent=0)
    for n in range(3):
        services.withdraw_funder_consent(factories.get_user(f"p{n}"))
    sexes = funder.report([cohort]).breakdowns["sex"]
    assert sexes["female"]["participants"] == "<5" and sexes["not_given"]["participants"] == "<5"


def test_the_period_limits_who_is_counted(db, courses):
    from datetime import date

    cohort = _cohort_with(courses, women=6, men=0, silent=0)
    assert funder.report([cohort], date(2000, 1, 1), date(2000, 12, 31)).participants == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "print"])
def test_exports_for_partner_staff_only(client, forms, db, courses, fmt):
    staff = factories.make_user("pa", "partner")
    cohort = _cohort_with(courses, women=12, men=3, silent=6)
    services.add_staff(cohort.partner, staff)
    factories.make_user("tina", "trainer")
    cohort.trainers = [factories.get_user("tina")]
    db.session.commit()
    forms.post("/login", {"username": "pa", "password": factories.PASSWORD})
    response = client.get(f"/cohorts/{cohort.id}/funder-report.{fmt}")
    assert response.status_code == 200
    if fmt == "csv":
        assert "<5" in response.get_data(as_text=True)
    elif fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.data)).active
        assert "<5" in [cell.value for row in sheet.iter_rows() for cell in row]
    else:
        html = response.get_data(as_text=True)
        assert 'lang="it"' in html and "Partecipanti" in html
    forms.post("/logout", {}, page="/")
    forms.post("/login", {"username": "tina", "password": factories.PASSWORD})
    assert client.get(f"/cohorts/{cohort.id}/funder-report").status_code == 403
