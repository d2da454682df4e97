"""An association (or an informal group on its way to becoming one) and the platform users who run it."""

import secrets
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.core.clock import utcnow
from lms.extensions import db


class LegalForm(StrEnum):
    INFORMAL = "informal"  # an informal group: no statute yet
    UNRECOGNISED = "unrecognised"  # associazione non riconosciuta (artt. 36-38 c.c.)
    APS = "aps"  # associazione di promozione sociale (artt. 35-36 CTS)
    ODV = "odv"  # organizzazione di volontariato (artt. 32-34 CTS)
    OTHER_ETS = "other_ets"  # another Third Sector entity


#: Forms that are Third Sector entities once entered in the RUNTS.
ETS_FORMS = frozenset({LegalForm.APS, LegalForm.ODV, LegalForm.OTHER_ETS})


#: What associations work on, for the directory's search.
TOPICS = ("culture", "language", "women", "youth", "work", "legal", "health", "education", "sport", "events")


class Role(StrEnum):
    PRESIDENT = "president"
    SECRETARY = "secretary"
    TREASURER = "treasurer"
    MEMBER = "member"


#: Roles that manage the association on the platform (profile, members, calendar).
MANAGERS = frozenset({Role.PRESIDENT, Role.SECRETARY, Role.TREASURER})


#: Trainers who accompany an association: its work handed in goes to them first.
association_trainers = Table(
    "association_trainers",
    db.metadata,
    Column("association_id", ForeignKey("associations.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Association(db.Model):
    __tablename__ = "associations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_form: Mapped[str] = mapped_column(String(16), default=LegalForm.INFORMAL)
    runts_number: Mapped[str] = mapped_column(String(40), default="")
    runts_date: Mapped[date | None]
    art42_number: Mapped[str] = mapped_column(String(40), default="")
    art42_date: Mapped[date | None]
    lazio_number: Mapped[str] = mapped_column(String(40), default="")
    lazio_date: Mapped[date | None]
    filed_eas: Mapped[bool] = mapped_column(default=False)
    public_grants: Mapped[bool] = mapped_column(default=False)  # public grants above 10,000 EUR a year
    #: Opt-in: shown in the public directory, with the contacts the association chose to give.
    listed: Mapped[bool] = mapped_column(default=False)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    province: Mapped[str] = mapped_column(String(3), default="RM")
    municipality: Mapped[str] = mapped_column(String(120), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    #: The secret in the private calendar feed's address; changing it cuts off old subscriptions.
    calendar_token: Mapped[str] = mapped_column(String(43), default=_new_token, unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list["AssociationMember"]] = relationship(back_populates="association")
    trainers: Mapped[list[User]] = relationship(secondary=association_trainers, order_by=User.username)

    @property
    def in_runts(self) -> bool:
        return self.legal_form in ETS_FORMS and bool(self.runts_number)


class AssociationMember(db.Model):
    """A platform user in an association, with a role; leaving keeps the row (left_at)."""

    __tablename__ = "association_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(12), default=Role.MEMBER)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    left_at: Mapped[datetime | None]
    #: The member's own choice: count my course progress and badges in the association's totals.
    share_progress: Mapped[bool] = mapped_column(default=False)

    association: Mapped[Association] = relationship(back_populates="members")
    user: Mapped[User] = relationship()
