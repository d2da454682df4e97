"""Read and check toolkit sources (courses/_toolkits/<id>/). Problems name file and line.

Run `python -m lms.toolkits.sources FOLDER...` to check toolkit folders without the app.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lms.catalog.specs import Problem
from lms.catalog.yamlfile import FileProblems, LineDict

FOLDER = "_toolkits"
KINDS = {"document": "document.md", "checklist": "checklist.yaml", "spreadsheet": "spreadsheet.yaml",
         "calendar": "calendar.yaml"}  # fmt: skip
TOPICS = ("founding", "governance", "members", "volunteers", "money", "registers", "events", "fundraising",
          "projects")  # fmt: skip
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
KEYS = {"kind", "module", "topic", "legal", "title", "description"}


@dataclass
class ToolkitSpec:
    slug: str
    kind: str
    course: str
    module: str
    topic: str
    legal: bool
    title: dict[str, str]
    description: dict[str, str]
    folder: Path
    content: Any = None  # document: text; others: parsed YAML


def _texts(check: FileProblems, path: Path, data: LineDict, key: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict) or not str(value.get("it") or "").strip():
        check.report(path, data.line_of(key), f"'{key}' needs at least an Italian text ('it: ...')")
        return {}
    return {str(k): str(v).strip() for k, v in value.items()}


def read_toolkit(check: FileProblems, folder: Path) -> ToolkitSpec | None:
    path = folder / "toolkit.yaml"
    data = check.yaml(path)
    if data is None:
        return None
    for key in sorted(set(data) - KEYS):
        check.report(path, data.line_of(key), f"unknown key '{key}'")
    kind, topic, module = data.get("kind"), data.get("topic"), str(data.get("module") or "")
    if kind not in KINDS:
        check.report(path, data.line_of("kind"), f"'kind' must be one of: {', '.join(KINDS)}")
        return None
    if topic not in TOPICS:
        check.report(path, data.line_of("topic"), f"'topic' must be one of: {', '.join(TOPICS)}")
    course, _, module_slug = module.partition("/")
    if not (SLUG.match(course) and SLUG.match(module_slug)):
        check.report(
            path,
            data.line_of("module"),
            "'module' must be 'course/module', e.g. fare-associazione/atto-e-statuto",
        )
    spec = ToolkitSpec(
        folder.name,
        kind,
        course,
        module_slug,
        str(topic),
        bool(data.get("legal", False)),
        _texts(check, path, data, "title"),
        _texts(check, path, data, "description"),
        folder,
    )
    source = folder / KINDS[kind]
    if kind == "document":
        if not source.is_file():
            check.report(source, 1, "file is missing")
        else:
            spec.content = source.read_text(encoding="utf-8")
            if not spec.content.strip():
                check.report(source, 1, "the document is empty")
    else:
        spec.content = check.yaml(source)
        if spec.content is not None:
            _CHECKS[kind](check, source, spec.content)
    return spec


def _check_checklist(check: FileProblems, path: Path, data: LineDict) -> None:
    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        check.report(path, data.line_of("sections"), "'sections' must be a non-empty list")
        return
    for i, section in enumerate(sections):
        items = section.get("items") if isinstance(section, dict) else None
        if (
            not isinstance(section, dict)
            or not section.get("title")
            or not isinstance(items, list)
            or not items
        ):
            check.report(path, sections.line_of(i), "each section needs a 'title' and a list of 'items'")


def _check_calendar(check: FileProblems, path: Path, data: LineDict) -> None:
    events = data.get("events")
    if not isinstance(events, list) or not events:
        check.report(path, data.line_of("events"), "'events' must be a non-empty list")
        return
    for i, event in enumerate(events):
        ok = isinstance(event, dict) and event.get("id") and event.get("title")
        if not ok or not re.match(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", str(event.get("date", ""))):
            check.report(path, events.line_of(i), "each event needs 'id', 'title' and 'date: MM-DD'")


def _check_spreadsheet(check: FileProblems, path: Path, data: LineDict) -> None:
    from lms.toolkits.build.spreadsheets import layout_problems

    for line, message in layout_problems(data):
        check.report(path, line, message)


_CHECKS = {"checklist": _check_checklist, "calendar": _check_calendar, "spreadsheet": _check_spreadsheet}


def load_toolkits(courses_dir: Path | str) -> tuple[list[ToolkitSpec], list[Problem]]:
    """Read every toolkit under courses/_toolkits/."""
    root = Path(courses_dir).resolve()
    check = FileProblems(root)
    folder = root / FOLDER
    specs = []
    if folder.is_dir():
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            if not SLUG.match(sub.name):
                check.report(sub, 1, "a toolkit folder's name must be lowercase letters, digits and -")
                continue
            spec = read_toolkit(check, sub)
            if spec:
                specs.append(spec)
    return specs, check.problems


def check_modules(specs: list[ToolkitSpec], modules: set[tuple[str, str]], root: Path) -> list[Problem]:
    """Every toolkit must be attached to a module that exists."""
    return [
        Problem(
            str((spec.folder / "toolkit.yaml").relative_to(root)),
            1,
            f"module '{spec.course}/{spec.module}' does not exist",
        )
        for spec in specs
        if (spec.course, spec.module) not in modules
    ]


if __name__ == "__main__":  # pragma: no cover - a helper for authors
    failed = False
    for arg in sys.argv[1:]:
        folder = Path(arg).resolve()
        check = FileProblems(folder.parent.parent)
        spec = read_toolkit(check, folder)
        print(spec.slug if spec else arg, "OK" if not check.problems else "")
        for problem in check.problems:
            print(" ", problem)
            failed = True
    sys.exit(1 if failed else 0)
