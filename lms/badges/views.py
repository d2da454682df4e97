"""Badge pages for people, and Open Badges documents for machines, at stable addresses."""

import json
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,  # fmt: skip
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import select

from lms.auth.access import role_required
from lms.auth.services import get_by_username
from lms.badges import credentials, keys, listeners, openbadges, services
from lms.badges.forms import AwardForm, NameForm, RevokeForm
from lms.badges.models import BadgeClass, BadgeRecipient
from lms.catalog import services as catalog
from lms.catalog.models import Course
from lms.core.i18n import _, current_language
from lms.extensions import db

bp = Blueprint("badges", __name__, template_folder="templates")
__all__ = ["bp", "listeners"]
LD_JSON = "application/ld+json"


def _urls() -> openbadges.Urls:
    return openbadges.Urls(current_app.config["BASE_URL"])


def _document(document: dict, status: int = 200) -> Response:
    response = jsonify(document)
    response.status_code = status
    response.mimetype = LD_JSON
    response.headers["Access-Control-Allow-Origin"] = "*"  # verifiers fetch these from anywhere
    return response


def _award_or_404(public_id: str):
    award = services.get_award(public_id)
    if award is None:
        abort(404)
    return award


def _badge_class_or_404(slug: str) -> BadgeClass:
    badge = db.session.scalar(select(BadgeClass).join(BadgeClass.course).where(Course.slug == slug))
    if badge is None:
        abort(404)
    return badge


@bp.app_template_global()
def badges_of(user):
    return services.awards_of(user.id)


# --- Open Badges 2.0 and 3.0 documents ----------------------------------------------------------


@bp.route("/badges/issuer")
def issuer():
    return _document(openbadges.issuer(current_app.config, _urls()))


@bp.route("/badges/classes/<slug>")
@bp.route("/badges/classes/<slug>/<lang>")
def badge_class(slug, lang=None):
    badge = _badge_class_or_404(slug)
    if lang is not None and lang not in badge.course.texts:
        abort(404)
    return _document(openbadges.badge_class(badge, _urls(), lang))


@bp.route("/badges/classes/<slug>/image.<any(svg, png):ext>")
def badge_image(slug, ext):
    from lms.badges import images

    badge = _badge_class_or_404(slug)
    course = badge.course
    title = course.texts[course.source_language].title
    if ext == "svg":
        return Response(images.badge_svg(title, course.tier), mimetype="image/svg+xml")
    return Response(images.badge_png(title, course.tier), mimetype="image/png")


@bp.route("/badges/assertions/<public_id>")
def assertion(public_id):
    award = _award_or_404(public_id)
    if award.revoked:
        return _document(openbadges.revoked(award, _urls()), 410)
    return _document(openbadges.assertion(award, _urls()))


def _baked(award, ext: str) -> tuple[bytes | str, str]:
    from lms.badges import baking, images

    course = award.badge_class.course
    title = course.texts[course.source_language].title
    document = json.dumps(openbadges.assertion(award, _urls()), ensure_ascii=False)
    if ext == "svg":
        svg = images.badge_svg(title, course.tier)
        return baking.bake_svg(svg, _urls().assertion(award), document), "image/svg+xml"
    return baking.bake_png(images.badge_png(title, course.tier), document), "image/png"


@bp.route("/badges/assertions/<public_id>/image.png")
@bp.route("/badges/assertions/<public_id>/badge.<any(svg, png):ext>")
def baked(public_id, ext="png"):
    award = _award_or_404(public_id)
    if award.revoked:
        abort(410)
    data, mimetype = _baked(award, ext)
    response = Response(data, mimetype=mimetype)
    if request.path.endswith(f"/badge.{ext}"):
        response.headers["Content-Disposition"] = f'attachment; filename="ponte-{award.public_id[:8]}.{ext}"'
    return response


