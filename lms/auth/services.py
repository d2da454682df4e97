"""Account operations. Services flush; the caller commits."""

import unicodedata

from sqlalchemy import func, select

from lms.auth.models import Role, User
from lms.core.clock import utcnow
from lms.extensions import db


class AccountError(ValueError):
    """A rule about accounts was broken; the message is translated for the user."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def normalize_username(username: str) -> str:
    """Return the canonical form used to store and compare usernames."""
    return unicodedata.normalize("NFKC", username).strip().casefold()


def get_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == normalize_username(username)))


def create_user(username: str, password: str, role: str = Role.LEARNER, email: str | None = None) -> User:
    """Create an account, refusing a username or email already taken."""
    from lms.core.i18n import _

    username = normalize_username(username)
    email = email.strip().lower() if email else None
    if get_by_username(username):
        raise AccountError("username", _("This username is already taken. Please choose another."))
    if email and db.session.scalar(select(func.count()).where(User.email == email)):
        raise AccountError("email", _("This email is already used by another account."))
    user = User(username=username, email=email, role=Role(role).value)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(username: str, password: str) -> User | None:
    """Return the user if the password matches; record the login time."""
    user = get_by_username(username)
    if user is None:
        _equalize_timing(password)
        return None
    if not user.check_password(password):
        return None
    user.last_login_at = utcnow()
    return user


def set_own_password(user: User, password: str) -> None:
    """The user's own choice of password; a code from a login card stops working."""
    user.set_password(password)
    user.must_change_password = False


def set_locale(user: User, locale: str) -> None:
    user.locale = locale


_DUMMY_HASH = None


def _equalize_timing(password: str) -> None:
    """Spend the same time on an unknown username as on a wrong password."""
    global _DUMMY_HASH
    from werkzeug.security import check_password_hash, generate_password_hash

    if _DUMMY_HASH is None:
        _DUMMY_HASH = generate_password_hash("not-a-real-password")
    check_password_hash(_DUMMY_HASH, password)
