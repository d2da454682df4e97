"""Progress rules: enrolment, prerequisites, unlocking, reading pages and completing modules.

Services flush; the view commits. Completion is recorded once, then announced through signals.
"""

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lms.catalog.models import Course, Module, Page
from lms.core.clock import utcnow
from lms.core.signals import course_completed, module_completed
from lms.extensions import db
from lms.learning.models import Enrolment, ModuleProgress, PageView

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"


class LearningError(Exception):
    """A learner tried something the progress rules do not allow yet."""


def _get_or_create(model, **keys):
    """Return the row with these keys, creating it safely even if two requests race."""
    found = db.session.scalar(select(model).filter_by(**keys))
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            found = model(**keys)
            db.session.add(found)
    except IntegrityError:
        found = db.session.scalar(select(model).filter_by(**keys))
    return found


def get_enrolment(user_id: int, course_id: int) -> Enrolment | None:
    return db.session.scalar(select(Enrolment).filter_by(user_id=user_id, course_id=course_id))


def completed_course_ids(user_id: int) -> set[int]:
    return set(
        db.session.scalars(
            select(Enrolment.course_id).where(
                Enrolment.user_id == user_id, Enrolment.completed_at.is_not(None)
            )
        )
    )


def missing_prerequisites(user, course: Course) -> list[Course]:
    """Required courses the learner has not completed (staff are never held back)."""
    if user.is_staff:
        return []
    done = completed_course_ids(user.id)
    return [c for c in course.requires if c.id not in done and not c.retired]


def enrol(user, course: Course) -> Enrolment:
    """Enrol the learner (once); refuse while required courses are not completed."""
    if missing_prerequisites(user, course):
        raise LearningError("prerequisites")
    return _get_or_create(Enrolment, user_id=user.id, course_id=course.id)


def progress_by_module(user_id: int, course: Course) -> dict[int, ModuleProgress]:
    module_ids = [m.id for m in course.modules]
    rows = db.session.scalars(
        select(ModuleProgress).where(
            ModuleProgress.user_id == user_id, ModuleProgress.module_id.in_(module_ids)
        )
    )
    return {row.module_id: row for row in rows}


def status_of(progress: ModuleProgress | None) -> str:
    if progress is None:
        return NOT_STARTED
    return COMPLETED if progress.completed_at else IN_PROGRESS


def unlocked_module_ids(user, course: Course, progress: dict[int, ModuleProgress]) -> set[int]:
    """Free-order courses unlock everything; sequential ones unlock after the previous module."""
    modules = course.active_modules
    if user.is_staff or not course.sequential:
        return {m.id for m in modules}
    unlocked = set()
    for module in modules:
        unlocked.add(module.id)
        if status_of(progress.get(module.id)) != COMPLETED:
            break
    return unlocked


def can_open(user, module: Module) -> bool:
    course = module.course
    if missing_prerequisites(user, course):
        return False
    return module.id in unlocked_module_ids(user, course, progress_by_module(user.id, course))


def read_page_ids(user_id: int, module: Module) -> set[int]:
    page_ids = [p.id for p in module.pages]
    return set(
        db.session.scalars(
            select(PageView.page_id).where(PageView.user_id == user_id, PageView.page_id.in_(page_ids))
        )
    )


def record_page_view(user, page: Page) -> None:
    """Remember that the learner read this page, and where to continue."""
    module = page.module
    enrol(user, module.course)
    view = _get_or_create(PageView, user_id=user.id, page_id=page.id)
    view.last_viewed_at = utcnow()
    progress = _get_or_create(ModuleProgress, user_id=user.id, module_id=module.id)
    progress.last_page_id = page.id
    progress.updated_at = utcnow()
    db.session.flush()
    update_completion(user.id, module)


def record_quiz_passed(user_id: int, module: Module) -> None:
    progress = _get_or_create(ModuleProgress, user_id=user_id, module_id=module.id)
    progress.quiz_passed_at = progress.quiz_passed_at or utcnow()
    progress.redo_requested_at = None
    progress.updated_at = utcnow()
    db.session.flush()
    update_completion(user_id, module)


