"""What the loader reads from courses/: plain data, independent of the database."""

from dataclasses import dataclass, field
from typing import Any


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


@dataclass
class QuestionSpec:
    slug: str
    kind: str
    spec: dict[str, Any]
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)  # lang -> words


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
