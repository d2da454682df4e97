"""lms check-courses and lms import-courses."""

import click
from flask import current_app

from lms.catalog import importer, loader, services
from lms.extensions import db


def _load(path: str | None):
    path = path or current_app.config["COURSES_DIR"]
    courses, problems = loader.load_courses(path)
    try:
        known = services.known_slugs()
    except Exception:
        db.session.rollback()
        known = set()
    problems += loader.check_prerequisites(courses, known)
    return courses, problems


def _report(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"{len(problems)} problem(s) found.", err=True)


@click.command("check-courses")
@click.argument("path", required=False, type=click.Path())
def check_courses(path):
    """Check course files and print every problem as file:line: message."""
    courses, problems = _load(path)
    if problems:
        _report(problems)
        raise SystemExit(1)
    modules = sum(len(c.modules) for c in courses)
    click.echo(f"OK: {len(courses)} course(s), {modules} module(s), no problems.")


@click.command("import-courses")
@click.argument("path", required=False, type=click.Path())
def import_courses(path):
    """Check course files, then import or update them all in one transaction."""
    courses, problems = _load(path)
    if problems:
        _report(problems)
        click.echo("Nothing was imported.", err=True)
        raise SystemExit(1)
    changes = importer.import_courses(courses)
    db.session.commit()
    for line in changes:
        click.echo(line)
    click.echo(f"Imported {len(courses)} course(s): {len(changes)} change(s).")
