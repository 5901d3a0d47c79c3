"""The one place a rich Console is made, honouring --color, NO_COLOR and FORCE_COLOR."""

from __future__ import annotations

import os
from typing import IO, Literal

from rich.console import Console

ColorChoice = Literal["auto", "always", "never"]


def make_console(
    color: ColorChoice = "auto", *, stderr: bool = False, file: IO[str] | None = None
) -> Console:
    if color == "never" or (color == "auto" and "NO_COLOR" in os.environ):
        return Console(stderr=stderr, file=file, no_color=True, color_system=None, highlight=False)
    force = True if color == "always" else None
    return Console(stderr=stderr, file=file, force_terminal=force, highlight=False)
