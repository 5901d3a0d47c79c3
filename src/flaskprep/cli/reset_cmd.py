"""``flaskprep reset``: forget progress (asks first)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections
from flaskprep.cli.progress import open_store
from flaskprep.errors import UsageError
from flaskprep.ui.safe import clean


@app.command(short_help="Forget progress (asks first).")
def reset(
    section: Sections = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before deleting.")] = False,
) -> None:
    """Forget progress (schedule and review history) of the deck or some sections.

    Asks first; `--yes` skips the question (needed when input is not a terminal).
    Examples: `flaskprep reset --section 3`, `flaskprep reset --yes`.
    """
    deck = common.one_deck("reset")
    indexes = common.section_indexes(deck, section)
    ids = [q.id for i in indexes for q in deck.sections[i].questions] if indexes else None
    where = ", ".join(deck.sections[i].label for i in indexes) if indexes else "all sections"
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("not resetting without confirmation", hint="add --yes to reset")
        question = f"Forget all progress of {deck.title} ({where})?"
        if not typer.confirm(clean(question), default=False):
            typer.echo("Nothing was reset.")
            return
    store = open_store([deck])
    count = store.reset(deck.key, ids)
    questions = "1 question" if count == 1 else f"{count} questions"
    typer.echo(clean(f"Forgot the progress of {questions} in {deck.title} ({where})."))
