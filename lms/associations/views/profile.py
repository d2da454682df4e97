"""Association pages: the profile, its members and roles, and the legal-deadline calendar and its feed."""

from urllib.parse import urlsplit

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from lms.associations import assessments, calendar, deadlines, events, progress, reviews, services
from lms.associations.forms import MemberForm, ProfileForm, RoleForm
from lms.associations.models import MANAGERS, Association, AssociationMember
from lms.associations.needs_text import tier_names
from lms.associations.permit_text import dated_labels
from lms.associations.review_forms import KIND_LABELS, STATUS_LABELS
from lms.associations.views import bp
from lms.associations.views.common import association_or_404 as _association_or_404
from lms.auth.services import get_by_username
from lms.cohorts.models import PROVINCES
from lms.core.clock import utcnow
from lms.core.forms import BaseForm
from lms.core.i18n import _
from lms.core.templating import language_name
from lms.extensions import db

PROFILE_FIELDS = (
    *("name", "legal_form", "province", "municipality", "languages", "description", "contact_email"),
    *(
        "contact_phone",
        "runts_number",
        "runts_date",
        "art42_number",
        "art42_date",
        "lazio_number",
        "lazio_date",
    ),
    *("filed_eas", "public_grants", "topics", "listed"),
)


def deadline_titles() -> dict[str, str]:
    return {
        "art42-report": _("Annual activity report to the national register (art. 42), online with SPID"),
        "eas-changes": _("EAS form: tell the Agenzia delle Entrate if your data changed"),
        "5x1000-enrolment": _("Enrol for the 5×1000 (if you want to receive it)"),  # noqa: RUF001
        "accounts-approval": _("The assembly approves the year's accounts: check the date in your statute"),
        "runts-accounts": _("Deposit the approved accounts at the RUNTS"),
        "grants-transparency": _("Publish the public grants received last year (above 10,000 euro)"),
    }


def _profile_form(association: Association | None = None) -> ProfileForm:
    form = ProfileForm(obj=association)
    form.province.choices = [*PROVINCES.items(), ("XX", _("Another province"))]
    form.languages.choices = [(code, language_name(code)) for code in current_app.config["LANGUAGES"]]
    return form


@bp.route("/associations/")
@login_required
def index():
    return render_template(
        "associations/index.html",
        associations=services.mine(current_user),
        accompanied=services.accompanied_by(current_user),
    )


@bp.route("/associations/new", methods=["GET", "POST"])
@login_required
def new():
    form = _profile_form()
    if form.validate_on_submit():
        association = services.create(
            current_user, **{name: getattr(form, name).data for name in PROFILE_FIELDS}
        )
        db.session.commit()
        flash(_("Your association is on Ponte. Add its members and look at its calendar."), "success")
        return redirect(url_for(".show", association_id=association.id))
    return render_template("associations/edit.html", form=form, association=None)


@bp.route("/associations/<int:association_id>/")
@login_required
def show(association_id):
    association = _association_or_404(association_id)
    feed = url_for(".feed", association_id=association.id, token=association.calendar_token, _external=True)
    return render_template(
        "associations/show.html",
        association=association,
        members=services.current_members(association),
        me=services.membership(association, current_user),
        can_manage=services.can_manage(current_user, association),
        upcoming=deadlines.upcoming(services.facts(association), utcnow().date()),
        titles=deadline_titles(),
        feed=feed,
        member_form=MemberForm(),
        role_form=RoleForm(),
        confirm=BaseForm(),
        figures=progress.figures(association),
        assessments=assessments.history(association),
        open_assessment=assessments.open_one(association),
        tiers=tier_names(),
        work=reviews.of_association(association),
        kinds=KIND_LABELS,
        statuses=STATUS_LABELS,
        plans=events.of_association(association),
    )


@bp.post("/associations/<int:association_id>/share-progress")
@login_required
def share_progress(association_id):
    """Each member decides whether their own course progress counts in the association's totals."""
    association = _association_or_404(association_id)
    member = services.membership(association, current_user)
    if member is None:
        abort(403)
    if not BaseForm().validate_on_submit():
        abort(400)
    share = request.form.get("share") == "1"
    progress.set_sharing(member, share)
    db.session.commit()
    if share:
        flash(
            _("Your course progress now counts in the association's totals (never shown by name)."), "success"
        )
    else:
        flash(_("Your course progress no longer counts in the association's totals."), "success")
    return redirect(url_for(".show", association_id=association.id) + "#learning")


