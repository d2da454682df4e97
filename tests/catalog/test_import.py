"""Importing: one transaction, readable changes, stable identities that keep learners' history."""

import shutil

import pytest
from sqlalchemy import func, select

from lms.catalog.models import Course, Module, Page
from lms.learning import services as learning
from lms.learning.models import PageView
from tests import factories
from tests.catalog.test_loader import edit


@pytest.fixture
def tree(tmp_path):
    target = tmp_path / "courses"
    shutil.copytree(factories.TEST_COURSES, target)
    return target


def test_first_import_lists_new_content(db):
    changes = factories.import_test_courses()
    db.session.commit()
    assert "basi: new course" in changes
    assert "basi/primo: new module" in changes
    assert db.session.scalar(select(func.count()).select_from(Page)) == 4
    basi = factories.course("basi")
    assert basi.texts["en"].title == "The basics"
    assert [c.slug for c in factories.course("avanzato").requires] == ["basi"]


def test_reimport_without_changes_changes_nothing(db, courses):
    assert factories.import_test_courses() == []


def test_reimport_of_edited_course_keeps_progress(db, courses, tree):
    user = factories.make_user()
    page = factories.module("basi", "primo").pages[0]
    learning.record_page_view(user, page)
    db.session.commit()
    page_id = page.id

    edit(tree / "basi/primo/uno.it.md", "Testo della", "Nuovo testo della")
    edit(tree / "basi/primo/module.yaml", "pages: [uno, due]", "pages: [due, uno]")
    changes = factories.import_test_courses(tree)
    db.session.commit()

    assert "basi/primo/uno: updated it text" in changes
    assert "basi/primo/uno: changed position" in changes
    page = db.session.get(Page, page_id)
    assert page.slug == "uno" and page.position == 1
    assert "Nuovo testo" in page.texts["it"].body
    assert db.session.scalar(select(func.count()).select_from(PageView)) == 1


def test_removed_content_is_retired_not_deleted(db, courses, tree):
    shutil.rmtree(tree / "basi/secondo")
    edit(tree / "basi/course.yaml", "modules: [primo, secondo]", "modules: [primo]")
    changes = factories.import_test_courses(tree)
    db.session.commit()
    assert "basi/secondo: module retired (kept for learners' history)" in changes
    basi = factories.course("basi")
    assert [m.slug for m in basi.active_modules] == ["primo"]
    assert db.session.scalar(select(func.count()).select_from(Module)) == 3

    # Putting it back brings back the same module.
    changes = factories.import_test_courses()
    assert "basi/secondo: changed retired" in changes


def test_cli_check_reports_problems_and_exits_1(app, tree):
    edit(tree / "basi/primo/module.yaml", "correct: sette", "correct: otto")
    result = app.test_cli_runner().invoke(args=["lms", "check-courses", str(tree)])
    assert result.exit_code == 1
    assert "basi/primo/module.yaml:11: correct answer 'otto' is not one of the options" in result.output


def test_cli_import_of_broken_course_imports_nothing(app, db, tree):
    edit(tree / "avanzato/unico/pagina.it.md", "# Pagina", "Pagina senza titolo")
    result = app.test_cli_runner().invoke(args=["lms", "import-courses", str(tree)])
    assert result.exit_code == 1
    assert "Nothing was imported." in result.output
    assert db.session.scalar(select(func.count()).select_from(Course)) == 0


def test_cli_import_prints_changes(app, db, tree):
    result = app.test_cli_runner().invoke(args=["lms", "import-courses", str(tree)])
    assert result.exit_code == 0, result.output
    assert "basi: new course" in result.output
    assert db.session.scalar(select(func.count()).select_from(Course)) == 2
    again = app.test_cli_runner().invoke(args=["lms", "import-courses", str(tree)])
    assert "Imported 2 course(s): 0 change(s)." in again.output


def test_cli_checks_a_single_course_folder(app):
    result = app.test_cli_runner().invoke(args=["lms", "check-courses", str(factories.TEST_COURSES / "basi")])
    assert result.exit_code == 0, result.output
    assert "OK: 1 course(s), 2 module(s)" in result.output


def test_importing_a_whole_tree_retires_courses_no_longer_there(app, db, courses, tree):
    shutil.rmtree(tree / "avanzato")
    result = app.test_cli_runner().invoke(args=["lms", "import-courses", str(tree)])
    assert "courses/avanzato: course retired (kept for learners' history)" in result.output
    assert factories.course("avanzato").retired
    # Importing one course folder leaves the others alone.
    factories.course("avanzato").retired = False
    db.session.commit()
    app.test_cli_runner().invoke(args=["lms", "import-courses", str(tree / "basi")])
    assert not factories.course("avanzato").retired
