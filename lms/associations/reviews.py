"""Accompaniment: work handed in, each version kept, reviewed by trainers in a threaded conversation."""

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from lms.associations import services
from lms.associations.models import (
    MANAGERS,
    Association,
    AssociationMember,
    ReviewMessage,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from lms.associations.models.association import association_trainers
from lms.associations.models.review import Kind, Status
from lms.auth.models import Role as UserRole
from lms.auth.models import User
from lms.core.clock import as_utc, utcnow
from lms.core.i18n import _
from lms.core.uploads import UploadError, clean
from lms.extensions import db
from lms.notifications.services import notify

REVIEWERS = frozenset({UserRole.TRAINER, UserRole.ADMIN})


class ReviewError(Exception):
    """A step the workflow does not allow; the message is translated."""


def can_review(user: User) -> bool:
    return user.is_authenticated and user.role in REVIEWERS


def can_see(user: User, submission: Submission) -> bool:
    """Reviewers and the association's current members; nobody else (partners neither)."""
    if not user.is_authenticated:
        return False
    return can_review(user) or services.membership(submission.association, user) is not None


def check_files(uploads: list[tuple[str, bytes]]) -> list[tuple[str, tuple]]:
    """Each upload cleaned, or ReviewError naming the file that was refused and why."""
    config = current_app.config
    if len(uploads) > config["SUBMISSION_MAX_FILES"]:
        raise ReviewError(_("At most %(n)d files at a time.", n=config["SUBMISSION_MAX_FILES"]))
    checked = []
    for name, data in uploads:
        try:
            checked.append((name, clean(data, name, config["SUBMISSION_MAX_BYTES"], 1600)))
        except UploadError as error:
            raise ReviewError(f"{name}: {error}") from error
    return checked


def _add_version(submission: Submission, user: User, text: str, files) -> SubmissionVersion:
    if not text.strip() and not files:
        raise ReviewError(_("Write something or attach a file: there is nothing to hand in."))
    version = SubmissionVersion(
        submission=submission, number=len(submission.versions) + 1, text=text.strip(), created_by_id=user.id
    )
    db.session.add(version)
    for name, cleaned in files:
        stem = name.rsplit(".", 1)[0][:180] or "file"
        version.files.append(
            SubmissionFile(
                filename=f"{stem}.{cleaned.extension}",
                extension=cleaned.extension,
                content_type=cleaned.content_type,
                size=len(cleaned.data),
                data=cleaned.data,
            )
        )
    submission.status = Status.WAITING
    submission.submitted_at = utcnow()
    db.session.flush()
    return version


def hand_in(association: Association, user: User, *, kind: str, title: str, module_id: int | None,
            text: str, files, event_plan_id: int | None = None) -> Submission:  # fmt: skip
    """A new piece of work with its first version; trainers are told."""
    submission = Submission(
        association_id=association.id,
        kind=Kind(kind).value,
        title=" ".join(title.split())[:200],
        module_id=module_id,
        event_plan_id=event_plan_id,
        created_by_id=user.id,
    )
    db.session.add(submission)
    _add_version(submission, user, text, files)
    _tell_reviewers(submission, new=True)
    return submission


def resubmit(submission: Submission, user: User, text: str, files) -> SubmissionVersion:
    """A new version after a review; an approved piece of work is closed."""
    if submission.status == Status.APPROVED:
        raise ReviewError(_("This work is approved: hand in a new piece of work instead."))
    version = _add_version(submission, user, text, files)
    _tell_reviewers(submission, new=False)
    return version


def review(submission: Submission, reviewer: User, body: str, status: str) -> ReviewMessage:
    """A trainer's review of the latest version: comments and a status; the association is told."""
    if not can_review(reviewer):
        raise ReviewError(_("Only trainers review work."))
    if Status(status) == Status.WAITING:
        raise ReviewError(_("Choose a status: needs changes or approved."))
    if not body.strip():
        raise ReviewError(_("Write a comment for the association: say what is good and what to change."))
    message = _message(submission, reviewer, body, status)
    submission.status = status
    db.session.flush()
    title = submission.title
    if status == Status.APPROVED:
        text = lambda: _("Your work “%(title)s” is approved.", title=title)  # noqa: E731
    else:
        text = lambda: _("A trainer asks for changes to “%(title)s”.", title=title)  # noqa: E731
    notify(_association_people(submission), text, _path(submission))
    return message


def comment(submission: Submission, user: User, body: str) -> ReviewMessage:
    """A message in the conversation without a status (a question, an answer)."""
    if not body.strip():
        raise ReviewError(_("The message is empty."))
    message = _message(submission, user, body, None)
    title = submission.title
    others = [u for u in _association_people(submission) + _reviewers_in(submission) if u.id != user.id]
    notify(others, lambda: _("New message about “%(title)s”.", title=title), _path(submission))
    return message


def _message(submission: Submission, user: User, body: str, status: str | None) -> ReviewMessage:
    message = ReviewMessage(
        submission_id=submission.id,
        version_number=len(submission.versions),
        author_id=user.id,
        body=body.strip()[:10000],
        status=status,
    )
    db.session.add(message)
    db.session.flush()
    submission.messages.append(message)
    return message


def _path(submission: Submission) -> str:
    return f"/work/{submission.id}"  # a plain path: notifications are also made outside requests


def _association_people(submission: Submission) -> list[User]:
    """Who hears about a review: the association's managers and whoever handed the work in."""
    members = db.session.scalars(
        select(AssociationMember)
        .where(
            AssociationMember.association_id == submission.association_id, AssociationMember.left_at.is_(None)
        )
        .options(selectinload(AssociationMember.user))
    )
    people = [m.user for m in members if m.role in MANAGERS or m.user_id == submission.created_by_id]
    return people


def _reviewers_in(submission: Submission) -> list[User]:
    ids = {m.author_id for m in submission.messages if m.status is not None}
    return list(db.session.scalars(select(User).where(User.id.in_(ids)))) if ids else []


def _tell_reviewers(submission: Submission, new: bool) -> None:
    """A new version goes to the trainers who reviewed it before; new work goes to the trainers who
    accompany the association, or to every trainer if none does yet."""
    reviewers = [] if new else _reviewers_in(submission)
    if not reviewers:
        association = db.session.get(Association, submission.association_id)
        reviewers = list(association.trainers)
    if not reviewers:
        reviewers = list(db.session.scalars(select(User).where(User.role == UserRole.TRAINER)))
    title = submission.title
    notify(reviewers, lambda: _("Work waiting for review: “%(title)s”.", title=title), _path(submission))


QUEUE_PAGE = 50


def queue(page: int = 1, trainer: User | None = None) -> tuple[list[tuple[Submission, int]], int]:
    """Work waiting for a trainer, the oldest hand-in first: one page of (work, versions), and the total;
    with ``trainer``, only the work of the associations that trainer accompanies."""
    waiting = Submission.status == Status.WAITING
    if trainer is not None:
        mine = select(association_trainers.c.association_id).where(
            association_trainers.c.user_id == trainer.id
        )
        waiting = waiting & Submission.association_id.in_(mine)
    total = db.session.scalar(select(func.count()).where(waiting))
    versions = (
        select(func.count(SubmissionVersion.id))
        .where(SubmissionVersion.submission_id == Submission.id)
        .correlate(Submission)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(Submission, versions)
        .where(waiting)
        .order_by(Submission.submitted_at, Submission.id)
        .offset((page - 1) * QUEUE_PAGE)
        .limit(QUEUE_PAGE)
        .options(selectinload(Submission.association))
    )
    return [(submission, count) for submission, count in rows], total


def of_association(association: Association) -> list[Submission]:
    return list(
        db.session.scalars(
            select(Submission)
            .where(Submission.association_id == association.id)
            .order_by(Submission.submitted_at.desc(), Submission.id.desc())
        )
    )


def timeline(submission: Submission) -> list[tuple[str, object]]:
    """Versions and messages in the order they happened, for the threaded page."""
    items = [("version", v, as_utc(v.created_at), 0, v.id) for v in submission.versions]
    items += [("message", m, as_utc(m.created_at), 1, m.id) for m in submission.messages]
    return [(kind, item) for kind, item, *_rest in sorted(items, key=lambda i: (i[2], i[3], i[4]))]
