"""Versions and audit log, the diff between two versions, restore, and course zips in and out."""

import hashlib

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from lms.auth.access import role_required
from lms.authoring import exchange, services
from lms.authoring.forms import ConfirmForm, ImportForm
from lms.authoring.models import MediaFile
from lms.authoring.views import bp
from lms.authoring.views.common import check_can_edit, current
from lms.core.i18n import _
from lms.extensions import db

STAFF = ("trainer", "admin")


def _version_or_404(slug, number):
    version = services.get_version(slug, number)
    if version is None:
        abort(404)
    return version


@bp.route("/author/<slug>/history")
@role_required(*STAFF)
def history(slug):
    now = current(slug)
    return render_template(
        "authoring/history.html",
        now=now,
        versions=services.versions(slug),
        log=services.audit_log(slug),
        confirm=ConfirmForm(),
    )


@bp.route("/author/<slug>/compare")
@role_required(*STAFF)
def compare(slug):
    now = current(slug)
    old = _version_or_404(slug, request.args.get("from", type=int))
    new = _version_or_404(slug, request.args.get("to", type=int))
    return render_template(
        "authoring/compare.html", now=now, old=old, new=new, changes=services.diff(old, new)
    )


@bp.post("/author/<slug>/versions/<int:number>/restore")
@role_required(*STAFF)
def restore(slug, number):
    check_can_edit(slug)
    version = _version_or_404(slug, number)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.restore(version, current_user)
    except services.AuthoringError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for(".history", slug=slug))
    db.session.commit()
    flash(_("Version %(number)d is now a new draft. Check it, then publish it.", number=number), "success")
    return redirect(url_for(".course", slug=slug))


@bp.route("/author/<slug>/versions/<int:number>/export.zip")
@role_required(*STAFF)
def export(slug, number):
    check_can_edit(slug)
    data = services.export_course(_version_or_404(slug, number))
    response = Response(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}-v{number}.zip"'
    return response


@bp.route("/author/import", methods=["GET", "POST"])
@role_required(*STAFF)
def import_zip():
    form, confirm = ImportForm(), ConfirmForm()
    if "pending" in request.form and confirm.validate_on_submit():
        return _confirm_import(request.form["pending"])
    if form.validate_on_submit():
        data = form.file.data.read()
        unpacked = _unpack(data)
        if unpacked.spec is not None:
            pending = _keep_pending(data)
            exists, changes = services.import_preview(unpacked.spec)
            return render_template(
                "authoring/import_preview.html", spec=unpacked.spec, exists=exists, changes=changes,
                pending=pending, confirm=confirm,
            )  # fmt: skip
        return render_template("authoring/import.html", form=form, problems=unpacked.problems), 422
    return render_template("authoring/import.html", form=form, problems=[])


def _unpack(data: bytes):
    known = services.all_slugs()
    return exchange.read_zip(data, current_app.config["COURSE_ZIP_MAX_BYTES"], known)


def _keep_pending(data: bytes) -> str:
    """Keep the uploaded zip until the trainer confirms (stored by hash, never served)."""
    digest = hashlib.sha256(data).hexdigest()
    if db.session.get(MediaFile, digest) is None:
        pending = MediaFile(
            sha256=digest, extension="zip", content_type="application/zip", size=len(data), data=data
        )
        pending.uploaded_by_id = current_user.id
        db.session.add(pending)
        db.session.commit()
    return digest


def _confirm_import(digest: str):
    pending = db.session.get(MediaFile, digest)
    if pending is None or pending.extension != "zip" or pending.uploaded_by_id != current_user.id:
        abort(404)
    unpacked = _unpack(pending.data)
    if unpacked.spec is None:
        abort(400)
    try:
        version = services.import_course(unpacked.spec, unpacked.media, current_user)
    except services.AuthoringError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for(".import_zip"))
    db.session.delete(pending)
    db.session.commit()
    flash(_("Imported as a draft. Check it, then send it for review."), "success")
    return redirect(url_for(".course", slug=version.course_slug))
