"""Messages to a user on the platform (and by email when they have an address)."""
