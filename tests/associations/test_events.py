"""Event plans: permits and dates from the event date, budget, tasks, review, exports, the report."""

import io
from datetime import timedelta

import pypdfium2
import pytest
from openpyxl import load_workbook

from lms.associations import events, services
from lms.associations.models import EventPlan, Submission
from lms.core.clock import utcnow
from tests import factories

TODAY = utcnow().date()


def _plan_data(**changes):
    day = (TODAY + timedelta(days=60)).isoformat()
    data = {"title": "Festa dei popoli", "starts_on": day, "expected_people": "150", "ends_by_midnight": "y",
            "in_rome": "y", "venue_kind": "public_municipio", "features": ["music", "food"],
            "goals": "Farci conoscere", "programme": "16:00 musica"}  # fmt: skip
    return data | changes


@pytest.fixture
def plan(client, forms, make_association, sign_in, db):
    association = make_association()
    factories.make_user("tina", role="trainer")
    factories.make_user("pia", role="partner")
    db.session.commit()
    sign_in("awa")
    response = forms.post(f"/associations/{association.id}/events/new", _plan_data())
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.scalars(db.select(EventPlan)).one()


def test_the_plan_lists_its_permits_with_dates_from_the_event_day(client, plan):
    html = client.get(f"/events/{plan.id}/?lang=en").get_data(as_text=True)
    for words in (
        "Public land in a Municipio",
        "SIAE permit",
        "Food and drinks",
        "Safety and emergency plan",
    ):
        assert words in html
    dated = {d.key: d.on for d in events.deadlines(plan)}
    assert dated["land_municipio"] == plan.starts_on - timedelta(days=30)
    assert dated["food"] == plan.starts_on - timedelta(days=20)
    assert "siae" not in dated  # no lead time in the sources: none is invented


def test_a_plan_started_too_late_says_so(client, forms, plan, db):
    soon = (TODAY + timedelta(days=10)).isoformat()
    forms.post(f"/events/{plan.id}/edit", _plan_data(starts_on=soon))
    db.session.refresh(plan)
    assert {d.key for d in events.late(plan, TODAY)} == {"land_municipio", "food"}
    assert "Already late" in client.get(f"/events/{plan.id}/?lang=en").get_data(as_text=True)


