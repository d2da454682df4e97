"""A group's dashboard (trainers, partner staff, admins), a partner's groups side by side, API tokens."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from lms.auth.access import role_required
from lms.catalog.services import text_in
from lms.cohorts import charts, reports, services
from lms.cohorts.views import bp
from lms.cohorts.views.common import STAFF, cohort_for_viewer, partner_for_manager
from lms.core.clock import utcnow
from lms.core.forms import BaseForm
from lms.core.i18n import _, current_language
from lms.extensions import db


def _step_label(step, modules) -> str:
    fixed = {
        "members": _("In the group"),
        "enrolled": _("Enrolled in a course"),
        "started": _("Started a module"),
        "completed": _("Completed a course"),
    }
    if step.label in fixed:
        return fixed[step.label]
    module = modules[int(step.label.split(":")[1])]
    title = text_in(module.texts, current_language(), current_app.config["CONTENT_FALLBACK"]).title
    return _("Completed: %(module)s", module=title)


@bp.route("/cohorts/<int:cohort_id>/dashboard")
@role_required(*STAFF)
def dashboard(cohort_id):
    cohort = cohort_for_viewer(cohort_id)
    page = max(1, request.args.get("page", 1, type=int))
    days = min(365, max(1, request.args.get("days", 14, type=int)))
    modules = {m.id: m for m in reports.modules_of(cohort)}
    funnel = reports.funnel(cohort)
    steps = [(_step_label(s, modules), s.count) for s in funnel]
    numbers = {m: n for n, m in enumerate(modules, 1)}
    short = [
        (
            _("Module %(num)d completed", num=numbers[int(s.label[7:])])
            if s.label.startswith("module:")
            else label,
            s.count,
        )
        for s, (label, _count) in zip(funnel, steps, strict=True)
    ]
    rows, total = reports.matrix(cohort, page)
    timeline = reports.progress_over_time(cohort)
    week_labels = [w.isoformat() for w in timeline.weeks]
    return render_template(
        "cohorts/dashboard.html",
        cohort=cohort,
        modules=list(modules.values()),
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // reports.PAGE_SIZE)),
        steps=steps,
        funnel_chart=charts.bars(_("From joining to completing"), short),
        quizzes=reports.quiz_figures(cohort),
        hardest=reports.hardest_questions(cohort),
        days=days,
        inactive=reports.inactive(cohort, days),
        timeline=timeline,
        timeline_chart=charts.line(_("Modules completed, week by week"), week_labels, timeline.completed),
        badges=reports.badges_issued(cohort),
    )


@bp.route("/cohorts/partners/<int:partner_id>/")
@role_required("partner", "admin")
def partner(partner_id):
    partner = partner_for_manager(partner_id)
    cohorts = [c for c in services.visible_cohorts(current_user) if c.partner_id == partner.id]
    return render_template("cohorts/partner.html", partner=partner, rows=reports.partner_summary(cohorts))


@bp.route("/cohorts/partners/<int:partner_id>/tokens", methods=["GET", "POST"])
@role_required("partner", "admin")
def tokens(partner_id):
    from lms.cohorts.forms import TokenForm
    from lms.cohorts.models import ApiToken

    partner = partner_for_manager(partner_id)
    form, new_token = TokenForm(), None
    if form.validate_on_submit():
        new_token = services.create_token(partner, form.name.data, current_user)
        db.session.commit()
    listed = db.session.scalars(
        select(ApiToken).where(ApiToken.partner_id == partner.id).order_by(ApiToken.id.desc())
    )
    return render_template(
        "cohorts/tokens.html", partner=partner, form=form, tokens=list(listed), new_token=new_token
    )


@bp.post("/cohorts/partners/<int:partner_id>/tokens/<int:token_id>/revoke")
@role_required("partner", "admin")
def revoke_token(partner_id, token_id):
    from lms.cohorts.models import ApiToken

    partner = partner_for_manager(partner_id)
    token = db.session.get(ApiToken, token_id)
    if token is None or token.partner_id != partner.id or not BaseForm().validate_on_submit():
        abort(404)
    token.revoked_at = utcnow()
    db.session.commit()
    flash(_("The token is revoked: systems using it can no longer read anything."), "success")
    return redirect(url_for(".tokens", partner_id=partner.id))
