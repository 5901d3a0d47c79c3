"""The seed's layout: a ``- question`` bullet with a nested ``- **Answer:** ...`` bullet.

```
## 1. Flask Fundamentals
- What is Flask?
  - **Answer:** A lightweight WSGI microframework.
```
"""

from __future__ import annotations

import re

from flaskprep.parsing.labels import (
    answer_label,
    clean_answer,
    looks_like_question,
    strip_question_number,
)
from flaskprep.parsing.outline import Block, Problem, RawQuestion
from flaskprep.parsing.source import Source

_LISTS = ("bullet_list", "ordered_list")
_QUOTE_MARK = re.compile(r"^[ \t]*> ?")
_LINK_ONLY = re.compile(r"[*_]*\[[^\]]*\]\([^)]*\)[*_]*")


def list_questions(block: Block, source: Source, problems: list[Problem]) -> list[RawQuestion]:
    """The list's questions, if any bullet has an answer bullet (else a plain list: none)."""
    found: list[RawQuestion] = []
    answered = False
    for item in block.children:
        question, has_answer = _question(item, source, problems)
        inner = [] if has_answer else _nested_questions(item, source, problems)
        if inner:
            # "* **Interview Questions:**" over quoted question bullets: a label, not a question.
            found.extend(inner)
            answered = True
            continue
        # A labelled bullet is an answer, unless it has an answer bullet of its own.
        if not has_answer and _is_answer(item):
            problems.append(Problem(item.start + 1, "answer without a question", "error"))
            continue
        if question is not None:
            found.append(question)
            answered = answered or has_answer
    # A list where no bullet has an answer (a contents list, notes) holds no questions.
    return found if answered else []


def _nested_questions(item: Block, source: Source, problems: list[Problem]) -> list[RawQuestion]:
    found: list[RawQuestion] = []
    for child in item.children[1:]:
        if child.kind in _LISTS:
            found.extend(list_questions(child, source, problems))
    return found


def question_text(text: str) -> str:
    """A bullet's question without its ``Q:`` label or number (quotes go in ``collect``).

    Bold stays: the seed writer writes any question as a bullet, and reading it back
    must give the same text.
    """
    return strip_question_number(text)


def _is_answer(item: Block) -> bool:
    children = item.children
    return bool(children) and children[0].kind == "paragraph" and _labelled(children[0])


def _labelled(paragraph: Block) -> bool:
    return answer_label(paragraph.text) is not None


def _question(
    item: Block, source: Source, problems: list[Problem]
) -> tuple[RawQuestion | None, bool]:
    """The item as a question, and whether it has an answer bullet."""
    children = item.children
    if not children or children[0].kind != "paragraph":
        return None, False
    # The last list with an answer bullet: lists before it belong to the question.
    for child in reversed(children[1:]):
        if child.kind in _LISTS:
            for index, sub in enumerate(child.children):
                if _is_answer(sub):
                    text = question_text(source.item_body(item, child.start))
                    answer = _answer(child.children, index, source, problems)
                    return (RawQuestion(text, answer, item.start + 1) if text else None), True
    stop = children[1].start if len(children) > 1 else None
    text = source.item_body(item, stop)
    if stop is not None and children[1].kind == "blockquote" and looks_like_question(text):
        # "* What is X?" over a "   > answer" quote: the quote answers it.
        answer = _quoted(source, children[1], item.end)
        return (RawQuestion(question_text(text), answer, item.start + 1) if text else None), True
    if stop is not None and children[1].kind in _LISTS and _asks(text):
        # "* What is a class?" over "  * A blueprint for objects": the bullets answer it.
        answer = _unlabelled(source, children[1], item.end)
        return (RawQuestion(question_text(text), answer, item.start + 1) if text else None), True
    return (RawQuestion(text, "", item.start + 1) if text else None), False


def _asks(text: str) -> bool:
    """A bullet's text that asks something, and is not a link to where it is asked
    (a contents list: ``- [What is X?](#what-is-x)``)."""
    return looks_like_question(text) and not _LINK_ONLY.fullmatch(text.strip())


def _unlabelled(source: Source, answers: Block, end: int) -> str:
    """Nested answer bullets without a label: one bullet as its text, more as a list."""
    if len(answers.children) == 1 and answers.end >= end:
        return clean_answer(source.item_body(answers.children[0]))
    return clean_answer(source.outdented(answers.start, end))


def _quoted(source: Source, quote: Block, end: int) -> str:
    """A blockquote's text without its ``>`` markers, and what follows it in the item."""
    lines = [_QUOTE_MARK.sub("", line, count=1) for line in source.lines[quote.start : quote.end]]
    rest = source.outdented(quote.end, end) if quote.end < end else ""
    return clean_answer("\n\n".join(part for part in ("\n".join(lines).strip(), rest) if part))


def _answer(bullets: list[Block], first: int, source: Source, problems: list[Problem]) -> str:
    """The answer bullet's Markdown without its label, plus any bullets after it."""
    answer = clean_answer(source.item_body(bullets[first]))
    if first + 1 == len(bullets):
        return answer
    for later in bullets[first + 1 :]:
        if _is_answer(later):
            message = "second answer bullet merged into the first answer"
            problems.append(Problem(later.start + 1, message, "warning"))
    rest = [source.outdented(sub.start, sub.end) for sub in bullets[first + 1 :]]
    return "\n".join(part for part in [answer, *rest] if part)
