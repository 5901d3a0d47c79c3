"""Heading questions: the heading is the question, the blocks under it the answer.

```
## Routing
### 1. What does `url_for` do?
It builds a URL from an endpoint name.
```

A heading is a question when it reads as one (ends with ``?``, starts with a
question word or a ``Q:``/``Question`` label), or when an earlier sibling at
the same level does and it has content of its own. A question heading with
no content of its own but questions below it is a section instead (the
reader in ``mixed`` decides that as it goes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flaskprep.parsing.labels import looks_like_question, strip_question_number
from flaskprep.parsing.outline import Block

LAYOUT = "headings"
_NOT_QUESTIONS = re.compile(
    r"(?:\d+[.)]?\s+)?(?:table of )?(?:contents|toc|introduction|intro|overview|about|preface"
    r"|summary|conclusion|notes|index|license|contributing|changelog|credits"
    r"|acknowledge?ments|prerequisites|getting started|how to use(?: this)?.*)\s*:?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Heading:
    index: int
    """Position in the top-level blocks."""
    block: Block
    parent: int | None
    """Position of the enclosing heading in the heading list."""
    explicit: bool


def question_headings(blocks: Sequence[Block]) -> set[int]:
    """Indices (in ``blocks``) of the headings that may be questions."""
    headings = _outline(blocks)
    asked: set[tuple[int | None, int]] = set()
    found: set[int] = set()
    for position, heading in enumerate(headings):
        family = (heading.parent, heading.block.level)
        if heading.explicit or (
            family in asked
            and bool(strip_question_number(heading.block.text))
            and _has_content(headings, position, blocks)
            and not _NOT_QUESTIONS.fullmatch(heading.block.text.strip())
        ):
            found.add(heading.index)
        if heading.explicit:
            asked.add(family)
    return found


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


def _has_content(headings: list[_Heading], position: int, blocks: Sequence[Block]) -> bool:
    start = headings[position].index + 1
    end = headings[position + 1].index if position + 1 < len(headings) else len(blocks)
    return any(block.kind != "hr" for block in blocks[start:end])
