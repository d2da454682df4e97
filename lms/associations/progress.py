"""Members' learning in aggregate, counting only the members who chose to share their own progress."""

from dataclasses import dataclass

from sqlalchemy import func, select

from lms.associations.models import Association, AssociationMember
from lms.badges.models import Award
from lms.catalog.models import Course
from lms.extensions import db
from lms.learning.models import Enrolment, ModuleProgress


@dataclass
class CourseFigures:
    course: Course
    enrolled: int
    completed: int


@dataclass
class Figures:
    members: int
    sharing: int
    modules_completed: int
    badges: int
    courses: list[CourseFigures]


def _sharing_ids(association: Association):
    return select(AssociationMember.user_id).where(
        AssociationMember.association_id == association.id,
        AssociationMember.left_at.is_(None),
        AssociationMember.share_progress.is_(True),
    )


def figures(association: Association) -> Figures:
    """Totals over the sharing members: no figure names or singles out a person."""
    members = db.session.scalar(
        select(func.count()).where(
            AssociationMember.association_id == association.id, AssociationMember.left_at.is_(None)
        )
    )
    ids = _sharing_ids(association)
    sharing = db.session.scalar(select(func.count()).select_from(ids.subquery()))
    modules_done = db.session.scalar(
        select(func.count()).where(ModuleProgress.user_id.in_(ids), ModuleProgress.completed_at.is_not(None))
    )
    badges = db.session.scalar(select(func.count()).where(Award.user_id.in_(ids), Award.revoked_at.is_(None)))
    rows = db.session.execute(
        select(Course, func.count(Enrolment.id), func.count(Enrolment.completed_at))
        .join(Enrolment, Enrolment.course_id == Course.id)
        .where(Enrolment.user_id.in_(ids), Course.retired.is_(False))
        .group_by(Course.id)
        .order_by(Course.tier, Course.position)
    )
    courses = [CourseFigures(course, enrolled, completed) for course, enrolled, completed in rows]
    return Figures(members, sharing, modules_done, badges, courses)


def set_sharing(member: AssociationMember, share: bool) -> None:
    member.share_progress = share
    db.session.flush()
