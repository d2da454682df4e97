"""Every group page for every kind of user: a partner never reaches another partner's data."""

import pytest

from lms.cohorts import services
from tests import factories
from tests.cohorts.helpers import make_cohort

# page -> who may open it, of: own-trainer, own-staff, admin (others always get 403, visitors go to login)
PAGES = {
    "/cohorts/{c}/": {"own-trainer", "own-staff", "admin"},
    "/cohorts/{c}/dashboard": {"own-trainer", "own-staff", "admin"},
    "/cohorts/{c}/import": {"own-trainer", "own-staff", "admin"},
    "/cohorts/{c}/edit": {"own-staff", "admin"},
    "/cohorts/{c}/funder-report": {"own-staff", "admin"},
    "/cohorts/{c}/funder-report.csv": {"own-staff", "admin"},
    "/cohorts/{c}/funder-report.xlsx": {"own-staff", "admin"},
    "/cohorts/partners/{p}/": {"own-staff", "admin"},
    "/cohorts/partners/{p}/funder-report": {"own-staff", "admin"},
    "/cohorts/partners/{p}/tokens": {"own-staff", "admin"},
    "/cohorts/partners": {"admin"},
}
WHO = {
    "learner": ("learner", "learner"),
    "other-trainer": ("tb", "trainer"),
    "other-staff": ("pb", "partner"),
    "own-trainer": ("ta", "trainer"),
    "own-staff": ("pa", "partner"),
    "admin": ("boss", "admin"),
}


@pytest.fixture
def group(db, courses):
    mine = make_cohort("Roma", "Partner A", staff=factories.make_user("pa", "partner"),
                       trainer=factories.make_user("ta", "trainer"))  # fmt: skip
    make_cohort("Rieti", "Partner B", staff=factories.make_user("pb", "partner"),
                trainer=factories.make_user("tb", "trainer"))  # fmt: skip
    factories.make_user("learner")
    factories.make_user("boss", "admin")
    services.join(mine, factories.get_user("learner"), "added")
    db.session.commit()
    return mine


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("who", list(WHO))
def test_who_opens_what(client, forms, group, page, who):
    username, _role = WHO[who]
    forms.post("/login", {"username": username, "password": factories.PASSWORD})
    url = page.format(c=group.id, p=group.partner_id)
    expected = 200 if who in PAGES[page] else 403
    assert client.get(url).status_code == expected, (who, url)


@pytest.mark.parametrize("page", list(PAGES))
def test_visitors_are_sent_to_login(client, group, page):
    response = client.get(page.format(c=group.id, p=group.partner_id))
    assert response.status_code == 302 and "/login" in response.location
