"""Standard streams made usable before anything else runs (``--version`` included)."""

from __future__ import annotations

import io
import os
import sys

from flaskprep.user_number import parse_whole


def repair() -> str | None:
    """Closed standard streams and narrow encodings work, or give why not (for one line).

    A closed descriptor 0-2 gets ``/dev/null`` (so no file opened later takes its
    number); a closed stdin reads as end of input, a closed stderr swallows messages;
    a closed stdout is refused (every command's answer goes there). Text the output
    encoding cannot hold (ASCII, Latin-1, the C locale) is replaced, not fatal.
    """
    for fd, name, mode in ((2, "stderr", "w"), (0, "stdin", "r"), (1, "stdout", "w")):
        if getattr(sys, name) is not None and _open_descriptor(fd):
            continue
        if not _open_descriptor(fd):
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if name == "stdout":
            return "standard output is closed; nothing to write the answer to"
        # No pathlib here: --version passes through this and loads nothing it need not.
        setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115, PTH123
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        _tolerate_encoding(stream)
    _drop_unreadable_sizes()
    return None


def _drop_unreadable_sizes() -> None:
    """rich reads ``COLUMNS``/``LINES`` with ``isdigit`` then ``int``: ``²`` or 5,000
    digits end in a traceback. Such a value is ignored, as an unset one is."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and parse_whole(value) is None:
            del os.environ[name]


def _tolerate_encoding(stream: object) -> None:
    """What the encoding cannot hold (``é`` in ASCII, a lone surrogate from a non-UTF-8
    argument) becomes ``?`` instead of a traceback; ASCII input is read as UTF-8."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    encoding = stream.encoding.lower().replace("_", "-")
    if stream is sys.stdin and encoding in ("ascii", "ansi-x3.4-1968", "us-ascii"):
        stream.reconfigure(encoding="utf-8", errors="replace")
    elif stream is not sys.stderr:  # stderr already writes what it cannot encode as \xNN
        stream.reconfigure(errors="replace")


def _open_descriptor(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True
