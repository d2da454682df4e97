"""lms create-user and lms create-demo-users."""

import secrets
import sys

import click

from lms.auth import services
from lms.auth.models import Role
from lms.extensions import db


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.LEARNER.value)
@click.option("--email", default=None)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user(username, role, email, password_stdin):
    """Create an account; without --password-stdin a random password is printed."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else secrets.token_urlsafe(12)
    if len(password) < 8:
        raise click.ClickException("The password must have at least 8 characters.")
    try:
        user = services.create_user(username, password, role=role, email=email)
    except services.AccountError as error:
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Created {user.role} '{user.username}'.")
    if not password_stdin:
        click.echo(f"Password: {password}")


@click.command("create-demo-users")
def create_demo_users():
    """Create (or reset) one demo account per role and print the passwords."""
    for role in Role:
        password = secrets.token_urlsafe(9)
        user = services.get_by_username(role.value)
        if user is None:
            user = services.create_user(role.value, password, role=role)
        user.role = role.value
        user.set_password(password)
        click.echo(f"  {role.value:<8} username: {role.value:<8} password: {password}")
    db.session.commit()
