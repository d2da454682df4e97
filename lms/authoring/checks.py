"""Check a version the way `lms check-courses` checks files: write it out, read it back, list problems."""

import tempfile
from pathlib import Path

from lms.catalog import loader, writer
from lms.catalog.specs import CourseSpec, Problem


def problems(spec: CourseSpec, known_courses: set[str]) -> list[Problem]:
    """Every reason the version cannot be published yet, as file:line: message."""
    try:
        files = writer.course_files(spec)
    except ValueError as error:
        return [Problem(spec.slug, 1, str(error))]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / spec.slug
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        loaded, found = loader.load_courses(folder)
        found += loader.check_prerequisites(loaded, known_courses | {spec.slug})
    return found
