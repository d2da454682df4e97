"""Progress rules: statuses, unlocking, prerequisites, completion, and resuming."""

import pytest

from lms.core.signals import course_completed, module_completed
from lms.learning import services
from lms.learning.services import COMPLETED, IN_PROGRESS, NOT_STARTED
from tests import factories


def read_all(user, module):
    for page in module.active_pages:
        services.record_page_view(user, page)


def statuses(user, course):
    progress = services.progress_by_module(user.id, course)
    return [services.status_of(progress.get(m.id)) for m in course.active_modules]


def test_module_statuses_follow_reading_and_quiz(db, courses):
    basi, _ = courses
    user = factories.make_user()
    primo = basi.active_modules[0]
    assert statuses(user, basi) == [NOT_STARTED, NOT_STARTED]
    services.record_page_view(user, primo.active_pages[0])
    assert statuses(user, basi) == [IN_PROGRESS, NOT_STARTED]
    services.record_quiz_passed(user.id, primo)
    assert statuses(user, basi) == [IN_PROGRESS, NOT_STARTED]  # one page still unread
    services.record_page_view(user, primo.active_pages[1])
    assert statuses(user, basi) == [COMPLETED, NOT_STARTED]
    assert services.percent_complete(basi, services.progress_by_module(user.id, basi)) == 50


def test_reading_every_page_without_passing_is_not_completion(db, courses):
    basi, _ = courses
    user = factories.make_user()
    read_all(user, basi.active_modules[0])
    assert statuses(user, basi)[0] == IN_PROGRESS


def test_sequential_course_unlocks_one_module_at_a_time(db, courses):
    basi, _ = courses
    user = factories.make_user()
    primo, secondo = basi.active_modules
    assert services.can_open(user, primo)
    assert not services.can_open(user, secondo)
    read_all(user, primo)
    services.record_quiz_passed(user.id, primo)
    assert services.can_open(user, secondo)


def test_free_order_course_opens_every_module(db, courses):
    basi, avanzato = courses
    avanzato.sequential = True  # even sequential: a single module is always open
    user = factories.make_user()
    assert services.can_open(user, basi.active_modules[0])


@pytest.mark.parametrize("role", ["trainer", "admin"])
def test_staff_open_everything(db, courses, role):
    basi, avanzato = courses
    trainer = factories.make_user(role=role)
    assert services.can_open(trainer, basi.active_modules[1])
    assert services.can_open(trainer, avanzato.active_modules[0])


def test_prerequisite_course_must_be_completed_first(db, courses):
    basi, avanzato = courses
    user = factories.make_user()
    assert [c.slug for c in services.missing_prerequisites(user, avanzato)] == ["basi"]
    with pytest.raises(services.LearningError):
        services.enrol(user, avanzato)
    for module in basi.active_modules:
        read_all(user, module)
        services.record_quiz_passed(user.id, module)
    assert services.missing_prerequisites(user, avanzato) == []
    assert services.enrol(user, avanzato).course_id == avanzato.id


def test_completion_is_announced_once(db, courses):
    basi, _ = courses
    user = factories.make_user()
    events = []
    with (
        module_completed.connected_to(lambda s, **kw: events.append(("module", kw["module_id"]))),
        course_completed.connected_to(lambda s, **kw: events.append(("course", kw["course_id"]))),
    ):
        for module in basi.active_modules:
            read_all(user, module)
            services.record_quiz_passed(user.id, module)
            services.record_quiz_passed(user.id, module)  # passing twice changes nothing
            read_all(user, module)
    ids = [m.id for m in basi.active_modules]
    assert events == [("module", ids[0]), ("module", ids[1]), ("course", basi.id)]
    assert services.get_enrolment(user.id, basi.id).completed_at is not None


def test_resume_point_is_the_last_page_read(db, courses):
    basi, _ = courses
    user = factories.make_user()
    assert services.resume_point(user) is None
    primo = basi.active_modules[0]
    services.record_page_view(user, primo.active_pages[1])
    resume = services.resume_point(user)
    assert (resume.module.slug, resume.page.slug) == ("primo", "due")


def test_reading_a_page_twice_records_one_view(db, courses):
    from sqlalchemy import func, select

    from lms.learning.models import PageView

    basi, _ = courses
    user = factories.make_user()
    page = basi.active_modules[0].active_pages[0]
    services.record_page_view(user, page)
    services.record_page_view(user, page)
    assert db.session.scalar(select(func.count()).select_from(PageView)) == 1


def test_course_page_offers_to_continue(client, db, courses, login_as, forms):
    login_as()
    forms.post("/courses/basi/enrol", page="/courses/basi/")
    html = client.get("/courses/basi/").get_data(as_text=True)
    assert 'class="button" href="/courses/basi/primo/"' in html
