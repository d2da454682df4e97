"""The `flask lms ...` command group; features add their commands to it in create_app."""

from flask import Flask
from flask.cli import AppGroup

lms_cli = AppGroup("lms", help="Ponte administration commands.")


def init_app(app: Flask) -> None:
    app.cli.add_command(lms_cli)
