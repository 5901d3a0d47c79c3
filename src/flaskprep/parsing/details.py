"""``<details><summary>question</summary> answer </details>`` blocks.

The answer may span several Markdown blocks until ``</details>``; an unclosed
``<details>`` ends at the next heading or the end of the deck.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from flaskprep.parsing.labels import clean_answer, strip_question_number
from flaskprep.parsing.outline import Block, RawQuestion
from flaskprep.parsing.source import Source

LAYOUT = "details"
_OPEN = re.compile(r"<details\b", re.IGNORECASE)
_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_BOLD_TAG = re.compile(r"</?(?:b|strong)\b[^>]*>", re.IGNORECASE)


def details_question(
    blocks: Sequence[Block], index: int, source: Source
) -> tuple[RawQuestion | None, int] | None:
    """The question of a ``<details>`` opening at ``blocks[index]`` and the index past it."""
    block = blocks[index]
    if block.kind != "html" or not _OPEN.search(block.text):
        return None
    end = _region_end(blocks, index, source)
    return _question(source.span(block.start, blocks[end - 1].end), block.start), end


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
    answer = clean_answer(textwrap.dedent(body).strip())
    line = start + html.count("\n", 0, summary.start()) + 1
    return RawQuestion(text, answer, line)
