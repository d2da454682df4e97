"""Course content in many languages: fallback with a notice, a remembered choice, outdated translations."""

import shutil

from sqlalchemy import select

from lms.quizzes.models import Attempt
from tests import factories


def test_module_in_the_learners_language(client, courses, login_as):
    login_as()
    html = client.get("/courses/basi/primo/uno?lang=en").get_data(as_text=True)
    assert "Text of the <strong>first</strong> page." in html
    assert "not available in" not in html
    assert 'href="?content=it"' in html  # the other version is offered


def test_fallback_is_announced_in_the_learners_language_with_links(client, courses, login_as):
    login_as("trainer")
    html = client.get("/courses/basi/secondo/solo?lang=fr").get_data(as_text=True)
    assert '<article class="lesson" lang="it" dir="ltr">' in html
    assert "Solo italiano." in html
    assert "italien" in html  # the notice names the language, in French


def test_chosen_version_is_kept_while_navigating_and_for_the_quiz(client, forms, db, courses, login_as):
    user = login_as()
    client.get("/courses/basi/primo/uno?lang=en")
    page = client.get("/courses/basi/primo/uno?content=it").get_data(as_text=True)
    assert "Testo della" in page
    assert 'href="/courses/basi/primo/due?content=it"' in page
    next_page = client.get("/courses/basi/primo/due?content=it").get_data(as_text=True)
    assert 'href="/courses/basi/primo/quiz?content=it"' in next_page
    forms.post("/courses/basi/primo/quiz?content=it", page="/courses/basi/primo/quiz?content=it")
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == user.id))
    assert attempt.lang == "it"  # the quiz is offered in the language the pages were read in
    quiz = client.get("/courses/basi/primo/quiz").get_data(as_text=True)
    assert "Quante persone per una APS?" in quiz


def test_quiz_follows_the_interface_language_by_default(client, forms, db, courses, login_as):
    user = login_as()
    client.get("/?lang=en")
    forms.post("/courses/basi/primo/quiz")
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == user.id))
    assert attempt.lang == "en"
    assert "How many people for an APS?" in client.get("/courses/basi/primo/quiz").get_data(as_text=True)


def test_outdated_translation_shows_a_notice(client, courses, login_as):
    login_as()
    outdated = client.get("/courses/basi/primo/due?lang=en").get_data(as_text=True)
    assert "This translation may be out of date:" in outdated
    assert "the Italian text changed after it was translated." in outdated
    current = client.get("/courses/basi/primo/uno?lang=en").get_data(as_text=True)
    assert "out of date" not in current
    source = client.get("/courses/basi/primo/due?lang=it").get_data(as_text=True)
    assert "out of date" not in source and "aggiornata" not in source


def test_translation_status_and_stamp(app, tmp_path):
    tree = tmp_path / "courses"
    shutil.copytree(factories.TEST_COURSES, tree)
    runner = app.test_cli_runner()
    status = runner.invoke(args=["lms", "translation-status", str(tree)])
    assert status.exit_code == 0, status.output
    assert "basi/primo: en*, it  (source: it)" in status.output
    assert "    en outdated: due" in status.output
    stamped = runner.invoke(args=["lms", "stamp-translations", str(tree), "--lang", "en"])
    assert "stamped" in stamped.output and "primo/module.en.yaml" in stamped.output
    again = runner.invoke(args=["lms", "translation-status", str(tree)])
    assert "basi/primo: en, it" in again.output and "outdated" not in again.output
    # Stamping is idempotent and keeps the file valid.
    assert runner.invoke(args=["lms", "stamp-translations", str(tree), "--lang", "en"]).output == ""
    assert runner.invoke(args=["lms", "check-courses", str(tree)]).exit_code == 0


def test_outdated_modules_words_are_detected(tmp_path):
    from lms.catalog import loader, translations
    from tests.catalog.test_loader import edit

    tree = tmp_path / "courses"
    shutil.copytree(factories.TEST_COURSES, tree)
    edit(
        tree / "basi/primo/module.it.yaml",
        "Quante persone per una APS?",
        "Quante persone servono per una APS?",
    )
    courses, _ = loader.load_courses(tree)
    rows = {r.module: r for r in translations.status(courses)}
    assert rows["primo"].outdated == {"en": ["texts", "due"]}
