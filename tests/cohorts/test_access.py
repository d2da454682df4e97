"""A partner never sees another partner's groups; trainers see the groups they teach; admins see all."""

import pytest

from lms.cohorts import services
from tests import factories
from tests.cohorts.helpers import make_cohort


@pytest.fixture
def two(db):
    mine = make_cohort("Roma", "Partner A", staff=factories.make_user("pa", "partner"),
                       trainer=factories.make_user("ta", "trainer"))  # fmt: skip
    theirs = make_cohort("Rieti", "Partner B", staff=factories.make_user("pb", "partner"))
    return mine, theirs


PAGES = ["/", "edit", "import"]


@pytest.mark.parametrize("page", PAGES)
def test_partner_staff_see_only_their_own(client, forms, two, page):
    mine, theirs = two
    forms.post("/login", {"username": "pa", "password": factories.PASSWORD})
    suffix = "" if page == "/" else page
    assert client.get(f"/cohorts/{mine.id}/{suffix}").status_code == 200
    assert client.get(f"/cohorts/{theirs.id}/{suffix}").status_code == 403
    listing = client.get("/cohorts/").get_data(as_text=True)
    assert "Roma" in listing and "Rieti" not in listing


def test_a_trainer_sees_the_group_they_teach_but_cannot_edit_it(client, forms, two):
    mine, theirs = two
    forms.post("/login", {"username": "ta", "password": factories.PASSWORD})
    assert client.get(f"/cohorts/{mine.id}/").status_code == 200
    assert client.get(f"/cohorts/{mine.id}/edit").status_code == 403
    assert client.get(f"/cohorts/{theirs.id}/").status_code == 403


@pytest.mark.parametrize("role", ["learner"])
def test_learners_never_see_groups(client, login_as, two, role):
    mine, _ = two
    login_as(role)
    assert client.get("/cohorts/").status_code == 403
    assert client.get(f"/cohorts/{mine.id}/").status_code == 403


def test_visitors_go_to_login(client, two):
    assert client.get(f"/cohorts/{two[0].id}/").status_code == 302


def test_another_partners_staff_cannot_act_on_members(client, forms, two, db):
    _mine, theirs = two
    learner = factories.make_user("amina")
    services.join(theirs, learner, "added")
    db.session.commit()
    forms.post("/login", {"username": "pa", "password": factories.PASSWORD})
    for action in ("reset", "leave"):
        response = forms.post(f"/cohorts/{theirs.id}/members/{learner.id}/{action}", {}, page="/cohorts/")
        assert response.status_code == 403
    assert services.active_membership(theirs, learner) is not None


def test_only_admins_manage_partners(client, login_as, two):
    login_as("partner")
    assert client.get("/cohorts/partners").status_code == 403
