"""A learner goes from the catalog to a completed course through the HTTP client."""

import re

from sqlalchemy import select

from lms.learning.models import Enrolment
from lms.quizzes.models import Attempt


def answer_all_correctly(attempt: Attempt, questions) -> dict:
    """Build the form a learner who knows every answer would send."""
    data = {}
    for q in questions:
        name, spec = f"q{q.id}", q.spec
        if q.kind == "single":
            data[name] = spec["correct"][0]
        elif q.kind == "multiple":
            data[name] = spec["correct"]
        elif q.kind == "truefalse":
            data[name] = "true" if spec["correct"] else "false"
        elif q.kind == "text":
            data[name] = spec["accept"][0] if spec["accept"] else q.texts[attempt.lang].data["accept"][0]
        elif q.kind == "ordering":
            for position, item in enumerate(spec["items"], start=1):
                data[f"{name}-{item}"] = str(position)
        elif q.kind == "matching":
            for left, right in spec["pairs"].items():
                data[f"{name}-{left}"] = right
    return data


def take_quiz(client, forms, db, user, course_slug, module_slug, correct=True):
    from lms.quizzes import services

    url = f"/courses/{course_slug}/{module_slug}/quiz"
    assert forms.post(url).status_code == 302
    attempt = db.session.scalar(
        select(Attempt).where(Attempt.user_id == user.id, Attempt.submitted_at.is_(None))
    )
    questions = services.attempt_questions(attempt)
    data = answer_all_correctly(attempt, questions) if correct else {f"q{q.id}": "x" for q in questions}
    return forms.post(f"{url}/attempts/{attempt.id}", data, page=url), attempt


def test_learner_completes_a_course(client, forms, db, courses):
    assert "Le basi" in client.get("/").get_data(as_text=True)
    response = forms.post("/register", {"username": "Amina", "password": "passw0rd!", "confirm": "passw0rd!"})
    assert response.status_code == 302
    from lms.auth.services import get_by_username

    user = get_by_username("amina")
    assert user.email is None

    assert forms.post("/courses/basi/enrol", page="/courses/basi/").status_code == 302
    # Module 2 is locked until module 1 is complete.
    assert client.get("/courses/basi/secondo/").status_code == 302
    page = client.get("/courses/basi/primo/uno").get_data(as_text=True)
    assert "<strong>prima</strong>" in page
    client.get("/courses/basi/primo/due")
    response, _ = take_quiz(client, forms, db, user, "basi", "primo")
    assert response.status_code == 302
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "100" in result and "Giusto, almeno sette." in result

    dashboard = client.get("/me/").get_data(as_text=True)
    assert "50" in dashboard  # one of two modules done

    client.get("/courses/basi/secondo/solo")
    take_quiz(client, forms, db, user, "basi", "secondo")
    enrolment = db.session.scalar(select(Enrolment).where(Enrolment.user_id == user.id))
    assert enrolment.completed_at is not None
    dashboard = client.get("/me/").get_data(as_text=True)
    completed = dashboard.split('id="done-h"')[1].split("</section>")[0]
    assert "Le basi" in completed
    # Tier 2 is now open.
    assert re.search(r"Avanzato(</bdi>)?</a>:\s*(aperto a te ora|open to you now)", dashboard)
