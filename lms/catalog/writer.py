"""Write course specs back to files in the shipping format (docs/course-format.md): the loader's inverse.

Trainers edit courses in the browser; `course_files` turns a CourseSpec into the files of one course folder,
so the edits can be exported, diffed and translated like the shipped curriculum. Loading what this module
writes gives back equal specs.
"""

import re
from pathlib import Path
from typing import Any

import yaml

from lms.catalog.loader import LANG, SLUG
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, QuestionSpec, TermSpec

#: Long texts stay on one line: folding them would only make translators' diffs noisy.
WIDTH = 1 << 16
#: Scalars other YAML readers take for booleans or numbers while PyYAML's resolver does not: quote them too,
#: so that "y", "n" (YAML 1.1 booleans) and fingerprints like 012345678901 or 0e1234567890 (YAML 1.2 numbers)
#: stay strings in any reader.
_YAML11_BOOLS = re.compile(
    r"^(?:y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"
)
_YAML12_INTS = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_YAML12_FLOATS = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
STAMP_COMMENT = "# Written by `flask lms stamp-translations`: the source this text was made from."


class _Flow(list):
    """A list of identifiers, written inline: `[a, b, c]`."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes lists of identifiers inline and multi-line texts as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never `&id001` anchors, even if the same list is used twice

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "  - item" under its key, as in the shipped files


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # the emitter falls back to quotes when a block cannot hold it
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)
# Strings that resolve to anything but str get quoted: these resolvers only add quotes, never change values.
_Dumper.add_implicit_resolver("tag:yaml.org,2002:bool", _YAML11_BOOLS, list("yYnNtTfFoO"))
_Dumper.add_implicit_resolver("tag:yaml.org,2002:int", _YAML12_INTS, list("-+0123456789"))
_Dumper.add_implicit_resolver("tag:yaml.org,2002:float", _YAML12_FLOATS, list("-+.0123456789"))


def dump_yaml(data: dict) -> str:
    """YAML a translator can edit: block style, Unicode as is, keys in the given order, no folding."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=WIDTH,
    )


def _ids(values) -> _Flow:
    return _Flow(str(v) for v in values)


def _check(value: str, pattern, what: str) -> str:
    """Identifiers become file names: refuse anything the loader would not read back (or a path)."""
    if not isinstance(value, str) or not pattern.match(value):
        raise ValueError(f"{what} {value!r} cannot be written: not a valid identifier")
    return value


# -- course --------------------------------------------------------------------------------------


def course_files(course: CourseSpec) -> dict[str, str]:
    """Every file of one course folder: relative path (e.g. 'perche-associarsi/module.it.yaml') -> text."""
    files = {"course.yaml": _course_structure(course)}
    for lang in sorted(course.texts):
        files[f"course.{_check(lang, LANG, 'language')}.yaml"] = _course_words(course.texts[lang])
    if course.glossary:
        files.update(glossary_files(course.glossary))
    for module in course.modules:
        folder = _check(module.slug, SLUG, "module")
        for name, text in module_files(module).items():
            files[f"{folder}/{name}"] = text
    return files


def write_course(course: CourseSpec, folder: Path) -> None:
    """Write course_files into folder, creating it. Files already there and not written are left alone."""
    folder = Path(folder)
    for name, text in course_files(course).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def _course_structure(course: CourseSpec) -> str:
    return dump_yaml(
        {
            "tier": course.tier,
            "order": "sequential" if course.sequential else "free",
            "requires": _ids(course.requires),
            "position": course.position,
            "source_language": course.source_language,
            "modules": [str(m.slug) for m in course.modules],
        }
    )


def _course_words(texts: dict[str, str]) -> str:
    data = {"title": str(texts.get("title", ""))}
    if texts.get("summary"):
        data["summary"] = str(texts["summary"])
    return dump_yaml(data)


# -- module --------------------------------------------------------------------------------------


def module_files(module: ModuleSpec) -> dict[str, str]:
    """The files of one module folder: module.yaml, module.<lang>.yaml and the pages."""
    files = {"module.yaml": _module_structure(module)}
    langs = set(module.texts) | set(module.translated_from)
    langs |= {lang for q in module.questions for lang in q.texts}
    for lang in sorted(langs):
        files[f"module.{_check(lang, LANG, 'language')}.yaml"] = _module_words(module, lang)
    for page in module.pages:
        for lang in sorted(page.texts):
            name = f"{_check(page.slug, SLUG, 'page')}.{_check(lang, LANG, 'language')}.md"
            files[name] = page_text(page, lang)
    return files