def test_a_half_filled_plan_keeps_what_was_typed(forms, plan):
    response = forms.post(f"/events/{plan.id}/edit", _plan_data(title="", goals="Incontrare il quartiere"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Incontrare il quartiere" in html and "has-error" in html


def test_the_budget_adds_up_and_warns_about_sponsorship(client, forms, plan, db):
    lines = {"lines-0-type": "sponsorship", "lines-0-label": "Bar Roma", "lines-0-planned": "300",
             "lines-1-type": "occasional_fundraising", "lines-1-planned": "150,5".replace(",", "."),
             "lines-2-type": "venue", "lines-2-label": "Palco", "lines-2-planned": "500"}  # fmt: skip
    response = forms.post(f"/events/{plan.id}/budget", lines)
    assert response.status_code == 302
    db.session.refresh(plan)
    assert [(li["side"], li["planned"]) for li in plan.budget] == [
        ("income", 30000),
        ("income", 15050),
        ("cost", 50000),
    ]
    html = client.get(f"/events/{plan.id}/?lang=en").get_data(as_text=True)
    assert "22% VAT" in html and "-49.50" in html and "Costs are higher than income" in html
    assert "fundraising_report" in {d.key for d in events.deadlines(plan)}


def test_a_budget_line_without_a_type_is_refused_and_kept(forms, plan, db):
    response = forms.post(
        f"/events/{plan.id}/budget", {"lines-0-label": "Service audio", "lines-0-planned": "80"}
    )
    assert response.status_code == 200 and "Service audio" in response.get_data(as_text=True)
    db.session.refresh(plan)
    assert plan.budget == []


def test_tasks_with_dates_become_deadlines(forms, plan, db):
    due = (TODAY + timedelta(days=20)).isoformat()
    forms.post(
        f"/events/{plan.id}/tasks", {"tasks-0-what": "Volantini", "tasks-0-who": "Bilal", "tasks-0-due": due}
    )
    db.session.refresh(plan)
    assert plan.tasks == [{"what": "Volantini", "who": "Bilal", "due": due}]
    assert ("task", "Volantini") in {(d.key, d.label) for d in events.deadlines(plan)}


def test_submit_review_approve_and_the_plan_is_frozen_while_waiting(client, forms, plan, sign_in, db):
    response = forms.post(f"/events/{plan.id}/submit", {"note": "Prima versione"}, page=f"/events/{plan.id}/")
    submission = db.session.scalars(db.select(Submission)).one()
    assert response.location.endswith(f"/work/{submission.id}") and submission.kind == "event_plan"
    handed_in = submission.versions[0].text  # the plan as it was, kept in the version
    assert "Prima versione" in handed_in and "SIAE" in handed_in and "16:00 musica" in handed_in
    response = forms.post(f"/events/{plan.id}/edit", _plan_data(title="Cambiato"))
    db.session.refresh(plan)
    assert plan.title == "Festa dei popoli"  # waiting for review: no change
    sign_in("tina")
    assert client.get(f"/events/{plan.id}/").status_code == 200  # trainers read the plan they review
    assert client.get(f"/events/{plan.id}/edit").status_code == 403
    url = f"/work/{submission.id}"
    forms.post(f"{url}/review", {"body": "Bel piano.", "status": "approved"}, page=url)
    db.session.refresh(submission)
    assert submission.status == "approved"


def test_partners_and_outsiders_cannot_see_a_plan(client, plan, sign_in):
    sign_in("pia")
    assert client.get(f"/events/{plan.id}/").status_code == 403
    assert client.get(f"/events/{plan.id}/plan.pdf").status_code == 403


def test_the_plan_exports_to_pdf_and_the_budget_to_a_spreadsheet_with_formulas(client, forms, plan, db):
    forms.post(f"/events/{plan.id}/budget", {"lines-0-type": "donations", "lines-0-planned": "200",
                                             "lines-1-type": "food", "lines-1-planned": "120"})  # fmt: skip
    pdf = pypdfium2.PdfDocument(client.get(f"/events/{plan.id}/plan.pdf?lang=ar").data)
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    assert "Festa dei popoli" in text and "SIAE" in text
    book = load_workbook(io.BytesIO(client.get(f"/events/{plan.id}/budget.xlsx").data))
    sheet = book.active
    assert [sheet["D3"].value, sheet["D4"].value] == [200, 120]
    assert sheet["D8"].value.startswith("=D6-D7")


def test_the_report_closes_the_event_only_after_it(forms, plan, db):
    response = forms.post(f"/events/{plan.id}/report", {"attendance": "120"})
    db.session.refresh(plan)
    assert plan.closed_at is None
    plan.starts_on = TODAY - timedelta(days=1)
    plan.budget = [{"side": "cost", "type": "venue", "label": "", "planned": 10000, "actual": None}]
    db.session.commit()
    report = {"attendance": "120", "went_well": "La musica", "actual-0-actual": "95"}
    response = forms.post(f"/events/{plan.id}/report", report)
    assert response.status_code == 302
    db.session.refresh(plan)
    assert plan.closed_at and plan.attendance == 120 and plan.budget[0]["actual"] == 9500
    with pytest.raises(events.EventError):
        events.update(plan, {"title": "Dopo"})


def test_event_deadlines_appear_as_reminders_on_the_dashboard(client, plan, db):
    plan.starts_on = TODAY + timedelta(days=70)
    db.session.commit()
    html = client.get("/me/?lang=en").get_data(as_text=True)
    assert "Coming up for your associations" not in html  # the first deadline is 40 days away
    plan.starts_on = TODAY + timedelta(days=40)
    db.session.commit()
    html = client.get("/me/?lang=en").get_data(as_text=True)
    assert "Coming up for your associations" in html and "Festa dei popoli: Food and drinks" in html


def test_members_share_their_progress_by_their_own_choice(client, forms, make_association, sign_in, db):
    association = make_association()
    sign_in("awa")
    page = f"/associations/{association.id}/"
    assert "0 members share" in client.get(page + "?lang=en").get_data(as_text=True)
    forms.post(f"/associations/{association.id}/share-progress", {"share": "1"}, page=page)
    assert services.membership(association, factories.get_user("awa")).share_progress
    assert "1 member shares" in client.get(page + "?lang=en").get_data(as_text=True)


def test_a_long_budget_keeps_its_rows_within_the_form_bound(client, plan, db, monkeypatch):
    from lms.associations import event_forms

    monkeypatch.setattr(event_forms, "MAX_ROWS", 4)
    monkeypatch.setattr("lms.associations.views.events.MAX_ROWS", 4)
    plan.budget = [{"side": "cost", "type": "venue", "label": "", "planned": 100, "actual": None}] * 3
    db.session.commit()
    html = client.get(f"/events/{plan.id}/budget").get_data(as_text=True)
    assert 'name="lines-3-planned"' in html and 'name="lines-4-planned"' not in html
