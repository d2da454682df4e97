"""Badges: awarded on completion (once), by trainers with evidence, revoked by admins; Open Badges 2.0."""

import hashlib
import json

import pytest
from sqlalchemy import func, select

from lms.badges import services
from lms.badges.models import Award
from lms.learning import services as learning
from tests import factories

BASE = "http://127.0.0.1:5000"


def complete(user, course):
    for module in course.active_modules:
        for page in module.active_pages:
            learning.record_page_view(user, page)
        learning.record_quiz_passed(user.id, module)


def test_completing_a_course_awards_its_badge_once(db, courses):
    basi, _ = courses
    user = factories.make_user("amina", email="Amina@Example.org")
    complete(user, basi)
    complete(user, basi)
    db.session.commit()
    awards = services.awards_of(user.id)
    assert len(awards) == 1
    award = awards[0]
    assert award.badge_class.course.slug == "basi"
    assert award.recipient_type == "email"
    expected = "sha256$" + hashlib.sha256(("amina@example.org" + award.recipient_salt).encode()).hexdigest()
    assert award.recipient_hash == expected


def test_learner_without_email_is_identified_by_their_public_badge_page(client, db, courses):
    basi, _ = courses
    user = factories.make_user("bilal")
    complete(user, basi)
    db.session.commit()
    award = services.awards_of(user.id)[0]
    assert award.recipient_type == "url"
    token = services.recipient_page_token(user)
    identity = f"{BASE}/badges/learners/{token}/"
    assert award.recipient_hash == services.hash_identity(identity, award.recipient_salt)
    page = client.get(f"/badges/learners/{token}/").get_data(as_text=True)
    assert f"/badges/verify/{award.public_id}" in page


def test_hosted_documents(client, db, courses):
    basi, _ = courses
    user = factories.make_user("amina", email="amina@example.org")
    complete(user, basi)
    db.session.commit()
    award = services.awards_of(user.id)[0]
    response = client.get(f"/badges/assertions/{award.public_id}")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    assertion = response.get_json()
    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == f"{BASE}/badges/assertions/{award.public_id}"
    assert assertion["verification"] == {"type": "hosted"}
    assert assertion["recipient"]["hashed"] is True
    badge = client.get(assertion["badge"].removeprefix(BASE)).get_json()
    assert badge["type"] == "BadgeClass" and badge["name"] == "Le basi" and badge["@language"] == "it"
    assert badge["related"] == [{"id": f"{BASE}/badges/classes/basi/en", "@language": "en"}]
    assert "Le basi" in badge["criteria"]["narrative"]
    english = client.get("/badges/classes/basi/en").get_json()
    assert english["name"] == "The basics" and "The basics" in english["criteria"]["narrative"]
    issuer = client.get(badge["issuer"].removeprefix(BASE)).get_json()
    assert issuer["type"] == "Issuer" and issuer["email"]
    assert client.get(badge["image"].removeprefix(BASE)).mimetype == "image/png"


def test_revoked_assertion_answers_410(client, db, courses):
    basi, _ = courses
    user = factories.make_user()
    complete(user, basi)
    award = services.awards_of(user.id)[0]
    with pytest.raises(services.BadgeError):
        services.revoke(award, "  ", None)
    services.revoke(award, "Awarded by mistake", None)
    db.session.commit()
    response = client.get(f"/badges/assertions/{award.public_id}")
    assert response.status_code == 410
    assert response.get_json()["revoked"] is True
    assert response.get_json()["revocationReason"] == "Awarded by mistake"
    page = client.get(f"/badges/verify/{award.public_id}?lang=en").get_data(as_text=True)
    assert "Revoked" in page and "Awarded by mistake" in page
    assert client.get(f"/badges/assertions/{award.public_id}/badge.png").status_code == 410


def test_baked_png_and_svg_carry_the_assertion(client, db, courses):
    from lms.badges import baking

    basi, _ = courses
    user = factories.make_user()
    complete(user, basi)
    db.session.commit()
    award = services.awards_of(user.id)[0]
    png = client.get(f"/badges/assertions/{award.public_id}/badge.png")
    assert json.loads(baking.unbake_png(png.data))["id"].endswith(award.public_id)
    svg = client.get(f"/badges/assertions/{award.public_id}/badge.svg").get_data(as_text=True)
    assert json.loads(baking.unbake_svg(svg))["id"].endswith(award.public_id)


