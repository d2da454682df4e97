"""The question form (one for all six kinds: the template shows the fields a kind uses) and its rules.

Rows left empty are ignored, so a form always offers a few blank rows for new options without JavaScript.
"""

from typing import Any

from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from lms.catalog.specs import QuestionSpec
from lms.core.forms import BaseForm
from lms.core.i18n import _, _l

EXTRA_ROWS = 2
KIND_LABELS = {
    "single": _l("One correct answer"),
    "multiple": _l("Several correct answers"),
    "truefalse": _l("True or false"),
    "text": _l("Short written answer"),
    "ordering": _l("Put in order"),
    "matching": _l("Match pairs"),
}


class OptionRow(Form):
    key = HiddenField()
    text = StringField(_l("Option"), validators=[Optional(), Length(max=500)])
    correct = BooleanField(_l("Correct"))
    feedback = StringField(_l("Feedback when chosen"), validators=[Optional(), Length(max=1000)])


class PairRow(Form):
    key = HiddenField()
    right_key = HiddenField()
    left = StringField(_l("Left"), validators=[Optional(), Length(max=300)])
    right = StringField(_l("Matches"), validators=[Optional(), Length(max=300)])


class QuestionForm(BaseForm):
    prompt = TextAreaField(
        _l("Question"), validators=[DataRequired(_l("Please fill in this field.")), Length(max=2000)]
    )
    options = FieldList(FormField(OptionRow), min_entries=0)
    items = FieldList(FormField(OptionRow), min_entries=0)
    pairs = FieldList(FormField(PairRow), min_entries=0)
    distractors = TextAreaField(
        _l("Extra wrong matches (one per line)"), validators=[Optional(), Length(max=3000)]
    )
    correct_tf = RadioField(
        _l("The statement is"), choices=[("true", _l("True")), ("false", _l("False"))], default="true"
    )
    feedback_true = StringField(_l("Feedback when the learner answers 'true'"), validators=[Length(max=1000)])
    feedback_false = StringField(
        _l("Feedback when the learner answers 'false'"), validators=[Length(max=1000)]
    )
    accept = TextAreaField(
        _l("Accepted answers (one per line)"),
        description=_l("Capital letters and extra spaces do not matter."),
        validators=[Optional(), Length(max=3000)],
    )
    explanation = TextAreaField(
        _l("Explanation shown after the quiz"), validators=[Optional(), Length(max=2000)]
    )


def blank_form_data(question: QuestionSpec | None, lang: str) -> dict[str, Any]:
    """The form's initial data for a question (or a new one), with blank rows to add more."""
    words = question.texts.get(lang, {}) if question else {}
    spec = question.spec if question else {}
    data: dict[str, Any] = {"prompt": words.get("prompt", ""), "explanation": words.get("explanation", "")}
    feedback = words.get("feedback", {})
    labels = words.get("options", {})
    data["options"] = [
        {
            "key": k,
            "text": labels.get(k, ""),
            "correct": k in spec.get("correct", []),
            "feedback": feedback.get(k, ""),
        }
        for k in spec.get("options", [])
    ] + [{}] * EXTRA_ROWS
    items = words.get("items", {})
    data["items"] = [{"key": k, "text": items.get(k, "")} for k in spec.get("items", [])] + [{}] * EXTRA_ROWS
    left, right = words.get("left", {}), words.get("right", {})
    pairs = spec.get("pairs", {})
    data["pairs"] = [
        {"key": k, "right_key": v, "left": left.get(k, ""), "right": right.get(v, "")}
        for k, v in pairs.items()
    ]
    data["pairs"] += [{}] * EXTRA_ROWS
    data["distractors"] = "\n".join(right.get(d, "") for d in spec.get("distractors", []))
    data["correct_tf"] = "true" if spec.get("correct", True) is True else "false"
    data["feedback_true"], data["feedback_false"] = feedback.get("true", ""), feedback.get("false", "")
    data["accept"] = "\n".join([*spec.get("accept", []), *words.get("accept", [])])
    return data


