"""Who may open what: every view, for visitors and for each role."""

import pytest

from tests import factories

ROLES = ["learner", "trainer", "partner", "admin"]
STAFF = {"trainer", "admin"}

# (url, visitor's status, signed-in status)
PUBLIC = [
    ("/", 200),
    ("/courses/basi/", 200),
    ("/courses/avanzato/", 200),
    ("/login", 200),
    ("/register", 200),
    ("/healthz", 200),
    ("/glossary/", 200),
    ("/courses/basi/glossary", 200),
    ("/toolkits/", 200),
]
SIGNED_IN = ["/me/", "/courses/basi/primo/", "/courses/basi/primo/uno", "/courses/basi/primo/quiz", "/logout"]
# Locked for learners and partners (sequential order or missing prerequisites), open to staff.
LOCKED = [
    "/courses/basi/secondo/",
    "/courses/basi/secondo/solo",
    "/courses/basi/secondo/quiz",
    "/courses/avanzato/unico/",
    "/courses/avanzato/unico/quiz",
]
MISSING = [
    "/courses/nessuno/",
    "/courses/basi/nessuno/",
    "/courses/basi/primo/nessuna",
    "/courses/basi/primo/quiz/attempts/999999",
]


@pytest.mark.parametrize(("url", "status"), PUBLIC)
def test_public_pages_for_visitors(client, courses, url, status):
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", SIGNED_IN + LOCKED)
def test_visitors_are_sent_to_login(client, courses, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("role", ROLES)
def test_signed_in_pages_per_role(client, courses, login_as, role):
    login_as(role)
    for url, status in PUBLIC:
        expected = 302 if url in ("/login", "/register") else status  # already signed in
        assert client.get(url).status_code == expected, url
    for url in SIGNED_IN:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ROLES)
def test_locked_modules_per_role(client, courses, login_as, role):
    login_as(role)
    for url in LOCKED:
        status = client.get(url).status_code
        assert status == (200 if role in STAFF else 302), (url, status)


@pytest.mark.parametrize("role", ROLES)
def test_missing_things_are_not_found(client, courses, login_as, role):
    login_as(role)
    for url in MISSING:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "url",
    ["/courses/basi/enrol", "/courses/basi/primo/quiz", "/courses/basi/primo/quiz/attempts/1", "/logout"],
)
def test_state_changes_need_a_signed_in_user(client, courses, url):
    response = client.post(url)
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("url", ["/courses/basi/enrol", "/courses/basi/primo/quiz"])
def test_state_changes_need_csrf(client, courses, login_as, url):
    login_as()
    response = client.post(url)
    assert response.status_code == 400


def test_retired_course_is_gone_for_everyone(client, db, courses, login_as):
    factories.course("avanzato").retired = True
    db.session.commit()
    login_as("admin")
    assert client.get("/courses/avanzato/").status_code == 404
    assert "Avanzato" not in client.get("/").get_data(as_text=True)