def update_completion(user_id: int, module: Module) -> None:
    """Complete the module when every page is read and the quiz passed; then maybe the course."""
    progress = db.session.scalar(select(ModuleProgress).filter_by(user_id=user_id, module_id=module.id))
    if progress is None or progress.completed_at or not progress.quiz_passed_at:
        return
    if {p.id for p in module.active_pages} - read_page_ids(user_id, module):
        return
    progress.completed_at = utcnow()
    db.session.flush()
    module_completed.send(module, user_id=user_id, module_id=module.id)
    _update_course_completion(user_id, module.course)


def _update_course_completion(user_id: int, course: Course) -> None:
    enrolment = get_enrolment(user_id, course.id)
    if enrolment is None or enrolment.completed_at:
        return
    module_ids = [m.id for m in course.active_modules]
    done = db.session.scalar(
        select(func.count())
        .select_from(ModuleProgress)
        .where(
            ModuleProgress.user_id == user_id,
            ModuleProgress.module_id.in_(module_ids),
            ModuleProgress.completed_at.is_not(None),
        )
    )
    if done == len(module_ids):
        enrolment.completed_at = utcnow()
        db.session.flush()
        course_completed.send(course, user_id=user_id, course_id=course.id)


def percent_complete(course: Course, progress: dict[int, ModuleProgress]) -> int:
    modules = course.active_modules
    if not modules:
        return 0
    done = sum(1 for m in modules if status_of(progress.get(m.id)) == COMPLETED)
    return round(100 * done / len(modules))


@dataclass
class CourseState:
    course: Course
    enrolment: Enrolment | None
    percent: int
    missing: list[Course]


@dataclass
class Resume:
    course: Course
    module: Module
    page: Page | None


@dataclass
class Snapshot:
    """One learner's enrolments and module progress, read in two queries."""

    enrolments: dict[int, Enrolment]
    progress: dict[int, ModuleProgress]

    @property
    def completed_courses(self) -> set[int]:
        return {cid for cid, e in self.enrolments.items() if e.completed_at}


def snapshot(user) -> Snapshot:
    enrolments = db.session.scalars(select(Enrolment).where(Enrolment.user_id == user.id))
    progress = db.session.scalars(select(ModuleProgress).where(ModuleProgress.user_id == user.id))
    return Snapshot({e.course_id: e for e in enrolments}, {p.module_id: p for p in progress})


def course_state(user, course: Course, snap: Snapshot) -> CourseState:
    """Enrolment, percentage and missing prerequisites of one course for one learner."""
    done = snap.completed_courses
    missing = [] if user.is_staff else [c for c in course.requires if c.id not in done]
    return CourseState(
        course, snap.enrolments.get(course.id), percent_complete(course, snap.progress), missing
    )


def course_states(user, courses: list[Course]) -> dict[int, CourseState]:
    snap = snapshot(user)
    return {course.id: course_state(user, course, snap) for course in courses}


def resume_point(user) -> Resume | None:
    """The module the learner touched last and has not completed, with the page to reopen."""
    progress = db.session.scalars(
        select(ModuleProgress)
        .where(ModuleProgress.user_id == user.id, ModuleProgress.completed_at.is_(None))
        .order_by(ModuleProgress.updated_at.desc())
    )
    for row in progress:
        module = db.session.get(Module, row.module_id)
        if module and not module.retired and not module.course.retired:
            page = db.session.get(Page, row.last_page_id) if row.last_page_id else None
            return Resume(module.course, module, page if page and not page.retired else None)
    return None


def request_quiz_redo(module_ids: list[int]) -> int:
    """After a major change: learners who passed these modules' quizzes are asked to take them again.

    Completion dates, attempts and badges stay as they were: only the "passed" mark is lifted.
    """
    if not module_ids:
        return 0
    result = db.session.execute(
        update(ModuleProgress)
        .where(ModuleProgress.module_id.in_(module_ids), ModuleProgress.quiz_passed_at.is_not(None))
        .values(quiz_passed_at=None, redo_requested_at=utcnow())
    )
    return result.rowcount
