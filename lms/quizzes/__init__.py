"""Quiz attempts and grading."""
