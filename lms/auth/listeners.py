"""Reactions of the accounts feature to other features' signals."""

from lms.auth import services
from lms.core.signals import locale_chosen
from lms.extensions import db, login_manager


@login_manager.user_loader
def load_user(user_id: str):
    from lms.auth.models import User

    return db.session.get(User, int(user_id))


@locale_chosen.connect
def remember_locale(sender, user, locale: str, **extra) -> None:
    """Keep a learner's ?lang= choice in their profile (its own small transaction)."""
    if user.locale != locale:
        services.set_locale(user, locale)
        db.session.commit()
