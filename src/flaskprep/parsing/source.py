"""Slices of the original Markdown source, addressed by ``Block`` line ranges."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flaskprep.parsing.outline import Block

_MARKER = re.compile(r"( *)([-+*]|\d{1,9}[.)])( *)")


class Source:
    """The deck's lines; every slice is proportional to the lines it returns."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def span(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    def item_body(self, item: Block, stop: int | None = None) -> str:
        """A list item's Markdown without its marker and indentation, trimmed."""
        end = item.end if stop is None else stop
        lead = item.children[0] if item.children else None
        # markdown-it reads NUL as U+FFFD: such a paragraph is taken from the source.
        whole = lead is not None and (lead.start, lead.end) == (item.start, end)
        if whole and lead and lead.kind == "paragraph" and "\ufffd" not in lead.text:
            return lead.text
        first = _expand_tabs(self.lines[item.start])
        match = _MARKER.match(first)
        if not match:
            return self.span(item.start, end).strip()
        indent, marker, gap = match.groups()
        rest = first[match.end() :]
        width = len(gap) if 1 <= len(gap) <= 4 and rest else 1
        column = len(indent) + len(marker) + width
        body = [first[len(indent) + len(marker) + min(len(gap), width) :]]
        body.extend(_dedent(line, column) for line in self.lines[item.start + 1 : end])
        return "\n".join(body).strip()

    def outdented(self, start: int, end: int) -> str:
        """Lines ``start:end`` less the indentation of the first one, trimmed."""
        first = _expand_tabs(self.lines[start])
        column = len(first) - len(first.lstrip(" "))
        return "\n".join(_dedent(line, column) for line in self.lines[start:end]).strip()

    def blocks_text(self, blocks: Sequence[Block]) -> str:
        """The source of ``blocks``; rules (``---``) split it into blank-line separated parts."""
        parts: list[str] = []
        group: list[Block] = []
        for block in [*blocks, Block("hr", 0, 0)]:
            if block.kind != "hr":
                group.append(block)
            elif group:
                parts.append(self.span(group[0].start, group[-1].end).strip())
                group = []
        return "\n\n".join(part for part in parts if part)


def _expand_tabs(line: str) -> str:
    if "\t" not in line:
        return line
    stripped = line.lstrip(" \t")
    lead = line[: len(line) - len(stripped)]
    return lead.expandtabs(4) + stripped


def _dedent(line: str, column: int) -> str:
    if line.startswith(" " * column):
        return line[column:]  # a tab after the indentation is text: kept as it is
    line = _expand_tabs(line)
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, column) :]
