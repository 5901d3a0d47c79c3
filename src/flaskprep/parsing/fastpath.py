"""A shortcut for the simplest decks: the same ``Block`` tree markdown-it would give.

markdown-it-py needs about 150 µs per seed-style question, far too slow for a
100,000-question deck. Decks made only of ATX headings, rules, blank lines,
one-line ``1. item`` entries and one-line ``- question`` bullets with one-line
``  - answer`` sub-bullets (the seed's shape) are read here line by line; any
other line makes ``simple_blocks`` return ``None`` and the caller uses
markdown-it instead. A property test checks both give identical trees.
"""

from __future__ import annotations

import re

from flaskprep.parsing.outline import Block

# Text that can only be a one-line paragraph: no list marker, heading, quote,
# HTML, fence, link definition, rule or table delimiter row at its start.
_PLAIN = r"(?!\s|[-+*](?:\s|$)|[#><]|```|~~~|\d{1,9}[.)](?:\s|$)|\[.*\]:|[-*_:| ]*$)(.*)"
_NESTED = re.compile(r"  - " + _PLAIN)
_TOP = re.compile(r"- " + _PLAIN)
_ORDERED = re.compile(r"\d{1,9}\. " + _PLAIN)
_HEADING = re.compile(r"(#{1,6})(?:[ ]+(.*?))?[ ]*")
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,}) *")


def simple_blocks(lines: list[str]) -> list[Block] | None:
    """Blocks of a deck in the simple seed shape, or ``None`` if it is not that simple."""
    if any("\t" in line or "\x00" in line for line in lines):
        return None
    reader = _SimpleReader()
    for number, line in enumerate(lines):
        if not reader.feed(number, line):
            return None
    return reader.blocks


class _SimpleReader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.last = "blank"
        self.top = Block("none", 0, 0)
        """The open top-level list (kind ``none`` when there is none)."""

    def feed(self, number: int, line: str) -> bool:
        """Take one line; ``False`` if it is outside the simple shape."""
        nested = _NESTED.fullmatch(line)
        if nested:
            return self._nested(number, nested.group(1).strip())
        top = _TOP.fullmatch(line)
        if top:
            return self._item(number, top.group(1).strip(), "bullet_list", "top")
        if not line.strip(" "):
            self.last = "ordered-blank" if self.last == "ordered" else "blank"
            return True
        ordered = _ORDERED.fullmatch(line)
        if ordered:
            text = ordered.group(1).strip()
            return self._item(number, text, "ordered_list", "ordered")
        return self._leaf(number, line)

    def _leaf(self, number: int, line: str) -> bool:
        heading = _HEADING.fullmatch(line)
        if heading and not line.endswith("#"):
            text = heading.group(2) or ""
            block = Block("heading", number, number + 1, text.strip(), len(heading.group(1)))
        elif _RULE.fullmatch(line):
            block = Block("hr", number, number + 1)
        else:
            return False
        self.blocks.append(block)
        self.top = Block("none", 0, 0)
        self.last = "rule"
        return True

    def _item(self, number: int, text: str, kind: str, last: str) -> bool:
        if self.last not in _MAY_START[last]:
            return False
        end = number + 1
        item = Block("list_item", number, end, "", 0, [Block("paragraph", number, end, text)])
        if self.top.kind != kind:
            self.top = Block(kind, number, end)
            self.blocks.append(self.top)
        self.top.children.append(item)
        self.top.end = end
        self.last = last
        return True

    def _nested(self, number: int, text: str) -> bool:
        if self.last not in ("top", "nested"):
            return False
        end = number + 1
        parent = self.top.children[-1]
        item = Block("list_item", number, end, "", 0, [Block("paragraph", number, end, text)])
        if self.last == "top":
            parent.children.append(Block("bullet_list", number, end, "", 0, [item]))
        else:
            parent.children[-1].children.append(item)
            parent.children[-1].end = end
        parent.end = self.top.end = end
        self.last = "nested"
        return True


# Which line kinds may come right before a bullet or numbered item; anything
# subtler (lazy continuation lines, lists interrupting paragraphs) is left to markdown-it.
_MAY_START = {
    "top": frozenset({"blank", "rule", "top", "nested", "ordered-blank"}),
    "ordered": frozenset({"blank", "rule", "ordered", "ordered-blank"}),
}
