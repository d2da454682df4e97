"""Association pages: profile and members, self-assessment, work handed in for review, events."""

from flask import Blueprint

bp = Blueprint("associations", __name__, template_folder="../templates")

from lms.associations.views import assessment, event_files, events, profile, territory, work  # noqa: E402

__all__ = ["assessment", "bp", "event_files", "events", "profile", "territory", "work"]
