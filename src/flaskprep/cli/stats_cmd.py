"""``flaskprep stats``: where you stand."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Group
from rich.text import Text

from flaskprep.cli import common
from flaskprep.cli.app import app
from flaskprep.cli.progress import clock, open_store
from flaskprep.documents import dumps, stats_document
from flaskprep.stats import compute_stats, streak_across
from flaskprep.ui.stats_view import render_stats


@app.command(short_help="Where you stand: due, retention, streak.")
def stats(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the numbers as JSON (docs/json.md).")
    ] = False,
) -> None:
    """Your progress: counts, a review heatmap, retention per section, the due forecast.

    With a folder of decks (`--deck DIR`), one block per deck.
    Examples: `flaskprep stats`, `flaskprep stats --json | jq .due`.
    """
    decks = common.load_decks()
    progress = open_store(decks).load()
    now, tz = clock()
    results = [compute_stats(d, progress.deck(d.key), now, tz) for d in decks]
    if as_json:
        streak = streak_across([progress.deck(d.key) for d in decks], now, tz)
        typer.echo(dumps(stats_document(list(zip(decks, results, strict=True)), streak)))
        return

    blocks = [render_stats(r) for r in results]
    spaced = [part for block in blocks for part in (block, Text(""))][:-1]
    common.console().print(Group(*spaced))
