"""Login, logout and registration pages."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from lms.auth import listeners, services
from lms.auth.forms import LoginForm, NewPasswordForm, RegisterForm
from lms.core.forms import BaseForm
from lms.core.i18n import _, current_language
from lms.core.security import local_path
from lms.extensions import db, limiter

bp = Blueprint("auth", __name__, template_folder="templates")
__all__ = ["bp", "listeners"]


def _safe_next(default: str) -> str:
    """Follow ?next= only to a path on this site."""
    return local_path(request.args.get("next")) or default


def _login_limit() -> str:
    return current_app.config["RATELIMIT_LOGIN"]


def _register_limit() -> str:
    return current_app.config["RATELIMIT_REGISTER"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("learning.dashboard"))
    form = LoginForm(username=request.args.get("username", ""))  # a login card's QR code fills it in
    if form.validate_on_submit():
        user = services.authenticate(form.username.data, form.password.data)
        if user:
            db.session.commit()
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(url_for("learning.dashboard")))
        form.password.errors.append(_("Wrong username or password."))
    return render_template("auth/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_register_limit, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("learning.dashboard"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(form.username.data, form.password.data, email=form.email.data)
        except services.AccountError as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            services.set_locale(user, current_language())
            db.session.commit()
            login_user(user)
            flash(_("Welcome! Your account is ready."), "success")
            return redirect(url_for("catalog.index"))
    return render_template("auth/register.html", form=form)


@bp.route("/logout", methods=["GET", "POST"])
@login_required
def logout():
    form = BaseForm()
    if form.validate_on_submit():
        logout_user()
        flash(_("You are signed out."), "success")
        return redirect(url_for("catalog.index"))
    return render_template("auth/logout.html", form=form)


#: Pages a learner who must still choose a password may open.
_BEFORE_PASSWORD = {"auth.first_password", "auth.logout", "static"}


@bp.before_app_request
def _ask_for_a_password():
    """A learner signed in with the code from a login card chooses their own password first."""
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and request.endpoint not in _BEFORE_PASSWORD
    ):
        return redirect(url_for("auth.first_password", next=request.full_path.rstrip("?")))
    return None


@bp.route("/me/password", methods=["GET", "POST"])
@login_required
def first_password():
    form = NewPasswordForm()
    if form.validate_on_submit():
        services.set_own_password(current_user, form.password.data)
        db.session.commit()
        flash(_("Your password is saved. Use it from now on, with your username."), "success")
        return redirect(_safe_next(url_for("learning.dashboard")))
    return render_template("auth/first_password.html", form=form)
