"""Event plans: build one, check its permits and dates, budget and tasks, hand it in, export, report."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from lms.associations import budget, events, reviews, services
from lms.associations.event_forms import (
    BLANK_ROWS,
    MAX_ROWS,
    BudgetForm,
    PlanForm,
    ReportForm,
    SubmitPlanForm,
    TasksForm,
    budget_choices,
    feature_labels,
    venue_labels,
)
from lms.associations.models import EventPlan
from lms.associations.permit_text import budget_notes, dated_labels, permit_texts
from lms.associations.review_forms import STATUS_LABELS
from lms.associations.views import bp, event_files
from lms.associations.views.common import association_or_404, plan_or_404
from lms.core.clock import utcnow
from lms.core.i18n import _
from lms.extensions import db


def _plan_values(form: PlanForm) -> dict:
    return {name: getattr(form, name).data for name in events.PLAN_FIELDS}


def _save(plan: EventPlan, values: dict, message: str, anchor: str = ""):
    """Apply a change to the plan: a redirect to it when saved, None (and a message) when refused."""
    try:
        events.update(plan, values)
    except events.EventError as error:
        db.session.rollback()
        flash(str(error), "error")
        return None
    db.session.commit()
    flash(message, "success")
    return redirect(url_for(".event", plan_id=plan.id) + anchor)


@bp.route("/associations/<int:association_id>/events/new", methods=["GET", "POST"])
@login_required
def new_event(association_id):
    association = association_or_404(association_id, member=True)
    form = PlanForm()
    if form.validate_on_submit():
        plan = events.create(association, _plan_values(form))
        db.session.commit()
        flash(_("Plan saved. Now check the permits, then write the budget and the tasks."), "success")
        return redirect(url_for(".event", plan_id=plan.id))
    return render_template("associations/event_edit.html", form=form, association=association, plan=None)


@bp.route("/events/<int:plan_id>/edit", methods=["GET", "POST"])
@login_required
def edit_event(plan_id):
    plan = plan_or_404(plan_id, edit=True)
    form = PlanForm(obj=plan)
    if form.validate_on_submit() and (saved := _save(plan, _plan_values(form), _("Saved."))):
        return saved
    return render_template("associations/event_edit.html", form=form, association=plan.association, plan=plan)


@bp.route("/events/<int:plan_id>/")
@login_required
def event(plan_id):
    plan = plan_or_404(plan_id)
    facts = events.facts(plan)
    today = utcnow().date()
    return render_template(
        "associations/event.html",
        plan=plan,
        permits=events.needed_permits(plan),
        permit_texts=permit_texts(),
        dated=events.deadlines(plan),
        late={d.key for d in events.late(plan, today)},
        dated_labels=dated_labels(),
        planned=budget.totals(plan.budget or []),
        actual=budget.totals(plan.budget or [], actual=True) if plan.closed_at else None,
        notes=_notes(plan, facts),
        labels=event_files.labels(),
        venues=venue_labels(),
        features=feature_labels(),
        submission=events.submission_of(plan),
        statuses=STATUS_LABELS,
        is_member=services.membership(plan.association, current_user) is not None,
        submit_form=SubmitPlanForm(),
        today=today,
        euros=budget.euros,
        parse_date=event_files.parse_date,
    )


def _notes(plan: EventPlan, facts) -> list[str]:
    notes, texts = [], budget_notes()
    if budget.has_sponsorship(plan.budget or []):
        notes.append(texts["sponsorship"])
    if budget.has_occasional_fundraising(plan.budget or []):
        notes.append(texts["occasional_fundraising"])
    if events.permits.public_show_signs(facts):
        notes.append(texts["public_show"])
    return notes


@bp.route("/events/<int:plan_id>/budget", methods=["GET", "POST"])
@login_required
def event_budget(plan_id):
    plan = plan_or_404(plan_id, edit=True)
    lines = plan.budget or []
    data = {
        "lines": [
            {"type": li["type"], "label": li["label"], "planned": budget.euros(li["planned"])} for li in lines
        ]
    }
    form = BudgetForm(data=data if request.method == "GET" else None)
    if request.method == "GET":
        for _blank in range(min(BLANK_ROWS, MAX_ROWS - len(form.lines))):
            form.lines.append_entry()
    budget_choices(form)
    if form.validate_on_submit():
        rows = [entry.form for entry in form.lines if entry.form.planned.data is not None]
        new_lines = [
            {"side": budget.side_of(r.type.data), "type": r.type.data, "label": (r.label.data or "").strip(),
             "planned": budget.to_cents(r.planned.data), "actual": None}
            for r in rows
        ]  # fmt: skip
        if saved := _save(plan, {"budget": new_lines}, _("Budget saved."), "#budget"):
            return saved
    return render_template("associations/event_budget.html", plan=plan, form=form)


@bp.route("/events/<int:plan_id>/tasks", methods=["GET", "POST"])
@login_required
def event_tasks(plan_id):
    plan = plan_or_404(plan_id, edit=True)
    data = {"tasks": [{**t, "due": event_files.parse_date(t.get("due"))} for t in plan.tasks or []]}
    form = TasksForm(data=data if request.method == "GET" else None)
    if request.method == "GET":
        for _blank in range(min(BLANK_ROWS, MAX_ROWS - len(form.tasks))):
            form.tasks.append_entry()
    if form.validate_on_submit():
        tasks = [
            {"what": t.form.what.data.strip(), "who": (t.form.who.data or "").strip(),
             "due": t.form.due.data.isoformat() if t.form.due.data else ""}
            for t in form.tasks
            if (t.form.what.data or "").strip()
        ]  # fmt: skip
        if saved := _save(plan, {"tasks": tasks}, _("Tasks saved."), "#tasks"):
            return saved
    return render_template("associations/event_tasks.html", plan=plan, form=form)


@bp.post("/events/<int:plan_id>/submit")
@login_required
def submit_event(plan_id):
    plan = plan_or_404(plan_id, edit=True)
    form = SubmitPlanForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        submission = events.submit(plan, current_user, event_files.summary(plan), form.note.data or "")
    except (events.EventError, reviews.ReviewError) as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for(".event", plan_id=plan.id))
    db.session.commit()
    flash(_("The plan is handed in for review. A trainer will reply in the conversation."), "success")
    return redirect(url_for(".submission", submission_id=submission.id))


@bp.route("/events/<int:plan_id>/report", methods=["GET", "POST"])
@login_required
def event_report(plan_id):
    plan = plan_or_404(plan_id, edit=True)
    lines = plan.budget or []
    form = ReportForm(data={"actual": [{"actual": budget.euros(li.get("planned"))} for li in lines]}
                      if request.method == "GET" else None)  # fmt: skip
    if form.validate_on_submit():
        actual = {i: budget.to_cents(e.form.actual.data) for i, e in enumerate(form.actual) if i < len(lines)}
        try:
            events.close(plan, utcnow().date(), form.attendance.data, form.went_well.data or "",
                         form.to_improve.data or "", actual)  # fmt: skip
        except events.EventError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Report saved: the event is closed. Well done!"), "success")
            return redirect(url_for(".event", plan_id=plan.id))
    return render_template(
        "associations/event_report.html",
        plan=plan,
        form=form,
        labels=event_files.labels(),
        lines=lines,
        euros=budget.euros,
    )
