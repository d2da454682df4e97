"""What a group's dashboard shows, as aggregate SQL: the number of queries never grows with the learners.

Every function takes the cohort and returns plain data; the views render it as tables and SVG charts.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, select

from lms.auth.models import User
from lms.badges.models import Award, BadgeClass
from lms.catalog.models import Module, Question
from lms.cohorts.models import Cohort, Membership
from lms.core.clock import as_utc, utcnow
from lms.extensions import db
from lms.learning.models import Enrolment, ModuleProgress, PageView
from lms.quizzes.models import Answer, Attempt

PAGE_SIZE = 50


def _members(cohort: Cohort):
    """The group's current learners, as a subquery of user ids."""
    return select(Membership.user_id).where(Membership.cohort_id == cohort.id, Membership.left_at.is_(None))


def modules_of(cohort: Cohort) -> list[Module]:
    return [m for course in cohort.courses for m in course.active_modules]


def member_count(cohort: Cohort) -> int:
    return db.session.scalar(select(func.count()).select_from(_members(cohort).subquery())) or 0


@dataclass
class Cell:
    status: str  # "todo", "started", "done"
    best: float | None = None


@dataclass
class Row:
    user: User
    cells: dict[int, Cell]
    last_activity: datetime | None


def matrix(cohort: Cohort, page: int = 1) -> tuple[list[Row], int]:
    """Learners x modules (status and best score) with last activity, one page of learners at a time."""
    module_ids = [m.id for m in modules_of(cohort)]
    users = list(
        db.session.scalars(
            select(User)
            .where(User.id.in_(_members(cohort)))
            .order_by(User.display_name, User.username)
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
    )
    ids = [u.id for u in users]
    progress = db.session.execute(
        select(ModuleProgress.user_id, ModuleProgress.module_id, ModuleProgress.completed_at).where(
            ModuleProgress.user_id.in_(ids), ModuleProgress.module_id.in_(module_ids)
        )
    ).all()
    best = db.session.execute(
        select(Attempt.user_id, Attempt.module_id, func.max(Attempt.score))
        .where(Attempt.user_id.in_(ids), Attempt.module_id.in_(module_ids), Attempt.submitted_at.is_not(None))
        .group_by(Attempt.user_id, Attempt.module_id)
    ).all()
    last = dict(last_activity(ids))
    cells: dict[int, dict[int, Cell]] = {uid: {mid: Cell("todo") for mid in module_ids} for uid in ids}
    for uid, mid, completed in progress:
        cells[uid][mid].status = "done" if completed else "started"
    for uid, mid, score in best:
        cells[uid][mid].best = score
    rows = [Row(u, cells[u.id], last.get(u.id)) for u in users]
    return rows, member_count(cohort)


def last_activity(user_ids) -> list[tuple[int, datetime]]:
    """The latest page read or quiz submitted, per learner."""
    views = select(PageView.user_id.label("uid"), PageView.last_viewed_at.label("at")).where(
        PageView.user_id.in_(user_ids)
    )
    tries = select(Attempt.user_id.label("uid"), Attempt.submitted_at.label("at")).where(
        Attempt.user_id.in_(user_ids), Attempt.submitted_at.is_not(None)
    )
    both = views.union_all(tries).subquery()
    return [
        (uid, as_utc(at))
        for uid, at in db.session.execute(select(both.c.uid, func.max(both.c.at)).group_by(both.c.uid))
    ]


@dataclass
class Step:
    label: str  # a key the template translates, or a module title
    count: int


def funnel(cohort: Cohort) -> list[Step]:
    """Members -> enrolled -> started -> each module completed -> a course completed."""
    members = _members(cohort)
    course_ids = [c.id for c in cohort.courses]
    modules = modules_of(cohort)
    enrolled, course_done = db.session.execute(
        select(
            func.count(func.distinct(Enrolment.user_id)),
            func.count(func.distinct(case((Enrolment.completed_at.is_not(None), Enrolment.user_id)))),
        ).where(Enrolment.user_id.in_(members), Enrolment.course_id.in_(course_ids))
    ).one()
    started = db.session.scalar(
        select(func.count(func.distinct(ModuleProgress.user_id))).where(
            ModuleProgress.user_id.in_(members), ModuleProgress.module_id.in_([m.id for m in modules])
        )
    )
    done = dict(
        db.session.execute(
            select(ModuleProgress.module_id, func.count())
            .where(
                ModuleProgress.user_id.in_(members),
                ModuleProgress.module_id.in_([m.id for m in modules]),
                ModuleProgress.completed_at.is_not(None),
            )
            .group_by(ModuleProgress.module_id)
        ).all()
    )
    steps = [Step("members", member_count(cohort)), Step("enrolled", enrolled), Step("started", started or 0)]
    steps += [Step(f"module:{m.id}", done.get(m.id, 0)) for m in modules]
    steps.append(Step("completed", course_done))
    return steps


@dataclass
class QuizFigures:
    module: Module
    attempts: int
    average: float | None
    best: float | None


def quiz_figures(cohort: Cohort) -> list[QuizFigures]:
    modules = modules_of(cohort)
    rows = {
        mid: (n, avg, best)
        for mid, n, avg, best in db.session.execute(
            select(Attempt.module_id, func.count(), func.avg(Attempt.score), func.max(Attempt.score))
            .where(
                Attempt.user_id.in_(_members(cohort)),
                Attempt.module_id.in_([m.id for m in modules]),
                Attempt.submitted_at.is_not(None),
            )
            .group_by(Attempt.module_id)
        )
    }
    return [QuizFigures(m, *rows.get(m.id, (0, None, None))) for m in modules]


def hardest_questions(cohort: Cohort, limit: int = 5) -> list[tuple[Question, int, int]]:
    """The questions most often answered wrongly: (question, wrong answers, all answers)."""
    wrong = func.sum(case((Answer.score < 1, 1), else_=0))
    rows = db.session.execute(
        select(Answer.question_id, wrong, func.count())
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .where(
            Attempt.user_id.in_(_members(cohort)), Attempt.module_id.in_([m.id for m in modules_of(cohort)])
        )
        .group_by(Answer.question_id)
        .having(wrong > 0)
        .order_by(wrong.desc(), Answer.question_id)
        .limit(limit)
    ).all()
    questions = {
        q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_([r[0] for r in rows])))
    }
    return [(questions[qid], int(w), n) for qid, w, n in rows]


