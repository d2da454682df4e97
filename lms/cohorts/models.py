"""Partners and the cohorts they run. Membership is history: leaving a cohort ends it, never deletes it."""

from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, LargeBinary, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lms.auth.models import User
from lms.catalog.models import Course
from lms.core.clock import utcnow
from lms.extensions import db

#: Lazio's provinces, where the programme's cohorts meet.
PROVINCES = {"RM": "Roma", "LT": "Latina", "FR": "Frosinone", "RI": "Rieti", "VT": "Viterbo"}

cohort_courses = Table(
    "cohort_courses",
    db.metadata,
    Column("cohort_id", ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True),
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
)
cohort_trainers = Table(
    "cohort_trainers",
    db.metadata,
    Column("cohort_id", ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Partner(db.Model):
    """An organisation running the programme: it sees its own cohorts and nobody else's."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: The provinces the partner works in (codes of PROVINCES); empty: the whole region.
    provinces: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    staff: Mapped[list[User]] = relationship(secondary="partner_staff", order_by=User.username)


class PartnerStaff(db.Model):
    __tablename__ = "partner_staff"

    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class Cohort(db.Model):
    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str] = mapped_column(String(2))
    municipality: Mapped[str] = mapped_column(String(120), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    partner: Mapped[Partner] = relationship()
    courses: Mapped[list[Course]] = relationship(secondary=cohort_courses, order_by=Course.position)
    trainers: Mapped[list[User]] = relationship(secondary=cohort_trainers, order_by=User.username)


class Membership(db.Model):
    """A learner in a cohort, from joined_at until left_at (None: still in it)."""

    __tablename__ = "cohort_memberships"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    left_at: Mapped[datetime | None]
    #: How the learner came in: invite, csv, card (account made by a trainer) or added.
    via: Mapped[str] = mapped_column(String(10), default="added")

    user: Mapped[User] = relationship()


class Invite(db.Model):
    """A code (and link) that lets learners join a cohort by themselves, until it expires or runs out."""

    __tablename__ = "cohort_invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    expires_at: Mapped[datetime]
    max_uses: Mapped[int | None]
    uses: Mapped[int] = mapped_column(default=0)
    revoked: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cohort: Mapped[Cohort] = relationship()


class CardBatch(db.Model):
    """Printable login cards for accounts a trainer just made or reset; the only place their codes exist.

    The PDF is kept until it is downloaded or for a day, whichever comes first; the codes themselves are
    stored only as password hashes.
    """

    __tablename__ = "cohort_card_batches"
    __table_args__ = (UniqueConstraint("token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(43))
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    count: Mapped[int]
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class FunderProfile(db.Model):
    """Data funders ask about, given only with the learner's explicit consent and never required.

    Withdrawing consent erases the answers and keeps only when consent was given and withdrawn.
    """

    __tablename__ = "funder_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    consented_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    sex: Mapped[str | None] = mapped_column(String(10))
    age_band: Mapped[str | None] = mapped_column(String(10))
    citizenship: Mapped[str | None] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    third_country: Mapped[bool | None]
    international_protection: Mapped[bool | None]
    second_generation: Mapped[bool | None]
    province: Mapped[str | None] = mapped_column(String(3))

    @property
    def active(self) -> bool:
        return self.consented_at is not None and self.withdrawn_at is None


class ApiToken(db.Model):
    """A partner's key to the read-only API. Only its SHA-256 is stored; the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(12))  # the first characters, to recognise it in the list
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
