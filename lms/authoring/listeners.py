"""The editor's reactions to course files being imported: courses written in the browser are theirs."""

from sqlalchemy import select

from lms.authoring import services
from lms.authoring.models import CourseVersion, State
from lms.core.signals import courses_imported, courses_importing
from lms.extensions import db


@courses_importing.connect
def browser_courses(sender, **extra) -> set[str]:
    """Courses someone has edited in the browser: files must not overwrite or retire them silently."""
    return set(
        db.session.scalars(select(CourseVersion.course_slug).where(CourseVersion.created_by_id.is_not(None)))
    )


@courses_imported.connect
def files_won(sender, slugs: list[str], **extra) -> None:
    """Files were imported over browser courses on purpose: record what learners now see as a new version."""
    for slug in slugs:
        published = services.published_version(slug)
        if published is not None:
            published.state = State.SUPERSEDED
        db.session.flush()
        services.snapshot_published(slug)
