"""``<details><summary>question</summary> answer </details>`` blocks.

The answer may span several Markdown blocks (headings, lists, code) until the
matching ``</details>``; a ``<details>`` that is never closed ends at the next
heading or the end of the deck. The summary may run over several lines, and
HTML around the answer (``<br>``, ``<b>``, ``<p>``) is dropped. A ``<details>``
holding further ``<details>`` questions is a section, its summary the title.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from flaskprep.parsing.labels import clean_answer, strip_question_number
from flaskprep.parsing.outline import Block
from flaskprep.parsing.source import Source

_OPEN = re.compile(r"<details\b[^>]*>", re.IGNORECASE)
_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
# ``<details>`` opened twice with nothing between is one block written carelessly.
_DOUBLE_OPEN = re.compile(r"<details\b[^>]*>\s*(?=<details\b)", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_EDGE_TAGS = r"(?:\s|<br\s*/?>|</?(?:b|strong|p|i|em)\b[^>]*>)*"
_LEADING = re.compile(rf"\A{_EDGE_TAGS}", re.IGNORECASE)
_TRAILING = re.compile(rf"{_EDGE_TAGS}\Z", re.IGNORECASE)
_CODE = ("fence", "code")
_INDEX_LINE = re.compile(r"\s*(?:\|.*|(?:[-+*]|\d{1,9}[.)])\s+\[[^\]]*\]\([^)]*\)\s*)?")
DETAILS_LEVEL = 7
"""Section level of a ``<details>`` holding questions: below any Markdown heading."""


@dataclass(frozen=True, slots=True)
class Details:
    """A ``<details>`` region: ``blocks[index:end]``, its summary text and answer."""

    end: int
    summary: str
    answer: str
    line: int
    """1-based line of the summary."""
    nested: bool
    """Whether further ``<details>`` open inside it."""


def opens_details(block: Block) -> bool:
    return block.kind == "html" and bool(_OPEN.search(block.text))


def read_details(
    blocks: Sequence[Block], index: int, source: Source, ends: dict[int, int]
) -> Details | None:
    """The ``<details>`` opening at ``blocks[index]`` (``ends`` from ``region_ends``)."""
    block = blocks[index]
    end = ends.get(index)
    if end is None:
        return None
    html = source.span(block.start, blocks[end - 1].end)
    summary = _SUMMARY.search(html)
    if summary is None:
        return Details(end, "", "", block.start + 1, False)
    body = html[summary.end() :]
    closing = list(_CLOSE.finditer(body))
    if closing:
        body = body[: closing[-1].start()]
    nested = bool(_OPEN.search(body))
    line = block.start + html.count("\n", 0, summary.start()) + 1
    return Details(end, summary_text(summary.group(1)), _answer(body), line, nested)


def summary_text(raw: str) -> str:
    """The summary without tags and question number; a multi-line summary keeps its lines."""
    text = textwrap.dedent(_TAG.sub("", raw).strip("\n")).strip()
    first, _, rest = text.partition("\n")
    first = strip_question_number(" ".join(first.split()))
    return f"{first}\n{rest.strip()}" if rest.strip() else first


def _answer(body: str) -> str:
    body = _TRAILING.sub("", _LEADING.sub("", body))
    return clean_answer(textwrap.dedent(body).strip())


def region_ends(blocks: Sequence[Block], source: Source) -> dict[int, int]:
    """For each block opening a ``<details>``, the index just past the block closing it.

    Headings inside a closed ``<details>`` belong to it; an unclosed one ends at the
    next heading. One pass: pending openings wait on a stack for the depth to fall back.
    """
    ends: dict[int, int] = {}
    if not any(opens_details(block) for block in blocks):
        return ends
    pending: list[tuple[int, int]] = []  # (index, depth before it); depths rise up the stack
    depth = 0
    for index, block in enumerate(blocks):
        if block.kind in _CODE or block.kind == "heading":
            continue
        text = _DOUBLE_OPEN.sub("", source.span(block.start, block.end))
        opens, closes = len(_OPEN.findall(text)), len(_CLOSE.findall(text))
        if opens and block.kind == "html":
            pending.append((index, depth))
        depth += opens - closes
        while pending and depth <= pending[-1][1]:
            ends[pending.pop()[0]] = index + 1
    # Never closed: up to the next heading after the opening.
    waiting = sorted(first for first, _ in pending)
    headings = [i for i, block in enumerate(blocks) if block.kind == "heading"]
    cursor = 0
    for first in waiting:
        while cursor < len(headings) and headings[cursor] <= first:
            cursor += 1
        ends[first] = headings[cursor] if cursor < len(headings) else len(blocks)
    return ends


def is_index(answer: str) -> bool:
    """Whether an answer is only a table or a list of links (a contents list)."""
    return bool(answer) and all(_INDEX_LINE.fullmatch(line) for line in answer.split("\n"))


def closes_only(block: Block) -> bool:
    """An HTML block that is nothing but closing ``</details>`` tags (an outer one's end)."""
    return block.kind == "html" and not _CLOSE.sub("", block.text).strip()
