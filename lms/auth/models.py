"""Users and their roles."""

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from lms.core.clock import utcnow
from lms.extensions import db


class Role(StrEnum):
    LEARNER = "learner"
    TRAINER = "trainer"
    PARTNER = "partner"
    ADMIN = "admin"


#: Roles that see every module of every course without unlocking it first.
STAFF_ROLES = frozenset({Role.TRAINER, Role.ADMIN})


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.LEARNER)
    locale: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    #: An account a trainer made (no email): its first password is on a printed card and must be changed.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    #: The learner's name as the trainer wrote it (login cards, cohort lists); optional.
    display_name: Mapped[str] = mapped_column(String(120), default="")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"
