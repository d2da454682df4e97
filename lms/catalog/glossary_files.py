"""Glossary files: glossary.yaml (terms) and glossary.<lang>.yaml (definitions), per course or shared.

The shared glossary lives in courses/_glossary/; a course's own terms in courses/<course>/.
"""

from pathlib import Path

from lms.catalog.specs import TermSpec

SHARED_FOLDER = "_glossary"


def read_glossary(reader, folder: Path, required: bool = False) -> list[TermSpec]:
    """Read a folder's glossary, reporting problems through the loader's reader."""
    path = folder / "glossary.yaml"
    if not path.is_file():
        if required:
            reader.report(path, 1, "file is missing")
        return []
    data = reader.yaml(path)
    if data is None:
        return []
    reader.unknown_keys(path, data, {"terms"})
    terms = _terms(reader, path, data.get("terms"), data.line_of("terms"))
    for lang, text_path in reader.language_files(folder, "glossary").items():
        _definitions(reader, text_path, lang, terms)
    return terms


def _terms(reader, path: Path, items, line: int) -> list[TermSpec]:
    from lms.catalog.loader import SLUG

    if not isinstance(items, list) or not items:
        reader.report(path, line, "'terms' must be a non-empty list")
        return []
    terms: list[TermSpec] = []
    for i, item in enumerate(items):
        at = items.line_of(i)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not SLUG.match(item["id"]):
            reader.report(path, at, "each term needs an 'id' (lowercase letters, digits, -) and a 'term'")
            continue
        reader.unknown_keys(path, item, {"id", "term", "match"})
        if item["id"] in {t.slug for t in terms}:
            reader.report(path, at, f"term id '{item['id']}' is used twice")
            continue
        term = str(item.get("term") or "").strip()
        if not term:
            reader.report(path, at, f"term '{item['id']}' has no 'term'")
            continue
        match = item.get("match", [term])
        if not isinstance(match, list) or not all(isinstance(m, str) and m.strip() for m in match):
            reader.report(path, item.line_of("match"), "'match' must be a list of words to link")
            match = [term]
        terms.append(TermSpec(item["id"], term, [m.strip() for m in match]))
    return terms


def _definitions(reader, path: Path, lang: str, terms: list[TermSpec]) -> None:
    data = reader.yaml(path)
    if data is None:
        return
    known = {t.slug: t for t in terms}
    for key in data:
        if key not in known:
            reader.report(path, data.line_of(key), f"definition of '{key}', which glossary.yaml lacks")
        elif not str(data[key] or "").strip():
            reader.report(path, data.line_of(key), f"the definition of '{key}' is empty")
        else:
            known[key].definitions[lang] = str(data[key]).strip()
