"""Who may open a module: shared by the learning and quiz pages."""

from flask import flash, redirect, url_for
from flask_login import current_user

from lms.catalog import services as catalog
from lms.catalog.models import Module
from lms.core.i18n import _
from lms.learning import services


def open_module(course_slug: str, module_slug: str) -> tuple[Module | None, object]:
    """Return (module, None) if the learner may open it, else (None, a redirect that says why)."""
    course = catalog.get_course(course_slug)
    module = catalog.get_module(course, module_slug)
    if services.missing_prerequisites(current_user, course):
        flash(_("Complete the required courses first."), "error")
    elif module.id not in services.unlocked_module_ids(
        current_user, course, services.progress_by_module(current_user.id, course)
    ):
        flash(_("This module opens when you complete the one before it."), "error")
    else:
        return module, None
    return None, redirect(url_for("learning.course", course_slug=course.slug))
