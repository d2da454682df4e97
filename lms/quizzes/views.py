"""The quiz pages: start an attempt, answer, submit once, read the feedback."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from lms.core.forms import BaseForm
from lms.core.i18n import _
from lms.extensions import db
from lms.learning.access import open_module
from lms.learning.content import content_language
from lms.quizzes import services
from lms.quizzes.models import Attempt

bp = Blueprint("quizzes", __name__, template_folder="templates")
QUIZ_URL = "/courses/<course_slug>/<module_slug>/quiz"


def _quiz_url(module) -> str:
    return url_for("quizzes.quiz", course_slug=module.course.slug, module_slug=module.slug)


def _render_attempt(module, attempt, parsed=None, status=200):
    questions = services.attempt_questions(attempt)
    return render_template(
        "quizzes/attempt.html",
        module=module,
        course=module.course,
        attempt=attempt,
        questions=questions,
        parsed=parsed,
        form=BaseForm(),
    ), status


@bp.route(QUIZ_URL, methods=["GET", "POST"])
@login_required
def quiz(course_slug, module_slug):
    module, refusal = open_module(course_slug, module_slug)
    if refusal:
        return refusal
    form = BaseForm()
    if form.validate_on_submit():
        try:
            services.start_attempt(current_user.id, module, content_language(module).lang)
        except services.QuizError:
            flash(_("You have used all your attempts for this quiz."), "error")
        else:
            db.session.commit()
        return redirect(_quiz_url(module))
    attempt = services.open_attempt(current_user.id, module)
    if attempt:
        return _render_attempt(module, attempt)
    return render_template(
        "quizzes/intro.html",
        module=module,
        course=module.course,
        form=form,
        history=services.submitted_attempts(current_user.id, module),
        left=services.attempts_left(current_user.id, module),
    )


def _own_attempt(module, attempt_id: int) -> Attempt:
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != current_user.id or attempt.module_id != module.id:
        abort(404)
    return attempt


@bp.post(QUIZ_URL + "/attempts/<int:attempt_id>")
@login_required
def submit(course_slug, module_slug, attempt_id):
    module, refusal = open_module(course_slug, module_slug)
    if refusal:
        return refusal
    attempt = _own_attempt(module, attempt_id)
    result_url = url_for(".result", course_slug=course_slug, module_slug=module_slug, attempt_id=attempt.id)
    if attempt.submitted_at or not BaseForm().validate_on_submit():
        return redirect(result_url if attempt.submitted_at else _quiz_url(module))
    questions = services.attempt_questions(attempt)
    parsed = services.parse_form(attempt, questions, request.form)
    if parsed.missing or parsed.invalid:
        return _render_attempt(module, attempt, parsed, status=422)
    if services.submit_attempt(attempt, questions, parsed.responses):
        db.session.commit()
    return redirect(result_url)


@bp.get(QUIZ_URL + "/attempts/<int:attempt_id>")
@login_required
def result(course_slug, module_slug, attempt_id):
    module, refusal = open_module(course_slug, module_slug)
    if refusal:
        return refusal
    attempt = _own_attempt(module, attempt_id)
    if not attempt.submitted_at:
        return redirect(_quiz_url(module))
    left = services.attempts_left(current_user.id, module)
    show_answers = services.has_passed(current_user.id, module) or left == 0
    answers = {a.question_id: a for a in attempt.answers}
    return render_template(
        "quizzes/result.html",
        module=module,
        course=module.course,
        attempt=attempt,
        questions=services.attempt_questions(attempt),
        answers=answers,
        left=left,
        show_answers=show_answers,
        form=BaseForm(),
    )
