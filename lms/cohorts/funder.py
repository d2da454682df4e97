"""The funder report for some groups and a period: participants, completions, certificates and hours,
broken down by the consented funder data, with small-cell suppression. A fixed number of grouped queries.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import and_, case, func, or_, select

from lms.badges.models import Award, BadgeClass
from lms.catalog.models import Module
from lms.cohorts.models import Cohort, FunderProfile, Membership
from lms.cohorts.suppression import suppress, total
from lms.extensions import db
from lms.learning.models import Enrolment, ModuleProgress

FIELDS = (
    "sex",
    "age_band",
    "citizenship",
    "third_country",
    "international_protection",
    "second_generation",
    "province",
)
NOT_GIVEN = "not_given"


@dataclass
class FunderReport:
    start: date | None
    end: date | None
    participants: int | str = 0
    completions: int | str = 0
    certificates: int | str = 0
    hours: float = 0.0
    #: field -> value -> {"participants": shown, "completions": shown}
    breakdowns: dict[str, dict[str, dict[str, int | str]]] = field(default_factory=dict)
    raw: dict[str, int] = field(default_factory=dict)  # unsuppressed totals, never shown


def _bounds(start: date | None, end: date | None) -> tuple[datetime, datetime]:
    low = datetime.combine(start, time.min, UTC) if start else datetime(1970, 1, 1, tzinfo=UTC)
    high = datetime.combine(end, time.max, UTC) if end else datetime(9999, 1, 1, tzinfo=UTC)
    return low, high


BOOLEAN_FIELDS = frozenset({"third_country", "international_protection", "second_generation"})


def _key(name: str, value) -> str:
    if value is None:
        return NOT_GIVEN
    if name in BOOLEAN_FIELDS:  # SQLite hands back 0/1 from CASE
        return "yes" if value else "no"
    return str(value)


def report(cohorts: list[Cohort], start: date | None = None, end: date | None = None) -> FunderReport:
    low, high = _bounds(start, end)
    ids = [c.id for c in cohorts]
    course_ids = sorted({course.id for c in cohorts for course in c.courses})
    participants = select(Membership.user_id).where(
        Membership.cohort_id.in_(ids),
        Membership.joined_at <= high,
        or_(Membership.left_at.is_(None), Membership.left_at >= low),
    )
    completers = select(Enrolment.user_id).where(
        Enrolment.user_id.in_(participants),
        Enrolment.course_id.in_(course_ids),
        Enrolment.completed_at.between(low, high),
    )
    result = FunderReport(start, end)
    result.raw["participants"] = _count(participants)
    result.raw["completions"] = _count(completers)
    result.raw["certificates"] = db.session.scalar(
        select(func.count(func.distinct(Award.id)))
        .join(BadgeClass, BadgeClass.id == Award.badge_class_id)
        .where(
            Award.user_id.in_(participants),
            BadgeClass.course_id.in_(course_ids),
            Award.issued_at.between(low, high),
            Award.revoked_at.is_(None),
        )
    )
    minutes = db.session.scalar(
        select(func.coalesce(func.sum(Module.estimated_minutes), 0))
        .join(ModuleProgress, ModuleProgress.module_id == Module.id)
        .where(
            ModuleProgress.user_id.in_(participants),
            Module.course_id.in_(course_ids),
            ModuleProgress.completed_at.between(low, high),
        )
    )
    result.participants = total(result.raw["participants"])
    result.completions = total(result.raw["completions"])
    result.certificates = total(result.raw["certificates"])
    result.hours = round(minutes / 60, 1)
    for name in FIELDS:
        by_people = _breakdown(name, participants)
        by_completions = _breakdown(name, completers)
        values = sorted(set(by_people) | set(by_completions), key=lambda v: (v == NOT_GIVEN, v))
        people = suppress({v: by_people.get(v, 0) for v in values})
        done = suppress({v: by_completions.get(v, 0) for v in values})
        result.breakdowns[name] = {v: {"participants": people[v], "completions": done[v]} for v in values}
    return result


def _count(users) -> int:
    return db.session.scalar(select(func.count(func.distinct(users.subquery().c.user_id)))) or 0


def _breakdown(name: str, users) -> dict[str, int]:
    """How many of these users gave each answer (only with active consent; others are 'not given')."""
    column = getattr(FunderProfile, name)
    active = and_(FunderProfile.consented_at.is_not(None), FunderProfile.withdrawn_at.is_(None))
    value = case((active, column), else_=None)
    people = users.subquery()
    rows = db.session.execute(
        select(value, func.count(func.distinct(people.c.user_id)))
        .select_from(people)
        .outerjoin(FunderProfile, FunderProfile.user_id == people.c.user_id)
        .group_by(value)
    ).all()
    counts: dict[str, int] = {}
    for raw, count in rows:
        key = _key(name, raw)
        counts[key] = counts.get(key, 0) + count
    return counts
