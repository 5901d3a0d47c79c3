"""Small adapters every command shares: load the deck, make a console, resolve sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskprep.cli.state import options

if TYPE_CHECKING:
    from rich.console import Console

    from flaskprep.model import Deck, Question
    from flaskprep.search import SearchIndex


def load_deck() -> Deck:
    from flaskprep.deck_cache import load_deck as load

    return load(options.deck)


def load_indexed() -> tuple[Deck, SearchIndex]:
    from flaskprep.deck_cache import load_indexed as load

    return load(options.deck)


def console(*, stderr: bool = False) -> Console:
    from flaskprep.ui.console import make_console

    return make_console(options.color, stderr=stderr)


def section_indexes(deck: Deck, specs: list[str] | None) -> list[int]:
    from flaskprep.selection import resolve_sections

    return resolve_sections(deck, specs or [])


def find_question(deck: Deck, ref: str) -> Question:
    from flaskprep.selection import resolve_question

    return resolve_question(deck, ref)
