"""``flaskprep preview``: the cards a quiz would make, for deck authors and measurements."""

from __future__ import annotations

from typing import Annotated

import typer

from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections
from flaskprep.learn.modes import PreviewMode


@app.command(short_help="Show the cards a quiz would make, right answers marked.")
def preview(
    mode: Annotated[
        PreviewMode,
        typer.Option("--mode", "-m", metavar="MODE", help="choice, truefalse or cloze."),
    ] = PreviewMode.choice,
    section: Sections = None,
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            "-n",
            min=1,
            metavar="N",
            help="Cards to make [default: all].",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", metavar="N", help="The same cards as `quiz --seed`.", show_default=False
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the cards as JSON (docs/json.md).")
    ] = False,
) -> None:
    """Preview the cards a quiz would make from the deck's answered questions.

    Each card is listed with its right answer marked: choice options with the
    question each comes from, true/false statements with their truth, cloze
    answers with their blanks. With the same --seed, `quiz --seed` asks the same
    cards (on a deck without progress, in deck order).

    Examples: `flaskprep preview -m cloze`, `flaskprep preview -s routing --json`.
    """
    import random

    from flaskprep.cli import common
    from flaskprep.learn.prompts import build_prompts

    deck = common.load_deck()
    wanted = set(common.section_indexes(deck, section)) if section else None
    questions = [
        q for q in deck.questions if q.answered and (wanted is None or q.section_index in wanted)
    ][:count]
    prompts = build_prompts(deck, questions, mode.value, random.Random(seed))
    if as_json:
        from flaskprep.documents import dumps, preview_document

        typer.echo(dumps(preview_document(deck, mode.value, prompts)))
        return
    from flaskprep.ui import output
    from flaskprep.ui.preview_view import render_preview

    output.show(common.console(), render_preview(prompts, mode.value))
