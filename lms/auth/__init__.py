"""Accounts, roles, login and registration."""
