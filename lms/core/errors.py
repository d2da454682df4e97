"""Translated error pages for 400, 403, 404, 405, 413, 429 and 500."""

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from lms.core.i18n import _l

TITLES = {
    400: _l("The request could not be understood"),
    403: _l("You cannot open this page"),
    404: _l("Page not found"),
    405: _l("This action is not allowed here"),
    413: _l("The file is too large"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong on our side"),
}
MESSAGES = {
    400: _l("Please go back and try again."),
    403: _l("Your account does not have access to this page."),
    404: _l("The address may be wrong, or the page was moved."),
    405: _l("Please go back and use the buttons on the page."),
    413: _l("Please choose a smaller file."),
    429: _l("Please wait a few minutes, then try again."),
    500: _l("We have been told. Please try again later."),
}


def _render(code: int, message=None):
    title = TITLES.get(code, TITLES[500])
    text = message or MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, message=text), code


def handle_http_error(error: HTTPException):
    return _render(error.code or 500)


def handle_csrf_error(error: CSRFError):
    from lms.core.i18n import _

    return _render(400, _("The form expired or was sent twice. Please reload the page and try again."))


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    for code in TITLES:
        app.register_error_handler(code, handle_http_error if code != 500 else _server_error)


def _server_error(error):
    return _render(500)
