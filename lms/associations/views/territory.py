"""The territory picture for partners: associations by stage and commonest needs, per province."""

from flask import abort, render_template
from flask_login import current_user, login_required

from lms.associations import assessments
from lms.associations.needs_text import need_names, tier_names
from lms.associations.views import bp
from lms.cohorts.models import PROVINCES
from lms.cohorts.services import territory_of
from lms.core.downloads import csv_attachment
from lms.core.i18n import _

VIEWERS = ("partner", "trainer", "admin")


def _scope() -> set[str] | None:
    """Partners see their own provinces (all of them if a partner works region-wide); staff, every one."""
    if current_user.role not in VIEWERS:
        abort(403)
    return territory_of(current_user)


@bp.route("/associations/territory")
@login_required
def territory():
    scope = _scope()
    return render_template(
        "associations/territory.html",
        figures=assessments.territory(scope),
        scope=sorted(scope) if scope is not None else None,
        provinces=PROVINCES,
        needs=need_names(),
        tiers=tier_names(),
    )


@bp.route("/associations/territory.csv")
@login_required
def territory_csv():
    figures, names = assessments.territory(_scope()), need_names()
    tiers = [_("Tier %(n)d", n=n) for n in (1, 2, 3)]
    rows = [[_("Province"), _("Associations"), *tiers, _("Commonest needs")]]
    for row in figures:
        needs = "; ".join(f"{names[key]} ({count})" for key, count in row.top_needs)
        rows.append(
            [PROVINCES.get(row.province, row.province), row.associations, *row.by_tier.values(), needs]
        )
    return csv_attachment(rows, "ponte-associations-by-province.csv")
