"""The one clock: timezone-aware UTC, called at use (never computed at import)."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
