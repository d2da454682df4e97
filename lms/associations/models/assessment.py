"""A needs self-assessment: the association's answers, saved as it goes, and what they recommend."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from lms.core.clock import utcnow
from lms.extensions import db


class SelfAssessment(db.Model):
    """One filling-in of the questionnaire; a finished one is never changed, retaking starts a new one."""

    __tablename__ = "self_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    #: Set on completion: the recommended tier (1-3) and the keys of the needs found (see needs.py).
    tier: Mapped[int | None]
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
