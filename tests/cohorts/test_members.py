"""Getting learners in: accounts with login cards, first password, invites, leaving keeps history."""

from datetime import timedelta

import pypdfium2
import pytest

from lms.cohorts import services
from lms.cohorts.models import CardBatch
from lms.core.clock import utcnow
from tests import factories
from tests.cohorts.helpers import make_cohort


@pytest.fixture
def cohort(db):
    return make_cohort(trainer=factories.make_user("tina", "trainer"))


def test_a_trainer_makes_accounts_and_prints_cards(client, forms, cohort, db):
    forms.post("/login", {"username": "tina", "password": factories.PASSWORD})
    names = {"names": "Awa Diop\nمحمد علي\n", "language": "ar"}
    response = forms.post(f"/cohorts/{cohort.id}/accounts", names, page=f"/cohorts/{cohort.id}/")
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    pdf_url = page.split('href="')[-1].split('"')[0] if ".pdf" in page else None
    batch = db.session.scalars(db.select(CardBatch)).one()
    pdf = client.get(f"/cohorts/{cohort.id}/cards/{batch.token}.pdf")
    assert pdf.mimetype == "application/pdf" and pdf_url
    document = pypdfium2.PdfDocument(pdf.data)
    text = document[0].get_textpage().get_text_range()
    members = services.members(cohort)
    assert [m.user.display_name for m in members] == ["Awa Diop", "محمد علي"]
    assert all(m.user.must_change_password and m.user.email is None for m in members)
    assert members[0].user.username.startswith("awa.diop.") and members[0].user.username in text
    image = document[0].render(scale=1).to_pil()
    assert image.size[0] > 500 and image.convert("L").getextrema()[0] < 100  # something is drawn


def _code_from_card(client, cohort, db):
    batch = db.session.scalars(db.select(CardBatch).order_by(CardBatch.id.desc())).first()
    text = pypdfium2.PdfDocument(client.get(f"/cohorts/{cohort.id}/cards/{batch.token}.pdf").data)[0]
    return text.get_textpage().get_text_range()


def test_first_sign_in_with_the_code_asks_for_a_password(client, forms, cohort, db):
    user, code = services.make_card_account(cohort, "Awa Diop", None)
    db.session.commit()
    assert forms.post("/login", {"username": user.username, "password": code}).status_code == 302
    response = client.get("/me/")
    assert response.status_code == 302 and "/me/password" in response.location
    forms.post("/me/password", {"password": "una password lunga", "confirm": "una password lunga"})
    assert client.get("/me/").status_code == 200
    client.post("/logout", data={"csrf_token": ""})
    assert not user.check_password(code) and user.check_password("una password lunga")


def test_a_reset_gives_a_new_code_and_the_old_one_stops_working(client, forms, cohort, db):
    user, code = services.make_card_account(cohort, "Awa Diop", None)
    services.reset_code(cohort, user)
    assert not user.check_password(code) and user.must_change_password


def test_reset_only_for_learners_in_the_cohort(cohort, db):
    outsider = factories.make_user("bob")
    with pytest.raises(services.CohortError):
        services.reset_code(cohort, outsider)


def test_leaving_keeps_the_history_and_rejoining_starts_again(cohort, db):
    learner = factories.make_user("amina")
    services.join(cohort, learner, "added")
    services.leave(cohort, learner)
    services.join(cohort, learner, "invite")
    rows = services.members(cohort, include_past=True)
    assert len(rows) == 2 and rows[0].left_at is not None and rows[1].left_at is None


def test_a_learner_can_be_in_several_cohorts(db):
    learner = factories.make_user("amina")
    first, second = make_cohort("A", "P1"), make_cohort("B", "P2")
    services.join(first, learner, "added")
    services.join(second, learner, "added")
    assert services.active_membership(first, learner) and services.active_membership(second, learner)


def test_an_invite_link_joins_once_and_respects_its_limit(client, forms, login_as, cohort, db):
    invite = services.create_invite(cohort, days=7, max_uses=1)
    db.session.commit()
    login_as("learner", "amina")
    assert forms.post(f"/join/{invite.code}", {"code": invite.code}).status_code == 302
    assert client.get(f"/join/{invite.code}").status_code == 302  # already in: no new use
    assert invite.uses == 1
    other = factories.make_user("bob")
    with pytest.raises(services.CohortError):
        services.redeem(invite, other)


def test_an_expired_invite_is_refused_with_a_reason(client, forms, login_as, cohort, db):
    invite = services.create_invite(cohort, days=7, max_uses=None)
    invite.expires_at = utcnow() - timedelta(days=1)
    db.session.commit()
    login_as("learner", "amina")
    response = forms.post("/join", {"code": invite.code})
    assert response.status_code == 200
    assert services.active_membership(cohort, factories.get_user("amina")) is None


def test_the_login_card_qr_fills_in_the_username(client, db):
    page = client.get("/login?username=awa.diop.x2z").get_data(as_text=True)
    assert 'value="awa.diop.x2z"' in page
