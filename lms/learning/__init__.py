"""The learner's journey: enrolment, reading pages, progress, unlocking and the dashboard."""
