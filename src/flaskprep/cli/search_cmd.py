"""``flaskprep search``: find questions at once, typos and all."""

from __future__ import annotations

from typing import Annotated

import typer

from flaskprep.cli import search_run
from flaskprep.cli.app import app, typer_option
from flaskprep.cli.completion import Sections
from flaskprep.cli.options import SEARCH_ANSWERS, SEARCH_JSON, SEARCH_LIMIT, SECTION


@app.command(short_help="Find questions, typos and all.")
def search(
    query: Annotated[
        list[str], typer.Argument(metavar="WORDS...", help='Words to look for; "quote" a phrase.')
    ],
    section: Sections = SECTION.default,
    limit: Annotated[int, typer_option(SEARCH_LIMIT)] = SEARCH_LIMIT.default,
    answers: Annotated[bool, typer_option(SEARCH_ANSWERS)] = SEARCH_ANSWERS.default,
    as_json: Annotated[bool, typer_option(SEARCH_JSON)] = SEARCH_JSON.default,
) -> None:
    """Search questions and answers; exit 1 when nothing matches (as grep does).

    Examples: `flaskprep search blueprint`, `flaskprep search "application context"`,
    `flaskprep search how do I hash passwords --answers`.
    """
    search_run.run(query, section, limit, answers, as_json)
