"""Bold or numbered questions with the answer in the blocks below.

```
**Q1. What is Flask?**

A microframework.

1. **What is WSGI?**
   The server/app interface.
```
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flaskprep.parsing.collect import Collector
from flaskprep.parsing.labels import looks_like_question, strip_question_number
from flaskprep.parsing.outline import Block, LayoutResult
from flaskprep.parsing.source import Source

LAYOUT = "bold"
_BOLD_LINE = re.compile(r"(\*\*|__)(?P<text>.+?)\1\s*[:.]?")


def read_bold(blocks: Sequence[Block], source: Source) -> LayoutResult:
    collector = Collector(source, LAYOUT)
    for block in blocks:
        if block.kind == "heading":
            collector.heading(block)
        elif block.kind == "paragraph":
            _paragraph(block, collector)
        elif block.kind in ("ordered_list", "bullet_list"):
            _list(block, source, collector)
        else:
            collector.add(block)
    return collector.result()


def bold_question(line: str) -> str | None:
    """The question in a line that is only bold text and reads as a question."""
    match = _BOLD_LINE.fullmatch(line.strip())
    if not match or not looks_like_question(match.group("text")):
        return None
    return strip_question_number(match.group("text")) or None


def _paragraph(block: Block, collector: Collector) -> None:
    first, _, rest = block.text.partition("\n")
    question = bold_question(first)
    if question is None:
        collector.add(block)
    else:
        collector.question(question, block.start + 1, rest)


def _list(block: Block, source: Source, collector: Collector) -> None:
    questions = [_item_question(item, block.kind) for item in block.children]
    if not any(questions):
        collector.add(block)
        return
    for item, question in zip(block.children, questions, strict=True):
        if question is None:
            collector.add_text(source.outdented(item.start, item.end))
        else:
            _, _, answer = source.item_body(item).partition("\n")
            collector.question(question, item.start + 1, answer)


def _item_question(item: Block, kind: str) -> str | None:
    if not item.children or item.children[0].kind != "paragraph":
        return None
    first = item.children[0].text.partition("\n")[0]
    question = bold_question(first)
    if question is None and kind == "ordered_list" and first.rstrip().endswith("?"):
        return first.strip()
    return question
