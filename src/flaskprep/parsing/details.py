"""``<details><summary>question</summary> answer </details>`` blocks.

The answer may span several Markdown blocks until ``</details>``; an unclosed
``<details>`` ends at the next heading or the end of the deck.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from flaskprep.parsing.labels import strip_answer_label, strip_question_number
from flaskprep.parsing.outline import Block, HeadingMark, Item, LayoutResult, RawQuestion
from flaskprep.parsing.source import Source

LAYOUT = "details"
_OPEN = re.compile(r"<details\b", re.IGNORECASE)
_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_BOLD_TAG = re.compile(r"</?(?:b|strong)\b[^>]*>", re.IGNORECASE)


def read_details(blocks: Sequence[Block], source: Source) -> LayoutResult:
    items: list[Item] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "heading":
            items.append(HeadingMark(block.level, block.text, block.start + 1))
        elif block.kind == "html" and _OPEN.search(block.text):
            end = _region_end(blocks, index, source)
            question = _question(source.span(block.start, blocks[end - 1].end), block.start)
            if question is not None:
                items.append(question)
            index = end
            continue
        index += 1
    return LayoutResult(LAYOUT, tuple(items))


def _region_end(blocks: Sequence[Block], first: int, source: Source) -> int:
    """Index just past the block that closes the ``<details>`` opened at ``first``."""
    depth = 0
    for index in range(first, len(blocks)):
        block = blocks[index]
        if block.kind == "heading" and index > first:
            return index
        if block.kind in ("html", "paragraph"):
            text = source.span(block.start, block.end)
            depth += len(_OPEN.findall(text)) - len(_CLOSE.findall(text))
            if depth <= 0:
                return index + 1
    return len(blocks)


def _question(html: str, start: int) -> RawQuestion | None:
    summary = _SUMMARY.search(html)
    if summary is None:
        return None
    text = strip_question_number(" ".join(_BOLD_TAG.sub("", summary.group(1)).split()))
    if not text:
        return None
    body = html[summary.end() :]
    closing = list(_CLOSE.finditer(body))
    if closing:
        body = body[: closing[-1].start()]
    answer = strip_answer_label(textwrap.dedent(body).strip())
    line = start + html.count("\n", 0, summary.start()) + 1
    return RawQuestion(text, answer, line)
