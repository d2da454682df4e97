"""Badge classes (one per course), awards, public recipient pages, and the keys that sign credentials."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.catalog.models import Course
from lms.core.clock import utcnow
from lms.extensions import db


class BadgeClass(db.Model):
    __tablename__ = "badge_classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    course: Mapped[Course] = relationship()


class BadgeRecipient(db.Model):
    """A learner's public badge page, whose URL is their identity in badges when they have no email."""

    __tablename__ = "badge_recipients"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)

    user: Mapped[User] = relationship()


class Award(db.Model):
    """One badge given to one learner (at most once), automatically or by a trainer with evidence."""

    __tablename__ = "badge_awards"
    __table_args__ = (UniqueConstraint("badge_class_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    badge_class_id: Mapped[int] = mapped_column(
        ForeignKey("badge_classes.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The learner's name as they want it on the certificate (their own script), default the username.
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_type: Mapped[str] = mapped_column(String(10))  # "email" or "url"
    recipient_salt: Mapped[str] = mapped_column(String(32))
    recipient_hash: Mapped[str] = mapped_column(String(80))
    evidence: Mapped[str | None] = mapped_column(Text)
    awarded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None]
    revocation_reason: Mapped[str | None] = mapped_column(Text)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    badge_class: Mapped[BadgeClass] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class SigningKey(db.Model):
    """An Ed25519 key for Open Badges 3.0 credentials; retired keys stay published for verification."""

    __tablename__ = "badge_signing_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    kid: Mapped[str] = mapped_column(String(40), unique=True)
    public_jwk: Mapped[dict[str, Any]] = mapped_column(JSON)
    private_key: Mapped[str] = mapped_column(Text)  # PEM, encrypted with a key derived from SECRET_KEY
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]
