"""A deck's progress key from its file's path, and back: one key per path, never shared.

A path that is valid UTF-8 is its own key (as before). Any other path is written
``bytes:`` + its bytes with ``\\`` doubled and each odd byte as ``\\xNN``, so a file
named with a literal ``\\xe9`` and one with the byte 0xE9 get different keys. Keys
written before this (``\\xNN`` without the prefix) are still found: see ``legacy_key``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

BUNDLED_PREFIX = "bundled:"
BYTES_PREFIX = "bytes:"
_ESCAPE = re.compile(rb"\\\\|\\x([0-9a-f]{2})")


def key_for(path: Path) -> str:
    """The key of the deck file at ``path`` (an absolute, resolved path)."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return BYTES_PREFIX + raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def _raw(key: str) -> bytes | None:
    """The path bytes a key names, or ``None`` for a key that names no file."""
    if key.startswith(BUNDLED_PREFIX):
        return None
    if not key.startswith(BYTES_PREFIX):
        return os.fsencode(key) if key.startswith(os.sep) else None
    data = key.removeprefix(BYTES_PREFIX).encode("utf-8", "surrogatepass")
    return _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]) if m[1] else b"\\", data)


def path_of(key: str) -> Path | None:
    """The file a key was made from (``None`` for the bundled deck or a key of no path)."""
    raw = _raw(key)
    return None if raw is None else Path(os.fsdecode(raw))


def legacy_key(key: str) -> str | None:
    """The key this deck had before keys were made injective, if it differs."""
    if not key.startswith(BYTES_PREFIX):
        return None
    raw = _raw(key)
    return None if raw is None else raw.decode("utf-8", "backslashreplace")
