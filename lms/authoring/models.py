"""Course versions (what trainers edit), who may edit, uploaded media, and the audit log.

Learners never read these tables: they read the catalog, which changes only when a version is published.
A version holds the whole course as a CourseSpec in JSON, so drafts may be incomplete without losing words.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.core.clock import utcnow
from lms.extensions import db


class State(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    #: A version that was published and has since been replaced by a newer one.
    SUPERSEDED = "superseded"
    #: A draft its authors threw away: kept for the record, never published.
    DISCARDED = "discarded"


OPEN_STATES = (State.DRAFT, State.REVIEW)


class CourseVersion(db.Model):
    __tablename__ = "course_versions"
    __table_args__ = (UniqueConstraint("course_slug", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_slug: Mapped[str] = mapped_column(String(80), index=True)
    number: Mapped[int]
    state: Mapped[str] = mapped_column(String(16), default=State.DRAFT)
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: The published version this one started from (None for a new course or the first snapshot).
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("course_versions.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    #: A major change asks learners who passed a changed module's quiz to take it again.
    major: Mapped[bool] = mapped_column(default=False)
    review_comment: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None]

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])
    based_on: Mapped["CourseVersion | None"] = relationship(remote_side=[id])

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class CourseEditor(db.Model):
    """A trainer who may edit a course: its owner (who created it) or someone an admin assigned."""

    __tablename__ = "course_editors"

    course_slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    owner: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class AuditEntry(db.Model):
    """Who created, changed, submitted, published, restored or deleted what, and when. Append-only."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    course_slug: Mapped[str] = mapped_column(String(80), index=True)
    version_number: Mapped[int | None]
    #: What was touched, e.g. "module perche-associarsi / page cos-e (en)".
    target: Mapped[str] = mapped_column(String(300), default="")

    user: Mapped[User | None] = relationship()


class MediaFile(db.Model):
    """An uploaded image or document, stored once by the SHA-256 of its (cleaned) bytes."""

    __tablename__ = "media_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    extension: Mapped[str] = mapped_column(String(8))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def name(self) -> str:
        return f"{self.sha256}.{self.extension}"
