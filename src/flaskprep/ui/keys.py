"""Reading the user's input: single key presses in a terminal, lines otherwise.

In a terminal, :class:`TerminalKeys` puts stdin in cbreak mode (no Enter needed, no
echo) and always restores the saved settings on the way out: normal exit, end of
input, Ctrl-C (``KeyboardInterrupt``) and SIGTERM (``flaskprep.cli.Terminated``)
all leave through the ``with`` block. Typed answers are read as a line with the
terminal's own editing and echo.

When stdin is not a terminal, :class:`LineKeys` speaks a line protocol: an empty
line is Enter, any other line is one key (``1``, ``u``, ``t``...) or a typed answer.

``key()`` returns ``"enter"``, ``"space"``, a lower-case character, or ``None`` at the
end of input (Ctrl-D in a terminal).
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import Any, Protocol

_ESCAPE_WAIT_S = 0.02


class KeyReader(Protocol):
    interactive: bool

    def key(self) -> str | None: ...

    def line(self, prompt: str) -> str | None: ...


class LineKeys:
    """The line protocol for piped input."""

    interactive = False

    def key(self) -> str | None:
        line = sys.stdin.readline()
        if not line:
            return None
        text = line.strip().lower()
        return text or "enter"

    def line(self, prompt: str) -> str | None:
        line = sys.stdin.readline()
        return line.rstrip("\r\n") if line else None


class TerminalKeys:
    """Single key presses from a terminal; use as a context manager."""

    interactive = True

    def __init__(self) -> None:
        self._fd = sys.stdin.fileno()
        self._saved: list[Any] | None = None

    def __enter__(self) -> TerminalKeys:
        import termios
        import tty

        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd, termios.TCSANOW)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.restore()

    def restore(self) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)

    def key(self) -> str | None:
        data = os.read(self._fd, 1)
        if not data or data == b"\x04":
            return None
        if data == b"\x1b":
            self._drain()
            return "escape"
        if data[0] >= 0x80:
            data += self._rest_of_utf8(data[0])
        if data in (b"\r", b"\n"):
            return "enter"
        if data == b" ":
            return "space"
        return data.decode("utf-8", "replace").lower()

    def line(self, prompt: str) -> str | None:
        """A line typed with echo and line editing; ``None`` on Ctrl-D."""
        import termios
        import tty

        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
        try:
            sys.stdout.write(prompt)
            sys.stdout.flush()
            line = sys.stdin.readline()
        finally:
            tty.setcbreak(self._fd, termios.TCSANOW)
        return line.rstrip("\r\n") if line else None

    def _drain(self) -> None:
        """Swallow the rest of an escape sequence (arrow keys and the like)."""
        import select

        while select.select([self._fd], [], [], _ESCAPE_WAIT_S)[0]:
            if not os.read(self._fd, 16):
                return

    def _rest_of_utf8(self, first: int) -> bytes:
        extra = 3 if first >= 0xF0 else 2 if first >= 0xE0 else 1
        return os.read(self._fd, extra)


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False