class QuestionError(ValueError):
    """What is wrong with the question as a whole, translated."""


def _keys(rows, prefix: str, taken: set[str]) -> list[tuple[str, Any]]:
    """The filled rows with their identifiers: kept for existing rows, new ones for added rows."""
    result, used = [], set(taken)
    for row in rows:
        key = (row.key.data or "").strip()
        if not key:
            n = 1
            while f"{prefix}{n}" in used:
                n += 1
            key = f"{prefix}{n}"
        used.add(key)
        result.append((key, row))
    return result


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def build(kind: str, form: QuestionForm, old: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The question's language-neutral spec and its words in the source language, from the form."""
    words: dict[str, Any] = {"prompt": form.prompt.data.strip()}
    if (form.explanation.data or "").strip():
        words["explanation"] = form.explanation.data.strip()
    if kind == "matching":
        return _matching(form, words, old), words
    return _BUILDERS[kind](form, words), words


def _choice(form, words, multiple: bool) -> dict[str, Any]:
    rows = _keys([r for r in form.options if (r.form.text.data or "").strip()], "o", set())
    if len(rows) < 2:
        raise QuestionError(_("Write at least two options."))
    correct = [k for k, r in rows if r.form.correct.data]
    if not multiple and len(correct) != 1:
        raise QuestionError(_("Tick exactly one correct option."))
    if multiple and not correct:
        raise QuestionError(_("Tick at least one correct option."))
    words["options"] = {k: r.form.text.data.strip() for k, r in rows}
    feedback = {k: r.form.feedback.data.strip() for k, r in rows if (r.form.feedback.data or "").strip()}
    if feedback:
        words["feedback"] = feedback
    return {"options": [k for k, _r in rows], "correct": correct}


def _truefalse(form, words) -> dict[str, Any]:
    feedback = {
        "true": (form.feedback_true.data or "").strip(),
        "false": (form.feedback_false.data or "").strip(),
    }
    feedback = {k: v for k, v in feedback.items() if v}
    if feedback:
        words["feedback"] = feedback
    return {"correct": form.correct_tf.data == "true"}


def _text(form, words) -> dict[str, Any]:
    accept = _lines(form.accept.data)
    if not accept:
        raise QuestionError(_("Write at least one accepted answer."))
    words["accept"] = accept
    return {"accept": []}


def _ordering(form, words) -> dict[str, Any]:
    rows = _keys([r for r in form.items if (r.form.text.data or "").strip()], "i", set())
    if len(rows) < 2:
        raise QuestionError(_("Write at least two items, in the right order."))
    words["items"] = {k: r.form.text.data.strip() for k, r in rows}
    return {"items": [k for k, _r in rows]}


def _matching(form, words, old: dict[str, Any]) -> dict[str, Any]:
    filled = [r for r in form.pairs if (r.form.left.data or "").strip() or (r.form.right.data or "").strip()]
    if any(not (r.form.left.data or "").strip() or not (r.form.right.data or "").strip() for r in filled):
        raise QuestionError(_("Every pair needs both sides."))
    rows = _keys(filled, "l", set())
    if len(rows) < 2:
        raise QuestionError(_("Write at least two pairs."))
    pairs = {k: (r.form.right_key.data or "").strip() or f"r-{k}" for k, r in rows}
    words["left"] = {k: r.form.left.data.strip() for k, r in rows}
    words["right"] = {pairs[k]: r.form.right.data.strip() for k, r in rows}
    lines, kept = _lines(form.distractors.data), list(old.get("distractors", []))
    distractors = []
    for n, text in enumerate(lines):
        key = kept[n] if n < len(kept) else f"x{n + 1}"
        while key in words["right"] or key in distractors:
            key += "x"
        distractors.append(key)
        words["right"][key] = text
    return {"pairs": pairs, "distractors": distractors}


_BUILDERS = {
    "single": lambda f, w: _choice(f, w, multiple=False),
    "multiple": lambda f, w: _choice(f, w, multiple=True),
    "truefalse": _truefalse,
    "text": _text,
    "ordering": _ordering,
}
