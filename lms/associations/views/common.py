"""The permission checks association pages make."""

from flask import abort
from flask_login import current_user

from lms.associations import reviews, services
from lms.associations.models import Association, EventPlan
from lms.extensions import db


def association_or_404(association_id: int, manage: bool = False) -> Association:
    """The association if the signed-in user may see it (or manage it): 404 if missing, 403 if not theirs."""
    association = db.session.get(Association, association_id)
    if association is None:
        abort(404)
    allowed = services.can_manage if manage else services.can_view
    if not allowed(current_user, association):
        abort(403)
    return association


def plan_or_404(plan_id: int, edit: bool = False) -> EventPlan:
    """Members see and edit their plans; trainers read them to review; nobody else."""
    plan = db.session.get(EventPlan, plan_id)
    if plan is None:
        abort(404)
    member = services.membership(plan.association, current_user) is not None
    if not member and not (not edit and reviews.can_review(current_user)):
        abort(403)
    return plan
