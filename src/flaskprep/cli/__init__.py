"""Command layer: turns arguments into core calls and errors into exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import FrameType

from flaskprep.errors import ExitStatus, FlaskprepError, Outcome

VERSION_FLAGS = (["--version"], ["-V"])


class Terminated(BaseException):
    """Raised from the SIGTERM handler so cleanup (terminal, saves) runs."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def report_error(message: str) -> None:
    """One red line on stderr (red only when stderr is a terminal and colour is allowed)."""
    from flaskprep.cli.state import options
    from flaskprep.ui.color import wants_color
    from flaskprep.ui.safe import clean

    line = f"flaskprep: error: {clean(message)}"
    if wants_color(options.color, sys.stderr):
        line = f"\x1b[31m{line}\x1b[0m"
    sys.stderr.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args in VERSION_FLAGS:
        # Answer before typer and the command layer load (typer alone is ~5x python start-up).
        from flaskprep import __version__

        sys.stdout.write(f"flaskprep {__version__}\n")
        return ExitStatus.SUCCESS
    if not args and not any(name.startswith("_FLASKPREP_COMPLETE") for name in os.environ):
        from flaskprep.cli.start import start_guide

        sys.stdout.write(start_guide())
        return ExitStatus.SUCCESS
    from flaskprep.cli.fast import fast_command

    return _guarded(fast_command(args) or (lambda: _run_typer(argv)))


def _guarded(command: Callable[[], int]) -> int:
    """Run ``command``: user mistakes, Ctrl-C and SIGTERM become exit codes, not tracebacks."""
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return command()
    except FlaskprepError as exc:
        report_error(str(exc))
        return int(exc.exit_status)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return ExitStatus.INTERRUPTED
    except Terminated:
        return ExitStatus.TERMINATED
    except BrokenPipeError:
        return _broken_pipe()


def _run_typer(argv: list[str] | None) -> int:
    from typer import Abort, TyperException

    from flaskprep.cli.fast import command_name
    from flaskprep.cli.registry import app_for

    app = app_for(command_name(sys.argv[1:] if argv is None else argv))
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
