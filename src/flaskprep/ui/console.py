"""The one place a rich Console is made, honouring --color, NO_COLOR and FORCE_COLOR."""

from __future__ import annotations

import io
import os
import re
import sys
from typing import IO, Literal, cast

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.segment import Segment

from flaskprep.ui.safe import strip_invisible

ColorChoice = Literal["auto", "always", "never"]
_TRAILING_SPACES = re.compile(r" +(?=\n|\Z)")


class _TrimmedLines(io.TextIOBase):
    """Rich pads lines to the console width; in a pipe or file those spaces are noise."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_TRAILING_SPACES.sub("", text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return False


def make_console(
    color: ColorChoice = "auto", *, stderr: bool = False, file: IO[str] | None = None
) -> Console:
    if file is None and color != "always" and not os.environ.get("FORCE_COLOR"):
        stream = sys.stderr if stderr else sys.stdout
        if not stream.isatty():
            file = cast(IO[str], _TrimmedLines(stream))
    if color == "never" or (color == "auto" and "NO_COLOR" in os.environ):
        console = Console(
            stderr=stderr, file=file, no_color=True, color_system=None, highlight=False
        )
    else:
        force = True if color == "always" else None
        console = Console(stderr=stderr, file=file, force_terminal=force, highlight=False)
    console.push_render_hook(_StripInvisible())
    return console


class _StripInvisible(RenderHook):
    """Clean what was rendered, after Markdown decoded entities such as ``&#x202E;``."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Stripped(renderable) for renderable in renderables]


class _Stripped:
    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if segment.control or not segment.text.isprintable():
                text = segment.text if segment.control else strip_invisible(segment.text)
                yield Segment(text, segment.style, segment.control)
            else:
                yield segment
