"""The toolkit library (/toolkits/) and downloads; each module page lists its own toolkits."""

from itertools import groupby

from flask import Blueprint, abort, current_app, render_template, send_from_directory
from markupsafe import Markup

from lms.core.i18n import _l, current_language
from lms.core.templating import lang_attrs
from lms.toolkits import services
from lms.toolkits.build import MEDIA_TYPES

bp = Blueprint("toolkits", __name__, template_folder="templates")

TOPICS = {
    "founding": _l("Founding the association"),
    "governance": _l("Assemblies and board"),
    "members": _l("Members"),
    "volunteers": _l("Volunteers"),
    "money": _l("Money and accounts"),
    "registers": _l("Registers and deadlines"),
    "events": _l("Events"),
    "fundraising": _l("Fundraising"),
    "projects": _l("Projects and funding"),
}
KINDS = {
    "docx": _l("Word document"),
    "odt": _l("LibreOffice document"),
    "xlsx": _l("Excel spreadsheet"),
    "ods": _l("LibreOffice spreadsheet"),
    "pdf": _l("PDF to print"),
    "ics": _l("Calendar for your phone"),
}


@bp.app_template_global()
def toolkit_text(toolkit, field: str = "title") -> Markup:
    """A toolkit's title or description in the interface language, else English, else Italian."""
    texts = getattr(toolkit, field)
    lang = next(code for code in (current_language(), "en", "it") if texts.get(code))
    return Markup("<span{}>{}</span>").format(lang_attrs(lang), texts[lang])


@bp.app_template_global()
def module_toolkits(module):
    """Toolkits taught by a module, for the module page."""
    return services.for_module(module.id)


@bp.app_template_global()
def toolkit_topic(topic: str) -> str:
    return str(TOPICS.get(topic, topic))


@bp.app_template_global()
def toolkit_kind(extension: str) -> str:
    return str(KINDS.get(extension, extension))


@bp.route("/toolkits/")
def library():
    toolkits = services.library()
    tiers = [(tier, [(topic, list(items)) for topic, items in groupby(group, key=lambda t: t.topic)])
             for tier, group in groupby(toolkits, key=lambda t: t.module.course.tier)]  # fmt: skip
    return render_template("toolkits/library.html", tiers=tiers, count=len(toolkits))


@bp.route("/toolkits/<slug>/<name>")
def download(slug, name):
    if services.find_file(slug, name) is None:
        abort(404)
    extension = name.rsplit(".", 1)[-1]
    return send_from_directory(
        current_app.config["TOOLKITS_DIR"],
        name,
        as_attachment=True,
        mimetype=MEDIA_TYPES.get(extension),
        max_age=3600,
    )
