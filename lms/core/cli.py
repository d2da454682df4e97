"""The `flask lms ...` command group; features add their commands to it in create_app."""

from flask import Flask
from flask.cli import AppGroup

lms_cli = AppGroup("lms", help="Ponte administration commands.")


def init_app(app: Flask) -> None:
    app.cli.add_command(lms_cli)


@lms_cli.command("i18n-check")
def i18n_check():
    """Report interface translation coverage; exit 1 on any problem (stale, incomplete, placeholders)."""
    import click
    from flask import current_app

    from lms.config import ROOT
    from lms.core.i18n_checks import check

    coverage, problems = check(ROOT, list(current_app.config["LANGUAGES"]))
    for cov in coverage:
        click.echo(f"{cov.lang:>4}  {cov.percent:5.1f}%  {cov.translated}/{cov.total}")
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
