"""The body of ``flaskprep stats``, free of typer so the fast path can call it too."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from flaskprep.cli import common
from flaskprep.cli.progress import clock, open_store
from flaskprep.documents import dumps, stats_document
from flaskprep.stats import compute_stats, streak_across
from flaskprep.ui import output
from flaskprep.ui.stats_view import render_stats


def run(as_json: bool, no_pager: bool = False) -> None:
    """Counts, heatmap, retention per section and forecast for every deck in use."""
    decks = common.load_decks()
    progress = open_store(decks).load()
    now, tz = clock()
    results = [compute_stats(d, progress.deck(d.key), now, tz) for d in decks]
    if as_json:
        streak = streak_across([progress.deck(d.key) for d in decks], now, tz)
        common.echo(dumps(stats_document(list(zip(decks, results, strict=True)), streak)))
        return
    blocks = [render_stats(r) for r in results]
    spaced = [part for block in blocks for part in (block, Text(""))][:-1]
    output.show(common.console(), Group(*spaced), page=not no_pager)
