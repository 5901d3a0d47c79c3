"""A shortcut for the simple parts of a deck: the same ``Block`` tree markdown-it would give.

markdown-it-py needs about 150 µs per seed-style question, far too slow for a
100,000-question deck. ATX headings, rules, blank lines, one-line ``1. item``
entries and one-line ``- question`` bullets with one-line ``  - answer``
sub-bullets (the seed's shape), with fenced code at the answer's content column
(four spaces in), are read here line by line.

Anything else (a code block, a table, a quote...) is read by markdown-it, but only
its region: the deck is cut before each column-0 ``- text`` bullet and ATX
heading, the lines at which every open block of CommonMark ends except a list
(which the next bullet continues) and a fenced code, HTML or table block, which
``_open_at_end`` detects and the region then grows over. Regions the shortcut
cannot read are parsed on their own and their blocks spliced in, a list that runs
across the cut joined back into one. A property test checks the result equals
markdown-it's on the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from flaskprep.parsing.outline import Block

# Text that can only be a one-line paragraph: no list marker, heading, quote,
# HTML, fence, link definition, rule or table delimiter row at its start.
_PLAIN = r"(?!\s|[-+*](?:\s|$)|[#><]|```|~~~|\d{1,9}[.)](?:\s|$)|\[.*\]:|[-*_:| ]*$)(.*)"
_NESTED = re.compile(r"  - " + _PLAIN)
_TOP = re.compile(r"- " + _PLAIN)
_ORDERED = re.compile(r"\d{1,9}\. " + _PLAIN)
_HEADING = re.compile(r"(#{1,6})(?:[ ]+(.*?))?[ ]*")
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,}) *")


_CUT = re.compile(r"- \S|#{1,6}(?: |$)")
"""Lines a region may start at: a bullet with text or an ATX heading, at column 0."""
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LITERAL_HTML = re.compile(r" {0,3}<(?:(?:script|pre|style|textarea)(?:\s|>|$)|!|\?)", re.I)
"""HTML blocks that a blank line does not end (CommonMark kinds 1 to 5)."""

RegionParser = Callable[[int, int], list[Block]]
"""Blocks markdown-it reads from ``lines[start:end]`` alone, numbered as deck lines."""


def simple_blocks(lines: list[str]) -> list[Block] | None:
    """Blocks of a deck in the simple seed shape, or ``None`` if it is not that simple."""
    reader = _SimpleReader()
    return reader.blocks if reader.feed_lines(lines, 0, len(lines)) else None


def read_blocks(lines: list[str], parse_region: RegionParser) -> list[Block]:
    """Blocks of the whole deck: the shortcut where it can, ``parse_region`` elsewhere."""
    cuts = [0, *(i for i in range(1, len(lines)) if _CUT.match(lines[i])), len(lines)]
    reader, chunk, chunks = _SimpleReader(), 0, len(cuts) - 1
    while chunk < chunks:
        mark = reader.mark()
        if reader.feed_lines(lines, cuts[chunk], cuts[chunk + 1]):
            chunk += 1
            continue
        reader.restore(mark)
        stop = chunk + 1
        while stop < chunks and not _looks_simple(lines[cuts[stop] : cuts[stop + 1]]):
            stop += 1
        blocks = parse_region(cuts[chunk], cuts[stop])
        grow = 1
        while stop < chunks and _open_at_end(blocks, lines, cuts[stop]):
            stop = min(chunks, stop + grow)  # grow by doubling: an unclosed fence costs O(n)
            grow *= 2
            blocks = parse_region(cuts[chunk], cuts[stop])
        reader.take(blocks, lines, cuts[stop])
        chunk = stop
    return reader.blocks


def _looks_simple(lines: list[str]) -> bool:
    return all(_simple_line(line) for line in lines)


def _simple_line(line: str) -> bool:
    if "\t" in line or "\x00" in line:
        return False
    if line.startswith("    "):
        return True  # perhaps code under an answer: the reader decides
    if _NESTED.fullmatch(line) or _TOP.fullmatch(line) or not line.strip(" "):
        return True
    if _ORDERED.fullmatch(line) or _RULE.fullmatch(line):
        return True
    return bool(_HEADING.fullmatch(line)) and not line.endswith("#")


def _open_at_end(blocks: list[Block], lines: list[str], end: int) -> bool:
    """Whether the region's last block might take in line ``end`` in the whole deck."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind not in ("fence", "html", "table"):
        return False  # the cut line ends paragraphs, quotes, code, and items of lists
    blank_after = all(not line.strip() for line in lines[last.end : end]) and last.end < end
    if last.kind == "table":
        return not blank_after
    if last.kind == "html":
        return not blank_after or bool(_LITERAL_HTML.match(lines[last.start]))
    return not _closes_fence(lines[last.start], lines[last.end - 1]) or last.end - 1 == last.start


def _closes_fence(opening: str, closing: str) -> bool:
    start, end = _FENCE.match(opening), _FENCE.match(closing)
    if start is None or end is None or "\t" in closing:
        return False
    mark, close = start.group(1), end.group(1)
    return close[0] == mark[0] and len(close) >= len(mark) and not closing[end.end() :].strip(" ")


