"""Small-cell suppression for published counts: no figure may let a reader single out a few people.

Counts from 1 to 4 are shown as "<5". When a breakdown has exactly one hidden cell, its total would
reveal it, so the next smallest cell is hidden too. Zero is shown: it reveals nobody.
"""

THRESHOLD = 5
HIDDEN = "<5"


def suppress(cells: dict[str, int], threshold: int = THRESHOLD) -> dict[str, int | str]:
    """The breakdown as it may be published (same keys, counts or "<5")."""
    hidden = {k for k, v in cells.items() if 0 < v < threshold}
    if len(hidden) == 1:
        others = sorted((v, k) for k, v in cells.items() if k not in hidden and v > 0)
        if others:
            hidden.add(others[0][1])
    return {k: (HIDDEN if k in hidden else v) for k, v in cells.items()}


def total(count: int, threshold: int = THRESHOLD) -> int | str:
    """A total on its own: hidden when it is small."""
    return HIDDEN if 0 < count < threshold else count
