"""The permission checks association pages make."""

from flask import abort
from flask_login import current_user

from lms.associations import reviews, services
from lms.associations.models import Association, EventPlan
from lms.extensions import db


def association_or_404(association_id: int, manage: bool = False, member: bool = False) -> Association:
    """The association if the signed-in user may see it, manage it (``manage``) or act as one of its
    members (``member``: accompanying trainers only read): 404 if missing, 403 if not allowed."""
    association = db.session.get(Association, association_id)
    if association is None:
        abort(404)
    if manage:
        allowed = services.can_manage(current_user, association)
    elif member:
        allowed = services.membership(association, current_user) is not None
    else:
        allowed = services.can_view(current_user, association)
    if not allowed:
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
