"""What the loader reads from courses/: plain data, independent of the database."""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

#: Length of the source fingerprints translators record in `translated_from`.
FINGERPRINT_LENGTH = 12


def fingerprint(value: Any) -> str:
    """A short, stable hash of a text (or of JSON-able data) in the source language."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a course file, with where it is."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class PageSpec:
    slug: str
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (title, body)

    def fingerprint(self, lang: str) -> str:
        title, body = self.texts[lang]
        return fingerprint(title + "\n" + body)


@dataclass
class QuestionSpec:
    slug: str
    kind: str
    spec: dict[str, Any]
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)  # lang -> words


@dataclass
class TermSpec:
    """A glossary term: the Italian word learners meet on forms, and its definitions."""

    slug: str
    term: str
    match: list[str]
    definitions: dict[str, str] = field(default_factory=dict)  # lang -> definition


@dataclass
class ModuleSpec:
    slug: str
    estimated_minutes: int
    pass_mark: int
    max_attempts: int | None
    shuffle: bool
    draw_count: int | None
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)  # lang -> title, objectives
    pages: list[PageSpec] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)
    # lang -> {"pages": {page slug: source fingerprint}, "texts": fingerprint of the module's words}
    translated_from: dict[str, dict[str, Any]] = field(default_factory=dict)

    def words_fingerprint(self, lang: str) -> str:
        """Fingerprint of the module's title, objectives and quiz words in one language."""
        return fingerprint(
            {"module": self.texts.get(lang), "questions": {q.slug: q.texts.get(lang) for q in self.questions}}
        )


@dataclass
class CourseSpec:
    slug: str
    tier: int
    sequential: bool
    position: int
    source_language: str
    requires: list[str]
    path: str = ""
    requires_line: int = 1
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> title, summary
    modules: list[ModuleSpec] = field(default_factory=list)
    glossary: list[TermSpec] = field(default_factory=list)
