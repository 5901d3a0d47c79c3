"""Run the real CLI entry point in-process and capture what a user would see."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run(*args: str, stdin: str = "") -> Result:
    """``flaskprep ARGS`` through ``flaskprep.cli.main`` (the console script's function)."""
    return run_into(io.StringIO(), io.StringIO(), args, stdin)


def run_into(out: io.StringIO, err: io.StringIO, args: tuple[str, ...], stdin: str) -> Result:
    """``run`` with the caller's output buffers (e.g. ones that claim to be a terminal)."""
    from flaskprep.cli import main

    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())
