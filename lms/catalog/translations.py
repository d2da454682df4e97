"""Translation status of course files, and recording which source a translation was made from."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from lms.catalog.specs import CourseSpec, ModuleSpec

_STAMP_BLOCK = re.compile(r"^translated_from:.*?(?=^\S|\Z)", re.MULTILINE | re.DOTALL)


@dataclass
class ModuleStatus:
    course: str
    module: str
    source: str
    languages: list[str]
    outdated: dict[str, list[str]] = field(default_factory=dict)  # lang -> what is outdated


def outdated_parts(module: ModuleSpec, lang: str, source: str) -> list[str]:
    """What in a translation was made from an older source: 'texts' and page identifiers."""
    if lang == source:
        return []
    stamp = module.translated_from.get(lang, {})
    parts = [] if stamp.get("texts") == module.words_fingerprint(source) else ["texts"]
    pages = stamp.get("pages", {})
    parts += [
        p.slug for p in module.pages if source in p.texts and pages.get(p.slug) != p.fingerprint(source)
    ]
    return parts


def status(courses: list[CourseSpec]) -> list[ModuleStatus]:
    result = []
    for course in courses:
        for module in course.modules:
            row = ModuleStatus(course.slug, module.slug, course.source_language, sorted(module.texts))
            for lang in row.languages:
                parts = outdated_parts(module, lang, course.source_language)
                if parts:
                    row.outdated[lang] = parts
            result.append(row)
    return result


def stamp_block(module: ModuleSpec, source: str) -> str:
    """The `translated_from` block recording the current source fingerprints."""
    lines = [
        "translated_from:",
        "  # Written by `flask lms stamp-translations`: the source this text was made from.",
        f"  texts: {module.words_fingerprint(source)}",
        "  pages:",
    ]
    lines += [f"    {page.slug}: {page.fingerprint(source)}" for page in module.pages if source in page.texts]
    return "\n".join(lines) + "\n"


def stamp_file(path: Path, module: ModuleSpec, source: str) -> bool:
    """Replace (or append) the block in a module.<lang>.yaml file; return True if it changed."""
    text = path.read_text(encoding="utf-8")
    without = _STAMP_BLOCK.sub("", text).rstrip("\n") + "\n"
    updated = without + "\n" + stamp_block(module, source)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        return True
    return False
