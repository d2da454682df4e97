"""Event plans: create and update them, their dates, submitting for review, and the report afterwards."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from lms.associations import permits, reviews
from lms.associations.budget import has_occasional_fundraising
from lms.associations.models import Association, EventPlan, Submission
from lms.associations.models.review import Kind, Status
from lms.auth.models import User
from lms.catalog.models import Course, Module
from lms.core.clock import utcnow
from lms.core.i18n import _
from lms.extensions import db

#: The module that teaches event planning: event plans handed in are attached to it.
EVENT_MODULE = ("eventi-finanza-progetti", "strategia-eventi")
PLAN_FIELDS = (
    *("title", "starts_on", "ends_on", "ends_by_midnight", "expected_people", "goals", "audience"),
    *("programme", "venue", "in_rome", "venue_kind", "features", "promotion"),
)


class EventError(Exception):
    """A step the plan's state does not allow; the message is translated."""


@dataclass(frozen=True)
class Dated:
    on: date
    key: str  # a permit key, "task", "fundraising_report" or "event"
    label: str = ""  # a task's words


def facts(plan: EventPlan) -> permits.EventFacts:
    return permits.EventFacts(
        starts_on=plan.starts_on,
        multi_day=bool(plan.ends_on and plan.ends_on > plan.starts_on),
        ends_by_midnight=plan.ends_by_midnight,
        expected_people=plan.expected_people,
        in_rome=plan.in_rome,
        venue_kind=plan.venue_kind,
        features=frozenset(plan.features or ()),
    )


def needed_permits(plan: EventPlan) -> list[permits.Permit]:
    return permits.permits(facts(plan))


def deadlines(plan: EventPlan) -> list[Dated]:
    """Every dated step: permits with a lead time, tasks, the event, and the fundraising report after it."""
    items = [Dated(p.due(plan.starts_on), p.key) for p in needed_permits(plan) if p.lead_days is not None]
    for task in plan.tasks or []:
        if task.get("due"):
            items.append(Dated(date.fromisoformat(task["due"]), "task", task["what"]))
    items.append(Dated(plan.starts_on, "event"))
    if has_occasional_fundraising(plan.budget or []):
        # A separate report of an occasional public collection within 4 months of the year's end (§4.5).
        items.append(Dated(date(plan.starts_on.year + 1, 4, 30), "fundraising_report"))
    return sorted(items, key=lambda d: (d.on, d.key))


def late(plan: EventPlan, today: date) -> list[Dated]:
    """Deadlines already passed before the event: the plan starts too late for them."""
    return [
        d for d in deadlines(plan) if d.on < today and d.key not in ("event", "task", "fundraising_report")
    ]


def create(association: Association, values: dict) -> EventPlan:
    plan = EventPlan(association_id=association.id, **values)
    db.session.add(plan)
    db.session.flush()
    return plan


def _editable(plan: EventPlan) -> None:
    submission = submission_of(plan)
    if plan.closed_at is not None:
        raise EventError(_("This event is closed with its report: it can no longer change."))
    if submission is not None and submission.status == Status.WAITING:
        raise EventError(_("The plan is waiting for a trainer's review: you can change it after the review."))


def update(plan: EventPlan, values: dict) -> None:
    _editable(plan)
    for name, value in values.items():
        setattr(plan, name, value)
    plan.updated_at = utcnow()
    db.session.flush()


def submission_of(plan: EventPlan) -> Submission | None:
    return db.session.scalar(select(Submission).where(Submission.event_plan_id == plan.id))


def _event_module_id() -> int | None:
    return db.session.scalar(
        select(Module.id).join(Course).where(Course.slug == EVENT_MODULE[0], Module.slug == EVENT_MODULE[1])
    )


def submit(plan: EventPlan, user: User, summary: str, note: str) -> Submission:
    """Hand the plan in (first time) or hand in its new version; the plan as written is kept in it."""
    _editable(plan)
    text = f"{note.strip()}\n\n{summary}" if note.strip() else summary
    submission = submission_of(plan)
    if submission is None:
        return reviews.hand_in(
            plan.association,
            user,
            kind=Kind.EVENT_PLAN,
            title=plan.title,
            module_id=_event_module_id(),
            text=text,
            files=[],
            event_plan_id=plan.id,
        )
    if submission.status == Status.APPROVED:
        submission.status = Status.NEEDS_CHANGES  # an approved plan that changes is reviewed again
    reviews.resubmit(submission, user, text, [])
    return submission


def close(
    plan: EventPlan, today: date, attendance: int, went_well: str, to_improve: str, actual: dict
) -> None:
    """The report after the event: attendance, what worked, the actual amounts; then the plan is closed."""
    if today < plan.starts_on:
        raise EventError(
            _("The report is written after the event: come back on %(day)s.", day=plan.starts_on)
        )
    if plan.closed_at is not None:
        raise EventError(_("This event is closed with its report: it can no longer change."))
    plan.attendance = attendance
    plan.went_well = went_well.strip()
    plan.to_improve = to_improve.strip()
    plan.budget = [{**line, "actual": actual.get(index)} for index, line in enumerate(plan.budget or [])]
    plan.closed_at = utcnow()
    db.session.flush()


def of_association(association: Association) -> list[EventPlan]:
    return list(
        db.session.scalars(
            select(EventPlan)
            .where(EventPlan.association_id == association.id)
            .order_by(EventPlan.starts_on.desc())
        )
    )


def upcoming_for(association_ids: list[int], today: date, days: int) -> list[tuple[EventPlan, Dated]]:
    """Open plans' deadlines in the next ``days`` days, for reminders."""
    if not association_ids:
        return []
    plans = db.session.scalars(
        select(EventPlan).where(
            EventPlan.association_id.in_(association_ids),
            EventPlan.closed_at.is_(None),
            EventPlan.starts_on >= today,
        )
    )
    horizon = today + timedelta(days=days)
    return [(p, d) for p in plans for d in deadlines(p) if today <= d.on <= horizon]
