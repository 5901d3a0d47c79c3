"""Reading the user's input: single key presses in a terminal, lines otherwise.

In a terminal, :class:`TerminalKeys` puts stdin in cbreak mode (no Enter needed, no
echo) and always restores the saved settings on the way out: normal exit, end of
input, Ctrl-C (``KeyboardInterrupt``) and SIGTERM (``flaskprep.cli.Terminated``)
all leave through the ``with`` block. Typed answers are read by a small line editor
(:mod:`flaskprep.cli.line_editor`): Left/Right, Home/End, Delete, Backspace and Ctrl-U
edit; any other escape sequence (Up/Down, F-keys) is swallowed, never typed.

When stdin is not a terminal, :class:`LineKeys` speaks a line protocol: an empty
line is Enter, any other line is one key (``1``, ``u``, ``t``...) or a typed answer.

``key()`` returns ``"enter"``, ``"space"``, a lower-case character, ``"resize"`` when
the terminal was resized (a terminal only), or ``None`` at the end of input (Ctrl-D in
a terminal).
"""

from __future__ import annotations

import os
import select
import signal
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from flaskprep.cli.line_editor import LineEditor

_ESCAPE_WAIT_S = 0.02
_TICK_S = 1.0
_RESIZE_POLL_S = 0.2
_CONTROL_KEYS = {
    b"\r": "enter",
    b"\n": "enter",
    b"\x7f": "backspace",
    b"\x08": "backspace",
    b"\x01": "home",
    b"\x05": "end",
    b"\x15": "kill",
    b"\t": " ",
}
_SEQUENCES = {
    "D": "left",
    "C": "right",
    "H": "home",
    "F": "end",
    "1~": "home",
    "7~": "home",
    "4~": "end",
    "8~": "end",
    "3~": "delete",
}
Refresh = Callable[[], "str | None"]
"""Called about once a second while a line is typed: the new prompt, or None to end it."""


class KeyReader(Protocol):
    interactive: bool

    def key(self) -> str | None: ...

    def line(
        self, prompt: str, *, refresh: Refresh | None = None, settled: str | None = None
    ) -> str | None: ...


class LineKeys:
    """The line protocol for piped input."""

    interactive = False

    def key(self) -> str | None:
        line = sys.stdin.readline()
        if not line:
            return None
        text = line.strip().lower()
        return text or "enter"

    def line(
        self, prompt: str, *, refresh: Refresh | None = None, settled: str | None = None
    ) -> str | None:
        line = sys.stdin.readline()
        return line.rstrip("\r\n") if line else None


class TerminalKeys:
    """Single key presses from a terminal; use as a context manager."""

    interactive = True

    def __init__(self) -> None:
        self._fd = sys.stdin.fileno()
        self._saved: list[Any] | None = None
        self._resized = False
        self._old_winch: Any = None

    def __enter__(self) -> TerminalKeys:
        try:
            import termios
            import tty
        except ImportError:  # Windows: no POSIX terminal modes
            from flaskprep.errors import UsageError

            raise UsageError(
                "the interactive quiz and interview need a Linux or macOS terminal (or WSL)",
                hint="pipe answers in instead, one line each: flaskprep quiz < answers.txt",
            ) from None

        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd, termios.TCSANOW)
        self._watch_resize()
        return self

    def _watch_resize(self) -> None:
        """A resized terminal makes ``key()`` return ``"resize"``, so the card is redrawn."""

        def resized(_signum: int, _frame: object) -> None:
            self._resized = True

        if hasattr(signal, "SIGWINCH"):
            try:
                self._old_winch = signal.signal(signal.SIGWINCH, resized)
            except ValueError:  # not the main thread: no redraw on resize
                self._old_winch = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.restore()

    def restore(self) -> None:
        if self._saved is not None:
            import termios
            from contextlib import suppress

            with suppress(termios.error, OSError):  # the terminal is gone (SIGHUP)
                termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
        if self._old_winch is not None:
            signal.signal(signal.SIGWINCH, self._old_winch)
            self._old_winch = None

    def key(self) -> str | None:
        """The next key; ``"resize"`` when the terminal was resized while waiting."""
        while not select.select([self._fd], [], [], _RESIZE_POLL_S)[0]:
            if self._resized:
                self._resized = False
                return "resize"
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

    def line(
        self, prompt: str, *, refresh: Refresh | None = None, settled: str | None = None
    ) -> str | None:
        """A line typed with echo and editing; ``None`` on Ctrl-D with nothing typed.

        Arrow keys, Home/End and Delete edit the line; other escape sequences
        (Up/Down, F-keys) are swallowed, never typed. With ``refresh``, the prompt
        is redrawn about once a second and the line ends when it returns ``None``;
        a finished line is redrawn with the ``settled`` prompt (no stale countdown).
        """
        from flaskprep.cli.line_editor import LineEditor

        editor = LineEditor(prompt, self._width())
        self._write(editor.redraw())
        try:
            return self._edit(editor, refresh)
        finally:
            if settled is not None:
                self._write(editor.set_prompt(settled))
            self._write(editor.finish())

    def _edit(self, editor: LineEditor, refresh: Refresh | None) -> str | None:
        while True:
            if refresh is not None and not select.select([self._fd], [], [], _TICK_S)[0]:
                prompt = refresh()
                if prompt is None:
                    return editor.text
                self._write(editor.set_prompt(prompt))
                continue
            key = self._line_key()
            if key is None:
                return editor.text if editor.text else None
            if key == "enter":
                return editor.text
            self._write(editor.press(key))

    def _line_key(self) -> str | None:
        """One editing key: a character, or a name (``left``, ``backspace``...)."""
        data = os.read(self._fd, 1)
        if not data or data == b"\x04":
            return None
        if data == b"\x1b":
            return self._escape_sequence()
        if data[0] >= 0x80:
            data += self._rest_of_utf8(data[0])
        return _CONTROL_KEYS.get(data) or data.decode("utf-8", "replace")

    def _escape_sequence(self) -> str:
        """Read a whole CSI/SS3 sequence; the name of an editing key or ``ignore``."""
        if not select.select([self._fd], [], [], _ESCAPE_WAIT_S)[0]:
            return "ignore"
        kind = os.read(self._fd, 1)
        if kind not in (b"[", b"O"):
            return "ignore"
        body = b""
        while select.select([self._fd], [], [], _ESCAPE_WAIT_S)[0]:
            byte = os.read(self._fd, 1)
            body += byte
            if not byte or 0x40 <= byte[0] <= 0x7E or kind == b"O":
                break
        return _SEQUENCES.get(body.decode("ascii", "replace"), "ignore")

    def _width(self) -> int:
        try:
            return max(10, os.get_terminal_size(sys.stdout.fileno()).columns)
        except (OSError, ValueError):
            return 80

    def _write(self, text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    def _drain(self) -> None:
        """Swallow the rest of an escape sequence (arrow keys and the like)."""
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
