"""Write checked course specs to the database, matching by slug, and say what changed.

Everything happens in the caller's transaction: the caller commits once, or nothing changes.
"""

from sqlalchemy import select

from lms.catalog.models import (
    Course,
    CourseText,
    GlossaryDefinition,
    GlossaryTerm,
    Module,
    ModuleText,
    Page,
    PageText,
    Question,
    QuestionText,
)
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, QuestionSpec, TermSpec
from lms.extensions import db


class _Changes:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.lines.append(f"{where}: {what}")


def _set(obj, changes: _Changes, where: str, **values) -> None:
    """Assign values, recording the names of those that differ."""
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    for key in changed:
        setattr(obj, key, values[key])
    if changed and obj.id is not None:
        changes.add(where, "changed " + ", ".join(sorted(changed)))


def _sync_texts(owner, model, changes: _Changes, where: str, texts: dict, texts_attr: str = "texts") -> None:
    """Make owner's per-language rows match `texts` ({lang: {column: value}})."""
    rows = getattr(owner, texts_attr)
    for lang, values in texts.items():
        current = rows.get(lang)
        if current is None:
            rows[lang] = model(lang=lang, **values)
            if owner.id is not None:
                changes.add(where, f"added language {lang}")
        else:
            diff = [k for k, v in values.items() if getattr(current, k) != v]
            for key in diff:
                setattr(current, key, values[key])
            if diff:
                changes.add(where, f"updated {lang} text")
    for lang in set(rows) - set(texts):
        del rows[lang]
        changes.add(where, f"removed language {lang}")


def _retire_missing(items, keep: set[str], changes: _Changes, where: str, kind: str) -> None:
    for item in items:
        if item.slug not in keep and not item.retired:
            item.retired = True
            changes.add(f"{where}/{item.slug}", f"{kind} retired (kept for learners' history)")


def import_courses(
    specs: list[CourseSpec],
    shared_glossary: list[TermSpec] | None = None,
    whole_tree: bool = False,
    keep: frozenset[str] = frozenset(),
) -> list[str]:
    """Create or update courses (and the shared glossary) from specs; return a line per change.

    With whole_tree (a full courses/ folder was read), courses missing from it are retired. Courses in
    `keep` are left exactly as they are.
    """
    changes = _Changes()
    if shared_glossary is not None:
        _import_glossary(None, shared_glossary, changes, "glossary")
    courses = {c.slug: c for c in db.session.scalars(select(Course))}
    for spec in [s for s in specs if s.slug in keep]:
        changes.add(spec.slug, "left as it is: written in the browser since (see --force)")
    specs = [s for s in specs if s.slug not in keep]
    for spec in specs:
        course = courses.get(spec.slug)
        if course is None:
            course = courses[spec.slug] = Course(slug=spec.slug)
            db.session.add(course)
            changes.add(spec.slug, "new course")
        _import_course(course, spec, changes)
    db.session.flush()
    for spec in specs:
        wanted = [courses[slug] for slug in spec.requires if slug in courses]
        if {c.slug for c in courses[spec.slug].requires} != set(spec.requires):
            courses[spec.slug].requires = wanted
            changes.add(spec.slug, "prerequisites set to " + (", ".join(spec.requires) or "none"))
    if whole_tree:
        _retire_missing(courses.values(), {s.slug for s in specs} | keep, changes, "courses", "course")
    db.session.flush()
    for spec in specs:
        _import_glossary(courses[spec.slug].id, spec.glossary, changes, f"{spec.slug}/glossary")
    db.session.flush()
    return changes.lines


def _import_course(course: Course, spec: CourseSpec, changes: _Changes) -> None:
    _set(
        course,
        changes,
        spec.slug,
        tier=spec.tier,
        sequential=spec.sequential,
        position=spec.position,
        source_language=spec.source_language,
        retired=False,
    )
    _sync_texts(course, CourseText, changes, spec.slug, spec.texts)
    existing = {m.slug: m for m in course.modules}
    for position, module_spec in enumerate(spec.modules):
        module = existing.get(module_spec.slug)
        where = f"{spec.slug}/{module_spec.slug}"
        if module is None:
            module = Module(slug=module_spec.slug)
            course.modules.append(module)
            changes.add(where, "new module")
        _import_module(module, module_spec, position, changes, where)
    _retire_missing(course.modules, {m.slug for m in spec.modules}, changes, spec.slug, "module")


