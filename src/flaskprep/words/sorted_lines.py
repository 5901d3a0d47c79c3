"""Look a key up in a text table of ``key rest`` lines sorted by key, without parsing it.

Bisection over character offsets of the raw text: a lookup costs a few dozen string
operations, and loading a table costs one file read, so a command that asks for ten
words never pays for the other forty thousand.
"""

from __future__ import annotations

__all__ = ["find_line"]


def find_line(text: str, key: str) -> str | None:
    """The rest of the line of ``text`` whose first field is ``key``, or ``None``."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", 0, middle) + 1
        end = text.find(" ", start)
        line_end = text.find("\n", start)
        if line_end < 0:
            line_end = len(text)
        if end < 0 or end > line_end:
            end = line_end
        found = text[start:end]
        if found == key:
            return text[end + 1 : line_end]
        if found < key:
            low = line_end + 1
        else:
            high = start
    return None
