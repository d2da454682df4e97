"""Locale selection, text direction, and the translation functions every feature uses."""

from flask import Flask, current_app, g, has_request_context, request
from flask.typing import ResponseReturnValue
from flask_babel import get_locale, lazy_gettext, ngettext, refresh
from flask_babel import gettext as _
from flask_login import current_user

from lms.core.signals import locale_chosen

__all__ = ["_", "_l", "current_language", "get_locale", "ngettext", "select_locale", "text_direction"]

_l = lazy_gettext

RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he", "ps"})
#: Ponte's language code -> the Babel locale that holds its data and catalog (Babel files Tagalog as fil).
BABEL_ALIASES = {"tl": "fil"}


def select_locale() -> str:
    """Choose the interface language (see choose_language) and give Babel its locale for it."""
    g.ui_language = choose_language()
    return BABEL_ALIASES.get(g.ui_language, g.ui_language)


def current_language() -> str:
    """The interface language code of this request (one of LANGUAGES)."""
    if "ui_language" not in g:
        get_locale()
    return g.get("ui_language") or current_app.config["BABEL_DEFAULT_LOCALE"]


def choose_language() -> str:
    """Pick ?lang=, then the learner's profile, then the cookie, then the browser, then Italian."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # command line, signal handlers in scripts
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = g.get("chosen_locale")
    if chosen:
        return chosen
    profile = getattr(current_user, "locale", None) if current_user else None
    if profile in languages:
        return profile
    cookie = request.cookies.get(current_app.config["LANGUAGE_COOKIE"])
    if cookie in languages:
        return cookie
    best = request.accept_languages.best_match(list(languages))
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def text_direction(locale: str | None = None) -> str:
    """Return "rtl" for right-to-left languages, else "ltr"."""
    code = (locale or current_language()).split("_")[0]
    return "rtl" if code in RTL_LANGUAGES else "ltr"


def _read_lang_param() -> None:
    # Start each request afresh, even where an app context outlives requests (tests, CLI).
    refresh()
    g.pop("ui_language", None)
    code = request.args.get("lang", "").strip().lower()
    g.chosen_locale = code if code in current_app.config["LANGUAGES"] else None


def _remember_lang(response):
    chosen = g.get("chosen_locale")
    if chosen:
        response.set_cookie(
            current_app.config["LANGUAGE_COOKIE"],
            chosen,
            max_age=60 * 60 * 24 * 365,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
        )
        if current_user and current_user.is_authenticated:
            locale_chosen.send(current_app._get_current_object(), user=current_user, locale=chosen)
    return response


def _vary_on_language(response) -> ResponseReturnValue:
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response


def init_app(app: Flask) -> None:
    app.before_request(_read_lang_param)
    app.after_request(_remember_lang)
    app.after_request(_vary_on_language)
