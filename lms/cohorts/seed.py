"""Synthetic data for demos and benchmarks: a partner, its staff, trainers, five groups across Lazio and N
learners with plausible progress, quiz attempts, badges and consented funder data. Rows go in bulk.
"""

import random
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert, select, text
from werkzeug.security import generate_password_hash

from lms.auth import services as auth
from lms.auth.models import Role, User
from lms.badges.models import Award, BadgeClass
from lms.catalog.models import Course
from lms.cohorts import services
from lms.cohorts.funder_forms import AGE_BANDS
from lms.cohorts.models import PROVINCES, Cohort, FunderProfile, Membership
from lms.core.clock import utcnow
from lms.extensions import db
from lms.learning.models import Enrolment, ModuleProgress, PageView
from lms.quizzes.models import Answer, Attempt

NAMES = [
    "Awa",
    "Mohamed",
    "Fatima",
    "Rahim",
    "Olena",
    "Li",
    "Amina",
    "Jasleen",
    "Ardit",
    "Maria",
    "Omar",
    "Nour",
]
SURNAMES = [
    "Diop",
    "Ali",
    "Zahra",
    "Uddin",
    "Koval",
    "Wang",
    "Hassan",
    "Kaur",
    "Hoxha",
    "Santos",
    "Khan",
    "Haddad",
]
COUNTRIES = ["SN", "MA", "BD", "UA", "CN", "IN", "AL", "PH", "EG", "NG", "PK", "TN", "IT"]


@dataclass
class Seeded:
    staff: User
    password: str
    partner_id: int
    cohorts: list[Cohort]


def seed(learners: int, rng: random.Random | None = None) -> Seeded:
    """Create the demo partner and its groups with `learners` learners; the caller commits."""
    rng = rng or random.Random(20260301)
    courses = list(
        db.session.scalars(select(Course).where(Course.retired.is_(False)).order_by(Course.position))
    )
    suffix = secrets.token_hex(3)
    partner = services.create_partner(f"Demo partner {suffix} (synthetic data)")
    password = secrets.token_urlsafe(12)
    staff = auth.create_user(f"demo-partner-{suffix}", password, role=Role.PARTNER)
    services.add_staff(partner, staff)
    trainer = auth.create_user(f"demo-trainer-{suffix}", password, role=Role.TRAINER)
    cohorts = []
    for n, (code, city) in enumerate(PROVINCES.items()):
        starts = date(2026, 2, 2) + timedelta(days=7 * n)
        cohort = Cohort(partner_id=partner.id, name=f"{city} 2026", province=code, municipality=city,
                        languages=["it", "ar", "en"], starts_on=starts)  # fmt: skip
        cohort.courses = courses[:2]
        cohort.trainers = [trainer]
        db.session.add(cohort)
        cohorts.append(cohort)
    db.session.flush()
    _learners(cohorts, learners, suffix, rng)
    return Seeded(staff, password, partner.id, cohorts)


def _learners(cohorts: list[Cohort], count: int, suffix: str, rng: random.Random) -> None:
    unusable = generate_password_hash(secrets.token_urlsafe(16))  # one hash: nobody signs in as them
    users = [
        {"username": f"demo-{suffix}-{i}", "display_name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
         "password_hash": unusable, "role": Role.LEARNER.value, "created_at": utcnow(),
         "locale": rng.choice(["it", "ar", "en", "bn", "uk"]), "must_change_password": False}
        for i in range(count)
    ]  # fmt: skip
    if users:
        db.session.execute(insert(User), users)
    ids = list(
        db.session.scalars(select(User.id).where(User.username.like(f"demo-{suffix}-%")).order_by(User.id))
    )
    rows = _activity(cohorts, ids, rng)
    for model, batch in rows.items():
        if batch:
            db.session.execute(insert(model), batch)
    _answers(ids, rng)
    db.session.flush()


