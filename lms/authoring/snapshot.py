"""The published course as learners see it, read back from the catalog into a CourseSpec.

A course imported from files has no version yet: its first draft starts from this snapshot, so what a
trainer edits is always exactly what learners see. Retired content is history, not part of the course.
"""

from sqlalchemy import select

from lms.catalog.models import Course, GlossaryTerm, Module
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, QuestionSpec, TermSpec
from lms.extensions import db


def spec_from_db(course: Course) -> CourseSpec:
    spec = CourseSpec(
        slug=course.slug,
        tier=course.tier,
        sequential=course.sequential,
        position=course.position,
        source_language=course.source_language,
        requires=sorted(c.slug for c in course.requires),
        texts={lang: _course_words(t) for lang, t in sorted(course.texts.items())},
        modules=[_module(m, course.source_language) for m in course.active_modules],
    )
    terms = db.session.scalars(
        select(GlossaryTerm).where(GlossaryTerm.course_id == course.id).order_by(GlossaryTerm.id)
    )
    spec.glossary = [
        TermSpec(
            t.slug, t.term, list(t.match), {lang: d.definition for lang, d in sorted(t.definitions.items())}
        )
        for t in terms
    ]
    return spec


def _course_words(text) -> dict[str, str]:
    words = {"title": text.title}
    if text.summary:
        words["summary"] = text.summary
    return words


def _module(module: Module, source: str) -> ModuleSpec:
    spec = ModuleSpec(
        slug=module.slug,
        estimated_minutes=module.estimated_minutes,
        pass_mark=module.pass_mark,
        max_attempts=module.max_attempts,
        shuffle=module.shuffle,
        draw_count=module.draw_count,
        texts={
            lang: {"title": t.title, "objectives": list(t.objectives)}
            for lang, t in sorted(module.texts.items())
        },
        pages=[
            PageSpec(p.slug, {lang: (t.title, t.body) for lang, t in sorted(p.texts.items())})
            for p in module.active_pages
        ],
        questions=[
            QuestionSpec(
                q.slug, q.kind, dict(q.spec), {lang: dict(t.data) for lang, t in sorted(q.texts.items())}
            )
            for q in module.active_questions
        ],
    )
    for lang, text in module.texts.items():
        pages = {
            p.slug: p.texts[lang].source_hash
            for p in module.active_pages
            if lang in p.texts and p.texts[lang].source_hash is not None
        }
        if lang != source and (text.source_hash is not None or pages):
            spec.translated_from[lang] = {"texts": text.source_hash, "pages": pages}
    return spec
