"""Print a renderable, through a pager when it is long and we are in a terminal (as git does)."""

from __future__ import annotations

import os

from rich.console import Console, RenderableType


def show(console: Console, renderable: RenderableType, *, page: bool = False) -> None:
    if page and console.is_terminal and _taller_than_screen(console, renderable):
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=True):
            console.print(renderable)
        return
    console.print(renderable)


def _taller_than_screen(console: Console, renderable: RenderableType) -> bool:
    lines = console.render_lines(renderable, console.options, pad=False)
    return len(lines) > console.size.height
