"""Course content. Identity is the slug from the course files, so re-imports keep learners' history.

Content removed from the files is retired, never deleted: progress and attempts keep pointing at it.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.collections import attribute_keyed_dict

from lms.core.clock import utcnow
from lms.extensions import db

TIERS = (1, 2, 3)

course_prerequisites = Table(
    "course_prerequisites",
    db.metadata,
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
    Column("required_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
)


class Course(db.Model):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    tier: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    sequential: Mapped[bool] = mapped_column(default=True)
    source_language: Mapped[str] = mapped_column(String(10), default="it")
    retired: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    texts: Mapped[dict[str, "CourseText"]] = relationship(
        collection_class=attribute_keyed_dict("lang"), cascade="all, delete-orphan"
    )
    modules: Mapped[list["Module"]] = relationship(
        back_populates="course", order_by="Module.position", cascade="all, delete-orphan"
    )
    requires: Mapped[list["Course"]] = relationship(
        secondary=course_prerequisites,
        primaryjoin=lambda: Course.id == course_prerequisites.c.course_id,
        secondaryjoin=lambda: Course.id == course_prerequisites.c.required_id,
        order_by=lambda: Course.slug,
    )

    @property
    def active_modules(self) -> list["Module"]:
        return [m for m in self.modules if not m.retired]


class CourseText(db.Model):
    __tablename__ = "course_texts"

    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(10), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")


class Module(db.Model):
    __tablename__ = "modules"
    __table_args__ = (UniqueConstraint("course_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    estimated_minutes: Mapped[int] = mapped_column(default=15)
    retired: Mapped[bool] = mapped_column(default=False)
    pass_mark: Mapped[int] = mapped_column(default=60)
    max_attempts: Mapped[int | None]
    shuffle: Mapped[bool] = mapped_column(default=True)
    draw_count: Mapped[int | None]

    course: Mapped[Course] = relationship(back_populates="modules")
    texts: Mapped[dict[str, "ModuleText"]] = relationship(
        collection_class=attribute_keyed_dict("lang"), cascade="all, delete-orphan"
    )
    pages: Mapped[list["Page"]] = relationship(
        back_populates="module", order_by="Page.position", cascade="all, delete-orphan"
    )
    questions: Mapped[list["Question"]] = relationship(
        back_populates="module", order_by="Question.position", cascade="all, delete-orphan"
    )

    @property
    def active_pages(self) -> list["Page"]:
        return [p for p in self.pages if not p.retired]

    @property
    def active_questions(self) -> list["Question"]:
        return [q for q in self.questions if not q.retired]

    @property
    def languages(self) -> list[str]:
        return sorted(self.texts)


class ModuleText(db.Model):
    __tablename__ = "module_texts"

    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(10), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    objectives: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Fingerprint of these words (title, objectives, quiz); for a translation, of the source it was made from.
    words_hash: Mapped[str] = mapped_column(String(64), default="")
    source_hash: Mapped[str | None] = mapped_column(String(64))


class Page(db.Model):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("module_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    retired: Mapped[bool] = mapped_column(default=False)

    module: Mapped[Module] = relationship(back_populates="pages")
    texts: Mapped[dict[str, "PageText"]] = relationship(
        collection_class=attribute_keyed_dict("lang"), cascade="all, delete-orphan"
    )


class PageText(db.Model):
    __tablename__ = "page_texts"

    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(10), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    # For a translation: the fingerprint of the source-language page it was made from.
    source_hash: Mapped[str | None] = mapped_column(String(64))


class Question(db.Model):
    """A quiz question. `spec` holds the language-neutral truth: kind-specific ids and answers."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("module_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(16))
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(default=False)

    module: Mapped[Module] = relationship(back_populates="questions")
    texts: Mapped[dict[str, "QuestionText"]] = relationship(
        collection_class=attribute_keyed_dict("lang"), cascade="all, delete-orphan"
    )


class QuestionText(db.Model):
    """A question's words in one language: prompt, option labels, feedback, accepted answers."""

    __tablename__ = "question_texts"

    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(10), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class GlossaryTerm(db.Model):
    """A term learners meet in lessons and on official forms (kept in Italian), shared or per course."""

    __tablename__ = "glossary_terms"
    __table_args__ = (UniqueConstraint("course_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    term: Mapped[str] = mapped_column(String(120))
    match: Mapped[list[str]] = mapped_column(JSON, default=list)

    definitions: Mapped[dict[str, "GlossaryDefinition"]] = relationship(
        collection_class=attribute_keyed_dict("lang"), cascade="all, delete-orphan"
    )


class GlossaryDefinition(db.Model):
    __tablename__ = "glossary_definitions"

    term_id: Mapped[int] = mapped_column(
        ForeignKey("glossary_terms.id", ondelete="CASCADE"), primary_key=True
    )
    lang: Mapped[str] = mapped_column(String(10), primary_key=True)
    definition: Mapped[str] = mapped_column(Text)
