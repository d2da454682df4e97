"""Tiers, courses, modules, pages and questions, and loading them from courses/ files."""
