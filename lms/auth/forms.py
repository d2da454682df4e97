"""Login and registration forms."""

from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

from lms.core.forms import BaseForm
from lms.core.i18n import _l

USERNAME_PATTERN = r"^[\w.-]+$"


class LoginForm(BaseForm):
    username = StringField(_l("Username"), validators=[DataRequired()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Stay signed in on this device"))


class RegisterForm(BaseForm):
    username = StringField(
        _l("Username"),
        description=_l("3 to 40 letters or numbers. You can also use . - _"),
        validators=[
            DataRequired(),
            Length(min=3, max=40),
            Regexp(USERNAME_PATTERN, message=_l("Use only letters, numbers and . - _")),
        ],
    )
    email = EmailField(
        _l("Email (optional)"),
        description=_l("You can leave it empty. We never show it to other people."),
        validators=[
            Optional(),
            Length(max=254),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("This email address is not valid.")),
        ],
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least 8 characters."),
        validators=[DataRequired(), Length(min=8, max=200)],
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords are different."))],
    )
