"""The permission checks every cohort page makes."""

from flask import abort
from flask_login import current_user

from lms.cohorts import services
from lms.cohorts.models import Cohort, Partner
from lms.extensions import db

STAFF = ("trainer", "partner", "admin")


def cohort_for_viewer(cohort_id: int) -> Cohort:
    """The cohort, if the signed-in user may see it: 404 when it does not exist, 403 when it is not theirs."""
    cohort = db.session.get(Cohort, cohort_id)
    if cohort is None:
        abort(404)
    if not services.can_view(current_user, cohort):
        abort(403)
    return cohort


def cohort_for_manager(cohort_id: int) -> Cohort:
    cohort = cohort_for_viewer(cohort_id)
    if not services.can_manage(current_user, cohort):
        abort(403)
    return cohort


def partner_for_manager(partner_id: int) -> Partner:
    """The partner, if the signed-in user works for it (or is an admin): 404 or 403 otherwise."""
    partner = db.session.get(Partner, partner_id)
    if partner is None:
        abort(404)
    if partner not in services.partners_of(current_user):
        abort(403)
    return partner
