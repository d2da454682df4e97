"""Checks on the interface catalogs, run by the test suite and by `flask lms i18n-check` in CI.

A problem is: extraction out of date, a shipped language with an untranslated or fuzzy message,
or a translation whose placeholders differ from its message.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from lms.core.i18n import BABEL_ALIASES

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}


@dataclass
class Coverage:
    lang: str
    translated: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def extracted_ids(root: Path) -> set[str]:
    """Message ids found in the code now, as `make i18n-extract` would find them."""
    with (root / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)

    def keep(dirname: str) -> bool:
        return not Path(dirname).name.startswith(".") and Path(dirname).name != "__pycache__"

    found = extract_from_dir(str(root), method_map, options_map, keywords=KEYWORDS, directory_filter=keep)
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def template_ids(root: Path) -> set[str]:
    template = _read(root / "translations/messages.pot")
    return {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def catalog_problems(root: Path, lang: str) -> tuple[Coverage, list[str]]:
    """Coverage of one language against messages.pot, and every problem found."""
    path = root / "translations" / BABEL_ALIASES.get(lang, lang) / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return Coverage(lang, 0, 0), [f"{lang}: {path} is missing"]
    catalog, template = _read(path), _read(root / "translations/messages.pot")
    problems, translated, total = [], 0, 0
    for wanted in template:
        if not wanted.id:
            continue
        total += 1
        message = catalog.get(wanted.id)
        if message is None or not all(_strings(message)) or message.fuzzy:
            problems.append(f"{lang}: not translated: {wanted.id!r}")
            continue
        translated += 1
        ids = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        expected = sorted(set(PLACEHOLDER.findall(ids)))
        for string in _strings(message):
            if sorted(set(PLACEHOLDER.findall(string))) != expected:
                problems.append(f"{lang}: placeholders differ in {message.id!r}: {string!r}")
    return Coverage(lang, translated, total), problems


def check(root: Path, languages: list[str]) -> tuple[list[Coverage], list[str]]:
    """All checks for the shipped languages."""
    problems = []
    stale = extracted_ids(root) ^ template_ids(root)
    if stale:
        problems.append(f"messages.pot is out of date ({len(stale)} messages differ): run `make i18n-update`")
    coverage = []
    for lang in languages:
        cov, found = catalog_problems(root, lang)
        coverage.append(cov)
        problems += found
    return coverage, problems
