"""Markdown text to a ``Deck``: blocks, resources, the best layout, sections and ids."""

from __future__ import annotations

import gc
from pathlib import PurePath

from flaskprep.model import Deck
from flaskprep.parsing.detect import best_layout
from flaskprep.parsing.lint import deck_problems
from flaskprep.parsing.outline import ParseResult, RawQuestion
from flaskprep.parsing.reading import normalise_newlines
from flaskprep.parsing.scan import Answers, scan_problems
from flaskprep.parsing.sections import build_sections, deck_title, resource_links, split_resources
from flaskprep.parsing.source import Source
from flaskprep.parsing.tokens import parse_blocks


def parse_markdown(text: str, path: str, key: str = "") -> ParseResult:
    # Parsing allocates millions of small objects and frees none of them until
    # it is done; the cyclic collector would rescan them all again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, path, key)
    finally:
        if collecting:
            gc.enable()


def _parse(text: str, path: str, key: str) -> ParseResult:
    text = normalise_newlines(text)
    source = Source(text)
    blocks = parse_blocks(text, source.lines, path)
    kept, resource_blocks = split_resources(blocks, source)
    result = best_layout(kept, source)
    answers = {item.line: item.answer for item in result.items if isinstance(item, RawQuestion)}
    read = Answers([item.line for item in result.items], answers)
    found = [*result.problems, *scan_problems(source.lines, read)]
    title = deck_title(blocks, set(answers), PurePath(path).stem or "Questions")
    resources = resource_links(resource_blocks) if resource_blocks else ()
    # The blocks and lines are the bulk of the memory a large deck needs: let them go
    # before the deck is built beside the questions read from them.
    del blocks, kept, resource_blocks, source
    sections = build_sections(result.items, title)
    deck = Deck.build(title, path, sections, resources, key)
    layout = result.layout if deck.questions else "none"
    return ParseResult(deck, deck_problems(deck, found), layout)
