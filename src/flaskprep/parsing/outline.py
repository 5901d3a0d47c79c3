"""Plain data passed between the parsing stages (no markdown-it here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from flaskprep.model import Deck

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """A lint finding at a 1-based line of the deck."""

    line: int
    message: str
    severity: Severity


@dataclass(frozen=True, slots=True)
class ParseResult:
    deck: Deck
    problems: tuple[Problem, ...]
    layout: str


@dataclass(slots=True)
class Block:
    """One Markdown block: a simplified, comparable view of markdown-it's token stream.

    ``start``/``end`` are 0-based source lines, ``end`` exclusive, trailing blank
    lines trimmed. ``text`` is the inline source of a paragraph or heading, or the
    content of a fence, code or HTML block.
    """

    kind: str
    start: int
    end: int
    text: str = ""
    level: int = 0
    children: list[Block] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class HeadingMark:
    """A heading kept as a possible section title."""

    level: int
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class RawQuestion:
    text: str
    answer: str
    line: int
    level: int = 0
    """The heading level of a heading question (it ends headings of that level or deeper)."""


Item = HeadingMark | RawQuestion


@dataclass(frozen=True, slots=True)
class LayoutResult:
    """What one layout reader found: headings and questions in deck order."""

    layout: str
    items: tuple[Item, ...]
    problems: tuple[Problem, ...] = ()
