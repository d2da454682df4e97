"""Cohort pages for partners, trainers and admins, and the invitation page for learners."""

from flask import Blueprint

bp = Blueprint("cohorts", __name__, template_folder="../templates")

from lms.cohorts import api  # noqa: E402
from lms.cohorts.views import funder, join, manage, members, report  # noqa: E402

__all__ = ["api", "bp", "funder", "join", "manage", "members", "report"]
