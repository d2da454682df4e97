"""lms build-toolkits."""

from datetime import date
from pathlib import Path

import click
from flask import current_app

from lms.extensions import db
from lms.toolkits import services


@click.command("build-toolkits")
def build_toolkits():
    """Check the toolkit sources, generate their files and update the library (after import-courses)."""
    out = Path(current_app.config["TOOLKITS_DIR"])
    lines, problems = services.build_all(Path(current_app.config["COURSES_DIR"]), out, date.today())
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo("Nothing was built.", err=True)
        raise SystemExit(1)
    db.session.commit()
    for line in lines:
        click.echo(line)
    click.echo(f"Built {len(lines)} toolkit(s) into {out}.")
