"""Trainers' pages for writing courses. Every view checks that the signed-in user may edit the course."""

from flask import Blueprint

bp = Blueprint("authoring", __name__, template_folder="../templates")

from lms.authoring import listeners  # noqa: E402
from lms.authoring.views import content, courses, history, media, quiz, translate  # noqa: E402

__all__ = ["bp", "content", "courses", "history", "listeners", "media", "quiz", "translate"]
