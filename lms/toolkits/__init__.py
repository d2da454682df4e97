"""Downloadable templates per course and module, generated from sources in courses/_toolkits/."""
