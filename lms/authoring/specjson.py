"""A CourseSpec as JSON for a version row, and back. The loader's bookkeeping (path, line) is left out."""

from dataclasses import asdict
from typing import Any

from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, QuestionSpec, TermSpec

_LOADER_ONLY = ("path", "requires_line")


def to_json(spec: CourseSpec) -> dict[str, Any]:
    data = asdict(spec)
    for key in _LOADER_ONLY:
        data.pop(key)
    for module in data["modules"]:
        for page in module["pages"]:
            page["texts"] = {lang: list(pair) for lang, pair in page["texts"].items()}
    return data


def from_json(data: dict[str, Any]) -> CourseSpec:
    data = dict(data)
    modules = [_module(m) for m in data.pop("modules")]
    glossary = [TermSpec(**t) for t in data.pop("glossary")]
    return CourseSpec(**data, modules=modules, glossary=glossary)


def _module(data: dict[str, Any]) -> ModuleSpec:
    data = dict(data)
    pages = [
        PageSpec(p["slug"], {lang: tuple(pair) for lang, pair in p["texts"].items()})
        for p in data.pop("pages")
    ]
    questions = [QuestionSpec(**q) for q in data.pop("questions")]
    return ModuleSpec(**data, pages=pages, questions=questions)
