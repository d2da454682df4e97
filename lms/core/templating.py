"""Jinja globals and filters shared by every feature."""

from babel import Locale, UnknownLocaleError
from flask import Flask, current_app, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, format_percent
from markupsafe import Markup

from lms.core.i18n import current_language, get_locale, text_direction
from lms.core.markdown import render_markdown


def url_for_lang(code: str) -> str:
    """Return the current URL with ?lang=code, keeping the other query arguments."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    endpoint = request.endpoint or "catalog.index"
    return url_for(endpoint, **(request.view_args or {}), **args)


def language_name(code: str) -> str:
    """A language's name in the interface language (e.g. "inglese" for en, in Italian)."""
    try:
        name = Locale.parse(code).get_display_name(get_locale())
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def html_lang(code: str) -> str:
    """The BCP 47 tag for a language code, e.g. zh -> zh-Hans, for lang= attributes."""
    return current_app.config["HTML_LANG_TAGS"].get(code, code)


def lang_attrs(code: str | None) -> Markup:
    """` lang=".." dir=".."` for text in another language than the page's, else nothing."""
    if not code or code == current_language():
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(html_lang(code), text_direction(code))


def filesize(size: int) -> str:
    """A file size in kilobytes, in the interface language's words and number format."""
    from babel.units import format_unit

    return format_unit(max(1, round(size / 1024)), "digital-kilobyte", length="short", locale=get_locale())


def bdi(text) -> Markup:
    """Isolate text that may run in the other direction (usernames, numbers, Italian terms)."""
    return Markup("<bdi>{}</bdi>").format(text)


def ltr(value) -> Markup:
    """A value that must read left to right on any page, such as a suppressed count "<5"."""
    return Markup('<bdi dir="ltr">{}</bdi>').format(value)


def _context() -> dict:
    locale = current_language()
    return {
        "current_locale": locale,
        "text_direction": text_direction(locale),
        "languages": current_app.config["LANGUAGES"],
    }


def init_app(app: Flask) -> None:
    app.context_processor(_context)
    app.jinja_env.globals.update(
        url_for_lang=url_for_lang,
        language_name=language_name,
        html_lang=html_lang,
        lang_attrs=lang_attrs,
        bdi=bdi,
        ltr=ltr,
        direction_of=text_direction,
    )
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["decimal"] = format_decimal
    app.jinja_env.filters["percent"] = format_percent
    app.jinja_env.filters["filesize"] = filesize
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.add_extension("jinja2.ext.do")
