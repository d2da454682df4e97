"""Who may open the editor: visitors, learners and partners never; trainers for their courses; admins all."""

import pytest

from lms.authoring import services
from tests import factories

M = "/author/basi/modules/primo"
PAGES = [
    "/author/basi/",
    "/author/basi/settings",
    f"{M}/",
    f"{M}/pages/uno",
    f"{M}/quiz",
    f"{M}/quiz/fondatori",
    f"{M}/quiz/new/matching",
    "/author/basi/translations",
    "/author/basi/translations?into=en",
    f"{M}/translate/en",
    f"{M}/pages/uno/translate/en",
    "/author/basi/history",
    "/author/basi/versions/1/export.zip",
]
ACTIONS = [
    "/author/basi/modules",
    f"{M}/down",
    f"{M}/pages",
    f"{M}/pages/uno/down",
    f"{M}/pages/uno/upload",
    f"{M}/quiz/fondatori/down",
    "/author/basi/start",
    "/author/basi/submit",
    "/author/basi/return",
    "/author/basi/publish",
    "/author/basi/discard",
    "/author/basi/versions/1/restore",
]


@pytest.fixture
def versioned(db, courses):
    services.start_draft("basi", factories.make_user("ada-admin", "admin"))
    db.session.commit()


@pytest.mark.parametrize("url", [*PAGES, "/author/", "/author/new", "/author/import"])
def test_visitors_are_sent_to_login(client, versioned, url):
    response = client.get(url)
    assert response.status_code == 302 and response.location.startswith("/login")


@pytest.mark.parametrize("role", ["learner", "partner"])
@pytest.mark.parametrize("url", [*PAGES, "/author/", "/author/new", "/author/import"])
def test_learners_and_partners_cannot_open_the_editor(client, versioned, login_as, role, url):
    login_as(role)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", ["learner", "partner", "trainer"])
@pytest.mark.parametrize("url", ACTIONS)
def test_no_change_without_being_an_editor(client, forms, versioned, login_as, role, url):
    login_as(role)
    before = services.open_version("basi").spec
    assert forms.post(url, {"module-title": "X", "page-title": "Y"}, page="/").status_code == 403
    after = services.versions("basi")
    assert [v.state for v in after] == ["draft", "published"] and after[0].spec == before


@pytest.mark.parametrize("url", PAGES)
def test_a_trainer_not_assigned_gets_403(client, versioned, login_as, url):
    login_as("trainer")
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_assigned_trainers_and_admins_open_every_page(client, versioned, login_as, db, url):
    trainer = login_as("trainer")
    services.assign("basi", trainer, trainer)
    db.session.commit()
    assert client.get(url).status_code == 200


def test_only_admins_assign_trainers(client, forms, versioned, login_as, db):
    trainer = login_as("trainer")
    services.assign("basi", trainer, trainer)
    db.session.commit()
    other = factories.make_user("other", "trainer")
    db.session.commit()
    assert forms.post("/author/basi/editors", {"username": "other"}, page="/author/basi/").status_code == 403
    assert not services.can_edit(other, "basi")


def test_an_admin_assigns_a_trainer_who_then_edits(client, forms, versioned, login_as, db):
    login_as("admin", "boss")
    factories.make_user("tina", "trainer")
    db.session.commit()
    forms.post("/author/basi/editors", {"username": "tina"}, page="/author/basi/")
    from lms.auth.services import get_by_username

    tina = get_by_username("tina")
    assert services.can_edit(tina, "basi")
    assert services.audit_log("basi")[0].action == "assigned"


def test_a_trainer_sees_only_their_courses_in_the_list(client, versioned, login_as, db):
    trainer = login_as("trainer")
    services.assign("avanzato", trainer, trainer)
    db.session.commit()
    html = client.get("/author/").get_data(as_text=True)
    assert "/author/avanzato/" in html and "/author/basi/" not in html
