"""A cohort's page and its learners: accounts without email, login cards, CSV import, resets, leaving."""

import secrets
from datetime import timedelta

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import delete, select

from lms.auth.access import role_required
from lms.auth.models import User
from lms.cohorts import cards, csvimport, services
from lms.cohorts.forms import AccountsForm, ImportForm, InviteForm
from lms.cohorts.models import CardBatch, Invite
from lms.cohorts.views import bp
from lms.cohorts.views.common import STAFF, cohort_for_viewer
from lms.core.clock import as_utc, utcnow
from lms.core.forms import BaseForm
from lms.core.i18n import _, current_language
from lms.core.templating import language_name
from lms.extensions import db

CARD_BATCH_HOURS = 24


def _accounts_form() -> AccountsForm:
    form = AccountsForm(language=current_language())
    form.language.choices = [(code, language_name(code)) for code in current_app.config["LANGUAGES"]]
    return form


@bp.route("/cohorts/<int:cohort_id>/")
@role_required(*STAFF)
def show(cohort_id):
    cohort = cohort_for_viewer(cohort_id)
    invites = list(
        db.session.scalars(select(Invite).where(Invite.cohort_id == cohort.id).order_by(Invite.id.desc()))
    )
    now = utcnow()
    return render_template(
        "cohorts/show.html",
        cohort=cohort,
        members=services.members(cohort, include_past=True),
        invites=invites,
        expired={i.id for i in invites if as_utc(i.expires_at) < now},
        can_manage=services.can_manage(current_user, cohort),
        invite_form=InviteForm(),
        accounts_form=_accounts_form(),
    )


def _card_batch(cohort, accounts: list[tuple[User, str]]) -> CardBatch:
    """Print the codes once into a PDF kept for a day (or until downloaded); the codes exist nowhere else."""
    login = current_app.config["BASE_URL"].rstrip("/") + url_for("auth.login")
    labels = cards.Labels(
        title="Ponte",
        username=_("Username"),
        code=_("Code for your first sign-in"),
        scan=_("Scan to sign in"),
        first_time=_("The first time, sign in with this code, then choose your own password."),
    )
    pdf = cards.render(
        [
            cards.Card(u.display_name, u.username, code, f"{login}?username={u.username}")
            for u, code in accounts
        ],
        labels,
    )
    db.session.execute(
        delete(CardBatch).where(CardBatch.created_at < utcnow() - timedelta(hours=CARD_BATCH_HOURS))
    )
    batch = CardBatch(
        token=secrets.token_urlsafe(32),
        cohort_id=cohort.id,
        created_by_id=current_user.id,
        count=len(accounts),
        pdf=pdf,
    )
    db.session.add(batch)
    return batch


def _to_cards(cohort, accounts):
    batch = _card_batch(cohort, accounts)
    db.session.commit()
    return redirect(url_for(".card_batch", cohort_id=cohort.id, token=batch.token))


@bp.post("/cohorts/<int:cohort_id>/accounts")
@role_required(*STAFF)
def create_accounts(cohort_id):
    cohort = cohort_for_viewer(cohort_id)
    form = _accounts_form()
    names = [" ".join(n.split()) for n in (form.names.data or "").splitlines() if n.strip()]
    if not form.validate_on_submit() or not names:
        flash(_("Write at least one name."), "error")
        return redirect(url_for(".show", cohort_id=cohort.id) + "#accounts")
    accounts = [services.make_card_account(cohort, name, form.language.data) for name in names[:500]]
    return _to_cards(cohort, accounts)


@bp.post("/cohorts/<int:cohort_id>/members/<int:user_id>/<any(reset, leave):action>")
@role_required(*STAFF)
def member_action(cohort_id, user_id, action):
    cohort = cohort_for_viewer(cohort_id)
    user = db.session.get(User, user_id)
    if user is None or not BaseForm().validate_on_submit():
        abort(404)
    if action == "leave":
        services.leave(cohort, user)
        db.session.commit()
        flash(_("%(user)s has left the group. Their history stays.", user=user.username), "success")
        return redirect(url_for(".show", cohort_id=cohort.id))
    try:
        code = services.reset_code(cohort, user)
    except services.CohortError as error:
        flash(str(error), "error")
        return redirect(url_for(".show", cohort_id=cohort.id))
    return _to_cards(cohort, [(user, code)])


@bp.route("/cohorts/<int:cohort_id>/cards/<token>")
@role_required(*STAFF)
def card_batch(cohort_id, token):
    cohort = cohort_for_viewer(cohort_id)
    batch = _batch_or_404(cohort, token)
    return render_template("cohorts/cards.html", cohort=cohort, batch=batch)


@bp.route("/cohorts/<int:cohort_id>/cards/<token>.pdf")
@role_required(*STAFF)
def card_pdf(cohort_id, token):
    cohort = cohort_for_viewer(cohort_id)
    batch = _batch_or_404(cohort, token)
    response = Response(batch.pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="ponte-cards-{cohort.id}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _batch_or_404(cohort, token) -> CardBatch:
    batch = db.session.scalar(
        select(CardBatch).where(CardBatch.token == token, CardBatch.cohort_id == cohort.id)
    )
    if batch is None or batch.created_by_id != current_user.id:
        abort(404)
    return batch


@bp.route("/cohorts/<int:cohort_id>/import", methods=["GET", "POST"])
@role_required(*STAFF)
def import_csv(cohort_id):
    cohort = cohort_for_viewer(cohort_id)
    form = ImportForm()
    languages = set(current_app.config["LANGUAGES"])
    if "csv" in request.form and BaseForm().validate_on_submit():
        rows, problem = csvimport.parse(request.form["csv"].encode("utf-8"), cohort, languages)
        created, added, unchanged = csvimport.apply(rows, cohort)
        flash(
            _("Imported: %(new)d new accounts, %(added)d learners added, %(same)d already in the group.",
              new=len(created), added=added, same=unchanged),
            "success",
        )  # fmt: skip
        if created:
            return _to_cards(cohort, created)
        db.session.commit()
        return redirect(url_for(".show", cohort_id=cohort.id))
    if form.validate_on_submit():
        data = form.file.data.read()
        rows, problem = csvimport.parse(data, cohort, languages)
        if problem is None:
            text = data.decode("utf-8-sig", errors="replace")
            return render_template(
                "cohorts/import_preview.html", cohort=cohort, rows=rows, csv=text, confirm=BaseForm()
            )
        form.file.errors.append(problem)
    return render_template("cohorts/import.html", cohort=cohort, form=form)