def _import_module(module: Module, spec: ModuleSpec, position: int, changes: _Changes, where: str) -> None:
    _set(
        module,
        changes,
        where,
        position=position,
        estimated_minutes=spec.estimated_minutes,
        pass_mark=spec.pass_mark,
        max_attempts=spec.max_attempts,
        shuffle=spec.shuffle,
        draw_count=spec.draw_count,
        retired=False,
    )
    texts = {
        lang: {
            **words,
            "words_hash": spec.words_fingerprint(lang),
            "source_hash": spec.translated_from.get(lang, {}).get("texts"),
        }
        for lang, words in spec.texts.items()
    }
    _sync_texts(module, ModuleText, changes, where, texts)
    pages = {p.slug: p for p in module.pages}
    for position, page_spec in enumerate(spec.pages):
        sources = {lang: stamp["pages"].get(page_spec.slug) for lang, stamp in spec.translated_from.items()}
        _import_page(module, pages.get(page_spec.slug), page_spec, position, sources, changes, where)
    _retire_missing(module.pages, {p.slug for p in spec.pages}, changes, where, "page")
    found = {q.slug: q for q in module.questions}
    for position, question_spec in enumerate(spec.questions):
        _import_question(module, found.get(question_spec.slug), question_spec, position, changes, where)
    _retire_missing(module.questions, {q.slug for q in spec.questions}, changes, where, "question")


def _import_page(
    module: Module,
    page: Page | None,
    spec: PageSpec,
    position: int,
    sources: dict[str, str | None],
    changes: _Changes,
    where: str,
) -> None:
    where = f"{where}/{spec.slug}"
    if page is None:
        page = Page(slug=spec.slug)
        module.pages.append(page)
        changes.add(where, "new page")
    _set(page, changes, where, position=position, retired=False)
    texts = {
        lang: {
            "title": title,
            "body": body,
            "content_hash": spec.fingerprint(lang),
            "source_hash": sources.get(lang),
        }
        for lang, (title, body) in spec.texts.items()
    }
    _sync_texts(page, PageText, changes, where, texts)


def _import_question(
    module: Module,
    question: Question | None,
    spec: QuestionSpec,
    position: int,
    changes: _Changes,
    where: str,
) -> None:
    where = f"{where}/quiz/{spec.slug}"
    if question is None:
        question = Question(slug=spec.slug, kind=spec.kind, spec=spec.spec)
        module.questions.append(question)
        changes.add(where, "new question")
    _set(question, changes, where, position=position, kind=spec.kind, spec=spec.spec, retired=False)
    _sync_texts(
        question, QuestionText, changes, where, {lang: {"data": data} for lang, data in spec.texts.items()}
    )


def _import_glossary(course_id: int | None, terms: list[TermSpec], changes: _Changes, where: str) -> None:
    """Make the glossary (shared when course_id is None) match the files; terms are plain content."""
    existing = {
        t.slug: t
        for t in db.session.scalars(
            select(GlossaryTerm).where(
                GlossaryTerm.course_id.is_(None) if course_id is None else GlossaryTerm.course_id == course_id
            )
        )
    }
    for spec in terms:
        term = existing.pop(spec.slug, None)
        if term is None:
            term = GlossaryTerm(course_id=course_id, slug=spec.slug, term=spec.term, match=spec.match)
            db.session.add(term)
            changes.add(f"{where}/{spec.slug}", "new term")
        _set(term, changes, f"{where}/{spec.slug}", term=spec.term, match=spec.match)
        _sync_texts(
            term,
            GlossaryDefinition,
            changes,
            f"{where}/{spec.slug}",
            {lang: {"definition": text} for lang, text in spec.definitions.items()},
            texts_attr="definitions",
        )
    for term in existing.values():
        db.session.delete(term)
        changes.add(f"{where}/{term.slug}", "term removed")
