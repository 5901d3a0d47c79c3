"""Whole numbers a user typed: ASCII digits only, and never thousands of them.

``str.isdigit`` accepts ``²`` and ``١``, which ``int`` then refuses or reads
differently, and ``int`` refuses strings of more than 4,300 digits; both ended
in tracebacks. Every number read from an argument, an environment variable or a
typed key goes through :func:`parse_whole`.
"""

from __future__ import annotations

LARGEST = 10**9
"""No count, position or limit in flaskprep comes near a billion."""


def parse_whole(text: str, largest: int = LARGEST) -> int | None:
    """``text`` (spaces around allowed) as a whole number up to ``largest``, else ``None``."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(largest)):
        return None
    value = int(digits)
    return value if value <= largest else None
