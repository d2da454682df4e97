"""The list of courses a trainer writes, a new course, a course's overview and its way to publication."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from lms.auth.access import role_required
from lms.auth.services import get_by_username
from lms.authoring import editor, services
from lms.authoring.forms import (
    CommentForm,
    ConfirmForm,
    CourseForm,
    EditorForm,
    NewCourseForm,
    NewModuleForm,
    SubmitForm,
)
from lms.authoring.views import bp
from lms.authoring.views.common import check_can_edit, current, save_edit, saved
from lms.core.i18n import _, current_language
from lms.core.templating import language_name
from lms.extensions import db

STAFF = ("trainer", "admin")


@bp.route("/author/")
@role_required(*STAFF)
def index():
    slugs = services.editable_slugs(current_user)
    rows = [(slug, services.open_version(slug), services.published_version(slug)) for slug in slugs]
    return render_template("authoring/index.html", rows=rows)


@bp.route("/author/new", methods=["GET", "POST"])
@role_required(*STAFF)
def new_course():
    form = NewCourseForm(language=current_language(), tier="1", sequential=True)
    form.language.choices = [(code, language_name(code)) for code in current_app.config["LANGUAGES"]]
    if form.validate_on_submit():
        taken = services.all_slugs()
        slug = form.slug.data or editor.slugify(form.title.data, taken, "corso")
        spec = editor.new_course(
            slug, form.language.data, form.title.data, form.summary.data, int(form.tier.data)
        )
        spec.sequential = form.sequential.data
        try:
            services.create_course(spec, current_user)
        except services.AuthoringError as error:
            form.slug.errors.append(str(error))
        else:
            db.session.commit()
            return saved(url_for(".course", slug=slug), _("Course created. Now add its first module."))
    return render_template("authoring/new_course.html", form=form)


@bp.route("/author/<slug>/")
@role_required(*STAFF)
def course(slug):
    now = current(slug)
    version = now.version
    return render_template(
        "authoring/course.html",
        now=now,
        problems=services.problems_of(version) if version else [],
        module_form=NewModuleForm(prefix="module"),
        submit_form=SubmitForm(),
        comment_form=CommentForm(),
        confirm=ConfirmForm(),
        editor_form=EditorForm(),
        editors=services.editors(slug),
        published=services.published_version(slug),
        live=services.live_course(slug),
    )


@bp.route("/author/<slug>/settings", methods=["GET", "POST"])
@role_required(*STAFF)
def settings(slug):
    now = current(slug)
    words = now.spec.texts.get(now.source, {})
    form = CourseForm(
        title=words.get("title"),
        summary=words.get("summary"),
        tier=str(now.spec.tier),
        sequential=now.spec.sequential,
    )
    if form.validate_on_submit():

        def change(spec):
            spec.texts[spec.source_language] = {"title": form.title.data.strip()}
            if form.summary.data.strip():
                spec.texts[spec.source_language]["summary"] = form.summary.data.strip()
            spec.tier, spec.sequential = int(form.tier.data), form.sequential.data

        if save_edit(slug, change, "course settings"):
            return saved(url_for(".course", slug=slug))
    return render_template("authoring/settings.html", now=now, form=form)


@bp.post("/author/<slug>/modules")
@role_required(*STAFF)
def add_module(slug):
    now = current(slug)
    form = NewModuleForm(prefix="module")
    if not form.validate_on_submit():
        flash(_("Write the new module's title."), "error")
        return redirect(url_for(".course", slug=slug))
    added = {}

    def change(spec):
        added["module"] = editor.add_module(spec, form.title.data)

    if save_edit(now.slug, change, f"new module: {form.title.data}", "added"):
        return saved(url_for(".module", slug=slug, module=added["module"].slug))
    return redirect(url_for(".course", slug=slug))


@bp.post("/author/<slug>/modules/<module>/<any(up, down, delete):action>")
@role_required(*STAFF)
def module_action(slug, module, action):
    check_can_edit(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if action == "delete":
        ok = save_edit(slug, lambda spec: editor.remove(spec.modules, module), f"module {module}", "deleted")
    else:
        step = -1 if action == "up" else 1
        ok = save_edit(
            slug, lambda spec: editor.move(spec.modules, module, step), f"module {module}", "moved"
        )
    if ok:
        flash(_("Saved in the draft. Learners see it once it is published."), "success")
    return redirect(url_for(".course", slug=slug))


# -- from draft to published ----------------------------------------------------------------------


def _open_or_404(slug):
    version = services.open_version(slug)
    if version is None:
        abort(404)
    return version


def _transition(slug, form, apply, message):
    if form.validate_on_submit():
        try:
            apply()
        except services.AuthoringError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(message, "success")
    else:
        flash(_("Please check the form and try again."), "error")
    return redirect(url_for(".course", slug=slug))


@bp.post("/author/<slug>/start")
@role_required(*STAFF)
def start(slug):
    check_can_edit(slug)
    return _transition(
        slug, ConfirmForm(), lambda: services.start_draft(slug, current_user), _("A new draft is open.")
    )


@bp.post("/author/<slug>/submit")
@role_required(*STAFF)
def submit(slug):
    check_can_edit(slug)
    version, form = _open_or_404(slug), SubmitForm()
    return _transition(
        slug,
        form,
        lambda: services.submit(version, current_user, form.note.data or "", form.major.data),
        _("Sent for review."),
    )


@bp.post("/author/<slug>/return")
@role_required(*STAFF)
def return_to_draft(slug):
    check_can_edit(slug)
    version, form = _open_or_404(slug), CommentForm()
    return _transition(
        slug,
        form,
        lambda: services.return_to_draft(version, current_user, form.comment.data),
        _("Back to draft."),
    )


@bp.post("/author/<slug>/publish")
@role_required(*STAFF)
def publish(slug):
    check_can_edit(slug)
    version = _open_or_404(slug)
    return _transition(
        slug,
        ConfirmForm(),
        lambda: services.publish(version, current_user),
        _("Published: learners see it now."),
    )


@bp.post("/author/<slug>/discard")
@role_required(*STAFF)
def discard(slug):
    check_can_edit(slug)
    version = _open_or_404(slug)
    return _transition(
        slug, ConfirmForm(), lambda: services.discard(version, current_user), _("Draft deleted.")
    )


# -- who may edit ---------------------------------------------------------------------------------


@bp.post("/author/<slug>/editors")
@role_required("admin")
def add_editor(slug):
    current(slug)
    form = EditorForm()
    trainer = get_by_username(form.username.data or "") if form.validate_on_submit() else None
    if trainer is None:
        flash(_("There is no trainer with this username."), "error")
        return redirect(url_for(".course", slug=slug))
    return _transition(
        slug, ConfirmForm(), lambda: services.assign(slug, trainer, current_user), _("Trainer assigned.")
    )


@bp.post("/author/<slug>/editors/<int:user_id>/remove")
@role_required("admin")
def remove_editor(slug, user_id):
    current(slug)
    editor_row = next((e for e in services.editors(slug) if e.user_id == user_id), None)
    if editor_row is None:
        abort(404)
    return _transition(
        slug,
        ConfirmForm(),
        lambda: services.unassign(slug, editor_row.user, current_user),
        _("Trainer removed."),
    )


@bp.app_template_global()
def can_edit_course(slug: str) -> bool:
    return services.can_edit(current_user, slug)
