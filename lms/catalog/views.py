"""The public catalog: courses by tier."""

from flask import Blueprint, current_app, render_template

from lms.catalog import services
from lms.core.i18n import get_locale

bp = Blueprint("catalog", __name__, template_folder="templates")


@bp.app_template_filter("localized")
@bp.app_template_global()
def localized(texts: dict):
    """Pick an object's text in the interface language, or the configured fallback."""
    return services.text_in(texts, str(get_locale()), current_app.config["CONTENT_FALLBACK"])


@bp.route("/")
def index():
    return render_template("catalog/index.html", tiers=services.courses_by_tier())
