from pathlib import Path

import pytest

from lms.authoring import editor, services, specjson
from lms.authoring.models import State
from lms.authoring.services import AuthoringError
from lms.authoring.snapshot import spec_from_db
from lms.catalog import importer, loader
from lms.learning import services as learning
from lms.learning.models import ModuleProgress
from lms.quizzes import services as quizzes
from tests import factories
from tests.authoring.helpers import complete_course, published_course

SHIPPED = Path(__file__).parents[2] / "courses"


def _plain(spec):
    return specjson.to_json(spec)


def test_the_catalog_reads_back_as_the_shipped_files(db):
    specs, problems = loader.load_courses(SHIPPED)
    glossary, more = loader.load_shared_glossary(SHIPPED)
    assert not problems + more
    importer.import_courses(specs, glossary)
    db.session.flush()
    for spec in specs:
        assert _plain(spec_from_db(factories.course(spec.slug))) == _plain(spec), spec.slug


def test_json_round_trip_keeps_the_spec(db):
    spec = complete_course()
    assert specjson.from_json(specjson.to_json(spec)) == spec


def test_a_new_course_starts_as_a_draft_owned_by_its_author(db):
    trainer = factories.make_user("tina", "trainer")
    version = services.create_course(complete_course(), trainer)
    assert version.state == State.DRAFT and version.number == 1
    assert services.can_edit(trainer, "nuovo-corso")
    assert factories.course("nuovo-corso") is None  # learners see nothing yet


def test_same_address_twice_is_refused(db):
    trainer = factories.make_user("tina", "trainer")
    services.create_course(complete_course(), trainer)
    with pytest.raises(AuthoringError):
        services.create_course(complete_course(), trainer)


def test_an_incomplete_draft_is_kept_but_cannot_go_to_review(db):
    trainer = factories.make_user("tina", "trainer")
    spec = editor.new_course("vuoto", "it", "Vuoto", "", 1)
    version = services.create_course(spec, trainer)
    problems = services.problems_of(version)
    assert any("modules" in p.message for p in problems)
    with pytest.raises(AuthoringError):
        services.submit(version, trainer, "", False)
    assert version.state == State.DRAFT


def test_draft_review_published_then_a_new_draft(db):
    trainer = factories.make_user("tina", "trainer")
    version = services.create_course(complete_course(), trainer)
    services.submit(version, trainer, "first", False)
    assert version.state == State.REVIEW
    with pytest.raises(AuthoringError):
        services.save(version, complete_course(), trainer, "x")
    services.return_to_draft(version, trainer, "typo in page 1")
    assert version.state == State.DRAFT and version.review_comment == "typo in page 1"
    services.submit(version, trainer, "first", False)
    services.publish(version, trainer)
    assert version.state == State.PUBLISHED
    assert factories.course("nuovo-corso").texts["it"].title == "Corso nuovo"
    draft = services.start_draft("nuovo-corso", trainer)
    assert draft.number == 2 and draft.based_on_id == version.id and draft.state == State.DRAFT
    assert services.start_draft("nuovo-corso", trainer) is draft  # one open version at a time


def test_publishing_supersedes_the_previous_version(db):
    trainer = factories.make_user("tina", "trainer")
    first = published_course(trainer)
    draft = services.start_draft("nuovo-corso", trainer)
    spec = services.spec_of(draft)
    spec.texts["it"]["title"] = "Corso rinnovato"
    services.save(draft, spec, trainer, "course")
    services.submit(draft, trainer, "", False)
    services.publish(draft, trainer)
    assert first.state == State.SUPERSEDED and draft.state == State.PUBLISHED
    assert factories.course("nuovo-corso").texts["it"].title == "Corso rinnovato"


def test_publish_needs_review_first(db):
    trainer = factories.make_user("tina", "trainer")
    version = services.create_course(complete_course(), trainer)
    with pytest.raises(AuthoringError):
        services.publish(version, trainer)


def test_four_eyes_asks_someone_else_to_publish(app, db):
    app.config["AUTHORING_FOUR_EYES"] = True
    author, admin = factories.make_user("tina", "trainer"), factories.make_user("ada", "admin")
    version = services.create_course(complete_course(), author)
    services.submit(version, author, "", False)
    with pytest.raises(AuthoringError):
        services.publish(version, author)
    services.publish(version, admin)
    assert version.state == State.PUBLISHED


