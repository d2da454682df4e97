"""Work an association hands in for a trainer's review, each version kept, and the conversation on it."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.catalog.models import Module
from lms.core.clock import utcnow
from lms.extensions import db


class Kind(StrEnum):
    STATUTE = "statute"
    MINUTES = "minutes"
    BUDGET = "budget"
    EVENT_PLAN = "event_plan"
    PROJECT = "project"
    OTHER = "other"


class Status(StrEnum):
    WAITING = "waiting"  # a new version waits for a trainer
    NEEDS_CHANGES = "needs_changes"
    APPROVED = "approved"


class Submission(db.Model):
    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    #: The module that teaches this piece of work (kept if the module is later retired).
    module_id: Mapped[int | None] = mapped_column(ForeignKey("modules.id", ondelete="SET NULL"))
    event_plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_plans.id", ondelete="SET NULL"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), default=Status.WAITING, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: When the latest version was handed in: the trainers' queue is ordered by it, oldest first.
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)

    module: Mapped[Module | None] = relationship()
    association = relationship("Association")
    versions: Mapped[list["SubmissionVersion"]] = relationship(
        back_populates="submission", order_by="SubmissionVersion.number"
    )
    messages: Mapped[list["ReviewMessage"]] = relationship(order_by="ReviewMessage.id")


class SubmissionVersion(db.Model):
    """What was handed in, once: a resubmission is a new version, the old ones stay readable."""

    __tablename__ = "submission_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship()
    files: Mapped[list["SubmissionFile"]] = relationship(order_by="SubmissionFile.id")


class SubmissionFile(db.Model):
    """A file attached to a version, checked by its content; private to the association and trainers."""

    __tablename__ = "submission_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("submission_versions.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    extension: Mapped[str] = mapped_column(String(8))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ReviewMessage(db.Model):
    """A message in the conversation; a trainer's review also sets a status."""

    __tablename__ = "review_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    version_number: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()
