"""``flaskprep decks``: the decks in use, with due counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Annotated

import typer

from flaskprep import library
from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.deck_cache import load_deck
from flaskprep.documents import decks_document, dumps
from flaskprep.errors import Outcome, ProgressError
from flaskprep.library import due_count, new_count
from flaskprep.model import Deck
from flaskprep.store import ProgressStore
from flaskprep.ui import library_view

DeckCount = Callable[[Deck], int | None]


@app.command(short_help="List the decks in use, with due counts.")
def decks(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the list as JSON (docs/json.md).")
    ] = False,
) -> Outcome:
    """List the decks --deck names (a file, a folder of .md decks, or the bundled deck).

    Shows each deck's questions, unanswered, new (never reviewed) and due questions.

    Examples: `flaskprep decks`, `flaskprep --deck ~/decks decks`.
    """
    files = common.deck_files()
    count_due, count_new, unread = _progress_counters()
    summaries = library.summarise(files, load_deck, count_due, count_new)
    if as_json:
        typer.echo(dumps(decks_document(summaries)))
    else:
        common.console().print(library_view.render_decks(summaries))
    errors = tuple(item.error for item in summaries if item.error is not None)
    return Outcome(errors=errors, worked_around=unread)


def _progress_counters() -> tuple[DeckCount, DeckCount, tuple[str, ...]]:
    """Due and new counts from the progress file, or ``None`` (shown as '-') and why
    the file cannot be read."""
    store = ProgressStore()
    try:
        progress = store.load()
    except ProgressError as exc:
        return (lambda deck: None), (lambda deck: None), (str(exc),)
    for notice in store.notices:
        typer.echo(notice, err=True)
    now = datetime.now(timezone.utc)
    return (
        lambda deck: due_count(deck, progress.deck(deck.key).cards, now),
        lambda deck: new_count(deck, progress.deck(deck.key).cards),
        (),
    )
