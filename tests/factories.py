"""Plain factory functions for tests."""

from pathlib import Path

from sqlalchemy import select

from lms.auth import services as auth
from lms.catalog import importer, loader
from lms.catalog.models import Course
from lms.extensions import db

PASSWORD = "correct horse battery"
TEST_COURSES = Path(__file__).parent / "data" / "courses"


def make_user(username: str = "amina", role: str = "learner", email: str | None = None):
    return auth.create_user(username, PASSWORD, role=role, email=email)


def import_test_courses(path: Path = TEST_COURSES) -> list[str]:
    specs, problems = loader.load_courses(path)
    glossary, more = loader.load_shared_glossary(path)
    assert not problems + more, problems + more
    return importer.import_courses(specs, glossary)


def course(slug: str) -> Course:
    return db.session.scalar(select(Course).where(Course.slug == slug))


def module(course_slug: str, module_slug: str):
    return next(m for m in course(course_slug).modules if m.slug == module_slug)


def get_user(username: str):
    return auth.get_by_username(username)
