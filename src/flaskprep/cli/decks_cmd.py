"""``flaskprep decks``: the decks in use with due counts, and progress of decks gone."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer

from flaskprep import library
from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.cli.progress import progress_store
from flaskprep.deck_cache import deck_key, load_deck
from flaskprep.documents import decks_document, dumps
from flaskprep.errors import ProgressError, UsageError
from flaskprep.library import due_count, new_count
from flaskprep.model import Deck
from flaskprep.outcome import Outcome
from flaskprep.store.moves import Unreachable, unreachable
from flaskprep.ui import library_view
from flaskprep.ui.safe import clean

DeckCount = Callable[[Deck], int | None]


@app.command(short_help="List the decks in use, with due counts.")
def decks(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the list as JSON (docs/json.md).")
    ] = False,
    forget: Annotated[
        str | None,
        typer.Option(
            "--forget", metavar="KEY", help="Drop the progress of a deck whose file is gone."
        ),
    ] = None,
    relink: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            "--relink", metavar="KEY PATH", help="Give a lost deck's progress to the deck at PATH."
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --forget.")] = False,
) -> Outcome:
    """List the decks --deck names (a file, a folder of .md decks, or the bundled deck).

    Shows each deck's questions, unanswered, new (never reviewed) and due questions,
    then progress kept for decks whose file cannot be found (by KEY).

    Examples: `flaskprep decks`, `flaskprep --deck ~/decks decks`,
    `flaskprep decks --relink KEY moved/deck.md`, `flaskprep decks --forget KEY --yes`.
    """
    if forget is not None:
        return _forget(forget, yes)
    if relink is not None and relink[0] is not None:
        return _relink(*relink)
    files = common.deck_files()
    count_due, count_new, unread, lost = _progress_counters()
    summaries, skipped = library.summarise(files, load_deck, count_due, count_new)
    common.say_skipped(skipped)
    if as_json:
        typer.echo(dumps(decks_document(summaries, lost)))
    else:
        common.console().print(library_view.render_decks(summaries, lost))
    errors = tuple(item.error for item in summaries if item.error is not None)
    return Outcome(errors=errors, worked_around=unread)


def _forget(key: str, yes: bool) -> Outcome:
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("not forgetting without confirmation", hint="add --yes to forget")
        if not typer.confirm(clean(f"Forget all progress kept under {key}?"), default=False):
            typer.echo("Nothing was forgotten.")
            return Outcome()
    gone = progress_store().forget(key)
    typer.echo(clean(f"Forgot the progress of {gone.path} ({gone.cards} cards)."))
    return Outcome()


def _relink(key: str, path: Path) -> Outcome:
    deck = load_deck(path)  # refuses a path that is not a readable deck, with one line
    progress_store().relink(key, deck_key(path))
    typer.echo(clean(f"The progress kept under {key} now belongs to {deck.title} ({path})."))
    return Outcome()


def _progress_counters() -> tuple[DeckCount, DeckCount, tuple[str, ...], list[Unreachable]]:
    """Due and new counts from the progress file, or ``None`` (shown as '-') and why
    the file cannot be read; and the progress of decks whose file is gone."""
    store = progress_store()
    try:
        progress = store.load()
    except ProgressError as exc:
        return (lambda deck: None), (lambda deck: None), (str(exc),), []
    for notice in store.notices:
        typer.echo(notice, err=True)
    now = datetime.now(timezone.utc)
    return (
        lambda deck: due_count(deck, progress.deck(deck.key).cards, now),
        lambda deck: new_count(deck, progress.deck(deck.key).cards),
        (),
        unreachable(progress),
    )
