"""Versions of a course: draft -> in review -> published, with history, restore and an audit log.

Services flush; the view commits once. Learners only see a version once `publish` has imported it into the
catalog through the same importer as `lms import-courses`, so slugs (and with them progress and attempts)
are kept exactly as for files.
"""

import copy
import difflib
import functools
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select

from lms.auth.models import Role, User
from lms.authoring import checks, specjson
from lms.authoring.models import OPEN_STATES, AuditEntry, CourseEditor, CourseVersion, State
from lms.authoring.snapshot import spec_from_db
from lms.catalog import importer, writer
from lms.catalog.models import Course
from lms.catalog.specs import CourseSpec, Problem
from lms.core.clock import utcnow
from lms.core.i18n import _
from lms.core.signals import content_published
from lms.extensions import db


class AuthoringError(Exception):
    """A request the course's state does not allow; the message is translated and shown to the trainer."""


# -- who may edit ---------------------------------------------------------------------------------


def can_edit(user: User, slug: str) -> bool:
    """Admins edit every course; trainers edit the courses they own or are assigned to."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.TRAINER:
        return False
    return db.session.get(CourseEditor, (slug, user.id)) is not None


def editors(slug: str) -> list[CourseEditor]:
    return list(
        db.session.scalars(
            select(CourseEditor).where(CourseEditor.course_slug == slug).order_by(CourseEditor.added_at)
        )
    )


def assign(slug: str, trainer: User, by: User) -> None:
    if trainer.role not in (Role.TRAINER, Role.ADMIN):
        raise AuthoringError(_("Only trainers can be assigned to a course."))
    if db.session.get(CourseEditor, (slug, trainer.id)) is None:
        db.session.add(CourseEditor(course_slug=slug, user_id=trainer.id))
        record(by, "assigned", slug, None, trainer.username)
        db.session.flush()


def unassign(slug: str, trainer: User, by: User) -> None:
    editor = db.session.get(CourseEditor, (slug, trainer.id))
    if editor is not None:
        db.session.delete(editor)
        record(by, "unassigned", slug, None, trainer.username)
        db.session.flush()


# -- reading --------------------------------------------------------------------------------------


def all_slugs() -> set[str]:
    """Courses in the catalog and courses that exist only as drafts."""
    return set(db.session.scalars(select(Course.slug))) | set(
        db.session.scalars(select(CourseVersion.course_slug))
    )


def editable_slugs(user: User) -> list[str]:
    if user.role == Role.ADMIN:
        return sorted(all_slugs())
    return sorted(db.session.scalars(select(CourseEditor.course_slug).where(CourseEditor.user_id == user.id)))


def versions(slug: str) -> list[CourseVersion]:
    return list(
        db.session.scalars(
            select(CourseVersion)
            .where(CourseVersion.course_slug == slug)
            .order_by(CourseVersion.number.desc())
        )
    )


def get_version(slug: str, number: int) -> CourseVersion | None:
    return db.session.scalar(
        select(CourseVersion).where(CourseVersion.course_slug == slug, CourseVersion.number == number)
    )


def open_version(slug: str) -> CourseVersion | None:
    """The draft (or the version in review) of a course: there is at most one."""
    return db.session.scalar(
        select(CourseVersion).where(CourseVersion.course_slug == slug, CourseVersion.state.in_(OPEN_STATES))
    )


def published_version(slug: str) -> CourseVersion | None:
    return db.session.scalar(
        select(CourseVersion).where(CourseVersion.course_slug == slug, CourseVersion.state == State.PUBLISHED)
    )


def live_course(slug: str) -> Course | None:
    """The course as learners find it in the catalog, if it is there."""
    return db.session.scalar(select(Course).where(Course.slug == slug, Course.retired.is_(False)))


def spec_of(version: CourseVersion) -> CourseSpec:
    """A fresh, editable copy of the version's course."""
    return specjson.from_json(copy.deepcopy(version.spec))


def problems_of(version: CourseVersion) -> list[Problem]:
    """Every reason the version cannot be published yet (checked once per edit, then remembered)."""
    known = frozenset(db.session.scalars(select(Course.slug).where(Course.retired.is_(False))))
    return list(_problems(version.id, version.updated_at.isoformat(), known, _SpecRef(version)))


class _SpecRef:
    """Carries the version into the cache without being part of its key."""

    def __init__(self, version: CourseVersion) -> None:
        self.version = version

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other) -> bool:
        return isinstance(other, _SpecRef)


