"""Trainers write, translate, review and publish courses in the browser."""
