"""Partners (admins), cohorts (partners' staff and admins) and their invitations."""

import re

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from lms.auth.access import role_required
from lms.auth.services import get_by_username
from lms.catalog import services as catalog
from lms.cohorts import services
from lms.cohorts.forms import CohortForm, InviteForm, PartnerForm, StaffForm, TerritoryForm
from lms.cohorts.models import PROVINCES, Cohort, Invite, Partner
from lms.cohorts.views import bp
from lms.cohorts.views.common import STAFF, cohort_for_manager
from lms.core.forms import BaseForm
from lms.core.i18n import _, current_language
from lms.core.templating import language_name
from lms.extensions import db


@bp.route("/cohorts/")
@role_required(*STAFF)
def index():
    partners = services.partners_of(current_user) if current_user.role in ("partner", "admin") else []
    return render_template(
        "cohorts/index.html",
        cohorts=services.visible_cohorts(current_user),
        can_create=bool(partners),
        partners=partners,
    )


@bp.route("/cohorts/partners", methods=["GET", "POST"])
@role_required("admin")
def partners():
    form = PartnerForm()
    if form.validate_on_submit():
        try:
            services.create_partner(form.name.data, form.provinces.data)
        except services.CohortError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Partner added."), "success")
            return redirect(url_for(".partners"))
    partners = db.session.scalars(db.select(Partner).order_by(Partner.name)).all()
    return render_template(
        "cohorts/partners.html", form=form, partners=partners, staff_form=StaffForm(), provinces=PROVINCES
    )


@bp.post("/cohorts/partners/<int:partner_id>/territory")
@role_required("admin")
def set_territory(partner_id):
    partner = db.session.get(Partner, partner_id) or abort(404)
    form = TerritoryForm()
    if not form.validate_on_submit():
        abort(400)
    partner.provinces = form.provinces.data
    db.session.commit()
    flash(_("Territory saved."), "success")
    return redirect(url_for(".partners") + f"#partner-{partner.id}")


@bp.post("/cohorts/partners/<int:partner_id>/staff")
@role_required("admin")
def add_staff(partner_id):
    partner = db.session.get(Partner, partner_id) or abort(404)
    form = StaffForm()
    user = get_by_username(form.username.data or "") if form.validate_on_submit() else None
    try:
        if user is None:
            raise services.CohortError(_("There is no account with this username."))
        services.add_staff(partner, user)
    except services.CohortError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("%(user)s now works for %(partner)s.", user=user.username, partner=partner.name), "success")
    return redirect(url_for(".partners"))


def _cohort_form(cohort: Cohort | None = None) -> CohortForm:
    form = CohortForm(obj=cohort)
    if cohort is not None and not form.is_submitted():
        form.partner.data = cohort.partner_id
        form.courses.data = [c.id for c in cohort.courses]
        form.trainers.data = ", ".join(t.username for t in cohort.trainers)
    form.partner.choices = [(p.id, p.name) for p in services.partners_of(current_user)]
    form.languages.choices = [(code, language_name(code)) for code in current_app.config["LANGUAGES"]]
    fallback = current_app.config["CONTENT_FALLBACK"]
    form.courses.choices = [
        (c.id, catalog.text_in(c.texts, current_language(), fallback).title)
        for tier in catalog.courses_by_tier().values()
        for c in tier
    ]
    return form


def _save_cohort(form: CohortForm, cohort: Cohort) -> bool:
    usernames = [u for u in re.split(r"[,،\s]+", form.trainers.data or "") if u]  # Arabic comma too
    unknown = services.set_trainers(cohort, usernames)
    if unknown:
        form.trainers.errors.append(
            _("These are not trainers' usernames: %(names)s", names=", ".join(unknown))
        )
        return False
    for name in ("name", "province", "municipality", "languages", "starts_on", "ends_on"):
        setattr(cohort, name, getattr(form, name).data)
    cohort.partner_id = form.partner.data
    cohort.courses = [
        c for tier in catalog.courses_by_tier().values() for c in tier if c.id in form.courses.data
    ]
    return True


@bp.route("/cohorts/new", methods=["GET", "POST"])
@role_required("partner", "admin")
def new():
    form = _cohort_form()
    if not form.partner.choices:
        abort(403)
    if form.validate_on_submit():
        cohort = Cohort()
        if _save_cohort(form, cohort):
            db.session.add(cohort)
            db.session.commit()
            flash(_("Group created. Now bring its learners in."), "success")
            return redirect(url_for(".show", cohort_id=cohort.id))
        db.session.rollback()
    return render_template("cohorts/edit.html", form=form, cohort=None)


@bp.route("/cohorts/<int:cohort_id>/edit", methods=["GET", "POST"])
@role_required("partner", "admin")
def edit(cohort_id):
    cohort = cohort_for_manager(cohort_id)
    form = _cohort_form(cohort)
    if form.validate_on_submit():
        if _save_cohort(form, cohort):
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for(".show", cohort_id=cohort.id))
        db.session.rollback()
    return render_template("cohorts/edit.html", form=form, cohort=cohort)


@bp.post("/cohorts/<int:cohort_id>/invites")
@role_required(*STAFF)
def create_invite(cohort_id):
    cohort = cohort_for_manager(cohort_id)
    form = InviteForm()
    if form.validate_on_submit():
        services.create_invite(cohort, form.days.data, form.max_uses.data)
        db.session.commit()
        flash(_("Invitation created: give learners its code or link."), "success")
    else:
        flash(_("Please check the form and try again."), "error")
    return redirect(url_for(".show", cohort_id=cohort.id) + "#invites")


@bp.post("/cohorts/<int:cohort_id>/invites/<int:invite_id>/revoke")
@role_required(*STAFF)
def revoke_invite(cohort_id, invite_id):
    cohort = cohort_for_manager(cohort_id)
    invite = db.session.get(Invite, invite_id)
    if invite is None or invite.cohort_id != cohort.id or not BaseForm().validate_on_submit():
        abort(404)
    invite.revoked = True
    db.session.commit()
    flash(_("Invitation withdrawn."), "success")
    return redirect(url_for(".show", cohort_id=cohort.id) + "#invites")
