"""The learner's consented funder data, and the funder report with its exports (partners and admins)."""

import io
from datetime import date

from babel import Locale
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale
from flask_login import current_user, login_required
from openpyxl import Workbook

from lms.auth.access import role_required
from lms.cohorts import funder, services
from lms.cohorts.funder_forms import FunderForm
from lms.cohorts.views import bp
from lms.cohorts.views.common import cohort_for_manager, partner_for_manager
from lms.core.downloads import XLSX, attachment, csv_attachment
from lms.core.forms import BaseForm
from lms.core.i18n import _
from lms.extensions import db


@bp.route("/me/funder-data", methods=["GET", "POST"])
@login_required
def funder_data():
    profile = services.funder_profile(current_user)
    form = FunderForm(obj=profile if profile and profile.active else None)
    if profile and profile.active and not form.is_submitted():
        for name in ("third_country", "international_protection", "second_generation"):
            value = getattr(profile, name)
            getattr(form, name).data = "" if value is None else ("yes" if value else "no")
    if form.validate_on_submit():
        services.save_funder_data(current_user, form.data)
        db.session.commit()
        flash(_("Thank you. You can change or withdraw your answers here at any time."), "success")
        return redirect(url_for(".funder_data"))
    return render_template("cohorts/funder_data.html", form=form, profile=profile, withdraw=BaseForm())


@bp.post("/me/funder-data/withdraw")
@login_required
def withdraw_funder_data():
    if not BaseForm().validate_on_submit():
        abort(400)
    services.withdraw_funder_consent(current_user)
    db.session.commit()
    flash(_("Your answers are deleted and will not be used in any report."), "success")
    return redirect(url_for(".funder_data"))


def _period() -> tuple[date | None, date | None]:
    def day(name):
        try:
            return date.fromisoformat(request.args.get(name, ""))
        except ValueError:
            return None

    return day("start"), day("end")


@bp.route("/cohorts/<int:cohort_id>/funder-report")
@bp.route("/cohorts/<int:cohort_id>/funder-report.<any(csv, xlsx, print):fmt>")
@role_required("partner", "admin")
def cohort_funder_report(cohort_id, fmt=None):
    cohort = cohort_for_manager(cohort_id)
    return _funder_report([cohort], cohort.name, fmt, url_for(".cohort_funder_report", cohort_id=cohort.id))


@bp.route("/cohorts/partners/<int:partner_id>/funder-report")
@bp.route("/cohorts/partners/<int:partner_id>/funder-report.<any(csv, xlsx, print):fmt>")
@role_required("partner", "admin")
def partner_funder_report(partner_id, fmt=None):
    partner = partner_for_manager(partner_id)
    cohorts = [c for c in services.visible_cohorts(current_user) if c.partner_id == partner.id]
    return _funder_report(
        cohorts, partner.name, fmt, url_for(".partner_funder_report", partner_id=partner.id)
    )


def _funder_report(cohorts, name, fmt, base_url):
    start, end = _period()
    data = funder.report(cohorts, start, end)
    if fmt == "print":
        with force_locale("it"):
            return render_template("cohorts/funder_print.html", report=data, name=name, labels=_labels())
    if fmt in ("csv", "xlsx"):
        rows = _rows(data, _labels())
        return _csv(rows, name) if fmt == "csv" else _xlsx(rows, name)
    query = request.query_string.decode()
    return render_template(
        "cohorts/funder_report.html", report=data, name=name, labels=_labels(), base_url=base_url, query=query
    )


def _labels() -> dict[str, str]:
    return {
        "sex": _("Sex"), "age_band": _("Age"), "citizenship": _("Citizenship"),
        "third_country": _("Citizen of a country outside the EU"),
        "international_protection": _("International protection"),
        "second_generation": _("Second generation"), "province": _("Province"),
        "participants": _("Participants"), "completions": _("Completed a course"),
        "certificates": _("Certificates"), "hours": _("Hours of study"),
        "not_given": _("Not given"), "yes": _("Yes"), "no": _("No"),
        "female": _("Female"), "male": _("Male"), "other": _("Other"), "XX": _("Another province"),
    }  # fmt: skip


def _rows(data, labels) -> list[list]:
    totals = ("participants", "completions", "certificates", "hours")
    rows = [[labels[key], "", getattr(data, key)] for key in totals] + [[]]
    rows.append(["", "", labels["participants"], labels["completions"]])
    for field_name, values in data.breakdowns.items():
        for value, counts in values.items():
            rows.append(
                [labels[field_name], labels.get(value, value), counts["participants"], counts["completions"]]
            )
    return rows


def _csv(rows, name):
    return csv_attachment(rows, "ponte-funder-report.csv")


def _xlsx(rows, name):
    book = Workbook()
    sheet = book.active
    sheet.title = "Ponte"
    sheet.append([name])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return attachment(out.getvalue(), XLSX, "ponte-funder-report.xlsx")


@bp.app_template_global()
def country_name(code: str) -> str:
    """A country's name in the interface language, from its ISO 3166 code."""
    return Locale.parse(str(get_locale())).territories.get(code, code)
