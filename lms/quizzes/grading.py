"""Grading, as pure functions: no database, no request. A score is a fraction from 0 to 1."""

import re
import unicodedata
from collections.abc import Iterable
from typing import Any


def normalize_text(text: str) -> str:
    """Fold case, accents and extra spaces so that 'Statuto ' matches 'statùto'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip(" .!?;")


def grade_single(spec: dict, response: Any) -> float:
    return 1.0 if response in spec["correct"] else 0.0


def grade_multiple(spec: dict, response: Any) -> float:
    """Each right pick earns a share, each wrong pick costs one; never below zero."""
    chosen = set(response or [])
    correct = set(spec["correct"])
    right = len(chosen & correct)
    wrong = len(chosen - correct)
    return max(0.0, (right - wrong) / len(correct))


def grade_truefalse(spec: dict, response: Any) -> float:
    return 1.0 if response == ("true" if spec["correct"] else "false") else 0.0


def grade_text(spec: dict, response: Any, accepted: Iterable[str] = ()) -> float:
    if not isinstance(response, str) or not response.strip():
        return 0.0
    answers = {normalize_text(a) for a in (*spec["accept"], *accepted)}
    return 1.0 if normalize_text(response) in answers else 0.0


def grade_ordering(spec: dict, response: Any) -> float:
    """Share of items in their correct place."""
    items = spec["items"]
    given = list(response or [])
    return sum(1 for i, item in enumerate(items) if i < len(given) and given[i] == item) / len(items)


def grade_matching(spec: dict, response: Any) -> float:
    """Share of left items matched to their right item."""
    pairs = spec["pairs"]
    given = response or {}
    return sum(1 for left, right in pairs.items() if given.get(left) == right) / len(pairs)


GRADERS = {
    "single": grade_single,
    "multiple": grade_multiple,
    "truefalse": grade_truefalse,
    "ordering": grade_ordering,
    "matching": grade_matching,
}


def grade(kind: str, spec: dict, response: Any, accepted: Iterable[str] = ()) -> float:
    """Score one answer from 0 to 1; `accepted` adds a language's answers for text questions."""
    if kind == "text":
        return grade_text(spec, response, accepted)
    return GRADERS[kind](spec, response)


def percentage(scores: list[float]) -> float:
    """The attempt's score in percent, rounded to one decimal."""
    return round(100 * sum(scores) / len(scores), 1) if scores else 0.0


def passed(score_percent: float, pass_mark: int) -> bool:
    return score_percent >= pass_mark
