"""An event plan as files: plain text kept in the version handed in, a PDF, and the budget as XLSX."""

from datetime import date

from flask_babel import format_date
from flask_login import login_required

from lms.associations import budget, events
from lms.associations.event_exports import Section, budget_xlsx, plan_pdf
from lms.associations.event_forms import cost_labels, feature_labels, income_labels, venue_labels
from lms.associations.models import EventPlan
from lms.associations.permit_text import dated_labels, permit_texts
from lms.associations.views import bp
from lms.associations.views.common import plan_or_404
from lms.core.downloads import XLSX, attachment
from lms.core.i18n import _, ngettext


def labels() -> dict:
    return {**income_labels(), **cost_labels(), "income": _("Income"), "cost": _("Cost")}


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def summary(plan: EventPlan) -> str:
    """The plan as plain text: it is kept in the version handed in, so later edits do not change it."""
    return "\n\n".join(f"## {s.heading}\n{s.body}" for s in _sections(plan) if s.body.strip())


def _sections(plan: EventPlan) -> list[Section]:
    texts, names, dated = permit_texts(), labels(), dated_labels()
    permits = "\n".join(f"- {texts[p.key][0]}: {texts[p.key][1]}" for p in events.needed_permits(plan))
    dates = "\n".join(f"- {format_date(d.on)}: {d.label or dated[d.key]}" for d in events.deadlines(plan))
    money = "\n".join(
        f"- {names[li['type']]}: {li['label']} {budget.euros(li['planned'])} €" for li in plan.budget or []
    )
    totals = budget.totals(plan.budget or [])
    money += "\n" + _(
        "Income %(income)s €, costs %(costs)s €, balance %(balance)s €",
        income=budget.euros(totals.income),
        costs=budget.euros(totals.costs),
        balance=budget.euros(totals.balance),
    )
    tasks = "\n".join(
        f"- {t['what']} ({t['who']}) {format_date(parse_date(t['due'])) if t['due'] else ''}".rstrip()
        for t in plan.tasks or []
    )
    features = ", ".join(str(feature_labels()[f]) for f in plan.features or [])
    venue = f"{plan.venue}\n{venue_labels()[plan.venue_kind]}. {features}"
    return [
        Section(_("Goals"), plan.goals),
        Section(_("Audience"), plan.audience),
        Section(_("Programme"), plan.programme),
        Section(_("Venue"), venue),
        Section(_("Permits"), permits),
        Section(_("Dates"), dates),
        Section(_("Promotion"), plan.promotion),
        Section(_("Budget"), money),
        Section(_("Team and tasks"), tasks),
    ]


def _subtitle(plan: EventPlan) -> str:
    people = ngettext("%(num)d person expected", "%(num)d people expected", plan.expected_people)
    return f"{plan.association.name} · {format_date(plan.starts_on)} · {people}"


@bp.route("/events/<int:plan_id>/plan.pdf")
@login_required
def event_pdf(plan_id):
    plan = plan_or_404(plan_id)
    pdf = plan_pdf(plan.title, _subtitle(plan), _sections(plan))
    return attachment(pdf, "application/pdf", f"event-plan-{plan.id}.pdf")


@bp.route("/events/<int:plan_id>/budget.xlsx")
@login_required
def event_xlsx(plan_id):
    plan = plan_or_404(plan_id)
    headers = [_("Income or cost"), _("Type"), _("Description"), _("Planned (€)"), _("Actual (€)")]
    totals = [_("Total income"), _("Total costs"), _("Balance")]
    data = budget_xlsx(plan, headers, {k: str(v) for k, v in labels().items()}, totals)
    return attachment(data, XLSX, f"event-budget-{plan.id}.xlsx")
