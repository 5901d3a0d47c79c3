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

from flaskprep.parsing.labels import looks_like_question, strip_question_number
from flaskprep.parsing.outline import Block

_BOLD_LINE = re.compile(r"(\*\*|__)(?P<text>.+?)\1\s*[:.]?")


def bold_question(line: str) -> str | None:
    """The question in a line that is only bold text and reads as a question."""
    match = _BOLD_LINE.fullmatch(line.strip())
    # "**When to use:**" introduces what follows; it asks nothing.
    if not match or match.group("text").rstrip("*_ ").endswith(":"):
        return None
    if not looks_like_question(match.group("text")):
        return None
    return strip_question_number(match.group("text")) or None


def item_question(item: Block, kind: str) -> str | None:
    if not item.children or item.children[0].kind != "paragraph":
        return None
    first = item.children[0].text.partition("\n")[0]
    question = bold_question(first)
    if question is None and kind == "ordered_list" and first.rstrip().endswith("?"):
        return first.strip()
    return question
