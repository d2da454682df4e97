"""Fixtures: app, db, client, csrf-aware form posts, login_as(role), and the test courses.

Tests run on SQLite by default, and on PostgreSQL when LMS_TEST_DATABASE_URL is set.
"""

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import delete

from lms import create_app
from lms.extensions import db as _db
from tests import factories

DATA = Path(__file__).parent / "data"
TEST_COURSES = DATA / "courses"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("LMS_TEST_DATABASE_URL")
    return url or "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session")
def _schema(database_url, tmp_path_factory):
    """Create the schema once per test session (dropping anything left from a previous run)."""
    app = create_app(_config(database_url, tmp_path_factory.mktemp("instance")))
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield
    with app.app_context():
        _db.drop_all()
        _db.engine.dispose()


def _config(database_url: str, instance: Path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": os.environ.get("LMS_TEST_REDIS_URL", "memory://"),
        "COURSES_DIR": str(TEST_COURSES),
    }


@pytest.fixture
def app(database_url, _schema, tmp_path):
    app = create_app(_config(database_url, tmp_path))
    with app.app_context():
        yield app
        _db.session.rollback()
        for table in reversed(_db.metadata.sorted_tables):
            _db.session.execute(delete(table))
        _db.session.commit()
        _db.session.remove()
        _db.engine.dispose()  # each test's app has its own pool: close it, do not leave it to GC


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1) or match.group(2)


class FormClient:
    """Posts forms the way a browser does: read the page, take its CSRF token, submit."""

    def __init__(self, client):
        self.client = client

    def post(self, url: str, data=None, page: str | None = None, **kwargs):
        source = self.client.get(page or url, headers=kwargs.pop("headers", None))
        token = csrf_from(source.get_data(as_text=True))
        return self.client.post(url, data={**(data or {}), "csrf_token": token}, **kwargs)


@pytest.fixture
def forms(client):
    return FormClient(client)


@pytest.fixture
def login_as(client, forms, db):
    """Create a user with the role and sign them in; return the user."""

    def _login(role: str = "learner", username: str | None = None):
        user = factories.make_user(username or f"{role}-user", role=role)
        db.session.commit()
        response = forms.post("/login", {"username": user.username, "password": factories.PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return _login


@pytest.fixture
def courses(db):
    """Import the test courses: 'basi' (tier 1, sequential) and 'avanzato' (tier 2, requires basi)."""
    factories.import_test_courses()
    db.session.commit()
    return factories.course("basi"), factories.course("avanzato")
