"""Deadlines per legal form and registration, from the fact sheet's compliance calendar."""

from datetime import date

import pytest

from lms.associations.deadlines import Facts, deadlines, upcoming


def _facts(form="informal", runts=False, art42=False, eas=False, grants=False):
    return Facts(form, runts, art42, eas, grants)


@pytest.mark.parametrize(
    ("facts", "keys"),
    [
        (_facts(), []),
        (_facts("unrecognised", eas=True), ["eas-changes", "accounts-approval"]),
        (_facts("aps", runts=True), ["5x1000-enrolment", "accounts-approval", "runts-accounts"]),
        (_facts("odv", runts=True, art42=True, grants=True),
         ["art42-report", "5x1000-enrolment", "accounts-approval", "grants-transparency", "runts-accounts"]),
        (_facts("aps", runts=False), ["accounts-approval"]),  # not yet in the RUNTS: no RUNTS deposit
        (_facts("aps", runts=True, eas=True), ["5x1000-enrolment", "accounts-approval", "runts-accounts"]),
    ],
)  # fmt: skip
def test_each_form_gets_its_own_deadlines(facts, keys):
    assert [d.key for d in deadlines(facts, 2027)] == keys


def test_dates_follow_the_fact_sheet():
    found = {d.key: d.on for d in deadlines(_facts("odv", runts=True, art42=True, grants=True), 2027)}
    assert found["art42-report"] == date(2027, 1, 30)
    assert found["5x1000-enrolment"] == date(2027, 4, 10)
    assert found["runts-accounts"] == date(2027, 6, 30) == found["grants-transparency"]


def test_the_statute_dependent_date_is_marked():
    approval = next(d for d in deadlines(_facts("aps", runts=True), 2027) if d.key == "accounts-approval")
    assert approval.check_statute


def test_upcoming_crosses_the_new_year():
    found = upcoming(_facts("odv", runts=True, art42=True), date(2026, 12, 1), count=2)
    assert [(d.key, d.on.year) for d in found] == [("art42-report", 2027), ("5x1000-enrolment", 2027)]
