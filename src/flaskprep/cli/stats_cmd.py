"""``flaskprep stats``: where you stand."""

from __future__ import annotations

from typing import Annotated

from flaskprep.cli import stats_run
from flaskprep.cli.app import app, typer_option
from flaskprep.cli.options import NO_PAGER, STATS_JSON


@app.command(short_help="Where you stand: due, retention, streak.")
def stats(
    as_json: Annotated[bool, typer_option(STATS_JSON)] = STATS_JSON.default,
    no_pager: Annotated[bool, typer_option(NO_PAGER)] = NO_PAGER.default,
) -> None:
    """Your progress: counts, a review heatmap, retention per section, the due forecast.

    With a folder of decks (`--deck DIR`), one block per deck.
    Examples: `flaskprep stats`, `flaskprep stats --json | jq .due`.
    """
    stats_run.run(as_json, no_pager)
