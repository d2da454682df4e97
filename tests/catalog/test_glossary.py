"""Glossary: files checked with file and line, terms linked from lessons, pages in the learner's language."""

import shutil

import pytest

from lms.catalog import loader
from tests import factories
from tests.catalog.test_loader import edit

SHIPPED = factories.TEST_COURSES.parents[2] / "courses"


@pytest.fixture
def tree(tmp_path):
    target = tmp_path / "courses"
    shutil.copytree(factories.TEST_COURSES, target)
    return target


def test_shipped_glossary_is_complete_in_every_interface_language():
    from lms.config import Config

    terms, problems = loader.load_shared_glossary(SHIPPED)
    assert problems == []
    assert len(terms) >= 10
    missing = [(t.slug, lang) for t in terms for lang in Config.LANGUAGES if lang not in t.definitions]
    assert missing == []


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "_glossary/glossary.yaml",
            "  - id: fondo-comune\n    term: fondo comune\n",
            "  - id: fondo-comune\n",
            "_glossary/glossary.yaml:5: term 'fondo-comune' has no 'term'",
        ),
        (
            "_glossary/glossary.en.yaml",
            "statuto:",
            "statutes:",
            "_glossary/glossary.en.yaml:1: definition of 'statutes', which glossary.yaml lacks",
        ),
        (
            "_glossary/glossary.it.yaml",
            'fondo-comune: "I beni comuni dell\'associazione."\n',
            "",
            "_glossary/glossary.it.yaml:1: term 'fondo-comune' has no Italian definition",
        ),
    ],
)
def test_broken_glossary_is_reported(tree, file, old, new, expected):
    edit(tree / file, old, new)
    _, problems = loader.load_shared_glossary(tree)
    assert any(expected in str(p) for p in problems), problems


def test_course_glossary_problems_name_the_file(tree):
    edit(tree / "basi/glossary.yaml", "term: atto costitutivo", "term: ''")
    _, problems = loader.load_courses(tree)
    assert any("basi/glossary.yaml:2: term 'atto-costitutivo' has no 'term'" in str(p) for p in problems)


def test_first_mention_links_to_the_course_glossary(client, courses, login_as):
    login_as()
    html = client.get("/courses/basi/primo/uno").get_data(as_text=True)
    assert html.count('class="term" href="/courses/basi/glossary#g-statuto"') == 1
    assert 'href="/courses/basi/glossary#g-fondo-comune">fondo comune</a>' in html


def test_glossary_pages_show_definitions_in_the_interface_language(client, courses):
    page = client.get("/courses/basi/glossary?lang=en").get_data(as_text=True)
    assert 'id="g-statuto" lang="it" dir="ltr">statuto</dt>' in page
    assert "The rules of the association." in page
    # Not translated into English yet: shown in Italian, marked as such.
    assert "I beni comuni dell&#39;associazione." in page
    assert "not yet translated: shown in Italian" in page
    assert 'id="g-atto-costitutivo"' in page  # the course's own term
    shared = client.get("/glossary/").get_data(as_text=True)
    assert 'id="g-statuto"' in shared and 'id="g-atto-costitutivo"' not in shared


def test_reimport_updates_and_removes_terms(db, courses, tree):
    edit(tree / "_glossary/glossary.yaml", "  - id: fondo-comune\n    term: fondo comune\n", "")
    edit(tree / "_glossary/glossary.it.yaml", 'fondo-comune: "I beni comuni dell\'associazione."\n', "")
    specs, problems = loader.load_courses(tree)
    shared, more = loader.load_shared_glossary(tree)
    assert problems + more == []
    from lms.catalog import importer

    changes = importer.import_courses(specs, shared)
    assert "glossary/fondo-comune: term removed" in changes
