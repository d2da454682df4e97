"""Badges react to course completion (sent by the learning feature)."""

from flask import current_app

from lms.auth.models import User
from lms.badges import services
from lms.catalog.models import Course
from lms.core.signals import course_completed
from lms.extensions import db


@course_completed.connect
def on_course_completed(course: Course, user_id: int, **extra) -> None:
    """Award the course's badge (once); the completing request commits it."""
    user = db.session.get(User, user_id)
    if user is not None:
        services.award(user, course, current_app.config["BASE_URL"])