class _SimpleReader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.last = "blank"
        self.top = Block("none", 0, 0)
        """The open top-level list (kind ``none`` when there is none)."""
        self.fence: _OpenFence | None = None

    def feed_lines(self, lines: list[str], start: int, end: int) -> bool:
        """Take ``lines[start:end]``; ``False`` at the first one outside the simple shape."""
        for number in range(start, end):
            line = lines[number]
            if "\t" in line or "\x00" in line or not self.feed(number, line):
                return False
        return self.fence is None

    def mark(self) -> tuple[int, Block, int, int, str]:
        return len(self.blocks), self.top, len(self.top.children), self.top.end, self.last

    def restore(self, mark: tuple[int, Block, int, int, str]) -> None:
        """Undo what ``feed`` did since ``mark`` (it only appends, and moves list ends)."""
        blocks, self.top, children, self.top.end, self.last = mark
        self.fence = None
        del self.blocks[blocks:]
        del self.top.children[children:]

    def take(self, blocks: list[Block], lines: list[str], end: int) -> None:
        """Splice in the blocks of a region ending at line ``end``.

        A ``-`` list that starts the region continues the open one; one that ends it
        stays open, unless something that made no block (a link definition) follows.
        """
        if blocks and self.top.kind == "bullet_list" and _dash_list(blocks[0], lines):
            first, blocks = blocks[0], blocks[1:]
            self.top.children.extend(first.children)
            self.top.end = first.end
        self.blocks.extend(blocks)
        last = blocks[-1] if blocks else self.top
        open_list = (
            _dash_list(last, lines)
            and not any(x.strip() for x in lines[last.end : end])
            and not _closed_by_empty_item(last, end)
        )
        self.top = last if open_list else Block("none", 0, 0)
        self.last = "blank"

    def feed(self, number: int, line: str) -> bool:
        """Take one line; ``False`` if it is outside the simple shape."""
        if self.fence is not None:
            return self._fence_line(number, line)
        if line.startswith("    ") and self.last in ("nested", "nested-blank"):
            return self._open_fence(number, line[4:])
        nested = _NESTED.fullmatch(line)
        if nested:
            return self._nested(number, nested.group(1).strip())
        top = _TOP.fullmatch(line)
        if top:
            return self._item(number, top.group(1).strip(), "bullet_list", "top")
        if not line.strip(" "):
            self.last = _AFTER_BLANK.get(self.last, "blank")
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
        item = Block("list_item", number, end, "", 0, [_paragraph(number, text)])
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
        item = Block("list_item", number, end, "", 0, [_paragraph(number, text)])
        if self.last == "top":
            parent.children.append(Block("bullet_list", number, end, "", 0, [item]))
        else:
            parent.children[-1].children.append(item)
            parent.children[-1].end = end
        parent.end = self.top.end = end
        self.last = "nested"
        return True

    def _open_fence(self, number: int, text: str) -> bool:
        """A fenced code block at the content column of an answer bullet (``    ```py``)."""
        opening = _OPENING.fullmatch(text)
        if opening is None or (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            return False
        block = Block("fence", number, number + 1, "", 0, _LEAF_CHILDREN)
        self.fence = _OpenFence(opening.group(1), block, [])
        return True

    def _fence_line(self, number: int, line: str) -> bool:
        """A line inside an open fence: all at the answer's content column, or empty."""
        assert self.fence is not None
        if not line:
            self.fence.content.append("\n")
            return True
        if not line.startswith("    "):
            return False  # the answer ends here, and the fence with it
        text = line[4:]
        if not text.startswith(self.fence.mark[0]):
            if text.lstrip(" ").startswith(self.fence.mark[0]) and not text.startswith("    "):
                return False  # perhaps an indented closing fence: leave it to markdown-it
            self.fence.content.append(text + "\n")
            return True
        run = len(text) - len(text.lstrip(self.fence.mark[0]))
        if run < len(self.fence.mark) or text[run:].strip(" "):
            self.fence.content.append(text + "\n")
            return True
        self._close_fence(number + 1)
        return True

    def _close_fence(self, end: int) -> None:
        assert self.fence is not None
        block = self.fence.block
        block.text, block.end = "".join(self.fence.content), end
        parent = self.top.children[-1]
        answers = parent.children[-1]
        answers.children[-1].children.append(block)
        answers.children[-1].end = answers.end = parent.end = self.top.end = end
        self.fence = None
        self.last = "nested"


# Which line kinds may come right before a bullet or numbered item; anything
# subtler (lazy continuation lines, lists interrupting paragraphs) is left to markdown-it.
_MAY_START = {
    "top": frozenset({"blank", "rule", "top", "nested", "ordered-blank", "nested-blank"}),
    "ordered": frozenset({"blank", "rule", "ordered", "ordered-blank", "nested-blank"}),
}
_AFTER_BLANK = {
    "ordered": "ordered-blank",
    "nested": "nested-blank",
    "nested-blank": "nested-blank",
}
"""What a blank line leaves behind: after a list, that list may go on."""
_OPENING = re.compile(r"(`{3,}|~{3,})(.*)")


_LEAF_CHILDREN: list[Block] = []
"""Shared by every paragraph read here: a leaf never gets children, and 100,000
questions' answers would otherwise hold 200,000 empty lists (about 14 MB)."""


def _paragraph(number: int, text: str) -> Block:
    return Block("paragraph", number, number + 1, text, 0, _LEAF_CHILDREN)


class _OpenFence(NamedTuple):
    mark: str
    block: Block
    content: list[str]


def _closed_by_empty_item(block: Block, end: int) -> bool:
    """markdown-it ends a list after an empty last item (``- `` alone) unless the line
    after at most one blank line starts the next item: two blank lines close it."""
    item = block.children[-1] if block.children else None
    return item is not None and not item.children and end - item.end >= 2


def _dash_list(block: Block, lines: list[str]) -> bool:
    """A top-level bullet list of ``-`` items: the only kind a ``- text`` line continues."""
    return block.kind == "bullet_list" and lines[block.start].lstrip(" ").startswith("-")
