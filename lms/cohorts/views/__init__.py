"""Cohort pages for partners, trainers and admins, and the invitation page for learners."""

from flask import Blueprint

bp = Blueprint("cohorts", __name__, template_folder="../templates")

from lms.cohorts.views import join, manage, members  # noqa: E402

__all__ = ["bp", "join", "manage", "members"]
