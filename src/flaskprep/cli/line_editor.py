"""A one-line editor for typed answers in a terminal (cbreak mode, no echo).

Pure: ``press`` takes a key name or a character and returns the text to write to
the terminal (the whole line redrawn, the cursor put back in place), so it can be
tested without a terminal. It knows the terminal width to move up over a line
that wrapped; widths come from ``rich.cells`` so wide characters count twice.
"""

from __future__ import annotations

from rich.cells import cell_len

EDIT_KEYS = ("left", "right", "home", "end", "delete", "backspace", "kill")


class LineEditor:
    def __init__(self, prompt: str, width: int) -> None:
        self.prompt = prompt
        self.width = max(1, width)
        self.chars: list[str] = []
        self.cursor = 0
        self._row = 0  # terminal cursor's row, counted from the prompt's first row

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def press(self, key: str) -> str:
        """Apply one key; what to write to show the result ('' when nothing changed)."""
        if key in EDIT_KEYS:
            changed = self._edit(key)
        elif len(key) == 1 and key.isprintable():
            self.chars.insert(self.cursor, key)
            self.cursor += 1
            changed = True
        else:
            changed = False  # other control characters and unknown sequences
        return self.redraw() if changed else ""

    def set_prompt(self, prompt: str) -> str:
        self.prompt = prompt
        return self.redraw()

    def redraw(self) -> str:
        out = [f"\x1b[{self._row}A" if self._row else "", "\r", self.prompt, self.text, "\x1b[J"]
        total = cell_len(self.prompt + self.text)
        if total and total % self.width == 0:
            out.append(" \b")  # leave the terminal's pending wrap: the cursor is on a new row
        end_row = total // self.width
        row, column = divmod(cell_len(self.prompt + self.text[: self.cursor]), self.width)
        out.append("\r")
        if end_row > row:
            out.append(f"\x1b[{end_row - row}A")
        if column:
            out.append(f"\x1b[{column}C")
        self._row = row
        return "".join(out)

    def finish(self) -> str:
        """Leave the cursor on a fresh line below the text."""
        end_row = cell_len(self.prompt + self.text) // self.width
        down = end_row - self._row
        self._row = 0
        return (f"\x1b[{down}B" if down > 0 else "") + "\r\n"

    def _edit(self, key: str) -> bool:
        before = (len(self.chars), self.cursor)
        if key == "left":
            self.cursor = max(0, self.cursor - 1)
        elif key == "right":
            self.cursor = min(len(self.chars), self.cursor + 1)
        elif key == "home":
            self.cursor = 0
        elif key == "end":
            self.cursor = len(self.chars)
        elif key == "delete" and self.cursor < len(self.chars):
            del self.chars[self.cursor]
        elif key == "backspace" and self.cursor > 0:
            self.cursor -= 1
            del self.chars[self.cursor]
        elif key == "kill":
            del self.chars[: self.cursor]
            self.cursor = 0
        return (len(self.chars), self.cursor) != before
