"""Building toolkits and keeping the library in step with the sources. Services flush; callers commit."""

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lms.catalog.models import Course, Module
from lms.extensions import db
from lms.toolkits import sources
from lms.toolkits.build import build
from lms.toolkits.models import Toolkit


def _modules() -> dict[tuple[str, str], Module]:
    rows = db.session.execute(
        select(Course.slug, Module).join(Module.course).where(Module.retired.is_(False))
    )
    return {(course_slug, module.slug): module for course_slug, module in rows}


def build_all(courses_dir: Path, out: Path, today: date) -> tuple[list[str], list]:
    """Check every toolkit, generate its files into out/ and sync the library; nothing on problems."""
    specs, problems = sources.load_toolkits(courses_dir)
    modules = _modules()
    problems += sources.check_modules(specs, set(modules), Path(courses_dir).resolve())
    if problems:
        return [], problems
    existing = {t.slug: t for t in db.session.scalars(select(Toolkit))}
    lines = []
    for spec in specs:
        paths = build(spec, out, today)
        files = [{"name": p.name, "format": p.suffix[1:], "size": p.stat().st_size} for p in paths]
        toolkit = existing.pop(spec.slug, None) or Toolkit(slug=spec.slug)
        toolkit.kind, toolkit.topic, toolkit.legal = spec.kind, spec.topic, spec.legal
        toolkit.module_id = modules[(spec.course, spec.module)].id
        toolkit.title, toolkit.description, toolkit.files = spec.title, spec.description, files
        db.session.add(toolkit)
        lines.append(f"{spec.slug}: {', '.join(f['name'] for f in files)}")
    for gone in existing.values():
        db.session.delete(gone)
        lines.append(f"{gone.slug}: removed")
    db.session.flush()
    return lines, []


def library() -> list[Toolkit]:
    """Every toolkit with its module and course, in tier, topic and title order."""
    toolkits = db.session.scalars(
        select(Toolkit).options(selectinload(Toolkit.module).selectinload(Module.course))
    )
    return sorted(toolkits, key=lambda t: (t.module.course.tier, t.topic, t.title.get("it", "")))


def for_module(module_id: int) -> list[Toolkit]:
    return list(
        db.session.scalars(select(Toolkit).where(Toolkit.module_id == module_id).order_by(Toolkit.slug))
    )


def find_file(slug: str, name: str) -> Toolkit | None:
    """The toolkit owning a file of that name (only names the last build recorded can be served)."""
    toolkit = db.session.scalar(select(Toolkit).where(Toolkit.slug == slug))
    if toolkit and any(f["name"] == name for f in toolkit.files):
        return toolkit
    return None
