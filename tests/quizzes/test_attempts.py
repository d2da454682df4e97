"""Quiz attempts through HTTP: secrecy, shuffling, missing answers, double submits, limits."""

import random

from sqlalchemy import func, select

from lms.quizzes import services
from lms.quizzes.models import Answer, Attempt
from tests import factories
from tests.test_journey import answer_all_correctly

QUIZ = "/courses/basi/primo/quiz"


def start(forms, db, user, url=QUIZ):
    assert forms.post(url).status_code == 302
    return db.session.scalar(
        select(Attempt).where(Attempt.user_id == user.id, Attempt.submitted_at.is_(None))
    )


def test_correct_answers_never_reach_the_page(client, forms, db, courses, login_as):
    user = login_as("learner")
    attempt = start(forms, db, user)
    html = client.get(QUIZ).get_data(as_text=True)
    assert "7 persone" in html and "L&#39;assemblea" in html
    for secret in ("Giusto, almeno sette", "correct", "No: art. 37", "L'assemblea decide, il presidente"):
        assert secret not in html
    # Ordering items are never shown already in the right order.
    passi = next(q for q in services.attempt_questions(attempt) if q.kind == "ordering")
    assert attempt.layout["orders"][str(passi.id)] != passi.spec["items"]


def test_reloading_keeps_the_same_attempt(client, forms, db, courses, login_as):
    user = login_as()
    first = start(forms, db, user)
    assert forms.post(QUIZ).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
    assert client.get(QUIZ).status_code == 200
    assert start(forms, db, user).id == first.id


def test_layout_is_shuffled_per_attempt():
    """Different attempts get different orders (statistically, with a fixed seed here)."""
    module = _FakeModule()
    layouts = {str(services._layout(module, random.Random(seed))) for seed in range(10)}
    assert len(layouts) > 1


def test_draw_n_questions_from_a_pool(db, courses):
    user = factories.make_user()
    module = factories.module("avanzato", "unico")
    drawn = [
        len(services.start_attempt(user.id, module, "it", random.Random(i)).layout["questions"])
        for i in range(1)
    ]
    assert drawn == [1]


def test_missing_answers_keep_what_was_given(client, forms, db, courses, login_as):
    user = login_as()
    attempt = start(forms, db, user)
    questions = services.attempt_questions(attempt)
    single = next(q for q in questions if q.kind == "single")
    text = next(q for q in questions if q.kind == "text")
    response = forms.post(
        f"{QUIZ}/attempts/{attempt.id}", {f"q{single.id}": "tre", f"q{text.id}": "sette"}, page=QUIZ
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "4 questions still need an answer" in html or "4 domande" in html
    assert 'value="tre" checked' in html
    assert 'value="sette"' in html
    assert db.session.get(Attempt, attempt.id).submitted_at is None
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_double_submit_counts_once(client, forms, db, courses, login_as):
    user = login_as()
    attempt = start(forms, db, user)
    data = answer_all_correctly(attempt, services.attempt_questions(attempt))
    url = f"{QUIZ}/attempts/{attempt.id}"
    first = forms.post(url, data, page=QUIZ)
    replay = forms.post(url, data, page=QUIZ)
    assert first.status_code == replay.status_code == 302
    assert first.headers["Location"] == replay.headers["Location"]
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 6
    assert db.session.get(Attempt, attempt.id).score == 100.0


def test_submit_claims_the_attempt_atomically(db, courses):
    """Two submissions of one attempt (e.g. two workers): only the first is graded."""
    user = factories.make_user()
    module = factories.module("basi", "primo")
    attempt = services.start_attempt(user.id, module, "it")
    questions = services.attempt_questions(attempt)
    db.session.commit()
    assert services.submit_attempt(attempt, questions, {})
    db.session.commit()
    assert not services.submit_attempt(attempt, questions, {})
    assert db.session.scalar(select(func.count()).select_from(Answer)) == len(questions)


def test_wrong_answers_fail_and_give_feedback(client, forms, db, courses, login_as):
    user = login_as()
    attempt = start(forms, db, user)
    questions = services.attempt_questions(attempt)
    data = answer_all_correctly(attempt, questions)
    single = next(q for q in questions if q.kind == "single")
    data[f"q{single.id}"] = "tre"
    tf = next(q for q in questions if q.kind == "truefalse")
    data[f"q{tf.id}"] = "true"
    multiple = next(q for q in questions if q.kind == "multiple")
    data[f"q{multiple.id}"] = ["atto"]
    response = forms.post(f"{QUIZ}/attempts/{attempt.id}", data, page=QUIZ)
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    attempt = db.session.get(Attempt, attempt.id)
    assert attempt.score == round(100 * 3.5 / 6, 1) and not attempt.passed
    assert "No, tre sono le APS." in result
    assert "No: art. 37." in result
    # The right answers stay hidden while attempts remain and the quiz is not passed.
    assert "Risposta giusta" not in result and "Right answer" not in result


def test_attempt_limit(client, forms, db, courses, login_as):
    user = login_as("learner")
    module = factories.module("basi", "secondo")
    module.course.sequential = False
    db.session.commit()
    url = "/courses/basi/secondo/quiz"
    for _ in range(2):
        attempt = start(forms, db, user, url)
        forms.post(
            f"{url}/attempts/{attempt.id}",
            {
                f"q{q.id}": "false" if q.kind == "truefalse" else "no"
                for q in services.attempt_questions(attempt)
            },
            page=url,
        )
    assert services.attempts_left(user.id, module) == 0
    forms.post(url)
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 2
    last = db.session.scalars(select(Attempt)).all()[-1]
    result = client.get(f"{url}/attempts/{last.id}").get_data(as_text=True)
    assert "Risposta giusta" in result or "Right answer" in result  # shown once no attempts remain


def test_another_learners_attempt_is_not_found(client, forms, db, courses, login_as):
    other = factories.make_user("other")
    module = factories.module("basi", "primo")
    theirs = services.start_attempt(other.id, module, "it")
    db.session.commit()
    login_as("learner")
    assert client.get(f"{QUIZ}/attempts/{theirs.id}").status_code == 404
    assert forms.post(f"{QUIZ}/attempts/{theirs.id}", {}, page="/courses/basi/").status_code == 404


def test_passing_completes_the_module(client, forms, db, courses, login_as):
    user = login_as()
    client.get("/courses/basi/primo/uno")
    client.get("/courses/basi/primo/due")
    attempt = start(forms, db, user)
    forms.post(
        f"{QUIZ}/attempts/{attempt.id}",
        answer_all_correctly(attempt, services.attempt_questions(attempt)),
        page=QUIZ,
    )
    assert client.get("/courses/basi/secondo/").status_code == 200


class _FakeModule:
    """Enough of a module for the pure layout function."""

    draw_count = None
    shuffle = True

    def __init__(self):
        self.active_questions = [_FakeQuestion(i) for i in range(5)]


class _FakeQuestion:
    kind = "single"

    def __init__(self, i):
        self.id = i
        self.spec = {"options": ["a", "b", "c", "d"], "correct": ["a"]}
