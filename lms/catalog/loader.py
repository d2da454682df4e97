"""Read and check courses/ files. Every problem names its file and line; see docs/course-format.md."""

import re
from pathlib import Path
from typing import Any

from lms.catalog import glossary_files, questions
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, Problem, QuestionSpec, TermSpec
from lms.catalog.yamlfile import FileProblems, LineDict

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
LANG = re.compile(r"^[a-z]{2,3}$")
COURSE_KEYS = {"tier", "order", "requires", "modules", "position", "source_language"}
MODULE_KEYS = {"estimated_minutes", "pages", "quiz"}
RESERVED_PAGES = {"quiz"}  # /courses/<course>/<module>/quiz is the quiz's address
QUIZ_KEYS = {"pass_mark", "max_attempts", "shuffle", "draw", "questions"}


class _Reader(FileProblems):
    """Collects problems while reading one tree of course folders."""

    def __init__(self, root: Path):
        super().__init__(root.parent)
        self.root = root

    def unknown_keys(self, path: Path, data: LineDict, allowed: set[str]) -> None:
        for key in sorted(set(data) - allowed):
            self.report(path, data.line_of(key), f"unknown key '{key}'")

    def integer(self, path: Path, data: LineDict, key: str, default: Any, low: int, high: int):
        value = data.get(key, default)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.report(path, data.line_of(key), f"'{key}' must be a whole number from {low} to {high}")
            return default
        return value

    def slugs(self, path: Path, data: LineDict, key: str) -> list[str]:
        values = data.get(key)
        if not isinstance(values, list) or not values:
            self.report(path, data.line_of(key), f"'{key}' must be a non-empty list")
            return []
        result = []
        for i, value in enumerate(values):
            if not isinstance(value, str) or not SLUG.match(value):
                self.report(
                    path,
                    values.line_of(i),
                    f"'{value}' is not a valid identifier (lowercase letters, digits and -)",
                )
            elif value in result:
                self.report(path, values.line_of(i), f"'{value}' is listed twice")
            else:
                result.append(value)
        return result

    def language_files(self, folder: Path, stem: str) -> dict[str, Path]:
        """Find stem.<lang>.yaml files in a folder, reporting odd language codes."""
        found = {}
        for path in sorted(folder.glob(f"{stem}.*.yaml")):
            lang = path.name[len(stem) + 1 : -len(".yaml")]
            if LANG.match(lang):
                found[lang] = path
            else:
                self.report(path, 1, f"'{lang}' is not a language code (use e.g. it, en, ar)")
        return found

    # -- course ---------------------------------------------------------------------------

    def course(self, folder: Path) -> CourseSpec | None:
        path = folder / "course.yaml"
        data = self.yaml(path)
        if data is None:
            return None
        self.unknown_keys(path, data, COURSE_KEYS)
        order = data.get("order", "sequential")
        if order not in ("sequential", "free"):
            self.report(path, data.line_of("order"), "'order' must be 'sequential' or 'free'")
        requires = data.get("requires") or []
        if not isinstance(requires, list):
            self.report(path, data.line_of("requires"), "'requires' must be a list of course folders")
            requires = []
        spec = CourseSpec(
            slug=folder.name,
            tier=self.integer(path, data, "tier", 1, 1, 3),
            sequential=order != "free",
            position=self.integer(path, data, "position", 0, 0, 10_000),
            source_language=str(data.get("source_language", "it")),
            requires=[str(r) for r in requires],
            path=self.shown(path),
            requires_line=data.line_of("requires"),
        )
        if not LANG.match(spec.source_language):
            self.report(path, data.line_of("source_language"), "'source_language' is not a language code")
        if "tier" not in data:
            self.report(path, data.line, "'tier' is missing (1, 2 or 3)")
        self.course_texts(folder, spec)
        module_slugs = self.slugs(path, data, "modules")
        for slug in module_slugs:
            if not (folder / slug).is_dir():
                self.report(
                    path,
                    data["modules"].line_of(data["modules"].index(slug)),
                    f"module folder '{slug}' does not exist",
                )
            else:
                module = self.module(folder / slug, spec.source_language)
                if module:
                    spec.modules.append(module)
        spec.glossary = glossary_files.read_glossary(self, folder)
        for extra in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in module_slugs):
            self.report(path, data.line_of("modules"), f"folder '{extra.name}' is not listed in 'modules'")
        return spec

    def course_texts(self, folder: Path, spec: CourseSpec) -> None:
        files = self.language_files(folder, "course")
        if spec.source_language not in files:
            self.report(
                folder / f"course.{spec.source_language}.yaml",
                1,
                "file is missing: the course needs a title in its source language",
            )
        for lang, path in files.items():
            data = self.yaml(path)
            if data is None:
                continue
            self.unknown_keys(path, data, {"title", "summary"})
            title = str(data.get("title") or "").strip()
            if not title:
                self.report(path, data.line, "'title' is missing")
            spec.texts[lang] = {"title": title, "summary": str(data.get("summary") or "").strip()}

    # -- module ---------------------------------------------------------------------------

    def module(self, folder: Path, source_language: str) -> ModuleSpec | None:
        path = folder / "module.yaml"
        data = self.yaml(path)
        if data is None:
            return None
        self.unknown_keys(path, data, MODULE_KEYS)
        quiz = data.get("quiz")
        if not isinstance(quiz, LineDict):
            self.report(path, data.line_of("quiz"), "'quiz' is missing: every module ends with a quiz")
            quiz = LineDict()
            quiz.lines = {}
        self.unknown_keys(path, quiz, QUIZ_KEYS)
        attempts = self.integer(path, quiz, "max_attempts", 0, 0, 100)
        spec = ModuleSpec(
            slug=folder.name,
            estimated_minutes=self.integer(path, data, "estimated_minutes", 15, 1, 600),
            pass_mark=self.integer(path, quiz, "pass_mark", 60, 0, 100),
            max_attempts=attempts or None,
            shuffle=bool(quiz.get("shuffle", True)),
            draw_count=self.integer(path, quiz, "draw", None, 1, 1000),
        )
        page_slugs = self.slugs(path, data, "pages")
        for reserved in RESERVED_PAGES & set(page_slugs):
            self.report(path, data.line_of("pages"), f"'{reserved}' cannot be a page name: it is reserved")
        spec.questions = self.question_structure(path, quiz)
        if spec.draw_count and spec.draw_count > len(spec.questions):
            self.report(path, quiz.line_of("draw"), "'draw' is larger than the number of questions")
        texts = self.language_files(folder, "module")
        if source_language not in texts:
            self.report(
                folder / f"module.{source_language}.yaml",
                1,
                "file is missing: the module needs its source language",
            )
        spec.pages = [PageSpec(slug) for slug in page_slugs]
        for lang, text_path in texts.items():
            self.module_language(folder, text_path, lang, spec)
        self.stray_pages(folder, path, data, page_slugs, set(texts))
        return spec

    def question_structure(self, path: Path, quiz: LineDict) -> list[QuestionSpec]:
        items = quiz.get("questions")
        if not isinstance(items, list) or not items:
            self.report(path, quiz.line_of("questions"), "the quiz needs a list of 'questions'")
            return []
        result: list[QuestionSpec] = []
        for i, q in enumerate(items):
            line = items.line_of(i)
            if not isinstance(q, LineDict):
                self.report(path, line, "each question must be a mapping with 'id' and 'type'")
                continue
            slug, kind = q.get("id"), q.get("type")
            if not isinstance(slug, str) or not SLUG.match(slug):
                self.report(
                    path, q.line_of("id"), "the question needs an 'id' (lowercase letters, digits, -)"
                )
                continue
            if slug in {r.slug for r in result}:
                self.report(path, q.line_of("id"), f"question id '{slug}' is used twice")
                continue
            if kind not in questions.KINDS:
                self.report(path, q.line_of("type"), f"'type' must be one of: {', '.join(questions.KINDS)}")
                continue
            spec = questions.parse_structure(q, lambda ln, msg: self.report(path, ln, msg))
            result.append(QuestionSpec(slug=slug, kind=kind, spec=spec))
        return result

    def module_language(self, folder: Path, path: Path, lang: str, spec: ModuleSpec) -> None:
        data = self.yaml(path)
        if data is None:
            return
        self.unknown_keys(path, data, {"title", "objectives", "questions", "translated_from"})
        self.translated_from(path, data, lang, spec)
        title = str(data.get("title") or "").strip()
        if not title:
            self.report(path, data.line, "'title' is missing")
        objectives = data.get("objectives") or []
        if not isinstance(objectives, list) or not objectives:
            self.report(path, data.line_of("objectives"), "'objectives' must be a non-empty list")
            objectives = []
        spec.texts[lang] = {"title": title, "objectives": [str(o).strip() for o in objectives]}
        words = data.get("questions")
        if not isinstance(words, LineDict):
            self.report(path, data.line_of("questions"), "'questions' with the quiz's words is missing")
            words = LineDict()
            words.lines = {}
        known = {q.slug for q in spec.questions}
        for key in set(words) - known:
            self.report(path, words.line_of(key), f"text for question '{key}', which module.yaml lacks")
        for q in spec.questions:
            report = lambda ln, msg, _p=path: self.report(_p, ln, msg)  # noqa: E731
            if q.slug not in words:
                self.report(path, words.line, f"no text for question '{q.slug}'")
                continue
            q.texts[lang] = questions.parse_words(
                q.kind, q.spec, words[q.slug], words.line_of(q.slug), report
            )
        for page in spec.pages:
            self.page(folder / f"{page.slug}.{lang}.md", lang, page)

    def translated_from(self, path: Path, data: LineDict, lang: str, spec: ModuleSpec) -> None:
        """Read the fingerprints of the source a translation was made from (see stamp-translations)."""
        stamp = data.get("translated_from")
        if stamp is None:
            return
        pages = stamp.get("pages", {}) if isinstance(stamp, dict) else None
        if not isinstance(pages, dict) or not isinstance(stamp.get("texts", ""), str):
            self.report(
                path,
                data.line_of("translated_from"),
                "'translated_from' must have 'texts: <fingerprint>' and 'pages: {page: <fingerprint>}'",
            )
            return
        spec.translated_from[lang] = {
            "texts": stamp.get("texts"),
            "pages": {str(k): str(v) for k, v in pages.items()},
        }

    def page(self, path: Path, lang: str, page: PageSpec) -> None:
        if not path.is_file():
            self.report(path, 1, "file is missing: every page of the module needs this language")
            return
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.report(path, 1, "the file is not UTF-8 text")
            return
        lines = text.splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or not lines[first].startswith("# "):
            self.report(path, (first or 0) + 1, "a page starts with its title: '# Title'")
            return
        body = "\n".join(lines[first + 1 :]).strip()
        if not body:
            self.report(path, first + 2, "the page has a title but no text")
            return
        page.texts[lang] = (lines[first][2:].strip(), body + "\n")

    def stray_pages(self, folder: Path, path: Path, data: LineDict, slugs: list[str], langs: set) -> None:
        for md in sorted(folder.glob("*.md")):
            slug, _, lang = md.stem.rpartition(".")
            if slug not in slugs:
                self.report(path, data.line_of("pages"), f"'{md.name}' is not listed in 'pages'")
            elif lang not in langs:
                self.report(md, 1, f"there is no module.{lang}.yaml for this page's language")