@bp.route("/badges/assertions/<public_id>/credential.<any(json, jwt):ext>")
def credential(public_id, ext):
    """The Open Badges 3.0 credential, signed (VC-JWT); .json wraps it as an enveloped credential."""
    award = _award_or_404(public_id)
    if award.revoked:
        abort(410)
    token = credentials.sign(award, _urls(), current_app.config)
    db.session.commit()  # the first signature creates the site's key
    if ext == "jwt":
        response = Response(token, mimetype="application/vc+jwt")
    else:
        envelope = {
            "@context": "https://www.w3.org/ns/credentials/v2",
            "type": "EnvelopedVerifiableCredential",
            "id": f"data:application/vc+jwt,{token}",
        }
        response = Response(json.dumps(envelope, indent=2), mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="ponte-{award.public_id[:8]}.{ext}"'
    return response


@bp.route("/.well-known/did.json")
def did_document():
    keys.current_key(current_app.config["SECRET_KEY"])
    db.session.commit()
    return _document(keys.did_document(current_app.config["BASE_URL"]))


# --- pages for people -----------------------------------------------------------------------


def _linkedin(award) -> str:
    course = award.badge_class.course
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": course.texts[course.source_language].title,
        "organizationName": current_app.config["BADGE_ISSUER_NAME"],
        "issueYear": award.issued_at.year,
        "issueMonth": award.issued_at.month,
        "certUrl": _urls().verify(award),
        "certId": award.public_id,
    }
    return "https://www.linkedin.com/profile/add?" + urlencode(query)


@bp.route("/badges/verify/<public_id>")
def verify(public_id):
    award = _award_or_404(public_id)
    return render_template(
        "badges/verify.html",
        award=award,
        urls=_urls(),
        form=RevokeForm(),
        criteria=openbadges.criteria(award.badge_class, current_language()),
    )


@bp.route("/badges/learners/<token>/")
def learner(token):
    recipient = db.session.scalar(select(BadgeRecipient).where(BadgeRecipient.token == token))
    if recipient is None:
        abort(404)
    awards = [a for a in services.awards_of(recipient.user_id) if not a.revoked]
    return render_template("badges/learner.html", awards=awards, urls=_urls())


@bp.route("/me/badges/")
@login_required
def mine():
    awards = services.awards_of(current_user.id)
    return render_template(
        "badges/mine.html",
        awards=awards,
        urls=_urls(),
        linkedin=_linkedin,
        forms={a.public_id: NameForm(prefix=a.public_id, name=a.recipient_name) for a in awards},
    )


@bp.post("/me/badges/<public_id>/name")
@login_required
def set_name(public_id):
    award = _award_or_404(public_id)
    if award.user_id != current_user.id:
        abort(404)
    form = NameForm(prefix=public_id)
    if form.validate_on_submit():
        try:
            services.set_recipient_name(award, form.name.data)
        except services.BadgeError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Your name on the certificate is saved."), "success")
    else:
        flash(_("Write your name (up to %(max)d characters).", max=services.NAME_MAX), "error")
    return redirect(url_for(".mine"))


@bp.route("/me/badges/<public_id>/certificate.pdf")
@login_required
def certificate(public_id):
    from lms.badges.certificate_data import certificate_pdf

    award = _award_or_404(public_id)
    if award.user_id != current_user.id and not current_user.is_staff:
        abort(404)
    pdf = certificate_pdf(award, _urls(), current_app.config, current_user)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'inline; filename="ponte-certificate-{award.public_id[:8]}.pdf"'
    )
    return response


@bp.route("/badges/award", methods=["GET", "POST"])
@role_required("trainer", "admin")
def award_by_hand():
    form = AwardForm()
    courses = [c for tier in catalog.courses_by_tier().values() for c in tier]
    fallback = current_app.config["CONTENT_FALLBACK"]
    form.course.choices = [
        (c.slug, catalog.text_in(c.texts, current_language(), fallback).title) for c in courses
    ]
    if form.validate_on_submit():
        learner_user = get_by_username(form.username.data)
        course = next((c for c in courses if c.slug == form.course.data), None)
        if learner_user is None:
            form.username.errors.append(_("There is no learner with this username."))
        else:
            try:
                award = services.award_by_hand(current_user, learner_user, course, form.evidence.data,
                                               current_app.config["BASE_URL"])  # fmt: skip
            except services.BadgeError as error:
                form.evidence.errors.append(str(error))
            else:
                db.session.commit()
                flash(_("Badge awarded."), "success")
                return redirect(url_for(".verify", public_id=award.public_id))
    return render_template("badges/award.html", form=form)


@bp.post("/badges/assertions/<public_id>/revoke")
@role_required("admin")
def revoke(public_id):
    award = _award_or_404(public_id)
    form = RevokeForm()
    if form.validate_on_submit():
        try:
            services.revoke(award, form.reason.data, current_user)
        except services.BadgeError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("The badge is revoked."), "success")
    else:
        flash(_("Write why the badge is revoked."), "error")
    return redirect(url_for(".verify", public_id=public_id))
