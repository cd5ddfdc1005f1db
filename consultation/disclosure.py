"""Small-number suppression: counts from 1 to 4 are never shown as numbers where they could
single someone out (by ward or age band on the dashboard, on the public pages and in the open
data). Zero is shown: it says nothing about anyone.

One rule for everything that publishes counts, so the threshold and the words never drift apart.
"""

SUPPRESS_BELOW = 5
SUPPRESSED_TEXT = "fewer than 5"


def is_suppressed(count: int | None) -> bool:
    """True for 1 to 4: a count too small to show."""
    return count is not None and 0 < count < SUPPRESS_BELOW


def count_text(count: int) -> str:
    """The count as it may be shown: "fewer than 5" for 1 to 4, else the number ("1,234")."""
    return SUPPRESSED_TEXT if is_suppressed(count) else f"{count:,}"
