"""The self-assessment on the platform: save and resume, finish, advice with reasons, retake, territory."""

import csv
import io
import re
from pathlib import Path

import pytest

from lms.associations import assessments, needs, services
from lms.associations.models import SelfAssessment
from lms.cohorts.models import Partner
from tests import factories

ALL_GOOD = {q.key: needs.YES for q in needs.QUESTIONS}
COURSES = Path(__file__).parents[2] / "courses"


def _url(association):
    return f"/associations/{association.id}/self-assessment"


def test_a_half_filled_questionnaire_is_saved_and_resumed(client, forms, make_association, sign_in, db):
    association = make_association()
    sign_in("awa")
    response = forms.post(_url(association), {"statute": "yes", "bank": "no", "action": "save"})
    assert response.status_code == 302
    html = client.get(_url(association)).get_data(as_text=True)
    assert re.search(r'<input checked id="statute-0"[^>]*value="yes"', html)
    assert re.search(r'<input checked id="bank-2"[^>]*value="no"', html)
    assert not re.search(r'<input checked id="minutes-', html)
    saved = db.session.scalars(db.select(SelfAssessment)).one()
    assert saved.answers == {"statute": "yes", "bank": "no"} and saved.completed_at is None


def test_finishing_with_questions_missing_keeps_the_answers_and_marks_the_gaps(
    forms, make_association, sign_in, db
):
    association = make_association()
    sign_in("awa")
    response = forms.post(_url(association), {"statute": "no", "action": "finish"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'class="question has-error" id="q-bank"' in html
    assert 'class="question has-error" id="q-statute"' not in html
    assert db.session.scalars(db.select(SelfAssessment)).one().answers == {"statute": "no"}


def test_finishing_recommends_a_tier_and_modules_with_reasons(client, forms, make_association, sign_in, db):
    factories.import_test_courses(COURSES)
    db.session.commit()
    association = make_association()
    sign_in("awa")
    response = forms.post(_url(association), {**ALL_GOOD, "statute": "no", "action": "finish"})
    assert response.status_code == 302
    html = client.get(response.location + "?lang=en").get_data(as_text=True)
    assert "Tier 1" in html and "/courses/fare-associazione/atto-e-statuto/" in html
    assert "art. 38 of the Civil Code" in html  # the reason for the liability module


def test_a_retake_starts_from_the_last_answers_and_shows_what_improved(
    client, forms, make_association, sign_in, db
):
    association = make_association()
    sign_in("awa")
    forms.post(_url(association), {**ALL_GOOD, "insurance": "no", "action": "finish"})
    html = client.get(_url(association) + "?lang=en").get_data(as_text=True)
    assert "your last answers are filled in" in html
    response = forms.post(_url(association), {**ALL_GOOD, "action": "finish"})
    html = client.get(response.location + "?lang=en").get_data(as_text=True)
    assert "1 need is met" in html and "Volunteers and insurance" in html
    assert [a.tier for a in assessments.history(association)] == [3, 2]


def test_a_finished_assessment_cannot_change(make_association, db):
    association = make_association()
    done = assessments.start_or_resume(association, factories.get_user("awa"))
    assessments.save(done, ALL_GOOD)
    assessments.finish(done)
    with pytest.raises(assessments.AssessmentError):
        assessments.save(done, {"statute": "no"})


def test_only_managers_fill_it_in_and_only_members_read_it(client, make_association, sign_in, db):
    association = make_association()
    services.add_member(association, factories.make_user("bilal"), "member")
    done = assessments.start_or_resume(association, factories.get_user("awa"))
    assessments.save(done, ALL_GOOD)
    assessments.finish(done)
    db.session.commit()
    result = f"{_url(association)}/{done.id}"
    sign_in("bilal")
    assert client.get(_url(association)).status_code == 403
    assert client.get(result).status_code == 200
    for role in ("learner", "partner", "trainer"):
        factories.make_user(role, role=role)
        db.session.commit()
        sign_in(role)
        assert client.get(_url(association)).status_code == 403
        assert client.get(result).status_code == 403


def _finished(association, answers):
    done = assessments.start_or_resume(association, factories.get_user("awa"))
    assessments.save(done, {**ALL_GOOD, **answers})
    assessments.finish(done)


def test_the_territory_picture_suppresses_small_counts_and_exports(client, make_association, login_as, db):
    for n in range(6):
        _finished(make_association(f"Roma {n}", province="RM"), {"statute": "no"} if n < 5 else {})
    _finished(make_association("Latina 1", province="LT"), {"insurance": "no"})
    db.session.commit()
    figures = {f.province: f for f in assessments.territory()}
    # One small cell would be revealed by the total: the next smallest is hidden with it.
    assert figures["RM"].associations == 6 and figures["RM"].by_tier == {"1": "<5", "2": 0, "3": "<5"}
    assert figures["RM"].top_needs[0] == ("statute", 5)
    assert figures["LT"].associations == "<5"
    login_as("trainer")
    html = client.get("/associations/territory?lang=en").get_data(as_text=True)
    assert "Latina" in html and '<bdi dir="ltr">&lt;5</bdi>' in html  # reads "<5" in Arabic too
    rows = list(csv.reader(io.StringIO(client.get("/associations/territory.csv").get_data(as_text=True))))
    assert rows[1][:5] == ["Latina", "<5", "0", "<5", "0"] and rows[1][5].endswith("(<5)")
    assert rows[2][:5] == ["Roma", "6", "<5", "0", "<5"] and "(5)" in rows[2][5]


def test_learners_do_not_see_the_territory(client, login_as):
    login_as("learner")
    assert client.get("/associations/territory").status_code == 403
    assert client.get("/associations/territory.csv").status_code == 403


def test_a_partner_sees_only_its_own_provinces(client, forms, make_association, sign_in, login_as, db):
    for province in ("RM", "LT"):
        _finished(make_association(f"Associazione {province}", province=province), {})
    db.session.commit()
    login_as("admin")
    forms.post("/cohorts/partners", {"name": "Rete Latina", "provinces": ["LT"]})
    partner = db.session.scalars(db.select(Partner)).one()
    assert partner.provinces == ["LT"]
    factories.make_user("pia", role="partner")
    db.session.commit()
    forms.post(f"/cohorts/partners/{partner.id}/staff", {"username": "pia"}, page="/cohorts/partners")
    sign_in("pia")
    html = client.get("/associations/territory").get_data(as_text=True)
    assert 'id="prov-LT"' in html and 'id="prov-RM"' not in html
    assert "Roma" not in client.get("/associations/territory.csv").get_data(as_text=True)
    sign_in("admin-user")
    forms.post(f"/cohorts/partners/{partner.id}/territory", {}, page="/cohorts/partners")  # no province: all
    db.session.refresh(partner)
    sign_in("pia")
    assert 'id="prov-RM"' in client.get("/associations/territory").get_data(as_text=True)
