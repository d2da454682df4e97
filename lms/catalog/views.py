"""The public catalog: courses by tier."""

from flask import Blueprint, current_app, render_template
from markupsafe import Markup

from lms.catalog import services
from lms.core.i18n import current_language
from lms.core.templating import lang_attrs

bp = Blueprint("catalog", __name__, template_folder="templates")


@bp.app_template_filter("localized")
@bp.app_template_global()
def localized(texts: dict):
    """Pick an object's text in the interface language, or the configured fallback."""
    return services.text_in(texts, current_language(), current_app.config["CONTENT_FALLBACK"])


@bp.app_template_global()
def title_of(obj) -> Markup:
    """An object's title in the best language, isolated for bidi and tagged when in another language."""
    text = localized(obj.texts)
    return Markup("<bdi{}>{}</bdi>").format(lang_attrs(text.lang), text.title)


@bp.route("/")
def index():
    return render_template("catalog/index.html", tiers=services.courses_by_tier())


@bp.route("/glossary/")
def glossary():
    return render_template(
        "catalog/glossary.html",
        terms=services.glossary_terms(None),
        course=None,
        courses=[c for tier in services.courses_by_tier().values() for c in tier],
    )


@bp.route("/courses/<course_slug>/glossary")
def course_glossary(course_slug):
    course = services.get_course(course_slug)
    return render_template(
        "catalog/glossary.html", terms=services.glossary_terms(course), course=course, courses=[]
    )
