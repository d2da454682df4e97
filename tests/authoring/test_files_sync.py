"""`lms import-courses` (run by `make run` at every start) never silently undoes work done in the browser."""

from lms.authoring import services
from lms.authoring.models import State
from tests import factories
from tests.authoring.helpers import published_course


def _import(app, *args):
    return app.test_cli_runner().invoke(args=["lms", "import-courses", str(factories.TEST_COURSES), *args])


def _retitle_and_publish(admin, slug="basi", title="Titolo dal browser"):
    draft = services.start_draft(slug, admin)
    spec = services.spec_of(draft)
    spec.texts["it"]["title"] = title
    services.save(draft, spec, admin, "course")
    services.submit(draft, admin, "", False)
    services.publish(draft, admin)


def test_files_leave_browser_courses_alone(app, db, courses):
    admin = factories.make_user("ada", "admin")
    _retitle_and_publish(admin)
    published_course(admin)  # a course that exists only in the browser
    db.session.commit()
    result = _import(app)
    assert result.exit_code == 0, result.output
    assert "basi: left as it is" in result.output
    assert factories.course("basi").texts["it"].title == "Titolo dal browser"
    assert not factories.course("nuovo-corso").retired


def test_force_overwrites_and_the_history_says_so(app, db, courses):
    admin = factories.make_user("ada", "admin")
    _retitle_and_publish(admin)
    db.session.commit()
    result = _import(app, "--force")
    assert result.exit_code == 0, result.output
    assert factories.course("basi").texts["it"].title != "Titolo dal browser"
    versions = services.versions("basi")
    assert [v.state for v in versions][:2] == [State.PUBLISHED, State.SUPERSEDED]
    assert versions[0].created_by_id is None
    assert services.spec_of(versions[0]).texts["it"]["title"] == factories.course("basi").texts["it"].title
