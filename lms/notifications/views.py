"""The user's notifications page, and the unread count shown in the menu."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from lms.core.forms import BaseForm
from lms.extensions import db
from lms.notifications import services

bp = Blueprint("notifications", __name__, template_folder="templates")


@bp.app_template_global()
def unread_notifications() -> int:
    return services.unread_count(current_user) if current_user.is_authenticated else 0


@bp.route("/me/notifications")
@login_required
def index():
    return render_template("notifications/index.html", notifications=services.recent(current_user))


@bp.post("/me/notifications/read")
@login_required
def mark_read():
    if not BaseForm().validate_on_submit():
        abort(400)
    services.mark_all_read(current_user)
    db.session.commit()
    return redirect(url_for(".index"))
