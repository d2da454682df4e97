"""Associations as first-class actors: profiles, members with roles, and their legal-deadline calendar."""
