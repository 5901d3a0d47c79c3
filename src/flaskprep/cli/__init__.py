"""Command layer: turns arguments into core calls and errors into exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from flaskprep.errors import ExitStatus, FlaskprepError, Outcome

VERSION_FLAGS = (["--version"], ["-V"])


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
    import signal

    replaced = {}
    for name in STOP_SIGNALS:
        number = getattr(signal, name, None)  # Windows has only SIGTERM of these
        if number is not None:
            replaced[number] = signal.signal(number, _on_signal)
    return replaced


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
    if not _streams_usable():
        return ExitStatus.ERROR
    if args in VERSION_FLAGS:
        # Answer before typer and the command layer load (typer alone is ~5x python start-up).
        from flaskprep import __version__

        return _guarded(lambda: _write_out(f"flaskprep {__version__}\n"))
    if not args and not any(name.startswith("_FLASKPREP_COMPLETE") for name in os.environ):
        from flaskprep.cli.start import start_guide

        return _guarded(lambda: _write_out(start_guide()))
    from flaskprep.cli.fast import fast_command

    return _guarded(fast_command(args) or (lambda: _run_typer(argv)))


def _write_out(text: str) -> int:
    """Write and flush now, so a full disk or closed pipe is one line, not a traceback."""
    sys.stdout.write(text)
    sys.stdout.flush()
    return ExitStatus.SUCCESS


def _streams_usable() -> bool:
    """Closed standard streams and narrow encodings give one line or work; never a traceback.

    A closed descriptor 0-2 gets ``/dev/null`` (so no file opened later takes its
    number); a closed stdin reads as end of input, a closed stderr swallows messages;
    a closed stdout is refused (every command's answer goes there). Text the output
    encoding cannot hold (ASCII, Latin-1, the C locale) is replaced, not fatal.
    """
    import os

    for fd, name, mode in ((2, "stderr", "w"), (0, "stdin", "r"), (1, "stdout", "w")):
        if getattr(sys, name) is not None and _open_descriptor(fd):
            continue
        if not _open_descriptor(fd):
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if name == "stdout":
            report_error("standard output is closed; nothing to write the answer to")
            return False
        setattr(sys, name, Path(os.devnull).open(mode, encoding="utf-8"))  # noqa: SIM115
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        _tolerate_encoding(stream)
    _drop_unreadable_sizes()
    return True


def _drop_unreadable_sizes() -> None:
    """rich reads ``COLUMNS``/``LINES`` with ``isdigit`` then ``int``: ``²`` or 5,000
    digits end in a traceback. Such a value is ignored, as an unset one is."""
    import os

    from flaskprep.user_number import parse_whole

    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and parse_whole(value) is None:
            del os.environ[name]


def _tolerate_encoding(stream: object) -> None:
    """What the encoding cannot hold (``é`` in ASCII, a lone surrogate from a non-UTF-8
    argument) becomes ``?`` instead of a traceback; ASCII input is read as UTF-8."""
    import io

    if not isinstance(stream, io.TextIOWrapper):
        return
    encoding = stream.encoding.lower().replace("_", "-")
    if stream is sys.stdin and encoding in ("ascii", "ansi-x3.4-1968", "us-ascii"):
        stream.reconfigure(encoding="utf-8", errors="replace")
    elif stream is not sys.stderr:  # stderr already writes what it cannot encode as \xNN
        stream.reconfigure(errors="replace")


def _open_descriptor(fd: int) -> bool:
    import os

    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _guarded(command: Callable[[], int]) -> int:
    """Run ``command``: user mistakes, Ctrl-C and signals become exit codes, not tracebacks."""
    replaced = _catch_stop_signals()
    try:
        return command()
    except FlaskprepError as exc:
        report_error(str(exc))
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
        import os

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
    import signal

    for number, handler in replaced.items():
        if handler is not None:
            signal.signal(number, handler)


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
