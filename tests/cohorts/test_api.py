"""The partners' API: tokens stored hashed and scoped to one partner, pagination, and the OpenAPI document
checked against the implementation by schemathesis."""

import hashlib

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from lms.cohorts import services
from lms.cohorts.models import ApiToken
from lms.extensions import db
from tests import factories
from tests.cohorts.helpers import make_cohort


@pytest.fixture
def setup(db, courses):
    staff = factories.make_user("pa", "partner")
    mine = make_cohort("Roma", "Partner A", staff=staff)
    mine.courses = [courses[0]]
    theirs = make_cohort("Rieti", "Partner B")
    for n in range(3):
        services.join(mine, factories.make_user(f"m{n}"), "added")
    token = services.create_token(mine.partner, "reports", staff)
    other = services.create_token(theirs.partner, "theirs", staff)
    db.session.commit()
    return mine, theirs, token, other


def _get(client, url, token):
    return client.get(url, headers={"Authorization": f"Bearer {token}"})


def test_tokens_are_stored_only_as_hashes(setup):
    _mine, _theirs, token, _other = setup
    stored = db.session.scalars(db.select(ApiToken)).all()
    assert all(token not in (t.token_hash, t.prefix) for t in stored)
    assert hashlib.sha256(token.encode()).hexdigest() in {t.token_hash for t in stored}


def test_a_partner_sees_only_its_own_groups(client, setup):
    _mine, theirs, token, _other = setup
    listing = _get(client, "/api/v1/cohorts", token).get_json()
    assert [c["name"] for c in listing["items"]] == ["Roma"] and listing["total"] == 1
    assert listing["items"][0]["members"] == 3
    assert _get(client, f"/api/v1/cohorts/{theirs.id}", token).status_code == 404
    assert _get(client, f"/api/v1/cohorts/{theirs.id}/members", token).status_code == 404
    assert _get(client, f"/api/v1/cohorts/{theirs.id}/report", token).status_code == 404


def test_members_are_paginated(client, setup):
    mine, _theirs, token, _other = setup
    page = _get(client, f"/api/v1/cohorts/{mine.id}/members?per_page=2&page=2", token).get_json()
    assert page["total"] == 3 and len(page["items"]) == 1 and page["page"] == 2
    assert _get(client, f"/api/v1/cohorts/{mine.id}/members?per_page=1000", token).status_code == 400


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Basic abc", "Bearer ponte_unknown"])
def test_no_valid_token_no_data(client, setup, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/cohorts", headers=headers)
    assert response.status_code == 401 and "WWW-Authenticate" in response.headers


def test_a_revoked_token_stops_working(client, forms, setup):
    mine, _theirs, token, _other = setup
    forms.post("/login", {"username": "pa", "password": factories.PASSWORD})
    found = db.session.scalar(db.select(ApiToken).where(ApiToken.name == "reports"))
    forms.post(f"/cohorts/partners/{mine.partner_id}/tokens/{found.id}/revoke", {},
               page=f"/cohorts/partners/{mine.partner_id}/tokens")  # fmt: skip
    assert _get(client, "/api/v1/cohorts", token).status_code == 401


def test_partner_staff_create_a_token_and_see_it_once(client, forms, setup):
    mine, *_ = setup
    forms.post("/login", {"username": "pa", "password": factories.PASSWORD})
    url = f"/cohorts/partners/{mine.partner_id}/tokens"
    page = forms.post(url, {"name": "spreadsheet"}).get_data(as_text=True)
    token = page.split('<code dir="ltr">')[1].split("<")[0]
    assert _get(client, "/api/v1/cohorts", token).status_code == 200
    assert token not in client.get(f"/cohorts/partners/{mine.partner_id}/tokens").get_data(as_text=True)


def test_the_openapi_document_matches_the_implementation(app, setup):
    mine, _theirs, token, _other = setup
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    schema.config.headers = {"Authorization": f"Bearer {token}"}
    failures = []
    for operation in schema.get_all_operations():
        strategy = operation.ok().as_strategy()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=strategy)
        def check(case):
            if "cohort_id" in (case.path_parameters or {}) and case.path_parameters["cohort_id"] % 2:
                case.path_parameters["cohort_id"] = mine.id  # also exercise a group the token can read
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
            response = case.call()
            try:
                case.validate_response(response)
            except Exception as error:  # collect, then fail with every problem at once
                failures.append(f"{case.method} {case.formatted_path}: {error}")

        check()
    assert failures == []
