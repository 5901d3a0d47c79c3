"""Look a key up in a table of ``key rest`` lines sorted by key, without parsing it.

Bisection over byte offsets of the raw table: a lookup costs a few dozen byte-string
operations. The table can be a memory map of the file (``map_table``), so loading it
reads nothing and a command that asks for ten words never pays for the other forty
thousand, nor for decoding them.
"""

from __future__ import annotations

import mmap
from pathlib import Path

__all__ = ["Table", "find_line", "map_table"]

Table = bytes | mmap.mmap
"""A sorted table's raw UTF-8 bytes, in memory or mapped from its file."""


def map_table(path: Path) -> Table:
    """The file at ``path`` mapped read-only (its bytes, if it cannot be mapped)."""
    with path.open("rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file, or a file system without mmap
            return file.read()


def find_line(table: Table, key: str) -> str | None:
    """The rest of the line of ``table`` whose first field is ``key``, or ``None``."""
    wanted = key.encode("utf-8")
    low, high = 0, len(table)
    while low < high:
        middle = (low + high) // 2
        start = table.rfind(b"\n", 0, middle) + 1
        line_end = table.find(b"\n", start)
        if line_end < 0:
            line_end = len(table)
        end = table.find(b" ", start, line_end)
        if end < 0:
            end = line_end
        found = table[start:end]
        if found == wanted:
            return table[end + 1 : line_end].decode("utf-8")
        if found < wanted:
            low = line_end + 1
        else:
            high = start
    return None
