"""The group dashboard: right figures, the same number of queries for 3 or 30 learners, per-role access."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from lms.cohorts import reports, services
from lms.core.clock import utcnow
from lms.extensions import db
from lms.learning import services as learning
from lms.learning.models import Enrolment
from lms.quizzes.models import Answer, Attempt
from tests import factories
from tests.cohorts.helpers import make_cohort


@contextmanager
def counted():
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def _group(courses, learners: int):
    cohort = make_cohort(trainer=factories.make_user("tina", "trainer"))
    cohort.courses = [courses[0]]
    first = courses[0].active_modules[0]
    for n in range(learners):
        user = factories.make_user(f"learner{n}")
        services.join(cohort, user, "added")
        db.session.add(Enrolment(user_id=user.id, course_id=courses[0].id))
        if n % 2 == 0:
            learning.record_quiz_passed(user.id, first)
            attempt = Attempt(user_id=user.id, module_id=first.id, lang="it", layout={}, score=0.5)
            attempt.submitted_at = utcnow()
            attempt.answers = [Answer(question_id=first.active_questions[0].id, response=None, score=0)]
            db.session.add(attempt)
    db.session.commit()
    return cohort


def test_the_figures_add_up(db, courses):
    cohort = _group(courses, 4)
    steps = {s.label: s.count for s in reports.funnel(cohort)}
    assert steps["members"] == 4 and steps["enrolled"] == 4 and steps["started"] == 2
    rows, total = reports.matrix(cohort)
    assert total == 4 and len(rows) == 4
    first = courses[0].active_modules[0].id
    assert sum(1 for r in rows if r.cells[first].best == 0.5) == 2
    assert reports.quiz_figures(cohort)[0].attempts == 2
    _question, wrong, answers = reports.hardest_questions(cohort)[0]
    assert (wrong, answers) == (2, 2)
    assert len(reports.inactive(cohort, 14)) == 2  # the two who never did anything
    assert reports.progress_over_time(cohort).completed[-1] == 0  # passing a quiz is not completing


def test_the_dashboard_costs_the_same_queries_for_3_or_30_learners(client, login_as, db, courses):
    login_as("admin")
    small = _group(courses, 3)
    with counted() as few:
        assert client.get(f"/cohorts/{small.id}/dashboard").status_code == 200
    for n in range(3, 30):
        user = factories.make_user(f"more{n}")
        services.join(small, user, "added")
    db.session.commit()
    with counted() as many:
        assert client.get(f"/cohorts/{small.id}/dashboard").status_code == 200
    assert len(many) == len(few)


def test_left_learners_are_not_counted(db, courses):
    cohort = _group(courses, 2)
    services.leave(cohort, factories.get_user("learner0"))
    assert {s.label: s.count for s in reports.funnel(cohort)}["members"] == 1


@pytest.mark.parametrize(("username", "status"), [("ta", 200), ("pa", 200), ("pb", 403), ("tb", 403)])
def test_dashboard_access(client, forms, db, courses, username, status):
    mine = make_cohort("Roma", "Partner A", staff=factories.make_user("pa", "partner"),
                       trainer=factories.make_user("ta", "trainer"))  # fmt: skip
    make_cohort("Rieti", "Partner B", staff=factories.make_user("pb", "partner"),
                trainer=factories.make_user("tb", "trainer"))  # fmt: skip
    forms.post("/login", {"username": username, "password": factories.PASSWORD})
    assert client.get(f"/cohorts/{mine.id}/dashboard").status_code == status
    partner_status = 200 if username == "pa" else 403
    assert client.get(f"/cohorts/partners/{mine.partner_id}/").status_code == partner_status


def test_the_partner_page_lists_its_groups_side_by_side(client, forms, db, courses):
    staff = factories.make_user("pa", "partner")
    cohort = _group(courses, 3)
    services.add_staff(cohort.partner, staff)
    db.session.commit()
    forms.post("/login", {"username": "pa", "password": factories.PASSWORD})
    html = client.get(f"/cohorts/partners/{cohort.partner_id}/").get_data(as_text=True)
    assert cohort.name in html
    summary = reports.partner_summary([cohort])[0]
    assert (summary.members, summary.enrolled, summary.completed) == (3, 3, 0)
