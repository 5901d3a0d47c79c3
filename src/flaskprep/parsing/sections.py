"""Headings and questions in deck order grouped into sections; resources; the deck title."""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING

from flaskprep.ids import assign_ids
from flaskprep.model import Question, Resource, Section
from flaskprep.parsing.html_text import html_as_markdown, is_html
from flaskprep.parsing.labels import (
    checkbox_answer,
    is_contents_title,
    is_resources_title,
    section_number,
    without_pointers,
)
from flaskprep.parsing.outline import Block, HeadingMark, Item, RawQuestion
from flaskprep.parsing.source import Source
from flaskprep.parsing.tokens import markdown

if TYPE_CHECKING:
    from markdown_it.token import Token

_Group = tuple[HeadingMark | None, list[RawQuestion]]
_DETAILS = re.compile(r"</?details\b", re.IGNORECASE)
_BELOW_ALL = 99
"""Level of a question that is no heading: it ends no heading."""


def build_sections(items: Sequence[Item], deck_title: str) -> tuple[Section, ...]:
    """Each question goes to the heading above it; headings without questions are dropped."""
    groups = [group for group in _groups(items) if group[1]]
    texts = [question.text for _, questions in groups for question in questions]
    ids = iter(assign_ids(texts))
    sections: list[Section] = []
    for index, (heading, raw) in enumerate(groups):
        questions = tuple(
            Question(next(ids), q.text, answer, q.line, index, position, choices)
            for position, q in enumerate(raw, start=1)
            for answer, choices in [checkbox_answer(without_pointers(_markdown(q.answer)))]
        )
        if heading is None:
            sections.append(Section(None, deck_title, questions, 0))
        else:
            number, title = section_number(heading.title)
            sections.append(Section(number, title, questions, heading.line))
    return tuple(sections)


def _markdown(answer: str) -> str:
    """The answer as Markdown: one written as HTML is read into Markdown text."""
    return html_as_markdown(answer) if is_html(answer) else answer


def _groups(items: Sequence[Item]) -> Iterator[_Group]:
    """Questions under the nearest heading above them that is not a contents list."""
    current: _Group = (None, [])
    stack: list[HeadingMark] = []
    for item in items:
        # A heading question ends the headings of its level and deeper, like a heading would.
        level = item.level if isinstance(item, HeadingMark) else item.level or _BELOW_ALL
        if stack and stack[-1].level >= level:
            while stack and stack[-1].level >= level:
                stack.pop()
            current = yield from _switch(current, stack)
        if isinstance(item, HeadingMark):
            stack.append(item)
            current = yield from _switch(current, stack)
        else:
            current[1].append(item)
    yield current


def _switch(current: _Group, stack: list[HeadingMark]) -> Generator[_Group, None, _Group]:
    """Start a new group if the nearest heading that is not a contents list changed."""
    heading = next((h for h in reversed(stack) if not is_contents_title(h.title)), None)
    if heading is current[0]:
        return current
    yield current
    return (heading, [])


def split_resources(blocks: list[Block], source: Source) -> tuple[list[Block], list[Block]]:
    """Top-level blocks outside and inside ``Resources``/``References``-like headings."""
    kept: list[Block] = []
    resources: list[Block] = []
    level = 0
    for block in blocks:
        if block.kind == "heading" and (not level or block.level <= level):
            level = block.level if is_resources_title(block.text) else 0
            if level:
                continue
        if level and block.kind == "html" and _DETAILS.search(block.text):
            level = 0  # "### Further Reading:" inside a <details> answer ends with it
        (resources if level else kept).append(block)
    return kept, resources


def resource_links(blocks: Sequence[Block]) -> tuple[Resource, ...]:
    """Links ``[title](url)`` in the given blocks, in order, without repeats."""
    md = markdown()
    found: dict[str, Resource] = {}
    for text in _inline_texts(blocks):
        tokens: list[Token] = []
        md.inline.parse(text, md, {}, tokens)
        for resource in _links(tokens):
            found.setdefault(resource.url, resource)
    return tuple(found.values())


def _inline_texts(blocks: Sequence[Block]) -> Iterator[str]:
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if block.kind in ("paragraph", "heading") and block.text:
            yield block.text
        stack.extend(reversed(block.children))


def _links(tokens: list[Token]) -> Iterator[Resource]:
    url: str | None = None
    words: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            url, words = str(token.attrs.get("href", "")), []
        elif token.type == "link_close" and url is not None:
            yield Resource("".join(words).strip() or url, url)
            url = None
        elif url is not None:
            words.append(_source_of(token))


def _source_of(token: Token) -> str:
    """Link text as written: code and emphasis keep their markers."""
    if token.type == "code_inline":
        return f"{token.markup}{token.content}{token.markup}"
    if token.type in ("softbreak", "hardbreak"):
        return " "
    if token.nesting:
        return token.markup
    return token.content


def deck_title(blocks: Sequence[Block], question_lines: set[int], fallback: str) -> str:
    """The first level-1 heading that is not itself a question, else ``fallback``."""
    for block in blocks:
        if block.kind == "heading" and block.level == 1 and block.start + 1 not in question_lines:
            return block.text.strip() or fallback
    return fallback
