"""lms seed-demo: a synthetic partner with groups and learners, for demos and benchmarks."""

import click
from flask import current_app

from lms.extensions import db


@click.command("seed-demo")
@click.option("--learners", type=click.IntRange(1, 200_000), default=100, show_default=True)
def seed_demo(learners):
    """Create a synthetic partner, five groups across Lazio and N learners with progress; print the logins."""
    from lms.cohorts.seed import refresh_statistics, seed

    seeded = seed(learners)
    db.session.commit()
    refresh_statistics()
    base = current_app.config["BASE_URL"].rstrip("/")
    click.echo(f"Created {learners} learners in {len(seeded.cohorts)} groups (synthetic data).")
    click.echo(f"Partner staff login: {seeded.staff.username} / {seeded.password}")
    click.echo(f"Partner page:   {base}/cohorts/partners/{seeded.partner_id}/")
    click.echo(f"Funder report:  {base}/cohorts/partners/{seeded.partner_id}/funder-report")
    for cohort in seeded.cohorts:
        click.echo(f"Dashboard {cohort.name}: {base}/cohorts/{cohort.id}/dashboard")
