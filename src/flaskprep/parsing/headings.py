"""Heading questions: the heading is the question, the blocks under it the answer.

```
## Routing
### 1. What does `url_for` do?
It builds a URL from an endpoint name.
```

A heading is a question when it reads as one (ends with ``?``, starts with a
question word or a ``Q:``/``Question`` label), or when an earlier sibling at
the same level does and it has content of its own. A heading with question
headings below it is a section instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flaskprep.parsing.labels import looks_like_question, strip_answer_label, strip_question_number
from flaskprep.parsing.outline import Block, HeadingMark, Item, LayoutResult, RawQuestion
from flaskprep.parsing.source import Source

LAYOUT = "headings"
_NOT_QUESTIONS = re.compile(
    r"(?:\d+[.)]?\s+)?(?:table of )?(?:contents|toc|introduction|intro|overview|about|preface"
    r"|summary|conclusion|notes|index|license|contributing|changelog|credits"
    r"|acknowledge?ments|prerequisites|getting started|how to use(?: this)?.*)\s*:?",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Heading:
    index: int
    """Position in the top-level blocks."""
    block: Block
    parent: int | None
    """Position of the enclosing heading in the heading list."""
    explicit: bool
    question: bool = False
    has_questions: bool = False


def read_headings(blocks: Sequence[Block], source: Source) -> LayoutResult:
    headings = _outline(blocks)
    _mark_questions(headings, blocks)
    items: list[Item] = []
    skip_to = 0
    for position, heading in enumerate(headings):
        if heading.index < skip_to:
            continue
        block = heading.block
        if heading.question and not heading.has_questions:
            end = _region_end(headings, position, len(blocks))
            answer = strip_answer_label(source.blocks_text(blocks[heading.index + 1 : end]))
            items.append(RawQuestion(strip_question_number(block.text), answer, block.start + 1))
            skip_to = end
        else:
            items.append(HeadingMark(block.level, block.text, block.start + 1))
    return LayoutResult(LAYOUT, tuple(items))


def _outline(blocks: Sequence[Block]) -> list[_Heading]:
    headings: list[_Heading] = []
    stack: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        while stack and headings[stack[-1]].block.level >= block.level:
            stack.pop()
        parent = stack[-1] if stack else None
        explicit = looks_like_question(block.text) and bool(strip_question_number(block.text))
        headings.append(_Heading(index, block, parent, explicit))
        stack.append(len(headings) - 1)
    return headings


def _mark_questions(headings: list[_Heading], blocks: Sequence[Block]) -> None:
    asked: set[tuple[int | None, int]] = set()
    for position, heading in enumerate(headings):
        family = (heading.parent, heading.block.level)
        heading.question = heading.explicit or (
            family in asked
            and bool(strip_question_number(heading.block.text))
            and _has_content(headings, position, blocks)
            and not _NOT_QUESTIONS.fullmatch(heading.block.text.strip())
        )
        if heading.explicit:
            asked.add(family)
    for heading in headings:
        if heading.question:
            parent = heading.parent
            while parent is not None and not headings[parent].has_questions:
                headings[parent].has_questions = True
                parent = headings[parent].parent


def _has_content(headings: list[_Heading], position: int, blocks: Sequence[Block]) -> bool:
    start = headings[position].index + 1
    end = headings[position + 1].index if position + 1 < len(headings) else len(blocks)
    return any(block.kind != "hr" for block in blocks[start:end])


def _region_end(headings: list[_Heading], position: int, total: int) -> int:
    """Index of the next heading at the same or a higher level, or ``total``."""
    level = headings[position].block.level
    for later in range(position + 1, len(headings)):
        if headings[later].block.level <= level:
            return headings[later].index
    return total
