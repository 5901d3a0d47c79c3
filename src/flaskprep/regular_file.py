"""Read a user's file without trusting what it is: regular files only, never unbounded.

A deck, the progress file and the config file are named by the user, so any of them
may be a FIFO (a read blocks forever), ``/dev/zero`` (a read never ends), a socket
or a device. Such a file reports size 0, so a size check alone lets it through.
:func:`read_regular` refuses anything but a regular file before reading, opens
without blocking, checks again on the open descriptor (the path may have been
swapped in between), and reads at most ``limit`` bytes whatever the size says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnusableFile(Exception):
    """Not a regular file, or larger than allowed; ``reason`` reads after the file name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_of(mode: int) -> str:
    """``a FIFO (named pipe)``, ``a character device``...: what a non-regular file is."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UnusableFile(f"is {kind_of(info.st_mode)}, not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; ``UnusableFile`` for a special file or more than ``limit`` bytes.

    ``OSError`` (missing, permission denied...) passes through for the caller to word."""
    check_regular(path.stat())
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        check_regular(info)
        if info.st_size > limit:
            raise UnusableFile(f"is larger than {_size(limit)}")
        return _read_at_most(fd, limit)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    """Read to the end, but never past ``limit`` (files in /proc report size 0)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise UnusableFile(f"is larger than {_size(limit)}")
        chunks.append(chunk)


def _size(limit: int) -> str:
    if limit >= 1 << 20:
        return f"{limit >> 20} MB"
    return f"{limit >> 10} KB" if limit >= 1 << 10 else f"{limit} bytes"
