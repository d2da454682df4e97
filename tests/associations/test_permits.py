"""Which permits an event needs and by when: rules from the fact sheet, no invented lead times."""

from datetime import date

import pytest

from lms.associations.permits import EventFacts, permits

DAY = date(2027, 6, 20)


def _facts(**changes):
    base = dict(starts_on=DAY, multi_day=False, ends_by_midnight=True, expected_people=150, in_rome=True,
                venue_kind="indoor", features=frozenset())  # fmt: skip
    return EventFacts(**(base | changes))


def _keys(**changes):
    return [p.key for p in permits(_facts(**changes))]


def test_an_indoor_talk_needs_nothing():
    assert _keys() == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"expected_people": 200}, "show_scia"),
        ({"expected_people": 201}, "show_licence"),
        ({"ends_by_midnight": False}, "show_licence"),
        ({"multi_day": True}, "show_licence"),
    ],
)
def test_a_show_needs_a_scia_up_to_200_people_by_midnight_otherwise_a_licence(changes, expected):
    assert _keys(features=frozenset({"show"}), **changes)[0] == expected


def test_public_land_in_a_municipio_is_due_30_days_before_with_a_safety_plan():
    found = permits(_facts(venue_kind="public_municipio"))
    assert [p.key for p in found] == ["land_municipio", "safety_plan"]
    assert found[0].due(DAY) == date(2027, 5, 21) and found[1].due(DAY) is None


def test_outside_rome_public_land_has_no_invented_lead_time():
    found = permits(_facts(venue_kind="public_city", in_rome=False))
    assert found[0].key == "land_comune" and found[0].due(DAY) is None


def test_food_is_due_20_days_before_and_flagged_to_check_in_rome():
    food = permits(_facts(features=frozenset({"food"})))[0]
    assert food.key == "food" and food.due(DAY) == date(2027, 5, 31) and food.caution


def test_music_needs_siae_and_a_public_meeting_a_notice_to_the_questura():
    assert _keys(features=frozenset({"music", "public_meeting"})) == ["siae", "questura"]
