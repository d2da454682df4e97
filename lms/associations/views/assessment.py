"""The needs self-assessment: fill in, save and resume, finish, read the advice, retake."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from lms.associations import assessments, needs, services
from lms.associations.models import SelfAssessment
from lms.associations.needs_text import need_names, reasons, tier_names
from lms.associations.review_forms import assessment_form
from lms.associations.views import bp
from lms.associations.views.common import association_or_404
from lms.core.clock import as_utc
from lms.core.i18n import _
from lms.extensions import db


@bp.route("/associations/<int:association_id>/self-assessment", methods=["GET", "POST"])
@login_required
def self_assessment(association_id):
    association = association_or_404(association_id, manage=True)
    current = assessments.open_one(association)
    previous = assessments.history(association)
    answers = current.answers if current else (previous[0].answers if previous else {})
    form = assessment_form(request.form if request.method == "POST" else None, answers)
    missing = []
    if form.validate_on_submit():
        current = assessments.start_or_resume(association, current_user)
        assessments.save(current, {q.key: getattr(form, q.key).data for q in needs.QUESTIONS})
        if request.form.get("action") != "finish":
            db.session.commit()
            flash(_("Saved. You can come back and go on at any time."), "success")
            return redirect(url_for(".self_assessment", association_id=association.id))
        try:
            assessments.finish(current)
        except assessments.AssessmentError as error:
            db.session.commit()  # keep what was answered
            flash(str(error), "error")
            missing = needs.missing(current.answers)
        else:
            db.session.commit()
            return redirect(
                url_for(".assessment_result", association_id=association.id, assessment_id=current.id)
            )
    return render_template(
        "associations/assessment_form.html",
        association=association,
        form=form,
        sections=needs.SECTIONS,
        questions=needs.QUESTIONS,
        missing=missing,
        resuming=current is not None,
        retaking=current is None and bool(previous),
    )


@bp.route("/associations/<int:association_id>/self-assessment/<int:assessment_id>")
@login_required
def assessment_result(association_id, assessment_id):
    association = association_or_404(association_id)
    assessment = db.session.get(SelfAssessment, assessment_id)
    if assessment is None or assessment.association_id != association.id or assessment.completed_at is None:
        abort(404)
    history = assessments.history(association)
    earlier = [a for a in history if as_utc(a.completed_at) < as_utc(assessment.completed_at)]
    return render_template(
        "associations/assessment_result.html",
        association=association,
        assessment=assessment,
        recommendations=assessments.recommendations(assessment),
        reasons=reasons(),
        need_names=need_names(),
        tiers=tier_names(),
        solved=assessments.solved_since(earlier[0], assessment) if earlier else None,
        history=history,
        can_manage=services.can_manage(current_user, association),
    )
