"""The colour choice (``--color``), declared once, and whether a stream gets colour.

Free of rich so the error reporter and the argument fast path can use it. The
rules follow no-color.org and force-color.org: an explicit ``--color always`` or
``never`` wins; otherwise a non-empty ``NO_COLOR`` turns colour off, a non-empty
``FORCE_COLOR`` turns it on, and else colour follows whether the stream is a terminal.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, TextIO

ColorChoice = Literal["auto", "always", "never"]
COLOR_CHOICES: tuple[ColorChoice, ...] = ("auto", "always", "never")


def color_choice(value: str) -> ColorChoice | None:
    """``value`` as a colour choice, or None if it is not one."""
    return next((choice for choice in COLOR_CHOICES if choice == value), None)


def wants_color(
    choice: ColorChoice, stream: TextIO, environ: Mapping[str, str] = os.environ
) -> bool:
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()
