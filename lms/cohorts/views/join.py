"""Learners join a cohort with an invitation code or link."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from lms.cohorts import services
from lms.cohorts.forms import JoinForm
from lms.cohorts.views import bp
from lms.core.i18n import _
from lms.extensions import db


@bp.route("/join", methods=["GET", "POST"])
@bp.route("/join/<code>", methods=["GET", "POST"])
@login_required
def join(code=None):
    form = JoinForm(code=code)
    invite = services.find_invite(form.code.data) if form.code.data else None
    if invite is not None and services.active_membership(invite.cohort, current_user) is not None:
        flash(_("You are already in the group “%(name)s”.", name=invite.cohort.name), "info")
        return redirect(url_for("learning.dashboard"))
    problem = services.invite_problem(invite) if form.code.data else None
    if form.validate_on_submit() and problem is None:
        try:
            services.redeem(invite, current_user)
        except services.CohortError as error:
            db.session.rollback()
            form.code.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("You are now in the group “%(name)s”.", name=invite.cohort.name), "success")
            return redirect(url_for("learning.dashboard"))
    elif form.is_submitted() and problem:
        form.code.errors.append(problem)
    return render_template("cohorts/join.html", form=form, invite=invite if problem is None else None)
