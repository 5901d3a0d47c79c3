"""Pick, at print time, the richest layout that fits the terminal's width.

A table squeezed below its columns' natural widths makes rich cut headers to
``…``; :class:`FirstThatFits` instead draws the first of several layouts (richest
first) whose narrowest rendering fits, so a narrow terminal gets fewer or plainer
columns with whole headers.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement

UNBOUNDED = 10_000


class FirstThatFits:
    def __init__(self, *layouts: RenderableType) -> None:
        self.layouts = layouts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        unbounded = options.update_width(UNBOUNDED)  # rich caps a measure at the width given
        for layout in self.layouts:
            if Measurement.get(console, unbounded, layout).minimum <= options.max_width:
                yield layout
                return
        yield self.layouts[-1]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.layouts[-1])
