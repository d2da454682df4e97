"""Attempts: start (drawing and shuffling), read answers from a form, submit once, grade."""

import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update

from lms.catalog.models import Module, Question
from lms.core.clock import utcnow
from lms.core.signals import quiz_passed, quiz_submitted
from lms.extensions import db
from lms.learning.models import ModuleProgress
from lms.quizzes import grading
from lms.quizzes.models import Answer, Attempt

_rng = random.SystemRandom()


class QuizError(Exception):
    """The learner cannot start another attempt."""


def open_attempt(user_id: int, module: Module) -> Attempt | None:
    return db.session.scalar(
        select(Attempt)
        .where(Attempt.user_id == user_id, Attempt.module_id == module.id, Attempt.submitted_at.is_(None))
        .order_by(Attempt.id.desc())
    )


def submitted_attempts(user_id: int, module: Module) -> list[Attempt]:
    return list(
        db.session.scalars(
            select(Attempt)
            .where(
                Attempt.user_id == user_id, Attempt.module_id == module.id, Attempt.submitted_at.is_not(None)
            )
            .order_by(Attempt.id)
        )
    )


def _counted(user_id: int, module: Module):
    """Submitted attempts that count now: after a major change asked for a redo, only the newer ones."""
    since = db.session.scalar(
        select(ModuleProgress.redo_requested_at).where(
            ModuleProgress.user_id == user_id, ModuleProgress.module_id == module.id
        )
    )
    where = [Attempt.user_id == user_id, Attempt.module_id == module.id, Attempt.submitted_at.is_not(None)]
    if since is not None:
        where.append(Attempt.submitted_at >= since)
    return where


def attempts_left(user_id: int, module: Module) -> int | None:
    """How many attempts remain, or None when unlimited."""
    if not module.max_attempts:
        return None
    used = db.session.scalar(select(func.count()).select_from(Attempt).where(*_counted(user_id, module)))
    return max(0, module.max_attempts - used)


def _layout(module: Module, rng: random.Random) -> dict[str, Any]:
    questions = module.active_questions
    if module.draw_count and module.draw_count < len(questions):
        questions = rng.sample(questions, module.draw_count)
    elif module.shuffle:
        questions = rng.sample(questions, len(questions))
    orders = {}
    for q in questions:
        ids = _choices(q)
        if module.shuffle or q.kind in ("ordering", "matching"):
            ids = _shuffled(ids, avoid=q.spec.get("items"), rng=rng)
        orders[str(q.id)] = ids
    return {"questions": [q.id for q in questions], "orders": orders}


def _choices(question: Question) -> list[str]:
    spec = question.spec
    if question.kind in ("single", "multiple"):
        return list(spec["options"])
    if question.kind == "ordering":
        return list(spec["items"])
    if question.kind == "matching":
        return sorted({*spec["pairs"].values(), *spec["distractors"]})
    return []


def _shuffled(ids: list[str], avoid: list[str] | None, rng: random.Random) -> list[str]:
    """Shuffle; for ordering questions never show the items already in the right order."""
    result = rng.sample(ids, len(ids))
    if avoid and len(ids) > 1 and result == list(avoid):
        result = result[1:] + result[:1]
    return result


def start_attempt(user_id: int, module: Module, lang: str, rng: random.Random = _rng) -> Attempt:
    """Return the open attempt, or start a new one if attempts remain."""
    current = open_attempt(user_id, module)
    if current:
        return current
    if attempts_left(user_id, module) == 0:
        raise QuizError("no attempts left")
    attempt = Attempt(user_id=user_id, module_id=module.id, lang=lang, layout=_layout(module, rng))
    db.session.add(attempt)
    db.session.flush()
    return attempt


def attempt_questions(attempt: Attempt) -> list[Question]:
    """The attempt's questions in the order shown (retired ones stay gradable)."""
    ids = attempt.layout["questions"]
    found = {q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


@dataclass
class Parsed:
    responses: dict[int, Any] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)
    invalid: list[int] = field(default_factory=list)


def parse_form(attempt: Attempt, questions: list[Question], form) -> Parsed:
    """Read answers from the submitted form; list what is missing or not valid."""
    parsed = Parsed()
    for q in questions:
        order = attempt.layout["orders"].get(str(q.id), [])
        value, valid = _READERS[q.kind](q, order, form, f"q{q.id}")
        if value is not None:
            parsed.responses[q.id] = value
        if not valid:
            parsed.invalid.append(q.id)
        elif value is None:
            parsed.missing.append(q.id)
    return parsed


def _read_single(q, order, form, name):
    value = form.get(name)
    return (value, True) if value in order else (None, value is None or value == "")


def _read_multiple(q, order, form, name):
    values = [v for v in form.getlist(name) if v in order]
    return (sorted(values) or None), True


def _read_truefalse(q, order, form, name):
    value = form.get(name)
    return (value, True) if value in ("true", "false") else (None, True)


def _read_text(q, order, form, name):
    value = (form.get(name) or "").strip()[:500]
    return (value or None), True


def _read_ordering(q, order, form, name):
    positions = {item: form.get(f"{name}-{item}", "") for item in order}
    if not any(positions.values()):
        return None, True
    chosen = {item: int(p) for item, p in positions.items() if p.isdigit() and 1 <= int(p) <= len(order)}
    if len(chosen) != len(order) or len(set(chosen.values())) != len(order):
        return positions, False
    return sorted(order, key=lambda item: chosen[item]), True


def _read_matching(q, order, form, name):
    matches = {left: form.get(f"{name}-{left}", "") for left in q.spec["pairs"]}
    if not any(matches.values()):
        return None, True
    if not all(v in order for v in matches.values()):
        return matches, False
    return matches, True


_READERS = {
    "single": _read_single,
    "multiple": _read_multiple,
    "truefalse": _read_truefalse,
    "text": _read_text,
    "ordering": _read_ordering,
    "matching": _read_matching,
}


def submit_attempt(attempt: Attempt, questions: list[Question], responses: dict[int, Any]) -> bool:
    """Grade and record the attempt exactly once; return False if it was already submitted."""
    claimed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        return False
    db.session.refresh(attempt)
    scores = []
    for q in questions:
        accepted = q.texts[attempt.lang].data.get("accept", []) if attempt.lang in q.texts else []
        score = grading.grade(q.kind, q.spec, responses.get(q.id), accepted)
        scores.append(score)
        attempt.answers.append(Answer(question_id=q.id, response=responses.get(q.id), score=score))
    module = db.session.get(Module, attempt.module_id)
    attempt.score = grading.percentage(scores)
    attempt.passed = grading.passed(attempt.score, module.pass_mark)
    db.session.flush()
    quiz_submitted.send(attempt)
    if attempt.passed:
        quiz_passed.send(module, user_id=attempt.user_id, module_id=module.id)
    return True


def has_passed(user_id: int, module: Module) -> bool:
    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(Attempt)
            .where(*_counted(user_id, module), Attempt.passed.is_(True))
        )
    )
