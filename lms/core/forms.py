"""The base form every feature's forms derive from: CSRF and translated WTForms messages."""

from flask_babel import get_locale
from flask_wtf import FlaskForm


class BaseForm(FlaskForm):
    """Flask-WTF form with CSRF, translated built-in messages and kept input on errors."""

    class Meta:
        def get_translations(self, form):
            # WTForms ships its own catalogs for its built-in validation messages.
            from wtforms.i18n import get_translations

            return get_translations([str(get_locale()), "en"])
