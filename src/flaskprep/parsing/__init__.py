"""Markdown decks to ``Deck``s: several layouts, detected automatically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flaskprep.errors import NoQuestionsError
from flaskprep.model import Deck
from flaskprep.parsing.reading import read_deck_text

if TYPE_CHECKING:  # annotations only: a warm run, which never parses, loads no outline
    from flaskprep.parsing.outline import ParseResult, Problem

__all__ = [
    "PARSER_VERSION",
    "lint_deck",
    "parse_deck",
    "parse_text",
    "read_deck_text",
]

PARSER_VERSION = 20
"""Bumped whenever parsing output can change; the deck cache is keyed on it."""


def parse_text(text: str, path: str, key: str = "") -> ParseResult:
    """Parse deck ``text`` (named ``path`` in messages); raises only ``DeckError``."""
    # The one lazy edge of parsing: a warm run reads the deck cache and never parses.
    from flaskprep.parsing.build import parse_markdown

    return parse_markdown(text, path, key)


def parse_deck(path: Path, key: str = "") -> Deck:
    """Read and parse a deck file; ``DeckError`` if it cannot be read or has no questions."""
    deck = parse_text(read_deck_text(path), str(path), key).deck
    if not deck.questions:
        from flaskprep.parsing.lint import LAYOUTS_HINT  # an error path: lint stays unloaded

        raise NoQuestionsError(str(path), "no questions found", hint=LAYOUTS_HINT)
    return deck


def lint_deck(path: Path) -> tuple[Problem, ...]:
    """Every problem in the deck, in line order (``DeckError`` if it cannot be read)."""
    return parse_text(read_deck_text(path), str(path)).problems
