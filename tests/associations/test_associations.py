"""Associations: roles decide who may change what; someone always runs it; the calendar feed parses."""

from datetime import date

import pytest
from icalendar import Calendar

from lms.associations import services
from lms.associations.models import Association
from tests import factories

PROFILE = {"name": "Donne in rete", "legal_form": "aps", "province": "LT", "municipality": "Latina",
           "languages": ["it", "ar"], "runts_number": "12345", "runts_date": "2025-03-01",
           "art42_number": "A/1/2024", "public_grants": "y"}  # fmt: skip


@pytest.fixture
def association(client, forms, login_as, db):
    login_as("learner", "awa")
    response = forms.post("/associations/new", PROFILE)
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.scalars(db.select(Association)).one()


def test_the_creator_is_president_and_sees_the_deadlines(client, association):
    assert services.membership(association, factories.get_user("awa")).role == "president"
    html = client.get(f"/associations/{association.id}/").get_data(as_text=True)
    assert "RUNTS" in html and ".ics" in html


def test_a_half_filled_profile_keeps_what_was_typed(client, forms, login_as, db):
    login_as("learner", "awa")
    response = forms.post("/associations/new", {**PROFILE, "name": "", "contact_email": "not-an-email"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Latina" in html and "not-an-email" in html


def test_the_calendar_feed_is_valid_icalendar_with_the_right_dates(client, association):
    response = client.get(f"/associations/{association.id}/calendar/{association.calendar_token}.ics")
    assert response.mimetype == "text/calendar"
    events = Calendar.from_ical(response.data).walk("VEVENT")
    starts = {e.decoded("dtstart") for e in events}
    year = date.today().year
    for month, day in ((1, 30), (4, 10), (6, 30)):
        assert date(year, month, day) in starts
    assert all(e.walk("VALARM") for e in events)


def test_the_feed_needs_the_secret_and_a_new_link_cuts_the_old_one(client, forms, association, db):
    old = association.calendar_token
    assert client.get(f"/associations/{association.id}/calendar/wrong.ics").status_code == 404
    forms.post(
        f"/associations/{association.id}/calendar/new-link", {}, page=f"/associations/{association.id}/"
    )
    assert client.get(f"/associations/{association.id}/calendar/{old}.ics").status_code == 404
    db.session.refresh(association)
    assert (
        client.get(f"/associations/{association.id}/calendar/{association.calendar_token}.ics").status_code
        == 200
    )


def test_managers_add_members_and_members_invite_but_cannot_manage(client, forms, association, db):
    factories.make_user("omar")
    db.session.commit()
    forms.post(f"/associations/{association.id}/members", {"username": "omar", "role": "member"},
               page=f"/associations/{association.id}/")  # fmt: skip
    omar = factories.get_user("omar")
    assert services.membership(association, omar).role == "member"
    forms.post("/logout", {}, page="/")
    forms.post("/login", {"username": "omar", "password": factories.PASSWORD})
    assert client.get(f"/associations/{association.id}/").status_code == 200
    assert client.get(f"/associations/{association.id}/edit").status_code == 403
    promote = {"username": "omar", "role": "president"}
    response = forms.post(
        f"/associations/{association.id}/members", promote, page=f"/associations/{association.id}/"
    )
    assert response.status_code == 403
    factories.make_user("sara")
    db.session.commit()
    invite = {"username": "sara", "role": "member"}
    forms.post(f"/associations/{association.id}/members", invite, page=f"/associations/{association.id}/")
    assert services.membership(association, factories.get_user("sara")).role == "member"  # members invite too


def test_outsiders_see_nothing(client, forms, association, login_as, db):
    forms.post("/logout", {}, page="/")
    assert client.get(f"/associations/{association.id}/").status_code == 302
    login_as("trainer", "tina")
    assert client.get(f"/associations/{association.id}/").status_code == 403


def test_the_last_manager_must_hand_over_before_leaving(db, association):
    awa = services.membership(association, factories.get_user("awa"))
    with pytest.raises(services.AssociationError):
        services.leave(association, awa)
    with pytest.raises(services.AssociationError):
        services.set_role(association, awa, "member")
    omar = services.add_member(association, factories.make_user("omar"), "member")
    services.set_role(association, omar, "treasurer")
    services.leave(association, awa)
    assert awa.left_at is not None and services.membership(association, factories.get_user("awa")) is None