@bp.app_template_global()
def association_reminders(days: int = 30) -> list[tuple[object, object, str]]:
    """Deadlines in the next ``days`` days for the associations the signed-in user manages."""
    if not current_user.is_authenticated:
        return []
    today, titles, labels = utcnow().date(), deadline_titles(), dated_labels()
    memberships = services.memberships_of(current_user)
    admin = current_user.role == "admin"  # admins manage every association, as can_manage says
    managed = [m.association for m in memberships if admin or m.role in MANAGERS]
    found = [
        (d.on, a, titles[d.key])
        for a in managed
        for d in deadlines.upcoming(services.facts(a), today)
        if (d.on - today).days <= days
    ]
    plans = events.upcoming_for([m.association_id for m in memberships], today, days)
    found += [(d.on, p.association, f"{p.title}: {d.label or labels[d.key]}") for p, d in plans]
    return sorted(found, key=lambda item: (item[0], item[2]))


@bp.route("/associations/<int:association_id>/edit", methods=["GET", "POST"])
@login_required
def edit(association_id):
    association = _association_or_404(association_id, manage=True)
    form = _profile_form(association)
    if form.validate_on_submit():
        for name in PROFILE_FIELDS:
            setattr(association, name, getattr(form, name).data)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for(".show", association_id=association.id))
    return render_template("associations/edit.html", form=form, association=association)


@bp.post("/associations/<int:association_id>/members")
@login_required
def add_member(association_id):
    """Any member brings in others as members; only managers give a managing role."""
    association = _association_or_404(association_id, member=not _is_admin())
    form = MemberForm()
    if form.role.data != "member" and not services.can_manage(current_user, association):
        abort(403)
    user = get_by_username(form.username.data or "") if form.validate_on_submit() else None
    try:
        if user is None:
            raise services.AssociationError(_("There is no account with this username."))
        services.add_member(association, user, form.role.data)
    except services.AssociationError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("%(user)s is now a member.", user=user.username), "success")
    return redirect(url_for(".show", association_id=association.id) + "#members")


def _is_admin() -> bool:
    return current_user.role == "admin"


def _member_or_404(association: Association, member_id: int) -> AssociationMember:
    member = db.session.get(AssociationMember, member_id)
    if member is None or member.association_id != association.id or member.left_at is not None:
        abort(404)
    return member


@bp.post("/associations/<int:association_id>/members/<int:member_id>/role")
@login_required
def set_role(association_id, member_id):
    association = _association_or_404(association_id, manage=True)
    member = _member_or_404(association, member_id)
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.set_role(association, member, form.role.data)
    except services.AssociationError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for(".show", association_id=association.id) + "#members")


@bp.post("/associations/<int:association_id>/members/<int:member_id>/leave")
@login_required
def leave(association_id, member_id):
    association = _association_or_404(association_id)
    member = _member_or_404(association, member_id)
    if member.user_id != current_user.id and not services.can_manage(current_user, association):
        abort(403)
    if not BaseForm().validate_on_submit():
        abort(400)
    try:
        services.leave(association, member)
    except services.AssociationError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for(".show", association_id=association.id) + "#members")
    db.session.commit()
    flash(_("Done: the membership has ended. It stays in the association's history."), "success")
    if member.user_id == current_user.id:
        return redirect(url_for(".index"))
    return redirect(url_for(".show", association_id=association.id) + "#members")


@bp.post("/associations/<int:association_id>/calendar/new-link")
@login_required
def new_feed_link(association_id):
    association = _association_or_404(association_id, manage=True)
    if not BaseForm().validate_on_submit():
        abort(400)
    services.new_calendar_link(association)
    db.session.commit()
    flash(
        _("New calendar address made: the old one no longer works. Subscribe again with the new one."),
        "success",
    )
    return redirect(url_for(".show", association_id=association.id) + "#calendar")


@bp.route("/associations/<int:association_id>/calendar/<token>.ics")
def feed(association_id, token):
    """The private feed: the secret in its address is the only key (calendar apps cannot sign in)."""
    association = services.by_calendar_token(token)
    if association is None or association.id != association_id:
        abort(404)
    today = utcnow().date()
    titles = deadline_titles()
    facts = services.facts(association)
    items = [
        (d, titles[d.key], d.source)
        for year in (today.year, today.year + 1)
        for d in deadlines.deadlines(facts, year)
    ]
    host = urlsplit(current_app.config["BASE_URL"]).hostname or "ponte"
    response = Response(calendar.feed(association.name, items, host), mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


@bp.route("/associations/directory")
def directory():
    """The public directory: institutions and other associations find the associations that opted in."""
    from lms.associations.forms import TOPIC_CHOICES

    province = request.args.get("province") or None
    topic = request.args.get("topic") or None
    text = (request.args.get("q") or "").strip()[:100] or None
    return render_template(
        "associations/directory.html",
        associations=services.directory(province, topic, text),
        provinces=PROVINCES,
        topics=dict(TOPIC_CHOICES),
        chosen={"province": province, "topic": topic, "q": text or ""},
    )
