"""Learner pages: a course, a module, its pages, and the dashboard."""

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_login import current_user, login_required

from lms.catalog import services as catalog
from lms.core.forms import BaseForm
from lms.core.i18n import _
from lms.extensions import db
from lms.learning import listeners, services
from lms.learning.access import open_module
from lms.learning.content import content_language, module_is_outdated, page_is_outdated

bp = Blueprint("learning", __name__, template_folder="templates")
__all__ = ["bp", "listeners"]


@bp.app_template_global()
def course_state(course):
    """The signed-in learner's state in a course, for catalog templates (two queries per request)."""
    if not current_user.is_authenticated:
        return None
    if "learner_snapshot" not in g:
        g.learner_snapshot = services.snapshot(current_user)
    return services.course_state(current_user, course, g.learner_snapshot)


@bp.route("/courses/<course_slug>/")
def course(course_slug):
    course = catalog.get_course(course_slug)
    progress, unlocked, state = {}, set(), None
    if current_user.is_authenticated:
        progress = services.progress_by_module(current_user.id, course)
        unlocked = services.unlocked_module_ids(current_user, course, progress)
        state = services.course_states(current_user, [course])[course.id]
    return render_template(
        "learning/course.html",
        course=course,
        progress=progress,
        done_ids={mid for mid, p in progress.items() if p.completed_at},
        unlocked=unlocked,
        state=state,
        status_of=services.status_of,
        form=BaseForm(),
    )


@bp.post("/courses/<course_slug>/enrol")
@login_required
def enrol(course_slug):
    course = catalog.get_course(course_slug)
    if BaseForm().validate_on_submit():
        try:
            services.enrol(current_user, course)
        except services.LearningError:
            flash(_("Complete the required courses first."), "error")
        else:
            db.session.commit()
            first = course.active_modules[0] if course.active_modules else None
            if first:
                return redirect(url_for(".module", course_slug=course.slug, module_slug=first.slug))
    return redirect(url_for(".course", course_slug=course.slug))


@bp.route("/courses/<course_slug>/<module_slug>/")
@login_required
def module(course_slug, module_slug):
    module, refusal = open_module(course_slug, module_slug)
    if refusal:
        return refusal
    progress = services.progress_by_module(current_user.id, module.course).get(module.id)
    content = content_language(module)
    return render_template(
        "learning/module.html",
        module=module,
        course=module.course,
        content=content,
        outdated=module_is_outdated(module, content.lang, content.source),
        status=services.status_of(progress),
        progress=progress,
        read=services.read_page_ids(current_user.id, module),
    )


@bp.route("/courses/<course_slug>/<module_slug>/<page_slug>")
@login_required
def page(course_slug, module_slug, page_slug):
    module, refusal = open_module(course_slug, module_slug)
    if refusal:
        return refusal
    pages = module.active_pages
    index = next((i for i, p in enumerate(pages) if p.slug == page_slug), None)
    if index is None:
        abort(404)
    services.record_page_view(current_user, pages[index])
    db.session.commit()
    course, content = module.course, content_language(module)
    glossary_url = url_for("catalog.course_glossary", course_slug=course.slug)
    return render_template(
        "learning/page.html",
        links=catalog.term_links(catalog.glossary_terms(course), glossary_url),
        outdated=page_is_outdated(pages[index], content.lang, content.source),
        module=module,
        course=course,
        page=pages[index],
        pages=pages,
        index=index,
        content=content,
    )


@bp.route("/me/")
@login_required
def dashboard():
    tiers = catalog.courses_by_tier()
    courses = [c for tier in tiers.values() for c in tier]
    return render_template(
        "learning/dashboard.html",
        tiers=tiers,
        states=services.course_states(current_user, courses),
        resume=services.resume_point(current_user),
    )
