"""Small patterns on inline text: answer labels, question prefixes, section numbers."""

from __future__ import annotations

import re

_EMPHASIS = r"(?:\*\*|__|\*|_)?"
_ANSWER_LABEL = re.compile(
    rf"{_EMPHASIS}(?:[Aa]nswer|ANSWER|Ans|A)(?:{_EMPHASIS}\s*:|\s*:{_EMPHASIS})(?=\s|$)\s*"
)
_QUESTION_LABEL = re.compile(
    r"(\*\*|__)?(?:Q|[Qq]uestion|QUESTION)\s*#?\d*\s*(?:(?:\*\*|__)\s*[:.)]|[:.)]\s*(?:\*\*|__)?)\s*"
)
_QUESTION_NUMBER = re.compile(r"(?:(?:Q|[Qq]uestion)\s*#?\d+\s*[:.)-]?|\d{1,9}[.)])\s+")
_SECTION_NUMBER = re.compile(r"(\d{1,9})[.):]\s+(\S.*)")
_RESOURCES = re.compile(
    r"(?:\d+[.)]?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:resources|references|links|reading|see also|sources|bibliography)"
    r"(?:\s+(?:and|&)\s+(?:[\w-]+\s+)?[\w-]+)?\s*:?",
    re.IGNORECASE,
)
_QUESTION_WORDS = frozenset(
    [
        "what",
        "why",
        "how",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "do",
        "does",
        "did",
        "should",
        "would",
        "will",
        "has",
        "have",
        "explain",
        "describe",
        "define",
        "compare",
        "contrast",
        "differentiate",
        "distinguish",
        "discuss",
    ]
)
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")


def answer_label(text: str) -> re.Match[str] | None:
    """The ``**Answer:**`` / ``Answer:`` / ``A:`` label at the start of ``text``."""
    return _ANSWER_LABEL.match(text)


def strip_answer_label(text: str) -> str:
    match = answer_label(text)
    return text[match.end() :].strip() if match else text.strip()


def question_label(text: str) -> str | None:
    """The text after a ``Q:`` / ``**Question:**`` label, or ``None`` if there is none."""
    match = _QUESTION_LABEL.match(text)
    if not match:
        return None
    rest = text[match.end() :].strip()
    bold = match.group(1)
    if bold and bold not in text[match.start(1) + 2 : match.end()] and rest.endswith(bold):
        rest = rest[: -len(bold)].strip()
    return rest


def strip_question_number(text: str) -> str:
    """``What is X?`` from ``1. What is X?``, ``Q1. What is X?`` or ``Question: What is X?``."""
    labelled = question_label(text)
    if labelled is not None:
        return labelled
    match = _QUESTION_NUMBER.match(text)
    return text[match.end() :].strip() if match else text.strip()


def looks_like_question(text: str) -> bool:
    """Ends with ``?``, starts with a question word, or carries a ``Q``/``Question`` label."""
    if question_label(text) is not None:
        return True
    bare = strip_question_number(text).rstrip("*_ ")
    if bare.endswith("?"):
        return True
    word = _FIRST_WORD.match(bare)
    return word is not None and word.group(1).casefold() in _QUESTION_WORDS


def section_number(title: str) -> tuple[int | None, str]:
    """``(3, "Forms")`` from ``3. Forms``; ``(None, title)`` without a leading number."""
    match = _SECTION_NUMBER.fullmatch(title.strip())
    if not match:
        return None, title.strip()
    return int(match.group(1)), match.group(2).strip()


def is_resources_title(title: str) -> bool:
    return bool(_RESOURCES.fullmatch(title.strip()))