def test_trainer_awards_by_hand_with_evidence(client, forms, db, courses, login_as):
    learner = factories.make_user("chidi")
    db.session.commit()
    login_as("trainer")
    missing = forms.post("/badges/award", {"username": "chidi", "course": "basi", "evidence": ""})
    assert missing.status_code == 200 and 'class="errors"' in missing.get_data(as_text=True)
    response = forms.post(
        "/badges/award",
        {"username": "chidi", "course": "basi", "evidence": "Corso in presenza a Latina, 2026"},
    )
    assert response.status_code == 302
    award = services.awards_of(learner.id)[0]
    assert award.evidence == "Corso in presenza a Latina, 2026"
    assert client.get(f"/badges/assertions/{award.public_id}").get_json()["evidence"][0]["narrative"]
    again = forms.post("/badges/award", {"username": "chidi", "course": "basi", "evidence": "x"})
    assert "already" in again.get_data(as_text=True) or "già" in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Award)) == 1


@pytest.mark.parametrize(
    ("role", "status"), [("learner", 403), ("partner", 403), ("trainer", 200), ("admin", 200)]
)
def test_award_page_per_role(client, courses, login_as, role, status):
    login_as(role)
    assert client.get("/badges/award").status_code == status


@pytest.mark.parametrize("role", ["learner", "partner", "trainer"])
def test_only_admins_revoke(client, forms, db, courses, login_as, role):
    basi, _ = courses
    owner = factories.make_user("owner")
    complete(owner, basi)
    db.session.commit()
    award = services.awards_of(owner.id)[0]
    login_as(role)
    response = forms.post(
        f"/badges/assertions/{award.public_id}/revoke",
        {"reason": "x"},
        page=f"/badges/verify/{award.public_id}",
    )
    assert response.status_code == 403
    assert not db.session.get(Award, award.id).revoked


def test_admin_revokes_from_the_verification_page(client, forms, db, courses, login_as):
    basi, _ = courses
    owner = factories.make_user("owner")
    complete(owner, basi)
    db.session.commit()
    award = services.awards_of(owner.id)[0]
    login_as("admin")
    page = client.get(f"/badges/verify/{award.public_id}").get_data(as_text=True)
    assert "/revoke" in page
    forms.post(
        f"/badges/assertions/{award.public_id}/revoke",
        {"reason": "Duplicate"},
        page=f"/badges/verify/{award.public_id}",
    )
    assert db.session.get(Award, award.id).revocation_reason == "Duplicate"


def test_learner_badge_page_name_and_certificate_access(client, forms, db, courses, login_as):
    basi, _ = courses
    user = login_as()
    complete(user, basi)
    db.session.commit()
    award = services.awards_of(user.id)[0]
    page = client.get("/me/badges/").get_data(as_text=True)
    assert "linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in page
    assert f"/badges/verify/{award.public_id}" in page
    forms.post(
        f"/me/badges/{award.public_id}/name", {f"{award.public_id}-name": "فاطمة الزهراء"}, page="/me/badges/"
    )
    assert db.session.get(Award, award.id).recipient_name == "فاطمة الزهراء"
    assert "/me/badges/" in client.get("/me/").get_data(as_text=True)


def test_certificate_is_only_for_its_owner_and_staff(client, db, courses, login_as):
    basi, _ = courses
    owner = factories.make_user("owner")
    complete(owner, basi)
    db.session.commit()
    award = services.awards_of(owner.id)[0]
    login_as("learner", "someone-else")
    assert client.get(f"/me/badges/{award.public_id}/certificate.pdf").status_code == 404


def test_cli_awards_and_revokes(app, db, courses):
    factories.make_user("dina")
    db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["lms", "award-badge", "dina", "basi", "--evidence", "In presenza"])
    assert result.exit_code == 0, result.output
    assert "Assertion:    http://127.0.0.1:5000/badges/assertions/" in result.output
    assert "Verification: http://127.0.0.1:5000/badges/verify/" in result.output
    public_id = result.output.split("/badges/verify/")[1].strip()
    revoked = runner.invoke(args=["lms", "revoke-badge", public_id, "--reason", "Errore"])
    assert revoked.exit_code == 0 and services.get_award(public_id).revoked
    assert runner.invoke(args=["lms", "award-badge", "dina", "basi", "--evidence", ""]).exit_code == 1
