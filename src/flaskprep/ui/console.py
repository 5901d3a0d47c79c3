"""The one place a rich Console is made; whether it gets colour is decided in ``color``."""

from __future__ import annotations

import io
import re
import sys
from typing import IO, TextIO, cast

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.segment import Segment

from flaskprep.ui.color import ColorChoice, wants_color
from flaskprep.ui.safe import strip_invisible

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
    stream = sys.stderr if stderr else sys.stdout
    colored = wants_color(color, cast(TextIO, file or stream))
    terminal = (file or stream).isatty()
    if file is None and not colored and not terminal:
        file = cast(IO[str], _TrimmedLines(stream))
    if not colored:
        console = Console(
            stderr=stderr, file=file, no_color=True, color_system=None, highlight=False
        )
    else:
        # Chosen colour overrides rich's own reading of NO_COLOR (``--color always`` wins).
        force = None if terminal else True
        console = Console(
            stderr=stderr, file=file, force_terminal=force, no_color=False, highlight=False
        )
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
