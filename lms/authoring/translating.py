"""What translators see: each module's state per language, and the words of a module as a flat list of fields.

A module's words (title, objectives, every question's prompt, labels and feedback) become one field each,
shown beside the source text, so one form translates any kind of question.
"""

from dataclasses import dataclass
from typing import Any

from lms.catalog.specs import ModuleSpec
from lms.catalog.translations import outdated_parts

GROUPS = ("options", "items", "left", "right", "feedback")


@dataclass
class Field:
    name: str
    source: str
    value: str
    multiline: bool = False
    question: str | None = None  # the question slug, to group fields
    group: str | None = None  # options, items, ...


def module_status(mod: ModuleSpec, lang: str, source: str) -> dict[str, Any]:
    """'missing' (no words yet), 'incomplete', 'outdated' or 'current', and which pages lack the language."""
    pages_missing = [p.slug for p in mod.pages if lang not in p.texts]
    questions_missing = [q.slug for q in mod.questions if lang not in q.texts]
    if lang not in mod.texts and len(pages_missing) == len(mod.pages):
        state = "missing"
    elif lang not in mod.texts or pages_missing or questions_missing:
        state = "incomplete"
    elif outdated_parts(mod, lang, source):
        state = "outdated"
    else:
        state = "current"
    return {
        "state": state,
        "pages_missing": pages_missing,
        "outdated": outdated_parts(mod, lang, source) if lang in mod.texts else [],
        "words_missing": lang not in mod.texts or bool(questions_missing),
    }


def word_fields(mod: ModuleSpec, lang: str, source: str) -> list[Field]:
    src, dst = mod.texts.get(source, {}), mod.texts.get(lang, {})
    fields = [
        Field("title", src.get("title", ""), dst.get("title", "")),
        Field("objectives", "\n".join(src.get("objectives", [])), "\n".join(dst.get("objectives", [])), True),
    ]
    for q in mod.questions:
        a, b = q.texts.get(source, {}), q.texts.get(lang, {})
        fields.append(Field(f"q.{q.slug}.prompt", a.get("prompt", ""), b.get("prompt", ""), True, q.slug))
        for group in GROUPS:
            for key, text in a.get(group, {}).items():
                value = b.get(group, {}).get(key, "")
                fields.append(Field(f"q.{q.slug}.{group}.{key}", text, value, False, q.slug, group))
        if a.get("accept"):
            fields.append(
                Field(
                    f"q.{q.slug}.accept", "\n".join(a["accept"]), "\n".join(b.get("accept", [])), True, q.slug
                )
            )
        if a.get("explanation"):
            fields.append(
                Field(f"q.{q.slug}.explanation", a["explanation"], b.get("explanation", ""), True, q.slug)
            )
    return fields


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def apply_words(mod: ModuleSpec, lang: str, form: dict[str, str]) -> None:
    """Store a translator's words; empty fields stay missing (the draft's problems list them)."""
    mod.texts[lang] = {
        "title": form.get("title", "").strip(),
        "objectives": _lines(form.get("objectives", "")),
    }
    for q in mod.questions:
        prefix = f"q.{q.slug}."
        prompt = form.get(prefix + "prompt", "").strip()
        if not prompt:
            q.texts.pop(lang, None)
            continue
        words: dict[str, Any] = {"prompt": prompt}
        for group in GROUPS:
            labels = {
                name[len(prefix + group) + 1 :]: value.strip()
                for name, value in form.items()
                if name.startswith(prefix + group + ".") and value.strip()
            }
            if labels:
                words[group] = labels
        if _lines(form.get(prefix + "accept", "")):
            words["accept"] = _lines(form[prefix + "accept"])
        if form.get(prefix + "explanation", "").strip():
            words["explanation"] = form[prefix + "explanation"].strip()
        q.texts[lang] = words
