"""Print a renderable, through a pager when it is long and we are in a terminal (as git does)."""

from __future__ import annotations

import os

from rich.console import Console, RenderableType


def show(console: Console, renderable: RenderableType, *, page: bool = False) -> None:
    if page and console.is_terminal and _taller_than_screen(console, renderable):
        os.environ["LESS"] = less_options(os.environ.get("LESS"))
        with console.pager(styles=True):
            console.print(renderable)
        return
    console.print(renderable)


def _taller_than_screen(console: Console, renderable: RenderableType) -> bool:
    lines = console.render_lines(renderable, console.options, pad=False)
    return len(lines) > console.size.height


def less_options(current: str | None) -> str:
    """The user's ``LESS`` with ``-R`` added (colours, not raw escapes); ``FRX`` when unset."""
    if not current or not current.strip():
        return "FRX"
    words = current.split()
    clusters = [word.lstrip("-") for word in words if not word.startswith("--")]
    if any("R" in cluster for cluster in clusters) or "--RAW-CONTROL-CHARS" in words:
        return current
    return f"{current} -R"