@functools.lru_cache(maxsize=64)
def _problems(version_id: int, updated: str, known: frozenset[str], ref: _SpecRef) -> tuple[Problem, ...]:
    return tuple(checks.problems(spec_of(ref.version), set(known)))


def audit_log(slug: str, limit: int = 200) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.course_slug == slug)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        )
    )


# -- changing -------------------------------------------------------------------------------------


def record(user: User | None, action: str, slug: str, number: int | None, target: str = "") -> None:
    db.session.add(
        AuditEntry(
            user_id=user.id if user else None,
            action=action,
            course_slug=slug,
            version_number=number,
            target=target[:300],
        )
    )


def _next_number(slug: str) -> int:
    return (
        db.session.scalar(select(func.max(CourseVersion.number)).where(CourseVersion.course_slug == slug))
        or 0
    ) + 1


def _new_version(slug: str, spec: CourseSpec, user: User | None, **values) -> CourseVersion:
    version = CourseVersion(
        course_slug=slug,
        number=_next_number(slug),
        spec=specjson.to_json(spec),
        created_by_id=user.id if user else None,
        **values,
    )
    db.session.add(version)
    db.session.flush()
    return version


def create_course(spec: CourseSpec, user: User) -> CourseVersion:
    """A new course, as a first draft owned by its author."""
    if spec.slug in all_slugs():
        raise AuthoringError(_("A course with this web address already exists: choose another."))
    version = _new_version(spec.slug, spec, user)
    db.session.add(CourseEditor(course_slug=spec.slug, user_id=user.id, owner=True))
    record(user, "created", spec.slug, version.number)
    return version


def _baseline(slug: str) -> CourseVersion | None:
    """The published version; for a course imported from files, a first version taken from the catalog."""
    return published_version(slug) or snapshot_published(slug)


def snapshot_published(slug: str) -> CourseVersion | None:
    """Record what learners see of a course imported from files as a published version (by nobody)."""
    course = db.session.scalar(select(Course).where(Course.slug == slug))
    if course is None:
        return None
    version = _new_version(slug, spec_from_db(course), None, state=State.PUBLISHED, published_at=utcnow())
    record(None, "imported", slug, version.number, "course files")
    return version


def start_draft(slug: str, user: User) -> CourseVersion:
    """The course's open version, or a new draft copied from what learners see now."""
    version = open_version(slug)
    if version is not None:
        return version
    base = _baseline(slug)
    if base is None:
        raise AuthoringError(_("This course does not exist."))
    version = _new_version(slug, spec_of(base), user, based_on_id=base.id)
    record(user, "draft started", slug, version.number)
    return version


def save(version: CourseVersion, spec: CourseSpec, user: User, target: str, action: str = "changed") -> None:
    """Store an edit in the draft; drafts may be incomplete, but only drafts can change."""
    if version.state != State.DRAFT:
        raise AuthoringError(_("This version is waiting for review: return it to draft before changing it."))
    version.spec = specjson.to_json(spec)
    version.updated_at = utcnow()
    record(user, action, version.course_slug, version.number, target)
    db.session.flush()


def submit(version: CourseVersion, user: User, note: str, major: bool) -> None:
    if version.state != State.DRAFT:
        raise AuthoringError(_("Only a draft can be sent for review."))
    if problems_of(version):
        raise AuthoringError(
            _("The draft still has problems: fix those listed before sending it for review.")
        )
    version.state = State.REVIEW
    version.note, version.major = note.strip(), major
    version.submitted_by_id, version.submitted_at = user.id, utcnow()
    version.review_comment = ""
    record(user, "submitted", version.course_slug, version.number)
    db.session.flush()


def return_to_draft(version: CourseVersion, user: User, comment: str) -> None:
    if version.state != State.REVIEW:
        raise AuthoringError(_("Only a version in review can go back to draft."))
    version.state = State.DRAFT
    version.review_comment = comment.strip()
    record(user, "returned to draft", version.course_slug, version.number, comment)
    db.session.flush()


def discard(version: CourseVersion, user: User) -> None:
    if not version.is_open:
        raise AuthoringError(_("Only a draft can be deleted."))
    version.state = State.DISCARDED
    record(user, "deleted draft", version.course_slug, version.number)
    db.session.flush()


