"""Work handed in for review: hand in, read the conversation, resubmit, review, the trainers' queue."""

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.associations import reviews, services
from lms.associations.models import Association, Submission, SubmissionFile
from lms.associations.review_forms import (
    KIND_LABELS,
    STATUS_LABELS,
    HandInForm,
    MessageForm,
    ResubmitForm,
    ReviewForm,
)
from lms.associations.views import bp
from lms.associations.views.common import association_or_404
from lms.catalog import services as catalog
from lms.catalog.models import Course, Module
from lms.core.downloads import attachment
from lms.core.forms import BaseForm
from lms.core.i18n import _
from lms.core.security import local_path
from lms.extensions import db


def _module_choices() -> list[tuple[str, str]]:
    courses = db.session.scalars(
        select(Course)
        .where(Course.retired.is_(False))
        .order_by(Course.tier, Course.position)
        .options(selectinload(Course.texts), selectinload(Course.modules).selectinload(Module.texts))
    )
    lang, fallback = _language()
    choices = [("", _("No module in particular"))]
    for course in courses:
        course_title = catalog.text_in(course.texts, lang, fallback).title
        for module in course.active_modules:
            choices.append(
                (str(module.id), f"{course_title}: {catalog.text_in(module.texts, lang, fallback).title}")
            )
    return choices


def _language():
    from lms.core.i18n import current_language

    return current_language(), current_app.config["CONTENT_FALLBACK"]


def _uploads(field) -> list[tuple[str, bytes]]:
    return [(f.filename or "file", f.read()) for f in field.data or [] if f and f.filename]


def _submission_or_404(submission_id: int) -> Submission:
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        abort(404)
    if not reviews.can_see(current_user, submission):
        abort(403)
    return submission


@bp.route("/associations/<int:association_id>/work/new", methods=["GET", "POST"])
@login_required
def hand_in(association_id):
    association = association_or_404(association_id, member=True)
    form = HandInForm()
    form.module.choices = _module_choices()
    if request.method == "GET" and request.args.get("module", "").isdigit():
        form.module.data = request.args["module"]
    if form.validate_on_submit():
        try:
            files = reviews.check_files(_uploads(form.files))
            submission = reviews.hand_in(
                association,
                current_user,
                kind=form.kind.data,
                title=form.title.data,
                module_id=int(form.module.data) if form.module.data else None,
                text=form.text.data or "",
                files=files,
            )
        except reviews.ReviewError as error:
            db.session.rollback()
            form.files.errors = [str(error)]
        else:
            db.session.commit()
            flash(_("Handed in. A trainer will read it; you will find the reply here."), "success")
            return redirect(url_for(".submission", submission_id=submission.id))
    return render_template("associations/hand_in.html", association=association, form=form)


@bp.route("/work/<int:submission_id>")
@login_required
def submission(submission_id):
    return _conversation(_submission_or_404(submission_id))


def _conversation(submission: Submission, **forms) -> str:
    """The conversation page; a form that failed comes back with everything typed in it."""
    blank = {"formdata": None} if forms else {}
    context = {
        "resubmit_form": ResubmitForm(**blank),
        "review_form": ReviewForm(**blank),
        "message_form": MessageForm(**blank),
    }
    context.update(forms)
    return render_template(
        "associations/submission.html",
        submission=submission,
        timeline=reviews.timeline(submission),
        kinds=KIND_LABELS,
        statuses=STATUS_LABELS,
        can_review=reviews.can_review(current_user),
        is_member=services.membership(submission.association, current_user) is not None,
        **context,
    )


def _back(submission: Submission, anchor: str = "") -> Response:
    return redirect(url_for(".submission", submission_id=submission.id) + anchor)


@bp.post("/work/<int:submission_id>/versions")
@login_required
def resubmit(submission_id):
    submission = _submission_or_404(submission_id)
    if services.membership(submission.association, current_user) is None:
        abort(403)
    form = ResubmitForm()
    if form.validate_on_submit():
        try:
            reviews.resubmit(
                submission, current_user, form.text.data or "", reviews.check_files(_uploads(form.files))
            )
        except reviews.ReviewError as error:
            db.session.rollback()
            form.files.errors = [str(error)]
        else:
            db.session.commit()
            flash(_("The new version is handed in."), "success")
            return _back(submission, "#end")
    return _conversation(submission, resubmit_form=form), 422


@bp.post("/work/<int:submission_id>/review")
@login_required
def review(submission_id):
    submission = _submission_or_404(submission_id)
    if not reviews.can_review(current_user):
        abort(403)
    form = ReviewForm()
    if form.validate_on_submit():
        reviews.review(submission, current_user, form.body.data, form.status.data)
        db.session.commit()
        flash(_("Review sent. The association has been told."), "success")
        return redirect(url_for(".review_queue"))
    return _conversation(submission, review_form=form), 422


@bp.post("/work/<int:submission_id>/messages")
@login_required
def message(submission_id):
    submission = _submission_or_404(submission_id)
    form = MessageForm()
    if form.validate_on_submit():
        reviews.comment(submission, current_user, form.message.data)
        db.session.commit()
        return _back(submission, "#end")
    return _conversation(submission, message_form=form), 422


@bp.route("/work/<int:submission_id>/files/<int:file_id>")
@login_required
def submission_file(submission_id, file_id):
    submission = _submission_or_404(submission_id)
    stored = db.session.get(SubmissionFile, file_id)
    if stored is None or all(stored.version_id != v.id for v in submission.versions):
        abort(404)
    response = attachment(stored.data, stored.content_type, stored.filename)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/review-queue")
@login_required
def review_queue():
    if not reviews.can_review(current_user):
        abort(403)
    page = request.args.get("page", 1, type=int)
    page = page if page and page > 0 else 1
    mine = request.args.get("mine") == "1"
    rows, total = reviews.queue(page, current_user if mine else None)
    pages = max(1, -(-total // reviews.QUEUE_PAGE))
    return render_template(
        "associations/queue.html",
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        kinds=KIND_LABELS,
        mine=mine,
    )


@bp.post("/associations/<int:association_id>/accompany")
@login_required
def accompany(association_id):
    """A trainer starts (or stops) accompanying an association, from a piece of its work or its page."""
    association = db.session.get(Association, association_id) or abort(404)
    if not reviews.can_review(current_user):
        abort(403)
    if not BaseForm().validate_on_submit():
        abort(400)
    if request.form.get("stop") == "1":
        services.stop_accompanying(association, current_user)
        flash(_("You no longer accompany this association."), "success")
    else:
        services.accompany(association, current_user)
        flash(_("You now accompany this association: its new work comes to you first."), "success")
    db.session.commit()
    return redirect(local_path(request.form.get("next")) or url_for(".review_queue"))
