"""Uploading an image or a document into a page, and serving uploaded files to learners."""

from flask import Response, abort, current_app, flash, redirect, url_for
from flask_login import current_user

from lms.auth.access import role_required
from lms.authoring import editor, media
from lms.authoring.forms import UploadForm
from lms.authoring.views import bp
from lms.authoring.views.common import current, save_edit
from lms.core.i18n import _
from lms.extensions import db

STAFF = ("trainer", "admin")


@bp.post("/author/<slug>/modules/<module>/pages/<page>/upload")
@role_required(*STAFF)
def upload(slug, module, page):
    now = current(slug)
    now.module(module)
    back = url_for(".page", slug=slug, module=module, page=page)
    form = UploadForm()
    if not form.validate_on_submit():
        flash(_("Choose a file and describe it: both are needed."), "error")
        return redirect(back)
    config = current_app.config
    try:
        stored = media.store(
            form.file.data.read(), form.file.data.filename or "", current_user.id,
            config["MEDIA_MAX_BYTES"], config["MEDIA_IMAGE_MAX_SIDE"],
        )  # fmt: skip
    except media.MediaError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(back)
    snippet = media.markdown_for(stored, form.alt.data)

    def change(spec):
        target = editor.page(editor.module(spec, module), page)
        title, body = target.texts[spec.source_language]
        editor.set_page_text(target, spec.source_language, title, body.rstrip() + "\n\n" + snippet)

    if save_edit(slug, change, f"module {module}: page {page}: file {stored.name}", "uploaded"):
        flash(_("The file is added at the end of the page. Move the line where you want it."), "success")
    return redirect(back)


@bp.route("/media/<name>")
def file(name):
    stored = media.get(name)
    if stored is None:
        abort(404)
    response = Response(stored.data, mimetype=stored.content_type)
    response.headers["Cache-Control"] = (
        "public, max-age=31536000, immutable"  # the name is the content's hash
    )
    if stored.extension not in media.IMAGE_EXTENSIONS:
        response.headers["Content-Disposition"] = f'attachment; filename="{stored.name}"'
    return response
