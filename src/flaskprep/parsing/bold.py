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

_BOLD_LINE = re.compile(
    r"(?:(\*\*|__)(?P<text>.+?)\1|<(b|strong)>(?P<tagged>.+?)</\3>)\s*[:.]?",
    re.IGNORECASE,
)
# "**1)** The number of ads." or "**2) FizzBuzz.** Print 1 to 100": a numbered prompt.
_NUMBERED_LEAD = re.compile(
    r"(\*\*|__)\s*(?:Q(?:uestion)?\s*)?\d{1,4}[.):]\s*(?P<lead>.*?)\1\s*(?P<rest>.*)", re.IGNORECASE
)


def bold_question(line: str) -> str | None:
    """The question in a line that is only bold text and reads as a question."""
    text = bold_text(line)
    # "**When to use:**" introduces what follows; it asks nothing.
    if text is None or text.rstrip("*_ ").endswith(":") or not looks_like_question(text):
        return None
    return strip_question_number(text) or None


def bold_text(line: str) -> str | None:
    """The text of a line that is only bold (``**x**``, ``__x__``, ``<b>x</b>``)."""
    match = _BOLD_LINE.fullmatch(line.strip())
    if not match:
        return None
    text = match.group("text")
    if text is None:
        return str(match.group("tagged"))
    # "**`is`**: use it for None **here**" is two bold runs with plain text between.
    closes = (match.group(1) + ":", match.group(1) + " ")
    return None if any(mark in text for mark in closes) else text


def numbered_prompt(line: str) -> str | None:
    """The prompt of a line led by a bold question number: ``**3)** Count the ads.``"""
    match = _NUMBERED_LEAD.fullmatch(line.strip())
    if not match:
        return None
    return " ".join(part for part in (match.group("lead"), match.group("rest")) if part) or None


def item_question(item: Block, kind: str) -> str | None:
    """The question a list item leads with: a bold line, a heading, a numbered ``...?``."""
    if not item.children:
        return None
    lead = item.children[0]
    if lead.kind == "heading":
        return strip_question_number(lead.text) if looks_like_question(lead.text) else None
    if lead.kind != "paragraph":
        return None
    first = lead.text.partition("\n")[0]
    question = bold_question(first)
    if question is None and kind == "ordered_list" and first.rstrip().endswith("?"):
        return first.strip()
    return question
