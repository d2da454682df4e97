"""Awarding and revoking badges. Services flush; the caller commits."""

import hashlib
import secrets

from sqlalchemy import select

from lms.auth.models import User
from lms.badges.models import Award, BadgeClass, BadgeRecipient
from lms.catalog.models import Course
from lms.core.clock import utcnow
from lms.extensions import db

NAME_MAX = 120


class BadgeError(ValueError):
    """A badge rule was broken; the message is translated for the user."""


def badge_class_for(course: Course) -> BadgeClass:
    """The course's badge class, created the first time it is needed."""
    badge = db.session.scalar(select(BadgeClass).where(BadgeClass.course_id == course.id))
    if badge is None:
        badge = BadgeClass(course=course)
        db.session.add(badge)
        db.session.flush()
    return badge


def recipient_page_token(user: User) -> str:
    recipient = db.session.scalar(select(BadgeRecipient).where(BadgeRecipient.user_id == user.id))
    if recipient is None:
        recipient = BadgeRecipient(user_id=user.id, token=secrets.token_hex(12))
        db.session.add(recipient)
        db.session.flush()
    return recipient.token


def hash_identity(identity: str, salt: str) -> str:
    """Open Badges hashed identity: sha256$ + hex digest of identity followed by salt."""
    return "sha256$" + hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()


def recipient_identity(user: User, base_url: str) -> tuple[str, str]:
    """(type, identity): the learner's email if they gave one, else the URL of their public badge page."""
    if user.email:
        return "email", user.email
    return "url", f"{base_url}/badges/learners/{recipient_page_token(user)}/"


def find_award(user_id: int, course_id: int) -> Award | None:
    return db.session.scalar(
        select(Award)
        .join(Award.badge_class)
        .where(Award.user_id == user_id, BadgeClass.course_id == course_id)
    )


def award(user: User, course: Course, base_url: str, evidence: str | None = None,
          awarded_by: User | None = None) -> tuple[Award, bool]:  # fmt: skip
    """Give the course's badge to the learner once; return (award, created)."""
    existing = find_award(user.id, course.id)
    if existing is not None:
        return existing, False
    kind, identity = recipient_identity(user, base_url)
    salt = secrets.token_hex(8)
    new = Award(
        public_id=secrets.token_hex(16),
        badge_class=badge_class_for(course),
        user_id=user.id,
        recipient_name=user.username,
        recipient_type=kind,
        recipient_salt=salt,
        recipient_hash=hash_identity(identity, salt),
        evidence=evidence,
        awarded_by_id=awarded_by.id if awarded_by else None,
    )
    db.session.add(new)
    db.session.flush()
    return new, True


def award_by_hand(trainer: User | None, learner: User, course: Course, evidence: str, base_url: str) -> Award:
    """A trainer awards the badge for in-person completion; a note of evidence is required."""
    from lms.core.i18n import _

    if not evidence or not evidence.strip():
        raise BadgeError(_("Write what the learner did: the evidence is required."))
    if find_award(learner.id, course.id):
        raise BadgeError(_("This learner already has this badge."))
    return award(learner, course, base_url, evidence=evidence.strip(), awarded_by=trainer)[0]


def revoke(item: Award, reason: str, by: User | None) -> None:
    from lms.core.i18n import _

    if not reason or not reason.strip():
        raise BadgeError(_("Write why the badge is revoked."))
    if item.revoked:
        raise BadgeError(_("This badge was already revoked."))
    item.revoked_at = utcnow()
    item.revocation_reason = reason.strip()
    item.revoked_by_id = by.id if by else None


def set_recipient_name(item: Award, name: str) -> None:
    """The learner writes their name as it should appear on the certificate, in their own script."""
    from lms.core.i18n import _

    name = " ".join((name or "").split())
    if not name or len(name) > NAME_MAX or any(ord(ch) < 32 for ch in name):
        raise BadgeError(_("Write your name (up to %(max)d characters).", max=NAME_MAX))
    item.recipient_name = name


def awards_of(user_id: int) -> list[Award]:
    return list(db.session.scalars(select(Award).where(Award.user_id == user_id).order_by(Award.issued_at)))


def get_award(public_id: str) -> Award | None:
    return db.session.scalar(select(Award).where(Award.public_id == public_id))