def check_prerequisites(courses: list[CourseSpec], known: set[str]) -> list[Problem]:
    """Every required course must exist (in the files or already imported), without cycles."""
    problems = []
    slugs = {c.slug for c in courses} | known
    graph = {c.slug: c.requires for c in courses}
    for course in courses:
        for required in course.requires:
            if required not in slugs:
                problems.append(
                    Problem(course.path, course.requires_line, f"required course '{required}' does not exist")
                )
        if _reaches(graph, course.slug, course.slug):
            problems.append(
                Problem(course.path, course.requires_line, "courses require each other in a circle")
            )
    return problems


def _reaches(graph: dict[str, list[str]], start: str, target: str) -> bool:
    seen, stack = set(), list(graph.get(start, []))
    while stack:
        slug = stack.pop()
        if slug == target:
            return True
        if slug not in seen:
            seen.add(slug)
            stack.extend(graph.get(slug, []))
    return False


def is_course_folder(path: Path) -> bool:
    return (path / "course.yaml").is_file()


def load_courses(path: Path | str) -> tuple[list[CourseSpec], list[Problem]]:
    """Read every course under path (a courses/ tree or one course folder) and check it."""
    path = Path(path).resolve()
    reader = _Reader(path if not is_course_folder(path) else path.parent)
    if not path.is_dir():
        reader.report(path, 1, "not a folder")
        return [], reader.problems
    folders = (
        [path]
        if is_course_folder(path)
        else sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )
    courses = []
    for folder in folders:
        if not SLUG.match(folder.name):
            reader.report(folder, 1, "a course folder's name must be lowercase letters, digits and -")
            continue
        course = reader.course(folder)
        if course:
            courses.append(course)
    return courses, reader.problems


def load_shared_glossary(path: Path | str) -> tuple[list[TermSpec], list[Problem]]:
    """Read courses/_glossary/ (the terms shared by every course), if path is a courses/ tree."""
    path = Path(path).resolve()
    folder = path / glossary_files.SHARED_FOLDER
    reader = _Reader(path)
    if is_course_folder(path) or not folder.is_dir():
        return [], []
    terms = glossary_files.read_glossary(reader, folder, required=True)
    for term in terms:
        if "it" not in term.definitions:
            reader.report(folder / "glossary.it.yaml", 1, f"term '{term.slug}' has no Italian definition")
    return terms, reader.problems
