"""Login and registration forms. Every validator carries our own translated message."""

from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

from lms.core.forms import BaseForm
from lms.core.i18n import _l

USERNAME_PATTERN = r"^[\w.-]+$"
REQUIRED = _l("Please fill in this field.")


class LoginForm(BaseForm):
    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED)])
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED)])
    remember = BooleanField(_l("Stay signed in on this device"))


class RegisterForm(BaseForm):
    username = StringField(
        _l("Username"),
        description=_l("3 to 40 letters or numbers. You can also use . - _"),
        validators=[
            DataRequired(REQUIRED),
            Length(min=3, max=40, message=_l("Use from %(min)d to %(max)d characters.")),
            Regexp(USERNAME_PATTERN, message=_l("Use only letters, numbers and . - _")),
        ],
    )
    email = EmailField(
        _l("Email (optional)"),
        description=_l("You can leave it empty. We never show it to other people."),
        validators=[
            Optional(),
            Length(max=254, message=_l("This email address is too long.")),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("This email address is not valid.")),
        ],
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least 8 characters."),
        validators=[
            DataRequired(REQUIRED),
            Length(min=8, max=200, message=_l("The password needs at least %(min)d characters.")),
        ],
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("password", message=_l("The two passwords are different.")),
        ],
    )


class NewPasswordForm(BaseForm):
    """The learner's own password, chosen at the first sign-in with a code from a login card."""

    password = RegisterForm.password
    confirm = RegisterForm.confirm
