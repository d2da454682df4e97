"""What every authoring view needs: the permission check and the course as it stands now."""

from dataclasses import dataclass

from flask import abort, flash, redirect, request
from flask_login import current_user
from sqlalchemy import select

from lms.authoring import editor, services
from lms.authoring.models import CourseVersion
from lms.authoring.snapshot import spec_from_db
from lms.catalog.models import Course
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec
from lms.core.i18n import _
from lms.extensions import db


def check_can_edit(slug: str) -> None:
    if not services.can_edit(current_user, slug):
        abort(403)


@dataclass
class Current:
    """The course as its editors see it: the open draft if there is one, else what learners see."""

    slug: str
    spec: CourseSpec
    version: CourseVersion | None  # the open version, if any

    @property
    def source(self) -> str:
        return self.spec.source_language

    def module(self, slug: str) -> ModuleSpec:
        try:
            return editor.module(self.spec, slug)
        except editor.EditError:
            abort(404)

    def page(self, mod: ModuleSpec, slug: str) -> PageSpec:
        try:
            return editor.page(mod, slug)
        except editor.EditError:
            abort(404)


def current(slug: str) -> Current:
    check_can_edit(slug)
    version = services.open_version(slug)
    if version is not None:
        return Current(slug, services.spec_of(version), version)
    published = services.published_version(slug)
    if published is not None:
        return Current(slug, services.spec_of(published), None)
    course = db.session.scalar(select(Course).where(Course.slug == slug))
    if course is None:
        abort(404)
    return Current(slug, spec_from_db(course), None)


def save_edit(slug: str, change, target: str, action: str = "changed") -> bool:
    """Apply change(spec) to the course's draft (starting one if needed) and store it.

    Returns False, with a message flashed, when the draft cannot change (it is in review).
    """
    try:
        version = services.start_draft(slug, current_user)
        spec = services.spec_of(version)
        change(spec)
        services.save(version, spec, current_user, target, action)
    except services.AuthoringError as error:
        db.session.rollback()
        flash(str(error), "error")
        return False
    except editor.EditError:
        abort(404)
    db.session.commit()
    return True


def saved(url: str, message: str | None = None):
    flash(message or _("Saved in the draft. Learners see it once it is published."), "success")
    return redirect(url)


def page_form_step(slug: str, module: str, page: str, lang: str, form, done_url: str):
    """Preview or save a page's words in one language: (a redirect once saved, else None; preview text)."""
    if not form.validate_on_submit():
        return None, None
    if request.form.get("action") == "preview":
        return None, form.body.data

    def change(spec):
        found = editor.module(spec, module)
        target = editor.page(found, page)
        editor.set_page_text(target, lang, form.title.data, form.body.data)
        if lang != spec.source_language:
            editor.stamp_page(found, target, lang, spec.source_language)

    source = lang == current(slug).source
    if save_edit(
        slug, change, f"module {module}: page {page} ({lang})", "changed" if source else "translated"
    ):
        return saved(done_url), None
    return None, None
