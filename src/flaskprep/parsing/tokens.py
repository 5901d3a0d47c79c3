"""markdown-it-py's token stream turned into a small tree of ``Block``s.

markdown-it is imported inside functions: it is costly to import and only
needed when a deck is actually parsed (parsed decks are cached elsewhere).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flaskprep.errors import DeckError
from flaskprep.parsing.fastpath import read_blocks
from flaskprep.parsing.outline import Block

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
    "table_open": "table",
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
}


@functools.cache
def markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Inline parsing is skipped: questions keep their Markdown source, and the
    # few places that need links or emphasis parse those snippets on demand.
    md.disable("inline")
    return md


def parse_blocks(text: str, lines: list[str], path: str) -> list[Block]:
    """Top-level blocks of ``text`` (newlines already normalised to ``\\n``, split into ``lines``).

    The shortcut reads what it can; markdown-it reads only the regions it cannot.
    """
    try:
        return read_blocks(lines, functools.partial(region_blocks, lines))
    except RecursionError:
        raise DeckError(path, "is nested too deeply to read (lists or quotes)") from None


def region_blocks(lines: list[str], start: int, end: int) -> list[Block]:
    """markdown-it's blocks of ``lines[start:end]`` alone, numbered as lines of the deck."""
    region = lines[start:end]
    text = "\n".join(region) + ("\n" if end < len(lines) else "")
    blocks = blocks_from_tokens(markdown().parse(text), region)
    if start:
        _shift(blocks, start)
    return blocks


def _shift(blocks: list[Block], offset: int) -> None:
    for block in blocks:
        block.start += offset
        block.end += offset
        _shift(block.children, offset)


def blocks_from_tokens(tokens: Sequence[Token], lines: list[str]) -> list[Block]:
    root: list[Block] = []
    stack: list[Block] = []
    skip = 0
    for token in tokens:
        if skip:
            skip += token.nesting
            continue
        if token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            if stack:
                parent = stack[-1]
                # A setext heading may span lines; as a title it is one line.
                multi_line = parent.kind == "heading" and "\n" in token.content
                parent.text = " ".join(token.content.split()) if multi_line else token.content
        elif token.type in _KINDS:
            block = _block(token, lines)
            (stack[-1].children if stack else root).append(block)
            if block.kind == "table":
                skip = 1
            elif token.nesting == 1:
                stack.append(block)
    return root


def _block(token: Token, lines: list[str]) -> Block:
    start, end = token.map if token.map else (0, 0)
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    kind = _KINDS[token.type]
    level = int(token.tag[1]) if kind == "heading" else 0
    text = token.content if token.nesting == 0 else ""
    return Block(kind, start, end, text, level)
