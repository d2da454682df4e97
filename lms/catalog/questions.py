"""Rules for quiz questions in course files: the language-neutral part and each language's words."""

from collections.abc import Callable
from typing import Any

from lms.catalog.yamlfile import LineDict

KINDS = ("single", "multiple", "truefalse", "text", "ordering", "matching")
Report = Callable[[int, str], None]


def _ids(value: Any, line: int, what: str, report: Report, minimum: int = 2) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        report(line, f"'{what}' must be a list of identifiers")
        return []
    ids = [str(v) for v in value]
    if len(set(ids)) != len(ids):
        report(line, f"'{what}' has the same identifier twice")
    if len(ids) < minimum:
        report(line, f"'{what}' needs at least {minimum} entries")
    return ids


def _choice(q: LineDict, report: Report, multiple: bool) -> dict:
    options = _ids(q.get("options"), q.line_of("options"), "options", report)
    correct = q.get("correct")
    correct = [str(c) for c in correct] if isinstance(correct, list) else [str(correct)]
    if not multiple and len(correct) != 1:
        report(q.line_of("correct"), "a single-choice question has exactly one correct option")
    if multiple and not correct:
        report(q.line_of("correct"), "a multiple-choice question needs at least one correct option")
    for c in correct:
        if c not in options:
            report(q.line_of("correct"), f"correct answer '{c}' is not one of the options")
    return {"options": options, "correct": correct}


def _truefalse(q: LineDict, report: Report) -> dict:
    if not isinstance(q.get("correct"), bool):
        report(q.line_of("correct"), "a true/false question needs 'correct: true' or 'correct: false'")
    return {"correct": bool(q.get("correct"))}


def _text(q: LineDict, report: Report) -> dict:
    accept = q.get("accept", [])
    if not isinstance(accept, list):
        report(q.line_of("accept"), "'accept' must be a list of answers")
        accept = []
    return {"accept": [str(a) for a in accept]}


def _ordering(q: LineDict, report: Report) -> dict:
    return {"items": _ids(q.get("items"), q.line_of("items"), "items", report)}


def _matching(q: LineDict, report: Report) -> dict:
    pairs = q.get("pairs")
    if not isinstance(pairs, dict) or len(pairs) < 2:
        report(q.line_of("pairs"), "'pairs' must map at least two left items to right items")
        pairs = {}
    pairs = {str(k): str(v) for k, v in pairs.items()}
    distractors = _ids(q.get("distractors", []), q.line_of("distractors"), "distractors", report, 0)
    if len(set(pairs.values())) != len(pairs):
        report(q.line_of("pairs"), "two left items cannot match the same right item")
    return {"pairs": pairs, "distractors": distractors}


_STRUCTURE = {
    "single": lambda q, r: _choice(q, r, multiple=False),
    "multiple": lambda q, r: _choice(q, r, multiple=True),
    "truefalse": _truefalse,
    "text": _text,
    "ordering": _ordering,
    "matching": _matching,
}
STRUCTURE_KEYS = {"id", "type", "options", "correct", "accept", "items", "pairs", "distractors"}


def parse_structure(q: LineDict, report: Report) -> dict:
    """Check a question's language-neutral part; return its normalised spec."""
    for key in set(q) - STRUCTURE_KEYS:
        report(q.line_of(key), f"unknown key '{key}' in a question")
    return _STRUCTURE[q["type"]](q, report)


def labels_needed(kind: str, spec: dict) -> dict[str, list[str]]:
    """Which labelled groups each language must provide, and their identifiers."""
    if kind in ("single", "multiple"):
        return {"options": spec["options"]}
    if kind == "ordering":
        return {"items": spec["items"]}
    if kind == "matching":
        return {"left": list(spec["pairs"]), "right": sorted({*spec["pairs"].values(), *spec["distractors"]})}
    return {}


def feedback_keys(kind: str, spec: dict) -> set[str]:
    if kind in ("single", "multiple"):
        return set(spec["options"])
    if kind == "truefalse":
        return {"true", "false"}
    return set()


WORD_KEYS = {"prompt", "explanation", "options", "items", "left", "right", "feedback", "accept"}


def parse_words(kind: str, spec: dict, words: Any, line: int, report: Report) -> dict:
    """Check one language's words for a question; return them as plain data."""
    if not isinstance(words, LineDict):
        report(line, "a question's text must be a mapping with at least 'prompt'")
        return {}
    for key in set(words) - WORD_KEYS:
        report(words.line_of(key), f"unknown key '{key}' in a question's text")
    if not str(words.get("prompt") or "").strip():
        report(line, "the question has no 'prompt'")
    result: dict[str, Any] = {"prompt": str(words.get("prompt") or "").strip()}
    if words.get("explanation"):
        result["explanation"] = str(words["explanation"]).strip()
    for group, ids in labels_needed(kind, spec).items():
        labels = words.get(group)
        if not isinstance(labels, dict):
            report(words.line_of(group), f"missing '{group}' with a label for each of: {', '.join(ids)}")
            continue
        for key in set(ids) - set(labels):
            report(words.line_of(group), f"'{group}' has no label for '{key}'")
        for key in set(labels) - set(ids):
            report(labels.line_of(key), f"'{group}' labels '{key}', which the question does not have")
        result[group] = {k: str(v).strip() for k, v in labels.items() if k in ids}
    result.update(_parse_feedback(kind, spec, words, report))
    if kind == "text":
        accept = words.get("accept", [])
        result["accept"] = [str(a) for a in accept] if isinstance(accept, list) else []
        if not result["accept"] and not spec["accept"]:
            report(line, "a text question needs at least one accepted answer ('accept')")
    return result


def _parse_feedback(kind: str, spec: dict, words: LineDict, report: Report) -> dict:
    feedback = words.get("feedback")
    if feedback is None:
        return {}
    allowed = feedback_keys(kind, spec)
    if not isinstance(feedback, dict) or not allowed:
        report(words.line_of("feedback"), "per-option 'feedback' is only for choice and true/false questions")
        return {}
    for key in set(feedback) - allowed:
        report(feedback.line_of(key), f"feedback for '{key}', which is not an option")
    return {"feedback": {k: str(v).strip() for k, v in feedback.items() if k in allowed}}
