"""Creating associations, their members and roles, and what their calendar needs. Services flush only."""

import secrets

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from lms.associations.deadlines import Facts
from lms.associations.models import MANAGERS, Association, AssociationMember, Role
from lms.associations.models.association import association_trainers
from lms.auth.models import Role as UserRole
from lms.auth.models import User
from lms.core.clock import utcnow
from lms.core.i18n import _
from lms.extensions import db


def _hand_over() -> str:
    return _("Give another member a managing role first: someone must run the association.")


class AssociationError(Exception):
    """A change the association's rules do not allow; the message is translated."""


def membership(association: Association, user: User) -> AssociationMember | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        select(AssociationMember).where(
            AssociationMember.association_id == association.id,
            AssociationMember.user_id == user.id,
            AssociationMember.left_at.is_(None),
        )
    )


def can_view(user: User, association: Association) -> bool:
    """Admins, members, and the trainers who accompany the association."""
    if not user.is_authenticated:
        return False
    if user.role == UserRole.ADMIN or user in association.trainers:
        return True
    return membership(association, user) is not None


def accompany(association: Association, trainer: User) -> None:
    """A trainer takes the association on: its new work is sent to them (and its page opens to them)."""
    if trainer.role not in (UserRole.TRAINER, UserRole.ADMIN):
        raise AssociationError(_("Only trainers accompany associations."))
    if trainer not in association.trainers:
        association.trainers.append(trainer)
    db.session.flush()


def stop_accompanying(association: Association, trainer: User) -> None:
    if trainer in association.trainers:
        association.trainers.remove(trainer)
    db.session.flush()


def can_manage(user: User, association: Association) -> bool:
    if user.is_authenticated and user.role == UserRole.ADMIN:
        return True
    member = membership(association, user)
    return member is not None and member.role in MANAGERS


def memberships_of(user: User) -> list[AssociationMember]:
    """The user's current memberships, with their associations, in the associations' name order."""
    return list(
        db.session.scalars(
            select(AssociationMember)
            .join(Association)
            .where(AssociationMember.user_id == user.id, AssociationMember.left_at.is_(None))
            .order_by(Association.name)
            .options(contains_eager(AssociationMember.association))
        )
    )


def mine(user: User) -> list[Association]:
    return [member.association for member in memberships_of(user)]


def accompanied_by(trainer: User) -> list[Association]:
    return list(
        db.session.scalars(
            select(Association)
            .join(association_trainers, association_trainers.c.association_id == Association.id)
            .where(association_trainers.c.user_id == trainer.id)
            .order_by(Association.name)
        )
    )


def current_members(association: Association) -> list[AssociationMember]:
    return list(
        db.session.scalars(
            select(AssociationMember)
            .where(AssociationMember.association_id == association.id, AssociationMember.left_at.is_(None))
            .order_by(AssociationMember.joined_at, AssociationMember.id)
        )
    )


def create(user: User, **values) -> Association:
    """A new association, with its creator as president."""
    association = Association(**values)
    db.session.add(association)
    db.session.flush()
    db.session.add(AssociationMember(association_id=association.id, user_id=user.id, role=Role.PRESIDENT))
    db.session.flush()
    return association


def add_member(association: Association, user: User, role: str) -> AssociationMember:
    if membership(association, user) is not None:
        raise AssociationError(_("This person is already a member."))
    member = AssociationMember(association_id=association.id, user_id=user.id, role=Role(role).value)
    db.session.add(member)
    db.session.flush()
    return member


def _managers_left(association: Association, without: AssociationMember) -> int:
    return sum(1 for m in current_members(association) if m.role in MANAGERS and m.id != without.id)


def set_role(association: Association, member: AssociationMember, role: str) -> None:
    """Change a member's role; someone must always be left to manage the association."""
    if Role(role) not in MANAGERS and member.role in MANAGERS and not _managers_left(association, member):
        raise AssociationError(_hand_over())
    member.role = Role(role).value
    db.session.flush()


def leave(association: Association, member: AssociationMember) -> None:
    """End a membership (kept as history); the last manager must hand over first."""
    if member.role in MANAGERS and not _managers_left(association, member):
        raise AssociationError(_hand_over())
    member.left_at = utcnow()
    db.session.flush()


def facts(association: Association) -> Facts:
    return Facts(
        legal_form=association.legal_form,
        in_runts=association.in_runts,
        in_art42=bool(association.art42_number),
        filed_eas=association.filed_eas,
        public_grants=association.public_grants,
    )


def new_calendar_link(association: Association) -> None:
    """A new secret for the calendar feed: calendars subscribed to the old address stop updating."""
    association.calendar_token = secrets.token_urlsafe(32)
    db.session.flush()


def by_calendar_token(token: str) -> Association | None:
    return db.session.scalar(select(Association).where(Association.calendar_token == token))


def directory(province: str | None, topic: str | None, text: str | None) -> list[Association]:
    """Listed associations, filtered by province, topic and words in their name or description."""
    query = select(Association).where(Association.listed.is_(True)).order_by(Association.name)
    if province:
        query = query.where(Association.province == province)
    if text:
        like = f"%{text.strip()}%"
        query = query.where(Association.name.ilike(like) | Association.description.ilike(like))
    found = list(db.session.scalars(query))
    return [a for a in found if not topic or topic in (a.topics or [])]
