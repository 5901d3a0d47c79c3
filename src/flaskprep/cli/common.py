"""Small adapters every command shares: load decks, make a console, resolve sections.

``--deck`` (or ``FLASKPREP_DECK``, or the config file's ``deck``) names one file or
a folder of decks. Commands that read one deck (browse, export, check...) call
:func:`load_deck`, which asks the user to pick one when the folder holds several;
``search``, ``quiz``, ``stats`` and ``show`` work across :func:`load_decks`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rich.console import Console

from flaskprep import config, deck_cache, library
from flaskprep.cli.state import options
from flaskprep.errors import NoQuestionsError, UsageError
from flaskprep.model import Deck, Question
from flaskprep.selection import resolve_question, resolve_sections
from flaskprep.ui.console import make_console
from flaskprep.ui.safe import clean

Loaded = TypeVar("Loaded")

if TYPE_CHECKING:
    from flaskprep.search import SearchIndex  # an annotation: only search loads the index


def deck_files() -> list[Path]:
    return library.deck_paths(config.effective_deck(options.deck))


def load_decks() -> list[Deck]:
    return _load_each(deck_files(), deck_cache.load_deck)


def load_deck() -> Deck:
    """The one deck in use: a folder may hold other files only if they have no questions."""
    decks = load_decks()
    if len(decks) > 1:
        shown = [Path(deck.path).name for deck in decks[:4]]
        names = ", ".join(shown) + (", …" if len(decks) > 4 else "")
        raise UsageError(
            f"this command reads one deck, and the folder holds {len(decks)} ({names})",
            hint="pass --deck FOLDER/FILE.md",
        )
    return decks[0]


def load_indexed_decks() -> list[tuple[Deck, SearchIndex]]:
    return _load_each(deck_files(), deck_cache.load_indexed)


def _load_each(files: list[Path], load: Callable[[Path], Loaded]) -> list[Loaded]:
    """Each file's deck; in a folder, a file with no questions (a README) is skipped, said once.

    Only when every file of the folder holds no questions is that an error.
    """
    loaded: list[Loaded] = []
    skipped: list[NoQuestionsError] = []
    for path in files:
        try:
            loaded.append(load(path))
        except NoQuestionsError as exc:
            if len(files) == 1:
                raise
            skipped.append(exc)
    if not loaded:
        raise skipped[0]
    say_skipped([error.path for error in skipped])
    return loaded


def echo(text: str) -> None:
    """``typer.echo`` for text without terminal escapes (a JSON document): the line, then
    a flush; usable where typer is not loaded."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def say_skipped(paths: Sequence[str | Path]) -> None:
    """One line for each file of a deck folder left out for holding no questions."""
    for path in paths:
        sys.stderr.write(f"flaskprep: skipped {clean(str(path))}: no questions found\n")


def console(*, stderr: bool = False) -> Console:
    return make_console(options.color, stderr=stderr)


def section_indexes(deck: Deck, specs: list[str] | None) -> list[int]:
    return resolve_sections(deck, specs or [])


def find_question(deck: Deck, ref: str) -> Question:
    return resolve_question(deck, ref)


def find_in_decks(decks: list[Deck], ref: str) -> tuple[Deck, Question]:
    """The question ``ref`` names in the first deck that has it (ids are per deck)."""
    first_error: UsageError | None = None
    for deck in decks:
        try:
            return deck, find_question(deck, ref)
        except UsageError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise first_error


def one_deck(command: str) -> Deck:
    """The deck ``--deck`` names; a usage error when it names a folder of several."""
    decks = load_decks()
    if len(decks) > 1:
        raise UsageError(
            f"{command} works on one deck; --deck names a folder of {len(decks)}",
            hint="pass one deck file with --deck",
        )
    return decks[0]