def page_text(page: PageSpec, lang: str) -> str:
    """'# Title', a blank line, then the Markdown body ending with one newline."""
    title, body = page.texts[lang]
    title = " ".join(str(title).splitlines()).strip()
    body = "\n".join(str(body).splitlines()).strip()
    return f"# {title}\n\n{body}\n"


def _module_structure(module: ModuleSpec) -> str:
    quiz: dict[str, Any] = {
        "pass_mark": module.pass_mark,
        "max_attempts": module.max_attempts or 0,  # 0: unlimited
        "shuffle": bool(module.shuffle),
    }
    if module.draw_count is not None:
        quiz["draw"] = module.draw_count
    quiz["questions"] = [_question_structure(q) for q in module.questions]
    return dump_yaml(
        {
            "estimated_minutes": module.estimated_minutes,
            "pages": _ids(p.slug for p in module.pages),
            "quiz": quiz,
        }
    )


def _question_structure(q: QuestionSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"id": str(q.slug), "type": q.kind}
    spec = q.spec
    if q.kind in ("single", "multiple"):
        data["options"] = _ids(spec["options"])
        correct = _ids(spec["correct"])
        data["correct"] = correct[0] if q.kind == "single" and len(correct) == 1 else correct
    elif q.kind == "truefalse":
        data["correct"] = bool(spec["correct"])
    elif q.kind == "text":
        if spec.get("accept"):
            data["accept"] = _ids(spec["accept"])
    elif q.kind == "ordering":
        data["items"] = _ids(spec["items"])
    elif q.kind == "matching":
        data["pairs"] = {str(k): str(v) for k, v in spec["pairs"].items()}
        if spec.get("distractors"):
            data["distractors"] = _ids(spec["distractors"])
    return data


WORD_GROUPS = ("options", "items", "left", "right", "feedback")


def _module_words(module: ModuleSpec, lang: str) -> str:
    texts = module.texts.get(lang, {})
    data: dict[str, Any] = {
        "title": str(texts.get("title", "")),
        "objectives": [str(o) for o in texts.get("objectives", [])],
        "questions": {
            str(q.slug): _question_words(q.texts[lang]) for q in module.questions if lang in q.texts
        },
    }
    text = dump_yaml(data)
    stamp = module.translated_from.get(lang)
    if stamp is not None:
        text += "\n" + _stamp(stamp)
    return text


def _question_words(words: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"prompt": str(words.get("prompt", ""))}
    for group in WORD_GROUPS:
        if group in words:
            data[group] = {str(k): str(v) for k, v in words[group].items()}
    if words.get("accept"):
        data["accept"] = _Flow(str(a) for a in words["accept"])
    if words.get("explanation"):
        data["explanation"] = str(words["explanation"])
    return data


def _stamp(stamp: dict[str, Any]) -> str:
    """The translated_from block, with the comment that tells translators not to edit it."""
    data: dict[str, Any] = {}
    if stamp.get("texts") is not None:
        data["texts"] = str(stamp["texts"])
    data["pages"] = {str(k): str(v) for k, v in (stamp.get("pages") or {}).items()}
    first, rest = dump_yaml({"translated_from": data}).split("\n", 1)
    return f"{first}\n  {STAMP_COMMENT}\n{rest}"


# -- glossary ------------------------------------------------------------------------------------


def glossary_files(terms: list[TermSpec]) -> dict[str, str]:
    """glossary.yaml (the terms) and glossary.<lang>.yaml (one definition per term) for a list of terms."""
    entries = []
    for term in terms:
        entry: dict[str, Any] = {"id": _check(term.slug, SLUG, "term"), "term": str(term.term)}
        if list(term.match) != [term.term]:
            entry["match"] = _Flow(str(m) for m in term.match)
        entries.append(entry)
    files = {"glossary.yaml": dump_yaml({"terms": entries})}
    for lang in sorted({lang for term in terms for lang in term.definitions}):
        definitions = {t.slug: str(t.definitions[lang]) for t in terms if lang in t.definitions}
        files[f"glossary.{_check(lang, LANG, 'language')}.yaml"] = dump_yaml(definitions)
    return files
