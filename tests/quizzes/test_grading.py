"""Grading is pure: every question type, right, wrong and partly right."""

import pytest

from lms.quizzes import grading

SINGLE = {"options": ["a", "b", "c"], "correct": ["b"]}
MULTIPLE = {"options": ["a", "b", "c", "d"], "correct": ["a", "c"]}
ORDERING = {"items": ["one", "two", "three", "four"]}
MATCHING = {"pairs": {"x": "1", "y": "2"}, "distractors": ["3"]}


@pytest.mark.parametrize(("response", "score"), [("b", 1.0), ("a", 0.0), (None, 0.0), ("zzz", 0.0)])
def test_single_choice(response, score):
    assert grading.grade("single", SINGLE, response) == score


@pytest.mark.parametrize(
    ("response", "score"),
    [
        (["a", "c"], 1.0),
        (["a"], 0.5),
        (["a", "b"], 0.0),  # one right, one wrong: they cancel out
        (["a", "c", "d"], 0.5),
        (["b", "d"], 0.0),  # never below zero
        (["a", "b", "c", "d"], 0.0),  # ticking everything does not pay
        (None, 0.0),
    ],
)
def test_multiple_choice_partial_credit(response, score):
    assert grading.grade("multiple", MULTIPLE, response) == score


@pytest.mark.parametrize(
    ("correct", "response", "score"),
    [
        (True, "true", 1.0),
        (True, "false", 0.0),
        (False, "false", 1.0),
        (False, "true", 0.0),
        (True, None, 0.0),
    ],
)
def test_true_false(correct, response, score):
    assert grading.grade("truefalse", {"correct": correct}, response) == score


@pytest.mark.parametrize(
    "response",
    ["statuto", "Statuto", "  STATUTO  ", "statùto", "Statuto.", "lo   statuto"],
)
def test_text_ignores_case_accents_and_spaces(response):
    spec = {"accept": ["statuto", "lo statuto"]}
    assert grading.grade("text", spec, response) == 1.0


@pytest.mark.parametrize("response", ["statuti", "", "   ", None, "atto"])
def test_text_rejects_other_answers(response):
    assert grading.grade("text", {"accept": ["statuto"]}, response) == 0.0


def test_text_accepts_language_specific_answers():
    spec = {"accept": ["7"]}
    assert grading.grade("text", spec, "Seven", accepted=["seven"]) == 1.0
    assert grading.grade("text", spec, "seven") == 0.0
    assert grading.grade("text", spec, " 7 ") == 1.0


@pytest.mark.parametrize(
    ("response", "score"),
    [
        (["one", "two", "three", "four"], 1.0),
        (["two", "one", "three", "four"], 0.5),
        (["four", "three", "two", "one"], 0.0),
        (["one"], 0.25),
        (None, 0.0),
    ],
)
def test_ordering_scores_items_in_place(response, score):
    assert grading.grade("ordering", ORDERING, response) == score


@pytest.mark.parametrize(
    ("response", "score"),
    [
        ({"x": "1", "y": "2"}, 1.0),
        ({"x": "1", "y": "3"}, 0.5),
        ({"x": "2", "y": "1"}, 0.0),
        ({}, 0.0),
        (None, 0.0),
    ],
)
def test_matching(response, score):
    assert grading.grade("matching", MATCHING, response) == score


def test_percentage_and_pass_mark():
    assert grading.percentage([1.0, 0.5, 0.0, 1.0]) == 62.5
    assert grading.percentage([]) == 0.0
    assert grading.passed(70.0, 70)
    assert not grading.passed(69.9, 70)


def test_normalize_text_folds_unicode():
    assert grading.normalize_text("  Città\u00a0 Metropolitana ") == "citta metropolitana"
    assert grading.normalize_text("ÉCOLE") == "ecole"
