"""A run of flaskprep: the command it names, and errors and results turned into exit codes."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from flaskprep.cli import registry
from flaskprep.cli.fast import command_name, fast_command
from flaskprep.cli.options import hoist_global_options
from flaskprep.cli.start import start_guide
from flaskprep.cli.state import options
from flaskprep.errors import ExitStatus, FlaskprepError
from flaskprep.outcome import Outcome
from flaskprep.ui.color import wants_color
from flaskprep.ui.safe import clean

STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
"""Signals whose default action ends the process on the spot, leaving the terminal in
the quiz's no-echo mode; each is turned into :class:`Terminated` instead."""


class Terminated(BaseException):
    """Raised from a signal handler so cleanup (terminal, saves) runs; exit 128 + signal."""

    def __init__(self, signum: int = 15) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


def _catch_stop_signals() -> dict[int, Any]:
    """Install the handler; the handlers it replaced, to put back afterwards."""
    replaced = {}
    for name in STOP_SIGNALS:
        number = getattr(signal, name, None)  # Windows has only SIGTERM of these
        if number is not None:
            replaced[number] = signal.signal(number, _on_signal)
    return replaced


def report_error(message: str, *, error: bool = True) -> None:
    """One line on stderr, red for an error (only when stderr is a terminal and colour is
    allowed); without ``error``, a plain answer such as "no question matches"."""
    line = f"flaskprep: error: {clean(message)}" if error else f"flaskprep: {clean(message)}"
    if error and wants_color(options.color, sys.stderr):
        line = f"\x1b[31m{line}\x1b[0m"
    sys.stderr.write(line + "\n")


def run(argv: list[str] | None, stream_problem: str | None = None) -> int:
    """Everything but ``--version``: the start guide, a daily command without typer, or typer."""
    if stream_problem is not None:
        report_error(stream_problem)
        return ExitStatus.ERROR
    args = sys.argv[1:] if argv is None else argv
    if registry.completing():
        return _guarded(lambda: _run_typer(argv))
    if not args:
        return _guarded(lambda: _write_out(start_guide()))
    args = hoist_global_options(args)
    fast = fast_command(args)
    if fast is not None:
        return _guarded(lambda: exit_status(fast()))
    return _guarded(lambda: _run_typer(args))


def _write_out(text: str) -> int:
    """Write and flush now, so a full disk or closed pipe is one line, not a traceback."""
    sys.stdout.write(text)
    sys.stdout.flush()
    return ExitStatus.SUCCESS


def failed_write(exc: OSError) -> int:
    """What ``--version`` (answered before this module loads) does when its write fails."""

    def fail() -> int:
        raise exc

    return _guarded(fail)


def _guarded(command: Callable[[], int]) -> int:
    """Run ``command``: user mistakes, Ctrl-C and signals become exit codes, not tracebacks."""
    replaced = _catch_stop_signals()
    try:
        return command()
    except FlaskprepError as exc:
        report_error(str(exc), error=exc.exit_status != ExitStatus.NO_MATCH)
        return int(exc.exit_status)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return ExitStatus.INTERRUPTED
    except Terminated as exc:
        return 128 + exc.signum  # 143 for SIGTERM, 129 SIGHUP, 131 SIGQUIT, as shells report
    except BrokenPipeError:
        return _broken_pipe()
    except (OSError, RecursionError, MemoryError) as exc:
        # What no command foresaw (a file name too long, a device error, input nested
        # too deeply): still one line naming the file, never a traceback.
        report_error(_unforeseen(exc))
        return ExitStatus.ERROR
    except Exception as exc:
        if os.environ.get("FLASKPREP_DEBUG"):
            raise
        report_error(
            f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
            "(a bug in flaskprep: please "
            "report it; FLASKPREP_DEBUG=1 shows where)"
        )
        return ExitStatus.ERROR
    finally:
        _restore_handlers(replaced)


def _unforeseen(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        # Without a file name it was a write to standard output (a full disk, /dev/full).
        where = f"{exc.filename}: " if exc.filename else "standard output: "
        return f"{where}{exc.strerror or exc}"
    return "input nested too deeply" if isinstance(exc, RecursionError) else "out of memory"


def _restore_handlers(replaced: dict[int, Any]) -> None:
    """In-process callers (tests, completion) get their own handlers back."""
    for number, handler in replaced.items():
        if handler is not None:
            signal.signal(number, handler)


def _run_typer(argv: list[str] | None) -> int:
    from typer import Abort, TyperException  # typer: the heaviest edge, never loaded by search

    app = registry.app_for(command_name(sys.argv[1:] if argv is None else argv))
    try:
        result = app(args=argv, prog_name="flaskprep", standalone_mode=False)
    except TyperException as exc:  # a usage mistake found while parsing arguments
        report_error(usage_message(exc))
        return ExitStatus.ERROR
    except Abort:
        sys.stderr.write("\n")
        return ExitStatus.INTERRUPTED
    return exit_status(result)


def exit_status(result: object) -> int:
    """The one place a command's result becomes an exit code (errors raised as
    ``FlaskprepError`` carry theirs, see ``_guarded``)."""
    if isinstance(result, Outcome):
        for message in (*result.worked_around, *result.errors):
            report_error(message)
        if result.errors:
            return ExitStatus.ERROR
        return ExitStatus.FOUND_ERRORS if result.failed_checks else ExitStatus.SUCCESS
    return result if isinstance(result, int) else ExitStatus.SUCCESS  # e.g. INTERRUPTED


def usage_message(exc: Exception) -> str:
    """Click's usage error as one line, with where to read the command's help."""
    format_message = getattr(exc, "format_message", None)
    message = str(format_message() if callable(format_message) else exc).rstrip(".")
    context = getattr(exc, "ctx", None)
    path = getattr(context, "command_path", None) or "flaskprep"
    return f"{message[:1].lower()}{message[1:]} (hint: {path} --help)"


def _broken_pipe() -> int:
    """``flaskprep browse | head``: stop quietly, as other Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.SUCCESS
