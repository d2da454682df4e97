"""The read-only JSON API for partners' own systems: their groups, members' progress, aggregate reports.

Authentication: `Authorization: Bearer <token>`, a token created by the partner's staff (stored hashed).
Every answer is scoped to the token's partner: another partner's group is a 404, as if it did not exist.
The OpenAPI document at /api/v1/openapi.json describes exactly these endpoints (checked by schemathesis).
"""

from datetime import date

from flask import abort, g, jsonify, request
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from lms.cohorts import funder, reports, services
from lms.cohorts.models import Cohort, Membership
from lms.cohorts.openapi import DOCUMENT
from lms.cohorts.views import bp
from lms.core.clock import as_utc
from lms.extensions import db
from lms.learning.models import Enrolment, ModuleProgress

MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_ID = 2**31 - 1  # the database's integer: larger ids cannot exist


def _error(status: int, message: str):
    response = jsonify({"error": message})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="ponte"'
    return response


def _authenticate():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    partner = services.partner_for_token(token.strip()) if scheme.lower() == "bearer" else None
    if partner is None:
        return _error(401, "a valid API token is required")
    db.session.commit()  # last_used_at
    g.api_partner = partner
    return None


def _paging() -> tuple[int, int]:
    page = request.args.get("page", "1")
    per_page = request.args.get("per_page", "20")
    if (
        not page.isdigit()
        or not per_page.isdigit()
        or int(page) < 1
        or not 1 <= int(per_page) <= MAX_PER_PAGE
    ):
        abort(_error(400, f"page must be 1 or more, per_page from 1 to {MAX_PER_PAGE}"))
    return int(page), int(per_page)


def _cohort(cohort_id: int) -> Cohort:
    cohort = db.session.get(Cohort, cohort_id) if cohort_id <= MAX_ID else None
    if cohort is None or cohort.partner_id != g.api_partner.id:
        abort(_error(404, "no such group"))
    return cohort


def _cohort_json(cohort: Cohort, members: int) -> dict:
    return {
        "id": cohort.id,
        "name": cohort.name,
        "province": cohort.province,
        "municipality": cohort.municipality,
        "languages": list(cohort.languages or []),
        "starts_on": cohort.starts_on.isoformat(),
        "ends_on": cohort.ends_on.isoformat() if cohort.ends_on else None,
        "courses": [c.slug for c in cohort.courses],
        "members": members,
    }


@bp.route("/api/v1/openapi.json")
def api_openapi():
    return jsonify(DOCUMENT)


@bp.route("/api/v1/cohorts")
def api_cohorts():
    if (failed := _authenticate()) is not None:
        return failed
    page, per_page = _paging()
    query = select(Cohort).where(Cohort.partner_id == g.api_partner.id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    cohorts = db.session.scalars(
        query.order_by(Cohort.id).limit(per_page).offset((page - 1) * per_page)
    ).all()
    counts = reports.partner_summary(list(cohorts))
    items = [_cohort_json(s.cohort, s.members) for s in counts]
    return jsonify({"items": items, "page": page, "per_page": per_page, "total": total})


@bp.route("/api/v1/cohorts/<int:cohort_id>")
def api_cohort(cohort_id):
    if (failed := _authenticate()) is not None:
        return failed
    cohort = _cohort(cohort_id)
    return jsonify(_cohort_json(cohort, reports.member_count(cohort)))


@bp.route("/api/v1/cohorts/<int:cohort_id>/members")
def api_members(cohort_id):
    if (failed := _authenticate()) is not None:
        return failed
    cohort = _cohort(cohort_id)
    page, per_page = _paging()
    query = select(Membership).where(Membership.cohort_id == cohort.id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page_query = query.options(selectinload(Membership.user)).order_by(Membership.id)
    rows = db.session.scalars(page_query.limit(per_page).offset((page - 1) * per_page)).all()
    ids = [m.user_id for m in rows]
    module_ids = [m.id for m in reports.modules_of(cohort)]
    modules_done = dict(
        db.session.execute(
            select(ModuleProgress.user_id, func.count())
            .where(
                ModuleProgress.user_id.in_(ids),
                ModuleProgress.module_id.in_(module_ids),
                ModuleProgress.completed_at.is_not(None),
            )
            .group_by(ModuleProgress.user_id)
        ).all()
    )
    courses_done = dict(
        db.session.execute(
            select(Enrolment.user_id, func.count())
            .where(
                Enrolment.user_id.in_(ids),
                Enrolment.course_id.in_([c.id for c in cohort.courses]),
                Enrolment.completed_at.is_not(None),
            )
            .group_by(Enrolment.user_id)
        ).all()
    )
    last = dict(reports.last_activity(ids))
    items = [
        {
            "username": m.user.username,
            "display_name": m.user.display_name,
            "joined_at": as_utc(m.joined_at).isoformat(),
            "left_at": as_utc(m.left_at).isoformat() if m.left_at else None,
            "modules_completed": modules_done.get(m.user_id, 0),
            "modules_total": len(module_ids),
            "courses_completed": courses_done.get(m.user_id, 0),
            "last_activity": last[m.user_id].isoformat() if m.user_id in last else None,
        }
        for m in rows
    ]
    return jsonify({"items": items, "page": page, "per_page": per_page, "total": total})


@bp.route("/api/v1/cohorts/<int:cohort_id>/report")
def api_report(cohort_id):
    if (failed := _authenticate()) is not None:
        return failed
    cohort = _cohort(cohort_id)
    try:
        start = date.fromisoformat(request.args["start"]) if request.args.get("start") else None
        end = date.fromisoformat(request.args["end"]) if request.args.get("end") else None
    except ValueError:
        return _error(400, "start and end are dates: YYYY-MM-DD")
    data = funder.report([cohort], start, end)
    return jsonify(
        {
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "participants": data.participants,
            "completions": data.completions,
            "certificates": data.certificates,
            "hours": data.hours,
            "breakdowns": data.breakdowns,
        }
    )
