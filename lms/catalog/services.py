"""Reading the catalog: courses by tier, and choosing which language of a text to show."""

from collections.abc import Iterable

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.catalog.models import Course, GlossaryTerm, Module
from lms.extensions import db


def pick_language(available: Iterable[str], wanted: str, fallback: Iterable[str]) -> str | None:
    """Return wanted if available, else the first available fallback, else any available language."""
    available = list(available)
    for lang in (wanted, *fallback):
        if lang in available:
            return lang
    return sorted(available)[0] if available else None


def text_in(texts: dict, wanted: str, fallback: Iterable[str]):
    """Return the text object in the best language (see pick_language), or None."""
    lang = pick_language(texts, wanted, fallback)
    return texts[lang] if lang else None


def courses_by_tier() -> dict[int, list[Course]]:
    """Active courses grouped by tier, in catalog order."""
    courses = db.session.scalars(
        select(Course)
        .where(Course.retired.is_(False))
        .order_by(Course.tier, Course.position, Course.slug)
        .options(selectinload(Course.texts), selectinload(Course.requires).selectinload(Course.texts))
    )
    tiers: dict[int, list[Course]] = {1: [], 2: [], 3: []}
    for course in courses:
        tiers.setdefault(course.tier, []).append(course)
    return tiers


def get_course(slug: str) -> Course:
    """The active course with this slug (404 otherwise), with its modules' texts loaded at once."""
    course = db.session.scalar(
        select(Course)
        .where(Course.slug == slug, Course.retired.is_(False))
        .options(
            selectinload(Course.texts),
            selectinload(Course.requires).selectinload(Course.texts),
            selectinload(Course.modules).selectinload(Module.texts),
        )
    )
    if course is None:
        abort(404)
    return course


def get_module(course: Course, slug: str) -> Module:
    for module in course.active_modules:
        if module.slug == slug:
            return module
    abort(404)


def known_slugs() -> set[str]:
    return set(db.session.scalars(select(Course.slug)))


def glossary_terms(course: Course | None) -> list[GlossaryTerm]:
    """The shared terms, plus the course's own when a course is given, alphabetically."""
    scope = GlossaryTerm.course_id.is_(None)
    if course is not None:
        scope = scope | (GlossaryTerm.course_id == course.id)
    terms = db.session.scalars(
        select(GlossaryTerm).where(scope).options(selectinload(GlossaryTerm.definitions))
    )
    return sorted(terms, key=lambda t: t.term.casefold())


def term_links(terms: list[GlossaryTerm], page_url: str) -> tuple:
    """Links from each term's words to its entry on a glossary page, for the Markdown renderer."""
    return tuple((tuple(t.match), f"{page_url}#g-{t.slug}") for t in terms)
