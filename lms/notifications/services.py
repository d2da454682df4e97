"""Telling people: a notification on the platform, and an email when the person has an address."""

from collections.abc import Callable

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import func, select, update

from lms.auth.models import User
from lms.core.clock import utcnow
from lms.core.i18n import BABEL_ALIASES, _
from lms.extensions import db
from lms.notifications.models import Notification, OutgoingMail


def notify(users: list[User], text: Callable[[], str], path: str) -> None:
    """Notify each user in their own language; ``text`` is called once per language to translate."""
    base = current_app.config["BASE_URL"].rstrip("/")
    for user in {u.id: u for u in users}.values():
        language = user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
        with force_locale(BABEL_ALIASES.get(language, language)):
            message = text()
            footer = _("Open it on Ponte: %(url)s", url=base + path)
        db.session.add(Notification(user_id=user.id, text=message[:500], url=path))
        if user.email:
            subject = "Ponte: " + " ".join(message.split())[:120]  # one line: no header injection
            db.session.add(
                OutgoingMail(to_address=user.email, subject=subject, body=f"{message}\n\n{footer}\n")
            )
    db.session.flush()


def unread_count(user: User) -> int:
    return db.session.scalar(
        select(func.count()).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def recent(user: User, limit: int = 50) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_all_read(user: User) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
