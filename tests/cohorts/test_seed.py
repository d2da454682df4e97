"""seed-demo creates a realistic partner with groups and learners, and prints where to look."""

from lms.cohorts import funder, reports
from lms.cohorts.models import Cohort


def test_seed_demo_prints_the_login_and_every_dashboard(app, db, courses):
    result = app.test_cli_runner().invoke(args=["lms", "seed-demo", "--learners", "60"])
    assert result.exit_code == 0, result.output
    assert "Partner staff login: demo-partner-" in result.output
    assert result.output.count("/dashboard") == 5
    cohorts = db.session.scalars(db.select(Cohort)).all()
    assert sum(reports.member_count(c) for c in cohorts) == 60
    steps = {s.label: s.count for s in reports.funnel(cohorts[0])}
    assert steps["members"] == 12 and 0 < steps["started"] <= 12
    report = funder.report(cohorts)
    assert report.participants == 60 and report.breakdowns["sex"]
