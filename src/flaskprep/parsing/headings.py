"""Heading questions: the heading is the question, the blocks under it the answer.

```
## Routing
### 1. What does `url_for` do?
It builds a URL from an endpoint name.
```

A heading is a question when it reads as one (ends with ``?``, starts with a
question word or a ``Q:``/``Question`` label), or when an earlier sibling at
the same level does and it has content of its own. The deck's question level is
the level with most such headings; a heading deeper than that inside a heading
question's answer ("### Key Features", "#### Why use it?") is part of the
answer, unless it reads as a question and is numbered as the questions are
("### 48. How ...?" among "## Question 47. ..." headings).
A question heading with no content of its own but questions below it is a
section instead (``detect`` decides that as it reads).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from flaskprep.parsing.labels import (
    answer_label,
    asks_outright,
    is_marked,
    is_numbered,
    looks_like_question,
    numbered_task,
    strip_question_number,
    without_tags,
)
from flaskprep.parsing.outline import Block

_NOT_QUESTIONS = re.compile(
    r"(?:\d+[.)]?\s+)?(?:table of )?(?:contents|toc|introduction|intro|overview|about|preface"
    r"|summary|conclusion|notes|index|license|contributing|changelog|credits"
    r"|acknowledge?ments|prerequisites|getting started|how to use(?: this)?.*)\s*:?",
    re.IGNORECASE,
)
_LINK_ITEM = re.compile(r"\s*(?:[-+*]|\d{1,9}[.)])\s+\[[^\]]*\]\([^)]*\)\s*")


@dataclass(frozen=True, slots=True)
class _Heading:
    index: int
    """Position in the top-level blocks."""
    block: Block
    parent: int | None
    """Position of the enclosing heading in the heading list."""
    explicit: bool


def question_headings(
    blocks: Sequence[Block], inside: Collection[int] = (), details: int = 0
) -> set[int]:
    """Indices (in ``blocks``) of the headings that may be questions.

    Headings at indices in ``inside`` (within a ``<details>`` answer) are not looked at.
    In a deck of ``details`` questions, one question-like heading among several plain
    siblings ("## What Makes This Repo Different?" beside "## About") is README prose.
    """
    headings = _outline(blocks, inside)
    lone = _lone_questions(headings) if details else set()
    level = _question_level(headings)
    numbered = _mostly_numbered(headings, level)
    asked: set[tuple[int | None, int]] = set()
    asking = {(h.parent, h.block.level) for p, h in enumerate(headings) if h.explicit} - {
        (headings[p].parent, headings[p].block.level) for p in lone
    }
    found: set[int] = set()
    for position, heading in enumerate(headings):
        family = (heading.parent, heading.block.level)
        # "#### 9) Implement a sparse matrix" among "#### 8) What is ...?": numbered as the
        # questions are, it is one, before or after them, with or without an answer.
        in_turn = (
            numbered
            and heading.block.level == level
            and family in asking
            and is_marked(heading.block.text)
        )
        if _in_answer(headings, position, level, found):
            text = heading.block.text
            if heading.explicit and numbered == is_numbered(text) and asks_outright(text):
                found.add(heading.index)
            continue
        if position in lone:
            continue
        if (
            heading.explicit
            or _answer_follows(headings, position, blocks)
            or (
                (family in asked or in_turn)
                and (in_turn or not numbered or heading.block.level != level)
                and bool(strip_question_number(heading.block.text))
                and (in_turn or _has_content(headings, position, blocks))
                and not _NOT_QUESTIONS.fullmatch(without_tags(heading.block.text).strip())
            )
        ):
            found.add(heading.index)
        if heading.explicit:
            asked.add(family)
    return found


def answer_parts(blocks: Sequence[Block], questions: Collection[int]) -> set[int]:
    """Indices of unnumbered headings at the level of numbered question headings, after
    one: parts of its answer ("### 7. Spring vs Spring Boot?" then "### Example",
    "### Summary"), not questions nor sections."""
    asked = [i for i in questions if blocks[i].kind == "heading"]
    levels = Counter(blocks[i].level for i in asked)
    if not levels:
        return set()
    level = levels.most_common(1)[0][0]
    at_level = [i for i in asked if blocks[i].level == level]
    if 2 * sum(is_marked(without_tags(blocks[i].text)) for i in at_level) <= len(at_level):
        return set()
    parts: set[int] = set()
    open_question = False
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.level > level:
            continue
        if index in questions:
            open_question = block.level == level
        elif block.level < level:
            open_question = False
        elif open_question and not is_marked(without_tags(block.text)):
            parts.add(index)
    return parts


def _lone_questions(headings: Sequence[_Heading]) -> set[int]:
    """Positions of question-like headings whose two or more siblings all are not."""
    families: dict[tuple[int | None, int], list[int]] = {}
    for position, heading in enumerate(headings):
        families.setdefault((heading.parent, heading.block.level), []).append(position)
    lone: set[int] = set()
    for members in families.values():
        asked = [position for position in members if headings[position].explicit]
        if len(asked) == 1 and len(members) >= 3:
            lone.update(asked)
    return lone


def _outline(blocks: Sequence[Block], inside: Collection[int]) -> list[_Heading]:
    headings: list[_Heading] = []
    stack: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind != "heading" or index in inside:
            continue
        while stack and headings[stack[-1]].block.level >= block.level:
            stack.pop()
        parent = stack[-1] if stack else None
        text = without_tags(block.text)
        explicit = (looks_like_question(text) or numbered_task(text)) and bool(
            strip_question_number(text)
        )
        headings.append(_Heading(index, block, parent, explicit))
        stack.append(len(headings) - 1)
    return headings


def _question_level(headings: Sequence[_Heading]) -> int:
    """The level with most headings that read as questions (the shallower on a tie), else 0."""
    counts = Counter(heading.block.level for heading in headings if heading.explicit)
    if not counts:
        return 0
    return max(counts, key=lambda level: (counts[level], -level))


def _mostly_numbered(headings: Sequence[_Heading], level: int) -> bool:
    asked = [h for h in headings if h.explicit and h.block.level == level]
    return 2 * sum(is_marked(h.block.text) for h in asked) > len(asked)


def _in_answer(headings: list[_Heading], position: int, level: int, found: set[int]) -> bool:
    """Whether the heading is deeper than the question level, under a question heading."""
    heading = headings[position]
    if not level or heading.block.level <= level:
        return False
    parent = heading.parent
    while parent is not None:
        ancestor = headings[parent]
        if ancestor.index in found:
            return True
        parent = ancestor.parent
    return False


def _answer_follows(headings: list[_Heading], position: int, blocks: Sequence[Block]) -> bool:
    """Whether the heading's first block is an ``**Answer:**`` paragraph."""
    start = headings[position].index + 1
    first = next((block for block in blocks[start:] if block.kind != "hr"), None)
    return first is not None and first.kind == "paragraph" and answer_label(first.text) is not None


def _has_content(headings: list[_Heading], position: int, blocks: Sequence[Block]) -> bool:
    """Whether the heading has blocks of its own, and more than a list of links."""
    start = headings[position].index + 1
    end = headings[position + 1].index if position + 1 < len(headings) else len(blocks)
    own = [block for block in blocks[start:end] if block.kind != "hr" and not is_spacer(block)]
    return bool(own) and not all(_links_only(block) for block in own)


def is_spacer(block: Block) -> bool:
    """HTML that shows no text: ``<br/>``, ``<hr>``, an empty ``<p></p>``."""
    return block.kind == "html" and not without_tags(block.text).strip()


def _links_only(block: Block) -> bool:
    if block.kind not in ("bullet_list", "ordered_list"):
        return False
    return all(not item.children or _is_link(item) for item in block.children)


def _is_link(item: Block) -> bool:
    first = item.children[0]
    return first.kind == "paragraph" and bool(_LINK_ITEM.fullmatch(f"- {first.text}"))