def publish(version: CourseVersion, user: User) -> list[str]:
    """Make the version what learners see; return the catalog's list of changes."""
    if version.state != State.REVIEW:
        raise AuthoringError(_("Send the draft for review before publishing it."))
    if current_app.config["AUTHORING_FOUR_EYES"] and version.submitted_by_id == user.id:
        raise AuthoringError(_("Another trainer or an admin must review and publish this version."))
    if problems_of(version):
        raise AuthoringError(_("The version has problems: return it to draft and fix them."))
    previous = published_version(version.course_slug)
    spec = spec_of(version)
    changes = importer.import_courses([spec])
    if previous is not None:
        previous.state = State.SUPERSEDED
    version.state = State.PUBLISHED
    version.published_by_id, version.published_at = user.id, utcnow()
    record(user, "published", version.course_slug, version.number, "major" if version.major else "minor")
    db.session.flush()
    course = db.session.scalar(select(Course).where(Course.slug == spec.slug))
    changed = changed_modules(spec_of(previous), spec) if previous else set()
    content_published.send(
        current_app._get_current_object(),
        course_id=course.id,
        changed_module_ids=[m.id for m in course.modules if m.slug in changed],
        major=version.major,
    )
    return changes


def restore(version: CourseVersion, user: User) -> CourseVersion:
    """A new draft with the content of an earlier version; it is published like any other draft."""
    if open_version(version.course_slug) is not None:
        raise AuthoringError(_("Publish or delete the current draft before restoring an earlier version."))
    base = published_version(version.course_slug)
    draft = _new_version(
        version.course_slug, spec_of(version), user, based_on_id=base.id if base else None,
        note=_("Restored from version %(number)d.", number=version.number),
    )  # fmt: skip
    record(user, "restored", version.course_slug, draft.number, f"from version {version.number}")
    return draft


# -- comparing ------------------------------------------------------------------------------------


@dataclass
class FileDiff:
    name: str
    lines: list[str]

    @property
    def changed(self) -> int:
        return sum(1 for line in self.lines if line[:1] in "+-")


def diff(old: CourseVersion, new: CourseVersion) -> list[FileDiff]:
    """What changed between two versions, file by file in the courses/ format, as unified diffs."""
    return _diff_files(writer.course_files(spec_of(old)), writer.course_files(spec_of(new)))


def _diff_files(before: dict[str, str], after: dict[str, str]) -> list[FileDiff]:
    result = []
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name, ""), after.get(name, "")
        if a != b:
            lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=2))[2:]
            result.append(FileDiff(name, lines))
    return result


def changed_modules(old: CourseSpec, new: CourseSpec) -> set[str]:
    """Modules present in both versions whose files differ."""
    before = {m.slug: writer.module_files(m) for m in old.modules}
    return {m.slug for m in new.modules if m.slug in before and writer.module_files(m) != before[m.slug]}


# -- exchanging zips --------------------------------------------------------------------------------


def export_course(version: CourseVersion) -> bytes:
    from lms.authoring import exchange, media

    spec = spec_of(version)
    names = media.referenced(exchange.texts_of(spec))
    files = {name: found.data for name in sorted(names) if (found := media.get(name)) is not None}
    return exchange.export_zip(spec, files)


def import_course(spec: CourseSpec, files: dict[str, bytes], user: User) -> CourseVersion:
    """A checked course from a zip becomes a draft: of a new course, or of one the user may edit."""
    from lms.authoring import exchange, media

    for name, data in files.items():
        try:
            media.store_exact(name, data, user.id)
        except media.MediaError as error:
            raise AuthoringError(str(error)) from error
    missing = [n for n in media.referenced(exchange.texts_of(spec)) if media.get(n) is None]
    if missing:
        raise AuthoringError(_("A page uses %(name)s, which is not in the zip.", name=missing[0]))
    if spec.slug not in all_slugs():
        version = create_course(spec, user)
        record(user, "imported", spec.slug, version.number)
        return version
    if not can_edit(user, spec.slug):
        raise AuthoringError(_("A course with this web address exists and you cannot edit it."))
    if open_version(spec.slug) is not None:
        raise AuthoringError(_("Publish or delete the current draft before importing a new one."))
    base = _baseline(spec.slug)
    version = _new_version(spec.slug, spec, user, based_on_id=base.id if base else None)
    record(user, "imported", spec.slug, version.number)
    return version


def import_preview(spec: CourseSpec) -> tuple[bool, list[FileDiff]]:
    """Whether the course exists, and what would change against what learners see now."""
    exists = spec.slug in all_slugs()
    published = published_version(spec.slug)
    base = spec_of(published) if published else _catalog_version(spec.slug)
    before = writer.course_files(base) if base else {}
    after = writer.course_files(spec)
    return exists, _diff_files(before, after)


def _catalog_version(slug: str) -> CourseSpec | None:
    course = db.session.scalar(select(Course).where(Course.slug == slug))
    return spec_from_db(course) if course else None