def inactive(cohort: Cohort, days: int) -> list[tuple[User, datetime | None]]:
    """Learners with no activity for more than `days` days (or none at all), longest silent first."""
    members = list(db.session.scalars(select(User).where(User.id.in_(_members(cohort)))))
    last = dict(last_activity([u.id for u in members]))
    limit = utcnow() - timedelta(days=days)
    quiet = [(u, last.get(u.id)) for u in members if last.get(u.id) is None or last[u.id] < limit]
    return sorted(quiet, key=lambda pair: (pair[1] is not None, pair[1] or utcnow(), pair[0].username))


@dataclass
class Timeline:
    weeks: list[date] = field(default_factory=list)
    completed: list[int] = field(default_factory=list)  # modules completed, cumulative


def progress_over_time(cohort: Cohort) -> Timeline:
    """Modules completed by the group, week by week since the first meeting (cumulative)."""
    rows = db.session.scalars(
        select(ModuleProgress.completed_at).where(
            ModuleProgress.user_id.in_(_members(cohort)),
            ModuleProgress.module_id.in_([m.id for m in modules_of(cohort)]),
            ModuleProgress.completed_at.is_not(None),
        )
    ).all()
    per_week: dict[date, int] = defaultdict(int)
    for moment in rows:
        day = as_utc(moment).date()
        per_week[day - timedelta(days=day.weekday())] += 1
    start = cohort.starts_on - timedelta(days=cohort.starts_on.weekday())
    end = max([utcnow().date(), *per_week]) if per_week else utcnow().date()
    timeline, total, week = Timeline(), 0, start
    while week <= end and len(timeline.weeks) < 104:
        total += per_week.get(week, 0)
        timeline.weeks.append(week)
        timeline.completed.append(total)
        week += timedelta(days=7)
    return timeline


def badges_issued(cohort: Cohort) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Award)
        .join(BadgeClass, BadgeClass.id == Award.badge_class_id)
        .where(
            and_(
                Award.user_id.in_(_members(cohort)),
                BadgeClass.course_id.in_([c.id for c in cohort.courses]),
                Award.revoked_at.is_(None),
            )
        )
    )


@dataclass
class CohortSummary:
    cohort: Cohort
    members: int = 0
    enrolled: int = 0
    completed: int = 0
    badges: int = 0


def partner_summary(cohorts: list[Cohort]) -> list[CohortSummary]:
    """All of a partner's groups side by side, in four grouped queries whatever their size."""
    from lms.cohorts.models import cohort_courses

    ids = [c.id for c in cohorts]
    active = and_(Membership.cohort_id.in_(ids), Membership.left_at.is_(None))
    badge_course = and_(
        cohort_courses.c.cohort_id == Membership.cohort_id, cohort_courses.c.course_id == BadgeClass.course_id
    )
    in_course = and_(
        cohort_courses.c.cohort_id == Membership.cohort_id, cohort_courses.c.course_id == Enrolment.course_id
    )
    members = dict(
        db.session.execute(
            select(Membership.cohort_id, func.count()).where(active).group_by(Membership.cohort_id)
        ).all()
    )
    enrolled = dict(
        db.session.execute(
            select(Membership.cohort_id, func.count(func.distinct(Enrolment.user_id)))
            .join(Enrolment, Enrolment.user_id == Membership.user_id)
            .join(cohort_courses, in_course)
            .where(active)
            .group_by(Membership.cohort_id)
        ).all()
    )
    completed = dict(
        db.session.execute(
            select(Membership.cohort_id, func.count(func.distinct(Enrolment.user_id)))
            .join(Enrolment, Enrolment.user_id == Membership.user_id)
            .join(cohort_courses, in_course)
            .where(active, Enrolment.completed_at.is_not(None))
            .group_by(Membership.cohort_id)
        ).all()
    )
    badges = dict(
        db.session.execute(
            select(Membership.cohort_id, func.count(func.distinct(Award.id)))
            .join(Award, Award.user_id == Membership.user_id)
            .join(BadgeClass, BadgeClass.id == Award.badge_class_id)
            .join(cohort_courses, badge_course)
            .where(active, Award.revoked_at.is_(None))
            .group_by(Membership.cohort_id)
        ).all()
    )
    return [
        CohortSummary(
            c, members.get(c.id, 0), enrolled.get(c.id, 0), completed.get(c.id, 0), badges.get(c.id, 0)
        )
        for c in cohorts
    ]
