"""An event plan: the tier 3 capstone an association builds, submits for review, runs and reports on."""

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.core.clock import utcnow
from lms.extensions import db


class EventPlan(db.Model):
    __tablename__ = "event_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]  # a multi-day event
    ends_by_midnight: Mapped[bool] = mapped_column(default=True)
    expected_people: Mapped[int] = mapped_column(default=0)
    goals: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(Text, default="")
    programme: Mapped[str] = mapped_column(Text, default="")
    venue: Mapped[str] = mapped_column(Text, default="")
    in_rome: Mapped[bool] = mapped_column(default=True)
    #: indoor | private_outdoor | public_municipio | public_city (see permits.py)
    venue_kind: Mapped[str] = mapped_column(String(20), default="indoor")
    #: What happens at the event: show, music, food, structures, tickets, advertising, public_meeting.
    features: Mapped[list[str]] = mapped_column(JSON, default=list)
    promotion: Mapped[str] = mapped_column(Text, default="")
    #: [{"side": "income"|"cost", "type": ..., "label": ..., "planned": cents, "actual": cents|None}]
    budget: Mapped[list[dict]] = mapped_column(JSON, default=list)
    #: [{"what": ..., "who": ..., "due": "YYYY-MM-DD"|""}]
    tasks: Mapped[list[dict]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The report after the event; closed_at set when it is written.
    attendance: Mapped[int | None]
    went_well: Mapped[str] = mapped_column(Text, default="")
    to_improve: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None]

    association = relationship("Association")
