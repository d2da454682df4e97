"""lms check-courses and lms import-courses."""

from pathlib import Path

import click
from flask import current_app

from lms.catalog import importer, loader, services, translations
from lms.core.signals import courses_imported, courses_importing
from lms.extensions import db


def _load(path: str | None):
    path = path or current_app.config["COURSES_DIR"]
    courses, problems = loader.load_courses(path)
    glossary, glossary_problems = loader.load_shared_glossary(path)
    problems += glossary_problems
    try:
        known = services.known_slugs()
    except Exception:
        db.session.rollback()
        known = set()
    problems += loader.check_prerequisites(courses, known)
    # The shared glossary is updated only when importing a whole courses/ tree.
    shared = glossary if (Path(path) / loader.glossary_files.SHARED_FOLDER).is_dir() else None
    return courses, shared, problems


def _load_or_exit(path: str | None, failure: str | None = None):
    """Load and check; on any problem print them all (file:line: message) and exit with status 1."""
    courses, shared, problems = _load(path)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        if failure:
            click.echo(failure, err=True)
        raise SystemExit(1)
    return courses, shared


@click.command("check-courses")
@click.argument("path", required=False, type=click.Path())
def check_courses(path):
    """Check course files and print every problem as file:line: message."""
    courses, _ = _load_or_exit(path)
    modules = sum(len(c.modules) for c in courses)
    click.echo(f"OK: {len(courses)} course(s), {modules} module(s), no problems.")


@click.command("import-courses")
@click.argument("path", required=False, type=click.Path())
@click.option("--force", is_flag=True, help="Also overwrite courses written in the browser since.")
def import_courses(path, force):
    """Check course files, then import or update them all in one transaction.

    Courses written in the browser are left alone unless --force is given.
    """
    courses, shared = _load_or_exit(path, "Nothing was imported.")
    app = current_app._get_current_object()
    browser = frozenset().union(*(slugs for _, slugs in courses_importing.send(app)))
    keep = frozenset() if force else browser
    changes = importer.import_courses(courses, shared, whole_tree=shared is not None, keep=keep)
    overwritten = sorted(browser & {c.slug for c in courses}) if force else []
    if overwritten:
        courses_imported.send(app, slugs=overwritten)
    db.session.commit()
    for line in changes:
        click.echo(line)
    click.echo(f"Imported {len(courses)} course(s): {len(changes)} change(s).")


@click.command("translation-status")
@click.argument("path", required=False, type=click.Path())
def translation_status(path):
    """Print, per course and module, the languages it exists in and which are outdated."""
    courses, _ = _load_or_exit(path)
    for row in translations.status(courses):
        langs = ", ".join(f"{lang}*" if lang in row.outdated else lang for lang in row.languages)
        click.echo(f"{row.course}/{row.module}: {langs}  (source: {row.source})")
        for lang, parts in sorted(row.outdated.items()):
            click.echo(f"    {lang} outdated: {', '.join(parts)}")
    click.echo("* = made from an older source text; update it, then run `lms stamp-translations`.")


@click.command("stamp-translations")
@click.argument("path", type=click.Path(exists=True))
@click.option("--lang", "langs", multiple=True, required=True, help="Language(s) just brought up to date.")
@click.option("--module", "only", multiple=True, help="Only these module(s) (default: every module).")
def stamp_translations(path, langs, only):
    """Record that the translations in LANG are up to date with the current source texts."""
    courses, _ = _load_or_exit(path)
    for course in courses:
        root = Path(path).resolve()
        folder = root if loader.is_course_folder(root) else root / course.slug
        for module in course.modules:
            if only and module.slug not in only:
                continue
            for lang in langs:
                target = folder / module.slug / f"module.{lang}.yaml"
                stampable = lang != course.source_language and target.is_file()
                if stampable and translations.stamp_file(target, module, course.source_language):
                    click.echo(f"stamped {target}")