def _activity(cohorts: list[Cohort], ids: list[int], rng: random.Random) -> dict:
    now = utcnow()
    rows: dict = {
        Membership: [],
        Enrolment: [],
        ModuleProgress: [],
        PageView: [],
        Attempt: [],
        FunderProfile: [],
    }
    rows[Award] = []
    badge_classes = {c.id: _badge_class(c) for c in cohorts[0].courses}
    for index, user_id in enumerate(ids):
        cohort = cohorts[index % len(cohorts)]
        joined = now - timedelta(days=rng.randint(5, 120))
        rows[Membership].append(
            {"cohort_id": cohort.id, "user_id": user_id, "joined_at": joined, "via": "card"}
        )
        if rng.random() < 0.7:
            rows[FunderProfile].append(_funder_answers(user_id, joined, rng))
        for course in cohort.courses:
            if rng.random() < 0.15:
                continue  # never enrolled
            modules = course.active_modules
            done = rng.randint(0, len(modules))
            completed = done == len(modules) and rng.random() < 0.9
            when = joined + timedelta(days=rng.randint(1, 60))
            rows[Enrolment].append({"user_id": user_id, "course_id": course.id, "enrolled_at": joined,
                                    "completed_at": when if completed else None})  # fmt: skip
            if completed:
                rows[Award].append(_award(badge_classes[course.id], user_id, when))
            for position, module in enumerate(modules[: done + 1]):
                finished = position < done
                at = joined + timedelta(days=3 * (position + 1))
                rows[ModuleProgress].append({"user_id": user_id, "module_id": module.id, "started_at": at,
                                             "updated_at": at, "quiz_passed_at": at if finished else None,
                                             "completed_at": at if finished else None})  # fmt: skip
                if module.active_pages:
                    rows[PageView].append({"user_id": user_id, "page_id": module.active_pages[0].id,
                                           "first_viewed_at": at, "last_viewed_at": at})  # fmt: skip
                if finished or rng.random() < 0.5:
                    score = rng.choice([0.6, 0.8, 1.0] if finished else [0.4, 0.6, 0.8, 1.0])
                    rows[Attempt].append(_attempt(user_id, module, at, score))
    return rows


def _attempt(user_id: int, module, at, score: float) -> dict:
    return {"user_id": user_id, "module_id": module.id, "lang": "it", "layout": {}, "started_at": at,
            "submitted_at": at, "score": score, "passed": score >= module.pass_mark / 100}  # fmt: skip


def _funder_answers(user_id: int, joined, rng: random.Random) -> dict:
    citizenship = rng.choice(COUNTRIES)
    return {
        "user_id": user_id, "consented_at": joined, "updated_at": joined,
        "sex": rng.choice(["female", "female", "male", "male", "other", None]),
        "age_band": rng.choice([*AGE_BANDS, None]), "citizenship": citizenship,
        "third_country": citizenship not in ("IT", "AL") if rng.random() < 0.9 else None,
        "international_protection": rng.random() < 0.2, "second_generation": citizenship == "IT",
        "province": rng.choice([*PROVINCES, "XX"]),
    }  # fmt: skip


def _badge_class(course: Course) -> int:
    found = db.session.scalar(select(BadgeClass.id).where(BadgeClass.course_id == course.id))
    if found is None:
        badge = BadgeClass(course_id=course.id)
        db.session.add(badge)
        db.session.flush()
        found = badge.id
    return found


def _award(badge_class_id: int, user_id: int, when) -> dict:
    return {
        "public_id": secrets.token_hex(16), "badge_class_id": badge_class_id, "user_id": user_id,
        "issued_at": when, "recipient_name": "Demo", "recipient_type": "url",
        "recipient_salt": secrets.token_hex(8), "recipient_hash": "sha256$" + secrets.token_hex(32),
    }  # fmt: skip


def _answers(user_ids: list[int], rng: random.Random) -> None:
    """One answer per question of each attempt, wrong more often for some questions."""
    from lms.catalog.models import Question

    questions: dict[int, list[int]] = {}
    for qid, mid in db.session.execute(
        select(Question.id, Question.module_id).where(Question.retired.is_(False))
    ):
        questions.setdefault(mid, []).append(qid)
    attempts = db.session.execute(
        select(Attempt.id, Attempt.module_id, Attempt.score).where(Attempt.user_id.in_(user_ids))
    ).all()
    batch = []
    for attempt_id, module_id, score in attempts:
        for n, qid in enumerate(questions.get(module_id, [])):
            right = rng.random() < (score or 0) * (0.7 if n == 0 else 1.1)
            batch.append(
                {
                    "attempt_id": attempt_id,
                    "question_id": qid,
                    "response": None,
                    "score": 1.0 if right else 0.0,
                }
            )
    for start in range(0, len(batch), 20_000):
        db.session.execute(insert(Answer), batch[start : start + 20_000])


def refresh_statistics() -> None:
    """After a bulk load, let PostgreSQL's planner see the new row counts (autovacuum would, later)."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.commit()
