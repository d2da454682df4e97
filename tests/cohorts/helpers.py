from datetime import date

from lms.cohorts import services
from lms.cohorts.models import Cohort
from lms.extensions import db
from tests import factories


def make_cohort(name="Latina primavera", partner_name="CSV Lazio", trainer=None, staff=None):
    partner = services.create_partner(partner_name)
    if staff is not None:
        services.add_staff(partner, staff)
    cohort = Cohort(
        name=name, partner_id=partner.id, province="LT", municipality="Latina", starts_on=date(2026, 3, 1)
    )
    db.session.add(cohort)
    db.session.flush()
    if trainer is not None:
        cohort.trainers = [trainer]
    db.session.commit()
    return cohort


def learner(name="amina"):
    return factories.make_user(name)
