"""Shell-completion candidates for section names and question ids.

Typer calls these while the user presses Tab, so they must be quick and must
never fail: the deck is loaded through the parse cache and any error gives no
candidates. Section titles are offered as ``routing-and-views`` (no spaces, so
bash inserts one word); the section resolver reads hyphens as spaces.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flaskprep import config, library
from flaskprep.cli.app import typer_option
from flaskprep.cli.options import SECTION
from flaskprep.deck_cache import load_deck
from flaskprep.errors import FlaskprepError
from flaskprep.model import Deck
from flaskprep.ui.safe import clean
from flaskprep.words.tokens import normalise

Candidate = tuple[str, str]
"""(value, help): zsh and fish show the help, bash only the value."""


def complete_section(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    try:
        return _matching(_section_candidates(_decks(ctx), incomplete), incomplete)
    except Exception:  # completion must never print a traceback into the prompt
        return []


def complete_question(ctx: typer.Context, incomplete: str) -> list[Candidate]:
    try:
        candidates = [(q.id, q.text) for deck in _decks(ctx) for q in deck.questions]
        return _matching(candidates, incomplete)
    except Exception:
        return []


def section_slug(title: str) -> str:
    return normalise(title).replace(" ", "-")


def _section_candidates(decks: list[Deck], incomplete: str) -> list[Candidate]:
    by_number = not incomplete or incomplete[0].isdigit()
    candidates = []
    for deck in decks:
        for index, section in enumerate(deck.sections, start=1):
            number = section.number if section.number is not None else index
            value = str(number) if by_number else section_slug(section.title)
            candidates.append((value, section.label))
    return candidates


def _matching(candidates: list[Candidate], incomplete: str) -> list[Candidate]:
    wanted = incomplete.lower()
    seen: set[str] = set()
    found = []
    for value, help_text in candidates:
        if value.startswith(wanted) and value not in seen:
            seen.add(value)
            # The shell prints these as they are: deck text must not carry escapes into it.
            found.append((clean(value), " ".join(clean(help_text).split())[:70]))
    return found


def _decks(ctx: typer.Context) -> list[Deck]:
    """The decks ``--deck`` names; in a folder, a file that cannot be read (a README with
    no questions, a broken deck) offers nothing, and the others still do."""
    decks = []
    for path in library.deck_paths(config.effective_deck(_root_deck_option(ctx))):
        try:
            decks.append(load_deck(path))
        except FlaskprepError:
            continue
    return decks


def _root_deck_option(ctx: typer.Context) -> Path | None:
    root = ctx.find_root()
    value = root.params.get("deck")
    return Path(value) if isinstance(value, (str, Path)) else None


Sections = Annotated[list[str] | None, typer_option(SECTION, autocompletion=complete_section)]
"""The ``--section`` option every command that narrows by section shares (``options.SECTION``)."""
QuestionRef = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="Question id, unique id prefix, or 3.2.",
        autocompletion=complete_question,
    ),
]
"""The ``ID`` argument of ``show`` and ``check``."""
