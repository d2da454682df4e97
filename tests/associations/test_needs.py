"""The self-assessment's rules: answers -> needs -> tier, with the module that teaches each need."""

from pathlib import Path

import pytest
import yaml

from lms.associations import needs

ALL_GOOD = {q.key: needs.YES for q in needs.QUESTIONS}
COURSES = Path(__file__).parents[2] / "courses"


def test_an_association_with_everything_in_place_starts_at_tier_3_with_no_needs():
    assert needs.needs(ALL_GOOD) == []
    assert needs.tier([]) == 3


def test_no_statute_means_tier_1_with_statute_liability_and_legal_form():
    found = needs.needs({**ALL_GOOD, "statute": needs.NO})
    assert [n.key for n in found] == ["statute", "liability", "legal_form"]
    assert needs.tier(found) == 1


def test_a_draft_statute_needs_the_statute_module_but_not_the_liability_one():
    found = [n.key for n in needs.needs({**ALL_GOOD, "statute": needs.PARTLY})]
    assert found == ["statute"]


@pytest.mark.parametrize(
    ("answers", "expected", "tier"),
    [
        ({"cash_book": needs.PARTLY}, ["bookkeeping", "event_money"], 2),
        ({"insurance": needs.NO}, ["volunteers"], 2),
        ({"insurance": needs.NOT_APPLICABLE, "volunteer_book": needs.NOT_APPLICABLE}, [], 3),
        ({"permits": needs.UNSURE}, ["permits"], 3),
        ({"events": needs.NO, "grants": needs.NO}, ["event_design", "event_money", "projects"], 3),
        ({"register": needs.UNSURE, "minutes": needs.NO}, ["legal_form", "register", "governance"], 1),
    ],
)
def test_each_gap_brings_its_module_and_the_lowest_tier_wins(answers, expected, tier):
    found = needs.needs({**ALL_GOOD, **answers})
    assert [n.key for n in found] == expected
    assert needs.tier(found) == tier


def test_unanswered_and_tampered_answers():
    answers = {"statute": needs.YES, "bank": "maybe", "evil": needs.YES}
    assert needs.clean(answers) == {"statute": needs.YES}
    assert "bank" in needs.missing(needs.clean(answers)) and "statute" not in needs.missing(answers)


def test_every_recommended_module_exists_in_the_shipped_courses():
    for rule in needs.RULES:
        _key, tier, course, module, _triggers = rule
        assert (COURSES / course / module / "module.yaml").exists(), (course, module)
        assert yaml.safe_load((COURSES / course / "course.yaml").read_text())["tier"] == tier
