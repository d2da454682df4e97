"""lms award-badge, lms revoke-badge, lms rotate-badge-key."""

import click
from flask import current_app

from lms.auth.services import get_by_username
from lms.badges import keys, openbadges, services
from lms.catalog.models import Course
from lms.extensions import db


@click.command("award-badge")
@click.argument("username")
@click.argument("course_slug")
@click.option("--evidence", required=True, help="What the learner did (e.g. the in-person course).")
def award_badge(username, course_slug, evidence):
    """Award a course's badge by hand; print the assertion and verification URLs."""
    learner = get_by_username(username)
    course = db.session.scalar(db.select(Course).where(Course.slug == course_slug))
    if learner is None or course is None:
        raise click.ClickException("No such learner or course.")
    try:
        award = services.award_by_hand(None, learner, course, evidence, current_app.config["BASE_URL"])
    except services.BadgeError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    urls = openbadges.Urls(current_app.config["BASE_URL"])
    click.echo(f"Assertion:    {urls.assertion(award)}")
    click.echo(f"Verification: {urls.verify(award)}")


@click.command("revoke-badge")
@click.argument("assertion_id")
@click.option("--reason", required=True)
def revoke_badge(assertion_id, reason):
    """Revoke an award by its id (the last part of its assertion URL)."""
    award = services.get_award(assertion_id.rstrip("/").rsplit("/", 1)[-1])
    if award is None:
        raise click.ClickException("No such award.")
    try:
        services.revoke(award, reason, None)
    except services.BadgeError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Revoked {award.public_id}.")


@click.command("rotate-badge-key")
def rotate_badge_key():
    """Start signing with a new key; earlier credentials still verify with the retired one."""
    key = keys.create_key(current_app.config["SECRET_KEY"])
    db.session.commit()
    click.echo(f"Now signing with {keys.did_web(current_app.config['BASE_URL'])}#{key.kid}.")