def test_discarded_draft_is_kept_for_the_record(db):
    trainer = factories.make_user("tina", "trainer")
    published_course(trainer)
    draft = services.start_draft("nuovo-corso", trainer)
    services.discard(draft, trainer)
    assert draft.state == State.DISCARDED
    assert services.open_version("nuovo-corso") is None
    with pytest.raises(AuthoringError):
        services.discard(draft, trainer)


def test_restore_makes_a_draft_with_the_old_content(db):
    trainer = factories.make_user("tina", "trainer")
    first = published_course(trainer)
    draft = services.start_draft("nuovo-corso", trainer)
    spec = services.spec_of(draft)
    spec.texts["it"]["title"] = "Titolo sbagliato"
    services.save(draft, spec, trainer, "course")
    services.submit(draft, trainer, "", False)
    services.publish(draft, trainer)
    restored = services.restore(first, trainer)
    assert restored.state == State.DRAFT and restored.number == 3
    assert services.spec_of(restored).texts["it"]["title"] == "Corso nuovo"
    with pytest.raises(AuthoringError):
        services.restore(first, trainer)  # a draft is already open


def test_diff_names_the_file_and_the_lines(db):
    trainer = factories.make_user("tina", "trainer")
    first = published_course(trainer)
    draft = services.start_draft("nuovo-corso", trainer)
    spec = services.spec_of(draft)
    page = spec.modules[0].pages[0]
    editor.set_page_text(page, "it", "Prima pagina", "Un testo **più lungo**.")
    services.save(draft, spec, trainer, "page")
    changes = services.diff(first, draft)
    assert [c.name for c in changes] == ["primo-modulo/prima-pagina.it.md"]
    assert "-Un testo **breve**." in changes[0].lines and "+Un testo **più lungo**." in changes[0].lines


def test_the_first_draft_of_an_imported_course_starts_from_the_catalog(db, courses):
    admin = factories.make_user("ada", "admin")
    draft = services.start_draft("basi", admin)
    baseline = services.published_version("basi")
    assert draft.number == 2 and baseline.number == 1 and baseline.created_by_id is None
    assert _plain(services.spec_of(draft)) == _plain(spec_from_db(factories.course("basi")))


def _publish_page_change(trainer, major: bool):
    draft = services.start_draft("basi", trainer)
    spec = services.spec_of(draft)
    page = spec.modules[0].pages[0]
    title, body = page.texts["it"]
    editor.set_page_text(page, "it", title, body + "\nUna frase in più.")
    services.save(draft, spec, trainer, "page")
    services.submit(draft, trainer, "", major)
    services.publish(draft, trainer)


@pytest.mark.parametrize("major", [False, True])
def test_progress_survives_publishing_and_major_asks_for_a_redo(db, courses, major):
    from sqlalchemy import select

    admin = factories.make_user("ada", "admin")
    module = courses[0].active_modules[0]
    learner = factories.make_user("amina")
    learning.record_quiz_passed(learner.id, module)
    db.session.flush()
    _publish_page_change(admin, major)
    progress = db.session.scalar(select(ModuleProgress).filter_by(user_id=learner.id, module_id=module.id))
    assert progress is not None
    if major:
        assert progress.quiz_passed_at is None and progress.redo_requested_at is not None
        assert not quizzes.has_passed(learner.id, module)
    else:
        assert progress.quiz_passed_at is not None and progress.redo_requested_at is None


def test_a_major_change_only_touches_the_modules_that_changed(db, courses):
    from sqlalchemy import select

    admin = factories.make_user("ada", "admin")
    first, second = courses[0].active_modules[:2]
    learner = factories.make_user("amina")
    learning.record_quiz_passed(learner.id, first)
    learning.record_quiz_passed(learner.id, second)
    db.session.flush()
    _publish_page_change(admin, True)
    kept = db.session.scalar(select(ModuleProgress).filter_by(user_id=learner.id, module_id=second.id))
    assert kept.quiz_passed_at is not None


def test_every_change_is_in_the_audit_log(db):
    trainer = factories.make_user("tina", "trainer")
    version = published_course(trainer)
    services.restore(version, trainer)
    actions = [e.action for e in services.audit_log("nuovo-corso")]
    assert actions == ["restored", "published", "submitted", "created"]
