"""``flaskprep search``: find questions at once, typos and all."""

from __future__ import annotations

from typing import Annotated

import typer

from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections


@app.command(short_help="Find questions, typos and all.")
def search(
    query: Annotated[list[str], typer.Argument(help='Words to look for; "quote" a phrase.')],
    section: Sections = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N hits.")] = 10,
    answers: Annotated[bool, typer.Option("--answers", "-a", help="Print each answer.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits as JSON.")] = False,
) -> None:
    """Search questions and answers; exit 1 when nothing matches (as grep does).

    Examples: `flaskprep search blueprint`, `flaskprep search "application context"`,
    `flaskprep search how do I hash passwords --answers`.
    """
    from flaskprep.cli.search_run import run

    run(query, section, limit, answers, as_json)
