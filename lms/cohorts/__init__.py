"""Partners, their cohorts of learners (often in person, often without email), and cohort reports."""
