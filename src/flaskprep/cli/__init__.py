"""Command layer: turns arguments into core calls and errors into exit codes.

``main`` makes the standard streams usable and answers ``--version`` before anything
else loads; any other run goes to ``cli/run.py``, which asks the registry
(``cli/registry.py``) for the command's module.
"""

from __future__ import annotations

import gc
import sys

from flaskprep import __version__
from flaskprep.cli import streams
from flaskprep.errors import ExitStatus

VERSION_FLAGS = (["--version"], ["-V"])
GC_FIRST_THRESHOLD = 100_000
"""A run allocates many objects that live until it ends (a deck, its index, a review
history): with Python's default (700) a ``stats`` over a long history stops about 50
times to scan them for nothing, some 5% of the run. Cycles are still collected, after
100,000 new objects instead of 700."""


def script() -> int:
    """The console script (and ``python -m flaskprep``): :func:`main` in a process of its own,
    with the garbage collector set for a short run."""
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])
    try:
        return main()
    finally:
        # The run is over: Python's last full scan of everything it made would only
        # delay the exit (13 ms of an 86 ms ``stats``, bench/RESULTS.md). Files are
        # closed and flushed by then; the process ends right after.
        gc.freeze()


def main(argv: list[str] | None = None) -> int:
    """flaskprep's arguments (``sys.argv`` by default) to an exit code; tests call it too."""
    args = sys.argv[1:] if argv is None else argv
    problem = streams.repair()
    if problem is None and args in VERSION_FLAGS:
        return _version()
    from flaskprep.cli.run import run  # the entry point's lazy edge: all but --version

    return run(argv, problem)


def _version() -> int:
    try:
        sys.stdout.write(f"flaskprep {__version__}\n")
        sys.stdout.flush()
    except OSError as exc:  # a full device or a closed pipe: one line, as for any command
        from flaskprep.cli.run import failed_write

        return failed_write(exc)
    return ExitStatus.SUCCESS
